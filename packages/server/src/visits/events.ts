import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../db/index.js';
import type { TicketRow } from './present.js';
import { instantOf, localDate, plusDays, type Zone } from './time.js';

// Visit events go through the notifications outbox (migration 019; delivered since 023):
// `visit.booked` when a visit is booked, `visit.rescheduled` when the citizen moves it,
// `visit.reminder` the day before it, `visit.cancelled` when the citizen cancels it or its counter
// closes for the day (then with the office's reason); and `survey.invitation` when a booked visit
// was served (done at the counter), as after an application's decision (docs/assessment.md).

export type VisitTopic =
  | 'visit.booked'
  | 'visit.rescheduled'
  | 'visit.reminder'
  | 'visit.cancelled'
  | 'survey.invitation';

/** The events about the booking itself (each its own e-mail in visit-message.ts). */
export type BookingTopic = Exclude<VisitTopic, 'survey.invitation'>;

/** What a visit event says (the day and time as they were then): never the secret. */
export interface VisitPayload {
  status: TicketRow['status'];
  date: string;
  time: string | null;
  /** Why the office cancelled it (a counter closed); null when the citizen cancelled. */
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

/** The local hour of the day before a visit from which its reminder goes out. */
export const REMINDER_HOUR = '08:00';

/**
 * The day-before reminders (the outbox worker runs this once a minute): from 08:00 at the
 * location on the day before, every booking of tomorrow not yet reminded gets a `visit.reminder`
 * event, once, whichever instance runs first. A booking made on that day before (or later) gets
 * none: its confirmation has just arrived. Moving a booking makes it due again. Returns how many.
 */
export async function remindTomorrow(db: Db, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    let count = 0;
    for (const zone of zones) {
      const today = localDate(now, zone);
      if (now < instantOf(today, REMINDER_HOUR, zone)) continue;
      const zoneSet = zone === 'Asia/Jakarta' ? ['Asia/Jakarta', 'Asia/Pontianak'] : [zone];
      const due = await tx.query<Pick<TicketRow, 'id' | 'status' | 'day' | 'slot_time'>>(
        `update visit_ticket set reminded_at = $1 where id in (
           select t.id from visit_ticket t join location l on l.id = t.location_id
           where t.status = 'booked' and t.kind = 'booked' and t.reminded_at is null and t.day = $2::date
             and t.created_at < $4 and l.timezone = any($3::text[])
           for update of t skip locked)
         returning id, status, day::text as day, slot_time`,
        [now, plusDays(today, 1), zoneSet, instantOf(today, '00:00', zone)],
      );
      for (const ticket of due) await recordVisitEvent(tx, ticket, 'visit.reminder', { at: now });
      count += due.length;
    }
    return count;
  });
}
