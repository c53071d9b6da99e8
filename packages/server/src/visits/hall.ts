import type { components } from '@loket/sdk/contract';
import { newId } from '../applications/secrets.js';
import type { Officer } from '../applications/security.js';
import type { Db, Queryable } from '../db/index.js';
import { type Lang, say } from '../messages/index.js';
import { problem } from '../problem.js';
import { latestCalls, recordCall } from './calls.js';
import { recordVisitEvent } from './events.js';
import { nextNumber, ticketById } from './places.js';
import { normalizeBookingCode, presentHallTicket, type TicketRow, ticketColumns } from './present.js';
import { type CounterRow, requireSite } from './site.js';
import { localDate } from './time.js';

type Schemas = components['schemas'];

// The hall of a location, for the officers of one agency: their counters, today's tickets, check-in,
// walk-ins, call next, outcomes, and closing a counter for a day.

/** The site, when the officer's token covers its region; their agency's counters there (403 if none). */
export async function officerSite(db: Queryable, officer: Officer, locationId: string) {
  const site = await requireSite(db, locationId);
  const inRegion =
    site.region_code === officer.region_code || site.region_code.startsWith(`${officer.region_code}.`);
  const counters = site.counters.filter((c) => c.agency_id === officer.agency_id);
  if (!inRegion || counters.length === 0) {
    throw problem('forbidden', 403, say('visitHallOutOfScope', site.name, officer.agency_id));
  }
  return { site, counters };
}

function counterOf(counters: CounterRow[], id: string): CounterRow {
  const counter = counters.find((c) => c.id === id);
  if (!counter) throw problem('not-found', 404, say('visitCounterNotFound', id));
  return counter;
}

