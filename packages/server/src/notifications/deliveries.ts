import { createHash } from 'node:crypto';
import type { ComplaintPayload, ComplaintTopic } from '../complaints/events.js';
import type { Queryable } from '../db/index.js';
import type { VisitPayload, VisitTopic } from '../visits/events.js';
import type { EventPayload, RecoveryPayload } from './outbox.js';
import type { Channel as CitizenChannel } from './targets.js';

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
  ticket_id: null;
  complaint_id: null;
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
  ticket_id: null;
  complaint_id: null;
}

/** A claimed delivery of a visit event: about a booking (visits/events.ts), not an application. */
export interface ClaimedVisit extends DeliveryRow {
  locked_until: Date | string;
  topic: VisitTopic;
  payload: VisitPayload;
  event_at: Date | string;
  application_id: null;
  ticket_id: string;
  complaint_id: null;
  lang: 'id' | 'en';
  /** The citizen used the stop link of an e-mail about this booking. */
  stopped: boolean;
}

/** A claimed delivery of a complaint event (complaints/events.ts): about a complaint. */
export interface ClaimedComplaint extends DeliveryRow {
  locked_until: Date | string;
  topic: ComplaintTopic;
  payload: ComplaintPayload;
  event_at: Date | string;
  application_id: null;
  ticket_id: null;
  complaint_id: string;
  /** The language the complaint was filed in. */
  lang: 'id' | 'en';
  /** The citizen used the stop link of an e-mail about this complaint. */
  stopped: boolean;
}

/** Any claimed delivery. */
export type AnyClaimed = Claimed | ClaimedTest | ClaimedVisit | ClaimedComplaint;

/** The same event, channel and target always give the same id: a resend is the same delivery. */
export function deliveryId(eventId: string, channel: Channel, target: string): string {
  return createHash('sha256').update(`${eventId}\n${channel}\n${target}`).digest('hex');
}

export { fanOut } from './fan-out.js';

/**
 * Takes up to `limit` due deliveries for this instance until `now + leaseMs`: pending, due, and
 * not leased by anyone (or their lease ran out: the instance died mid-delivery). Each claim counts
 * as an attempt, so a delivery that crashes its sender cannot loop forever.
 */
export async function claim(
  db: Queryable,
  options: { now: Date; leaseMs: number; limit: number; id?: string },
): Promise<AnyClaimed[]> {
  const lease = new Date(options.now.getTime() + options.leaseMs);
  return db.query<AnyClaimed>(
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
     select taken.*, e.topic, e.payload, e.created_at as event_at, e.application_id, e.ticket_id, e.complaint_id,
       a.code, coalesce(a.lang, t.lang, c.lang) as lang, a.service_id, a.region_code, a.agency_id,
       a.answers->'email' as email, a.notify, a.contact_email, a.contact_phone,
       coalesce(a.notifications_stopped_at, t.notifications_stopped_at, c.notifications_stopped_at) is not null
         as stopped
     from taken join outbox_event e on e.id = taken.event_id left join application a on a.id = e.application_id
       left join visit_ticket t on t.id = e.ticket_id left join complaint c on c.id = e.complaint_id
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

/** Every delivery of one application's or one complaint's events, oldest first (the officer's delivery log). */
export async function listDeliveries(
  db: Queryable,
  about: { application_id: string } | { complaint_id: string },
): Promise<(DeliveryRow & { topic: string })[]> {
  const [column, id] =
    'application_id' in about
      ? ['application_id', about.application_id]
      : ['complaint_id', about.complaint_id];
  return db.query(
    `select d.*, e.topic from delivery d join outbox_event e on e.id = d.event_id
     where e.${column} = $1 order by d.created_at, d.id`,
    [id],
  );
}
