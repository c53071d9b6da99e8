import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../db/index.js';
import type { TicketRow } from './present.js';
import { localDate, plusDays, type Zone } from './time.js';

// Visit events go through the notifications outbox (migration 019): `visit.booked` when a visit
// is booked, `visit.reminder` the day before it, `visit.cancelled` when its counter closes.

export type VisitTopic = 'visit.booked' | 'visit.reminder' | 'visit.cancelled';

/** What a visit event says: never the secret. */
export interface VisitPayload {
  status: TicketRow['status'];
  date: string;
  time: string | null;
  reason: string | null;
}

/** Writes a visit event to the outbox in the caller's transaction. */
export async function recordVisitEvent(
  tx: Queryable,
  ticket: Pick<TicketRow, 'id' | 'status' | 'day' | 'slot_time'>,
  topic: VisitTopic,
  event: { at: Date; reason?: string | null },
): Promise<void> {
  const payload: VisitPayload = {
    status: ticket.status,
    date: ticket.day,
    time: ticket.slot_time,
    reason: event.reason ?? null,
  };
  await tx.query(
    `insert into outbox_event (id, ticket_id, topic, payload, created_at) values ($1, $2, $3, $4::text::jsonb, $5)`,
    [randomUUID(), ticket.id, topic, JSON.stringify(payload), event.at],
  );
}

const zones: Zone[] = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'];

/**
 * The day-before reminders: every booking of tomorrow (at its location) not yet reminded gets a
 * `visit.reminder` event, once, whichever instance runs first. Returns how many.
 */
export async function remindTomorrow(db: Db, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    let count = 0;
    for (const zone of zones) {
      const tomorrow = plusDays(localDate(now, zone), 1);
      const zoneSet = zone === 'Asia/Jakarta' ? ['Asia/Jakarta', 'Asia/Pontianak'] : [zone];
      const due = await tx.query<Pick<TicketRow, 'id' | 'status' | 'day' | 'slot_time'>>(
        `update visit_ticket set reminded_at = $1 where id in (
           select t.id from visit_ticket t join location l on l.id = t.location_id
           where t.status = 'booked' and t.kind = 'booked' and t.reminded_at is null and t.day = $2::date
             and l.timezone = any($3::text[])
           for update of t skip locked)
         returning id, status, day::text as day, slot_time`,
        [now, tomorrow, zoneSet],
      );
      for (const ticket of due) await recordVisitEvent(tx, ticket, 'visit.reminder', { at: now });
      count += due.length;
    }
    return count;
  });
}