async function serviceNames(db: Queryable, lang: Lang): Promise<Map<string, string>> {
  const rows = await db.query<{ id: string; name: string }>(
    `select id, case when $1 = 'en' then name_en else name_id end as name from service
     where id in (select unnest(service_ids) from visit_counter)`,
    [lang],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function present(db: Queryable, t: TicketRow, lang: Lang) {
  return presentHallTicket(t, (await serviceNames(db, lang)).get(t.service_id) ?? t.service_id);
}

/** The day's tickets of the officer's counters, per counter. */
export async function hall(
  db: Queryable,
  officer: Officer,
  locationId: string,
  date: string | undefined,
  lang: Lang,
  now: Date,
) {
  const { site, counters } = await officerSite(db, officer, locationId);
  const day = date ?? localDate(now, site.timezone);
  const ids = counters.map((c) => c.id);
  const [tickets, closures, names, board] = await Promise.all([
    db.query<TicketRow>(
      `select ${ticketColumns} from visit_ticket t where t.location_id = $1 and t.day = $2::date
         and coalesce(t.called_counter_id, t.counter_id) = any($3::text[])
       order by t.slot_time nulls last, t.checked_in_at nulls last, t.prefix, t.number`,
      [site.location_id, day, ids],
    ),
    db.query<{ counter_id: string }>(
      `select counter_id from visit_closure where location_id = $1 and day = $2::date`,
      [site.location_id, day],
    ),
    serviceNames(db, lang),
    latestCalls(db, site.location_id, day),
  ]);
  const closed = new Set(closures.map((c) => c.counter_id));
  const shown = (t: TicketRow) => presentHallTicket(t, names.get(t.service_id) ?? t.service_id);
  const hallCounters = counters.map((c): Schemas['HallCounter'] => {
    const mine = tickets.filter((t) => (t.called_counter_id ?? t.counter_id) === c.id);
    const current = mine.filter((t) => t.status === 'called' && t.called_counter_id === c.id);
    current.sort((a, b) => new Date(b.called_at ?? 0).getTime() - new Date(a.called_at ?? 0).getTime());
    return {
      ...c,
      closed: closed.has('') || closed.has(c.id),
      current: current[0] ? shown(current[0]) : null,
      tickets: mine.map(shown),
    };
  });
  const services = new Set(counters.flatMap((c) => c.service_ids));
  const waiting = tickets.filter((t) => t.status === 'waiting' && services.has(t.service_id)).length;
  return {
    lang,
    location_id: site.location_id,
    date: day,
    timezone: site.timezone,
    counters: hallCounters,
    waiting,
    board,
  };
}

/** Checks a booking in: it joins today's queue. Twice answers the same ticket. */
export async function checkIn(
  db: Db,
  officer: Officer,
  locationId: string,
  code: string,
  lang: Lang,
  now: Date,
) {
  const { site, counters } = await officerSite(db, officer, locationId);
  const bare = normalizeBookingCode(code);
  const [found] = bare
    ? await db.query<{ id: string }>('select id from visit_ticket where code = $1 and location_id = $2', [
        bare,
        site.location_id,
      ])
    : [];
  if (!found) throw problem('not-found', 404, say('bookingNotFound', code), '/code');
  const ticket = await db.transaction(async (tx) => {
    const t = await ticketById(tx, found.id, true);
    if (!counters.some((c) => c.id === t.counter_id)) {
      throw problem('forbidden', 403, say('visitHallOutOfScope', site.name, officer.agency_id));
    }
    if (t.status === 'cancelled') throw problem('not-cancellable', 409, say('visitCancelled'));
    if (t.day !== localDate(now, site.timezone)) throw problem('wrong-day', 409, say('visitWrongDay', t.day));
    if (t.status !== 'booked') return t;
    await tx.query(`update visit_ticket set status = 'waiting', checked_in_at = $2 where id = $1`, [
      t.id,
      now,
    ]);
    return ticketById(tx, t.id);
  });
  return present(db, ticket, lang);
}

/** A walk-in's number, on the given counter or the officer's first counter serving the service. */
export async function walkIn(
  db: Db,
  officer: Officer,
  locationId: string,
  body: Schemas['WalkInRequest'],
  lang: Lang,
  now: Date,
) {
  const { site, counters } = await officerSite(db, officer, locationId);
  const counter = body.counter
    ? counterOf(counters, body.counter)
    : counters.find((c) => c.service_ids.includes(body.service));
  if (!counter?.service_ids.includes(body.service)) {
    throw problem('not-found', 404, say('visitServiceNotServed', body.service, site.name), '/service');
  }
  const day = localDate(now, site.timezone);
  const ticket = await db.transaction(async (tx) => {
    const number = await nextNumber(tx, site.location_id, day, counter.prefix);
    const id = newId();
    await tx.query(
      `insert into visit_ticket (id, location_id, counter_id, service_id, kind, day, prefix, number, status,
         checked_in_at, created_at)
       values ($1, $2, $3, $4, 'walk_in', $5::date, $6, $7, 'waiting', $8, $8)`,
      [id, site.location_id, counter.id, body.service, day, counter.prefix, number, now],
    );
    return ticketById(tx, id);
  });
  return present(db, ticket, lang);
}

/**
 * Calls the next waiting ticket to a counter. The order: anyone passed over once already (by
 * arrival); then bookings whose time has come (by time, then arrival); then walk-ins and early
 * arrivals (by arrival). Everyone who arrived before the one called and still waits for this
 * counter's services is marked passed over, so nobody is passed over twice. Calls of a location
 * are made one at a time (the location's row is locked), so the board's event ids commit in order.
 */
export async function callNext(
  db: Db,
  officer: Officer,
  locationId: string,
  counterId: string,
  lang: Lang,
  now: Date,
) {
  const { site, counters } = await officerSite(db, officer, locationId);
  const counter = counterOf(counters, counterId);
  const day = localDate(now, site.timezone);
  const called = await db.transaction(async (tx) => {
    await tx.query('select 1 from visit_site where location_id = $1 for update', [site.location_id]);
    const [next] = await tx.query<{ id: string; checked_in_at: Date | string }>(
      `select id, checked_in_at from visit_ticket
       where location_id = $1 and day = $2::date and status = 'waiting' and service_id = any($3::text[])
       order by (passed_over > 0) desc,
         case when passed_over = 0 and kind = 'booked' and starts_at <= $4 then 0 else 1 end,
         case when passed_over = 0 and kind = 'booked' and starts_at <= $4 then starts_at end,
         checked_in_at, number, id
       limit 1`,
      [site.location_id, day, counter.service_ids, now],
    );
    if (!next) return null;
    await tx.query(
      `update visit_ticket set passed_over = passed_over + 1
       where location_id = $1 and day = $2::date and status = 'waiting' and service_id = any($3::text[])
         and id <> $4 and checked_in_at < $5`,
      [site.location_id, day, counter.service_ids, next.id, next.checked_in_at],
    );
    await tx.query(
      `update visit_ticket set status = 'called', called_at = $2, called_counter_id = $3 where id = $1`,
      [next.id, now, counter.id],
    );
    const ticket = await ticketById(tx, next.id);
    await recordCall(tx, ticket, counter, now);
    return ticket;
  });
  return { lang, called: called ? await present(db, called, lang) : null };
}

/** A called ticket is done, or a no-show; the same outcome twice answers the same ticket. */
export async function recordOutcome(
  db: Db,
  officer: Officer,
  locationId: string,
  ticketId: string,
  outcome: 'done' | 'no_show',
  lang: Lang,
  now: Date,
) {
  const { site, counters } = await officerSite(db, officer, locationId);
  const ticket = await db.transaction(async (tx) => {
    const [t] = await tx.query<TicketRow>(
      `select ${ticketColumns} from visit_ticket t where t.id = $1 and t.location_id = $2 for update`,
      [ticketId, site.location_id],
    );
    if (!t) throw problem('not-found', 404, say('visitTicketNotFound'));
    if (!counters.some((c) => c.id === (t.called_counter_id ?? t.counter_id))) {
      throw problem('forbidden', 403, say('visitHallOutOfScope', site.name, officer.agency_id));
    }
    if (t.status === outcome) return t;
    if (t.status !== 'called') throw problem('not-checked-in', 409, say('visitNotCalled'));
    await tx.query('update visit_ticket set status = $2, finished_at = $3 where id = $1', [
      t.id,
      outcome,
      now,
    ]);
    const finished = await ticketById(tx, t.id);
    // A booking served: its survey invitation (a walk-in left no contact to invite).
    if (outcome === 'done' && t.kind === 'booked')
      await recordVisitEvent(tx, finished, 'survey.invitation', { at: now });
    return finished;
  });
  return present(db, ticket, lang);
}

/** Closes a counter for a day: its bookings not yet served that day are cancelled, each with an event. */
export async function closeCounter(
  db: Db,
  officer: Officer,
  locationId: string,
  counterId: string,
  body: Schemas['CloseCounterRequest'],
  lang: Lang,
  now: Date,
) {
  const { site, counters } = await officerSite(db, officer, locationId);
  const counter = counterOf(counters, counterId);
  const cancelled = await db.transaction(async (tx) => {
    await tx.query(
      `insert into visit_closure (location_id, day, counter_id, reason, origin, created_at)
       values ($1, $2::date, $3, $4, 'officer', $5) on conflict do nothing`,
      [site.location_id, body.date, counter.id, body.reason, now],
    );
    const rows = await tx.query<Pick<TicketRow, 'id' | 'status' | 'day' | 'slot_time'>>(
      `update visit_ticket set status = 'cancelled', cancel_reason = $4, finished_at = $5
       where location_id = $1 and counter_id = $2 and day = $3::date and kind = 'booked' and status in ('booked', 'waiting')
       returning id, status, day::text as day, slot_time`,
      [site.location_id, counter.id, body.date, body.reason, now],
    );
    for (const t of rows) await recordVisitEvent(tx, t, 'visit.cancelled', { at: now, reason: body.reason });
    return rows.length;
  });
  return { lang, location_id: site.location_id, counter_id: counter.id, date: body.date, cancelled };
}
