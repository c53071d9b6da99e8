import { officerScopeSql } from '../applications/officer-queue.js';
import type { Queryable } from '../db/index.js';
import { recoveryTopic } from './outbox.js';

// Fan-out in one statement: a round trip per batch of events, whatever their number, instead of
// one per delivery (the worker was starved behind submission bursts; docs/notifications.md).
// The rules are those of targets.ts (which keeps them in TypeScript for the webhook payload's
// contact): `test/notifications-fan-out.test.ts` checks the two agree.

const recovery = `'${recoveryTopic}'`;

/** The e-mail answer of an application that never chose its channels, if it looks like one. */
const legacyEmail = `case when jsonb_typeof(a.answers->'email') = 'string'
  and btrim(a.answers->>'email') ~ '^[^[:space:]@<>,;"]+@[^[:space:]@<>,;"]+$'
  and char_length(btrim(a.answers->>'email')) <= 254 then btrim(a.answers->>'email') end`;

/**
 * $1 the most events, $2 now, $3 e-mail can be sent, $4 the phone can. Takes the oldest events not
 * yet fanned out about an application, a booking or a complaint (skipping those another instance
 * holds; an event about none of them, a `webhook.test`, has its delivery made when queued), marks
 * them, and inserts their deliveries with the ids deliveryId() gives: sha256 of event id, channel
 * and target, so a second fan-out of the same event (it cannot happen; but a resend must stay the
 * same delivery) changes nothing.
 *
 * - `about`: each event with the channels it may go to and the contacts for them, and the agency
 *   and region whose webhooks receive it: an application's, a booking's (its counter's agency,
 *   its location's region; a booking's contacts are the phone and e-mail given when booking), or a
 *   complaint's (the agency and region whose inbox it is in; the channels ticked on the complaint
 *   form, `notify`, with the contacts given there).
 * - a recovery link goes only to the contact that matched; news nowhere once stopped; an
 *   application that never chose gets its e-mail answer; otherwise the chosen channels.
 * - webhooks: every enabled endpoint of the scope whose event types include the topic (or are
 *   empty); never a recovery link.
 */
const fanOutSql = `
with ev as (
  select id, topic, payload, application_id, ticket_id, complaint_id from outbox_event
  where fanned_out_at is null
    and (application_id is not null or ticket_id is not null or complaint_id is not null)
  order by created_at, id limit $1
  for update skip locked
),
marked as (
  update outbox_event set fanned_out_at = $2 where id in (select id from ev) returning id
),
about as (
  select ev.id, ev.topic, ev.payload, a.agency_id, a.region_code, a.notify, a.contact_email,
    a.contact_phone, ${legacyEmail} as legacy_email, a.notifications_stopped_at is not null as stopped
  from ev join application a on a.id = ev.application_id
  union all
  select ev.id, ev.topic, ev.payload, c.agency_id, l.region_code, array['email', 'phone']::text[],
    t.email, t.phone, null, t.notifications_stopped_at is not null
  from ev join visit_ticket t on t.id = ev.ticket_id join location l on l.id = t.location_id
    left join visit_counter c on c.location_id = t.location_id and c.id = t.counter_id
  union all
  select ev.id, ev.topic, ev.payload, c.agency_id, c.region_code, c.notify, c.contact_email,
    c.contact_phone, null, c.notifications_stopped_at is not null
  from ev join complaint c on c.id = ev.complaint_id
),
wanted as (
  select id, payload->>'to' as channel from about where topic = ${recovery}
  union all
  select id, unnest(notify) from about where topic <> ${recovery} and not stopped and notify is not null
),
citizen as (
  select w.id as event_id, w.channel,
    case w.channel when 'email' then a.contact_email when 'phone' then a.contact_phone end as target
  from wanted w join about a on a.id = w.id
  union all
  select id, 'email', legacy_email from about
  where topic <> ${recovery} and not stopped and notify is null
),
targets as (
  select event_id, channel, target from citizen
  where target is not null and ((channel = 'email' and $3) or (channel = 'phone' and $4))
  union
  select a.id, 'webhook', w.id::text from about a join webhook_endpoint w
    on a.topic <> ${recovery} and w.enabled
    and (cardinality(w.event_types) = 0 or a.topic = any(w.event_types))
    and ${officerScopeSql('a', 'w.agency_id', 'w.region_code')}
),
inserted as (
  insert into delivery (id, event_id, channel, target, next_attempt_at, created_at)
  select encode(sha256(convert_to(event_id::text || E'\\n' || channel || E'\\n' || target, 'UTF8')), 'hex'),
    event_id, channel, target, $2, $2
  from targets
  on conflict (id) do nothing
  returning 1
)
select (select count(*) from marked)::int as events, (select count(*) from inserted)::int as deliveries`;

/**
 * Turns up to `limit` events not yet fanned out into deliveries, in one statement (see above).
 * Returns the number of events handled.
 */
export async function fanOut(
  db: Queryable,
  options: { email: boolean; phone?: boolean; now: Date; limit?: number },
): Promise<number> {
  const [row] = await db.query<{ events: number; deliveries: number }>(fanOutSql, [
    options.limit ?? 500,
    options.now,
    options.email,
    options.phone ?? false,
  ]);
  return row?.events ?? 0;
}
