import { type Held, proveHolder } from '../applications/proof.js';
import type { Db } from '../db/index.js';
import type { Limit } from '../limits.js';
import { type Lang, say } from '../messages/index.js';
import { problem } from '../problem.js';
import { recordVisitEvent } from './events.js';
import {
  bookableCounters,
  freePlace,
  isUniqueViolation,
  nextNumber,
  takePlace,
  ticketById,
} from './places.js';
import { normalizeBookingCode, type TicketRow } from './present.js';
import { requireSite } from './site.js';
import { instantOf } from './time.js';

// What the holder of a booking's secret may do: look it up, cancel it, move it.

/**
 * The booking a citizen proved to hold the secret of; one answer (404) for a wrong code and a
 * wrong secret, and the same lockout of a code after too many wrong secrets as applications have
 * (counted under `ANT<code>`, apart from theirs).
 */
export async function openBooking(
  db: Db,
  given: { code: string; secret: string | undefined; origin: string | undefined },
  lockout: Limit,
): Promise<TicketRow> {
  const code = normalizeBookingCode(given.code);
  const id = await proveHolder(
    db,
    {
      attempt: code ? `ANT${code}` : null,
      find: async () =>
        (
          await db.query<Held>(
            `select t.id, t.secret_hash, l.region_code from visit_ticket t join location l on l.id = t.location_id
             where t.code = $1`,
            [code],
          )
        )[0],
      secret: given.secret,
      origin: given.origin,
      notFound: () => problem('not-found', 404, say('bookingNotFound', given.code)),
    },
    lockout,
  );
  return ticketById(db, id);
}

/** Cancels a booking not yet checked in (DELETE /v1/bookings/{code}); twice is harmless. */
export async function cancelBooking(db: Db, ticket: TicketRow, now: Date): Promise<TicketRow> {
  return db.transaction(async (tx) => {
    const t = await ticketById(tx, ticket.id, true);
    if (t.status === 'cancelled') return t;
    if (t.status !== 'booked') throw problem('not-cancellable', 409, say('visitNotCancellable'));
    await tx.query(`update visit_ticket set status = 'cancelled', finished_at = $2 where id = $1`, [
      t.id,
      now,
    ]);
    await freePlace(tx, t);
    const cancelled = await ticketById(tx, t.id);
    await recordVisitEvent(tx, cancelled, 'visit.cancelled', { at: now });
    return cancelled;
  });
}

/** Moves a booking to another slot of the same location and service, or leaves it as it was. */
export async function rescheduleBooking(
  db: Db,
  ticket: TicketRow,
  to: { date: string; time: string },
  options: { lang: Lang; now: Date },
): Promise<TicketRow> {
  const site = await requireSite(db, ticket.location_id);
  return db.transaction(async (tx) => {
    // One reschedule at a time per location: a move frees its old day's load row and then takes the
    // new day's, so two moves crossing between two days locked them in opposite orders (deadlock).
    await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`visit-reschedule:${ticket.location_id}`]);
    const t = await ticketById(tx, ticket.id, true);
    if (t.status !== 'booked') throw problem('not-cancellable', 409, say('visitNotCancellable'));
    if (t.day === to.date && t.slot_time === to.time) return t;
    await freePlace(tx, t);
    const { counters, slot } = await bookableCounters(
      tx,
      site,
      t.service_id,
      to.date,
      to.time,
      options.now,
      options.lang,
    );
    const counter = await takePlace(tx, site, counters, to.date, to.time);
    const number =
      to.date === t.day && counter.prefix === t.prefix
        ? t.number
        : await nextNumber(tx, site.location_id, to.date, counter.prefix);
    try {
      await tx.query(
        `update visit_ticket set counter_id = $2, day = $3::date, slot_time = $4, starts_at = $5, ends_at = $6,
           prefix = $7, number = $8, reminded_at = null where id = $1`,
        [
          t.id,
          counter.id,
          to.date,
          to.time,
          slot.starts_at,
          instantOf(to.date, slot.end, site.timezone),
          counter.prefix,
          number,
        ],
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw problem('already-booked', 409, say('visitAlreadyBooked'));
      throw error;
    }
    const moved = await ticketById(tx, t.id);
    await recordVisitEvent(tx, moved, 'visit.rescheduled', { at: options.now });
    return moved;
  });
}

/** Today's date at the ticket's location. */
