import { createHash } from 'node:crypto';
import { officerScopeSql } from '../applications/officer-queue.js';
import type { Db, Queryable } from '../db/index.js';
import type { EventPayload, RecoveryPayload } from './outbox.js';
import { type Channel as CitizenChannel, type FanOutRow, targetsOf } from './targets.js';

// The deliveries of outbox events: created by fanOut (one per event, channel and target), taken by
// claim under a lease, and settled by one of the functions below. The SQL of the worker lives here.

/** The citizen's channels (targets.ts), and the agencies' webhooks. */
export type Channel = CitizenChannel | 'webhook';

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
  payload: EventPayload | RecoveryPayload;
  /** When the event happened (the same on every attempt). */
  event_at: Date | string;
  application_id: string;
  code: string;
  lang: 'id' | 'en';
  service_id: string;
  region_code: string;
  agency_id: string;
  /** The e-mail answer as given (the contact of an application that never chose its channels). */
  email: unknown;
  /** The channels the citizen chose on the form (null: never asked), and the contacts for them. */
  notify: string[] | null;
  contact_email: string | null;
  contact_phone: string | null;
  stopped: boolean;
}

/** A claimed `webhook.test` delivery: an event about no application. */
export interface ClaimedTest extends DeliveryRow {
  locked_until: Date | string;
  topic: 'webhook.test';
  payload: { endpoint_id: string };
  event_at: Date | string;
  application_id: null;
}

/** The same event, channel and target always give the same id: a resend is the same delivery. */
export function deliveryId(eventId: string, channel: Channel, target: string): string {
  return createHash('sha256').update(`${eventId}\n${channel}\n${target}`).digest('hex');
}

/**
 * Turns events not yet fanned out into deliveries, in one transaction: one per channel the event
 * goes to for the citizen (targets.ts: the channels they chose, only those the server can send
 * now), and every enabled webhook endpoint whose agency and region cover the application and whose
 * event types include the topic (or are empty). Rows locked by another instance are skipped, not
 * waited for. Returns the number of events handled.
 */
export async function fanOut(
  db: Db,
  options: { email: boolean; phone?: boolean; now: Date; limit?: number },
): Promise<number> {
  return db.transaction(async (tx) => {
    const events = await tx.query<FanOutRow>(
      `select e.id, e.topic, e.payload, a.answers->'email' as email, a.notify, a.contact_email,
         a.contact_phone, a.notifications_stopped_at is not null as stopped
       from outbox_event e join application a on a.id = e.application_id
       where e.fanned_out_at is null order by e.created_at, e.id limit $1
       for update of e skip locked`,
      [options.limit ?? 100],
    );
    const insert = (eventId: string, channel: Channel, target: string) =>
      tx.query(
        `insert into delivery (id, event_id, channel, target, next_attempt_at, created_at)
         values ($1, $2, $3, $4, $5, $5) on conflict (id) do nothing`,
        [deliveryId(eventId, channel, target), eventId, channel, target, options.now],
      );
    const available = { email: options.email, phone: options.phone ?? false };
    for (const event of events) {
      for (const { channel, target } of targetsOf(event, available)) await insert(event.id, channel, target);
    }
    if (events.length > 0) {
      const hooks = await tx.query<{ event_id: string; endpoint_id: string }>(
        `select e.id as event_id, w.id::text as endpoint_id
         from outbox_event e join application a on a.id = e.application_id
         join webhook_endpoint w on e.topic <> 'application.secret_recovery' and w.enabled and (cardinality(w.event_types) = 0 or e.topic = any(w.event_types))
           and ${officerScopeSql('a', 'w.agency_id', 'w.region_code')}
         where e.id = any($1::uuid[]) order by e.created_at, e.id, w.created_at, w.id`,
        [events.map((e) => e.id)],
      );
      for (const hook of hooks) await insert(hook.event_id, 'webhook', hook.endpoint_id);
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
  options: { now: Date; leaseMs: number; limit: number; id?: string },
): Promise<(Claimed | ClaimedTest)[]> {
  const lease = new Date(options.now.getTime() + options.leaseMs);
  return db.query<Claimed | ClaimedTest>(
    `with taken as (
       update delivery set locked_until = $2, attempts = attempts + 1
       where id in (
         select id from delivery
         where status = 'pending' and next_attempt_at <= $1 and (locked_until is null or locked_until <= $1)
           and ($4::text is null or id = $4)
         order by next_attempt_at, id limit $3
         for update skip locked)
       returning *
     )
     select taken.*, e.topic, e.payload, e.created_at as event_at, e.application_id, a.code, a.lang,
       a.service_id, a.region_code, a.agency_id, a.answers->'email' as email, a.notify,
       a.contact_email, a.contact_phone, a.notifications_stopped_at is not null as stopped
     from taken join outbox_event e on e.id = taken.event_id left join application a on a.id = e.application_id
     order by taken.next_attempt_at, taken.id`,
    [options.now, lease, options.limit, options.id ?? null],
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
  delivery: Pick<DeliveryRow, 'id'> & { locked_until: Date | string },
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
