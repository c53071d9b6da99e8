import { createHash } from 'node:crypto';
import type { Db, Queryable } from '../db/index.js';
import type { EventPayload } from './outbox.js';

// The deliveries of outbox events: created by fanOut (one per event, channel and target), taken by
// claim under a lease, and settled by one of the functions below. The SQL of the worker lives here.

export type Channel = 'email';

export interface DeliveryRow {
  id: string;
  event_id: string;
  channel: Channel;
  target: string;
  status: 'pending' | 'delivered' | 'failed' | 'cancelled';
  attempts: number;
  next_attempt_at: Date | string;
  locked_until: Date | string | null;
  last_error: string | null;
  delivered_at: Date | string | null;
  created_at: Date | string;
}

/** A claimed delivery with what its message needs: the event, and the application it is about. */
export interface Claimed extends DeliveryRow {
  locked_until: Date | string;
  topic: string;
  payload: EventPayload;
  application_id: string;
  code: string;
  lang: 'id' | 'en';
  service_id: string;
  region_code: string;
  stopped: boolean;
}

/** The same event, channel and target always give the same id: a resend is the same delivery. */
export function deliveryId(eventId: string, channel: Channel, target: string): string {
  return createHash('sha256').update(`${eventId}\n${channel}\n${target}`).digest('hex');
}

/** An e-mail address as given on the form, if it looks like one (the form validated it). */
function emailTarget(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const address = raw.trim();
  return /^[^\s@<>,;"]+@[^\s@<>,;"]+$/.test(address) && address.length <= 254 ? address : null;
}

/**
 * Turns events not yet fanned out into deliveries, in one transaction: the e-mail answer of the
 * application is the target when e-mail is configured and the citizen did not stop messages. Rows
 * locked by another instance are skipped, not waited for. Returns the number of events handled.
 */
export async function fanOut(
  db: Db,
  options: { email: boolean; now: Date; limit?: number },
): Promise<number> {
  return db.transaction(async (tx) => {
    const events = await tx.query<{ id: string; email: unknown; stopped: boolean }>(
      `select e.id, a.answers->'email' as email, a.notifications_stopped_at is not null as stopped
       from outbox_event e join application a on a.id = e.application_id
       where e.fanned_out_at is null order by e.created_at, e.id limit $1
       for update of e skip locked`,
      [options.limit ?? 100],
    );
    for (const event of events) {
      const target = options.email && !event.stopped ? emailTarget(event.email) : null;
      if (!target) continue;
      await tx.query(
        `insert into delivery (id, event_id, channel, target, next_attempt_at, created_at)
         values ($1, $2, 'email', $3, $4, $4) on conflict (id) do nothing`,
        [deliveryId(event.id, 'email', target), event.id, target, options.now],
      );
    }
    if (events.length > 0) {
      await tx.query('update outbox_event set fanned_out_at = $1 where id = any($2::uuid[])', [
        options.now,
        events.map((e) => e.id),
      ]);
    }
    return events.length;
  });
}

/**
 * Takes up to `limit` due deliveries for this instance until `now + leaseMs`: pending, due, and
 * not leased by anyone (or their lease ran out: the instance died mid-delivery). Each claim counts
 * as an attempt, so a delivery that crashes its sender cannot loop forever.
 */
export async function claim(
  db: Queryable,
  options: { now: Date; leaseMs: number; limit: number },
): Promise<Claimed[]> {
  const lease = new Date(options.now.getTime() + options.leaseMs);
  return db.query<Claimed>(
    `with taken as (
       update delivery set locked_until = $2, attempts = attempts + 1
       where id in (
         select id from delivery
         where status = 'pending' and next_attempt_at <= $1 and (locked_until is null or locked_until <= $1)
         order by next_attempt_at, id limit $3
         for update skip locked)
       returning *
     )
     select taken.*, e.topic, e.payload, e.application_id, a.code, a.lang, a.service_id, a.region_code,
       a.notifications_stopped_at is not null as stopped
     from taken join outbox_event e on e.id = taken.event_id join application a on a.id = e.application_id
     order by taken.next_attempt_at, taken.id`,
    [options.now, lease, options.limit],
  );
}

/** The outcome of one attempt; written only while this instance still holds the lease. */
export type Outcome =
  | { kind: 'delivered' }
  | { kind: 'retry'; at: Date; error: string }
  | { kind: 'failed'; error: string }
  | { kind: 'cancelled'; error: string };

export async function settle(
  db: Queryable,
  delivery: Claimed,
  outcome: Outcome,
  now: Date,
): Promise<boolean> {
  const [status, next, error] =
    outcome.kind === 'delivered'
      ? ['delivered', null, null]
      : outcome.kind === 'retry'
        ? ['pending', outcome.at, outcome.error]
        : [outcome.kind, null, outcome.error];
  const rows = await db.query(
    `update delivery set status = $3, locked_until = null, last_error = $4,
       next_attempt_at = coalesce($5::timestamptz, next_attempt_at),
       delivered_at = case when $3 = 'delivered' then $6::timestamptz else delivered_at end
     where id = $1 and locked_until = $2::timestamptz and status = 'pending' returning 1`,
    [delivery.id, delivery.locked_until, status, error?.slice(0, 500) ?? null, next, now],
  );
  return rows.length > 0;
}

/** Every delivery of one application's events, oldest first (the officer's delivery log). */
export async function listDeliveries(
  db: Queryable,
  applicationId: string,
): Promise<(DeliveryRow & { topic: string })[]> {
  return db.query(
    `select d.*, e.topic from delivery d join outbox_event e on e.id = d.event_id
     where e.application_id = $1 order by d.created_at, d.id`,
    [applicationId],
  );
}
