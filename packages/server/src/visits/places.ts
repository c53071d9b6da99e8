import type { Queryable } from '../db/index.js';
import { type Lang, say } from '../messages/index.js';
import { problem } from '../problem.js';
import { type TicketRow, ticketColumns } from './present.js';
import { dayKey, loadBookings, planDay } from './schedule.js';
import { type CounterRow, countersFor, type Site } from './site.js';

// Bookings. A place is taken by a conditional increment of the counter's day row (the daily quota)
// and then of its slot row (the capacity): each is one row that every concurrent booking of that
// counter, day and slot must lock, so no count can pass its limit on either engine. Counters are
// tried in their configured order, so concurrent bookings lock rows in the same order.

export const full = (kind: 'slot-full' | 'daily-quota-reached') =>
  problem(kind, 409, say(kind === 'slot-full' ? 'visitSlotFull' : 'visitQuotaReached'));

/** The database's "unique violation" from either driver. */
export const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === '23505';

/** Takes one place on the first counter with room; the counter, or a 409 saying what was full. */
export async function takePlace(
  tx: Queryable,
  site: Site,
  counters: CounterRow[],
  date: string,
  time: string,
) {
  const { capacity, walk_in_per_slot, daily_quota } = site.policy;
  let quotaOnly = true;
  for (const counter of counters) {
    const day = await tx.query(
      `insert into visit_day_load (location_id, counter_id, day, booked) values ($1, $2, $3::date, 1)
       on conflict (location_id, counter_id, day) do update set booked = visit_day_load.booked + 1
       where visit_day_load.booked < $4 returning booked`,
      [site.location_id, counter.id, date, daily_quota],
    );
    if (day.length === 0) continue;
    const slot =
      capacity - walk_in_per_slot < 1
        ? []
        : await tx.query(
            `insert into visit_slot_load (location_id, counter_id, day, slot_time, booked) values ($1, $2, $3::date, $4, 1)
             on conflict (location_id, counter_id, day, slot_time) do update set booked = visit_slot_load.booked + 1
             where visit_slot_load.booked < $5 returning booked`,
            [site.location_id, counter.id, date, time, capacity - walk_in_per_slot],
          );
    if (slot.length > 0) return counter;
    quotaOnly = false;
    await freeDay(tx, site.location_id, counter.id, date);
  }
  throw full(quotaOnly ? 'daily-quota-reached' : 'slot-full');
}

const freeDay = (tx: Queryable, location: string, counter: string, date: string) =>
  tx.query(
    `update visit_day_load set booked = booked - 1 where location_id = $1 and counter_id = $2 and day = $3::date and booked > 0`,
    [location, counter, date],
  );

/** Gives back the place of a booked ticket (cancelled, or moved). */
export async function freePlace(tx: Queryable, t: TicketRow): Promise<void> {
  await freeDay(tx, t.location_id, t.counter_id, t.day);
  await tx.query(
    `update visit_slot_load set booked = booked - 1
     where location_id = $1 and counter_id = $2 and day = $3::date and slot_time = $4 and booked > 0`,
    [t.location_id, t.counter_id, t.day, t.slot_time],
  );
}

/** The next queue number of a prefix at a location that day. */
export async function nextNumber(
  tx: Queryable,
  location: string,
  date: string,
  prefix: string,
): Promise<number> {
  const [row] = await tx.query<{ last: number }>(
    `insert into visit_number (location_id, day, prefix, last) values ($1, $2::date, $3, 1)
     on conflict (location_id, day, prefix) do update set last = visit_number.last + 1 returning last`,
    [location, date, prefix],
  );
  return row?.last ?? 1;
}

/** The slot asked for, if the day and time can be booked now (capacity aside): its open counters. */
export async function bookableCounters(
  db: Queryable,
  site: Site,
  service: string,
  date: string,
  time: string,
  now: Date,
  lang: Lang,
) {
  const counters = countersFor(site, service);
  const bookings = await loadBookings(db, site, date, date);
  const plan = planDay(site, counters, date, now, bookings, lang);
  const slot = plan.slots.find((s) => s.time === time);
  if (!slot) throw problem('slot-unavailable', 409, say('visitSlotUnavailable', date, time), '/time');
  if (slot.remaining === 0) {
    const quota = (c: CounterRow) =>
      (bookings.dayLoad.get(dayKey(c.id, date)) ?? 0) >= site.policy.daily_quota;
    throw full(plan.open.every(quota) ? 'daily-quota-reached' : 'slot-full');
  }
  if (!slot.bookable)
    throw problem('slot-unavailable', 409, say('visitSlotUnavailable', date, time), '/time');
  return { counters: plan.open, slot };
}

export async function ticketById(db: Queryable, id: string, lock = false): Promise<TicketRow> {
  const [row] = await db.query<TicketRow>(
    `select ${ticketColumns} from visit_ticket t where t.id = $1${lock ? ' for update' : ''}`,
    [id],
  );
  if (!row) throw new Error(`ticket ${id} vanished`);
  return row;
}
