import { randomBytes, randomUUID } from 'node:crypto';
import { officerScopeSql } from '../applications/officer-queue.js';
import type { Queryable } from '../db/index.js';
import { deliveryId } from './deliveries.js';
import { checkWebhookUrl } from './webhook-url.js';

// Webhook endpoints of an agency in a region: added, listed, tested, enabled again and removed by
// the `webhooks` CLI and the officer API (the same functions), and counted by the worker.

export interface WebhookEndpoint {
  id: string;
  agency_id: string;
  region_code: string;
  url: string;
  event_types: string[];
  description: string | null;
  enabled: boolean;
  disabled_reason: string | null;
  disabled_at: Date | string | null;
  consecutive_failures: number;
  last_error: string | null;
  last_failure_at: Date | string | null;
  last_success_at: Date | string | null;
  created_at: Date | string;
}

/** Who may see and change an endpoint: an officer's agency and region (a province covers its kabupaten/kota). */
export interface Scope {
  agency_id: string;
  region_code: string;
}

/** What an administrator or officer asked for that cannot be done; the message says why. */
export class WebhookInputError extends Error {
  override name = 'WebhookInputError';
  /** The field of the officer API's request it is about. */
  constructor(
    message: string,
    readonly field: 'url' | 'event_types',
  ) {
    super(message);
  }
}

const columns = `id, agency_id, region_code, url, event_types, description, enabled, disabled_reason,
  disabled_at, consecutive_failures, last_error, last_failure_at, last_success_at, created_at`;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const eventTypePattern = /^[a-z][a-z_]*\.[a-z][a-z_]*$/;

/** A new signing secret in the Standard Webhooks form: `whsec_` and 32 random bytes in base64. */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

/** Adds an endpoint; the secret is returned here only (list never shows it). */
export async function addEndpoint(
  db: Queryable,
  input: Scope & { url: string; event_types?: string[]; description?: string | null; created_by: string },
  options: { allowPrivate: boolean; now: Date },
): Promise<WebhookEndpoint & { secret: string }> {
  const checked = checkWebhookUrl(input.url, options.allowPrivate);
  if ('error' in checked) throw new WebhookInputError(checked.error, 'url');
  const types = [...new Set(input.event_types ?? [])];
  const bad = types.find((t) => !eventTypePattern.test(t));
  if (bad !== undefined) {
    throw new WebhookInputError(`"${bad}" is not an event type (e.g. application.completed)`, 'event_types');
  }
  const description = input.description?.trim() || null;
  const secret = newWebhookSecret();
  const [row] = await db.query<WebhookEndpoint>(
    `insert into webhook_endpoint (id, agency_id, region_code, url, secret, event_types, description, created_by, created_at)
     values ($1, $2, $3, $4, $5, $6::text[], $7, $8, $9) returning ${columns}`,
    [
      randomUUID(),
      input.agency_id,
      input.region_code,
      checked.url,
      secret,
      types,
      description,
      input.created_by,
      options.now,
    ],
  );
  return { ...(row as WebhookEndpoint), secret };
}

/** The endpoints within a scope (all of them without one), oldest first. */
export async function listEndpoints(db: Queryable, scope: Partial<Scope> = {}): Promise<WebhookEndpoint[]> {
  return db.query<WebhookEndpoint>(
    `select ${columns} from webhook_endpoint w
     where ($1::text is null or w.agency_id = $1) and ($2::text is null or w.region_code = $2
       or (char_length($2::text) = 2 and left(w.region_code, 3) = $2::text || '.'))
     order by w.created_at, w.id`,
    [scope.agency_id ?? null, scope.region_code ?? null],
  );
}

/** One endpoint, if it exists and (given a scope) lies within it: another agency's is not found. */
export async function findEndpoint(
  db: Queryable,
  id: string,
  scope?: Scope,
): Promise<WebhookEndpoint | null> {
  if (!uuidPattern.test(id)) return null;
  const rows = await db.query<WebhookEndpoint>(
    `select ${columns} from webhook_endpoint w where w.id = $1
       and ($2::text is null or ${officerScopeSql('w', '$2', '$3')})`,
    [id, scope?.agency_id ?? null, scope?.region_code ?? null],
  );
  return rows[0] ?? null;
}

/** Removes an endpoint and cancels what was still to be sent to it. False when not found (in scope). */
export async function removeEndpoint(db: Queryable, id: string, scope?: Scope): Promise<boolean> {
  const found = await findEndpoint(db, id, scope);
  if (!found) return false;
  await db.query('delete from webhook_endpoint where id = $1', [id]);
  await cancelPending(db, id, 'the webhook endpoint was removed');
  return true;
}

/** Enables a disabled endpoint again (its failure count starts over). Null when not found (in scope). */
export async function enableEndpoint(
  db: Queryable,
  id: string,
  scope?: Scope,
): Promise<WebhookEndpoint | null> {
  if (!(await findEndpoint(db, id, scope))) return null;
  const [row] = await db.query<WebhookEndpoint>(
    `update webhook_endpoint set enabled = true, disabled_reason = null, disabled_at = null,
       consecutive_failures = 0 where id = $1 returning ${columns}`,
    [id],
  );
  return row ?? null;
}

/**
 * Queues a `webhook.test` event for one endpoint (also a disabled one, to check it before enabling
 * it again) on the outbox, with its delivery: the worker sends it like any other. Its failures do
 * not count towards disabling. Returns the delivery id (the `webhook-id` the receiver will see).
 */
export async function queueTest(db: Queryable, endpoint: WebhookEndpoint, now: Date): Promise<string> {
  const eventId = randomUUID();
  const id = deliveryId(eventId, 'webhook', endpoint.id);
  await db.query(
    `insert into outbox_event (id, application_id, topic, payload, created_at, fanned_out_at)
     values ($1, null, 'webhook.test', $2::text::jsonb, $3, $3)`,
    [eventId, JSON.stringify({ endpoint_id: endpoint.id }), now],
  );
  await db.query(
    `insert into delivery (id, event_id, channel, target, next_attempt_at, created_at)
     values ($1, $2, 'webhook', $3, $4, $4)`,
    [id, eventId, endpoint.id, now],
  );
  return id;
}

/** A delivered attempt: the count of failures in a row starts over. */
export async function recordSuccess(db: Queryable, id: string, now: Date): Promise<void> {
  await db.query('update webhook_endpoint set consecutive_failures = 0, last_success_at = $2 where id = $1', [
    id,
    now,
  ]);
}

/** A test's outcome: shown on the endpoint, but not counted (a test neither disables nor heals it). */
export async function recordTestOutcome(
  db: Queryable,
  id: string,
  error: string | null,
  now: Date,
): Promise<void> {
  await db.query(
    `update webhook_endpoint set
       last_success_at = case when $2::text is null then $3 else last_success_at end,
       last_error = coalesce($2, last_error),
       last_failure_at = case when $2::text is null then last_failure_at else $3 end
     where id = $1`,
    [id, error?.slice(0, 500) ?? null, now],
  );
}

/**
 * A failed attempt, counted; at `disableAfter` failures in a row the endpoint is disabled with the
 * reason. Returns that reason when this failure disabled it.
 */
export async function recordFailure(
  db: Queryable,
  id: string,
  error: string,
  options: { disableAfter: number; now: Date },
): Promise<string | null> {
  const reason = `disabled after ${options.disableAfter} failed attempts in a row; the last: ${error}`.slice(
    0,
    500,
  );
  const [row] = await db.query<{ disabled_now: boolean }>(
    `with before as (select id, enabled from webhook_endpoint where id = $1 for update)
     update webhook_endpoint w set consecutive_failures = w.consecutive_failures + 1,
       last_error = $2, last_failure_at = $4,
       enabled = w.enabled and w.consecutive_failures + 1 < $3,
       disabled_reason = case when w.enabled and w.consecutive_failures + 1 >= $3 then $5 else w.disabled_reason end,
       disabled_at = case when w.enabled and w.consecutive_failures + 1 >= $3 then $4 else w.disabled_at end
     from before where w.id = before.id
     returning before.enabled and not w.enabled as disabled_now`,
    [id, error.slice(0, 500), options.disableAfter, options.now, reason],
  );
  return row?.disabled_now ? reason : null;
}

/** Cancels the pending deliveries to an endpoint (removed or disabled), but `except` one. */
export async function cancelPending(
  db: Queryable,
  id: string,
  reason: string,
  except?: string,
): Promise<void> {
  await db.query(
    `update delivery set status = 'cancelled', last_error = $2, locked_until = null
     where channel = 'webhook' and target = $1 and status = 'pending' and id <> $3`,
    [id, reason, except ?? ''],
  );
}

/** The endpoint a delivery goes to, with its secret (the worker signs with it). */
export async function endpointForDelivery(
  db: Queryable,
  id: string,
): Promise<(WebhookEndpoint & { secret: string }) | null> {
  const rows = await db.query<WebhookEndpoint & { secret: string }>(
    `select ${columns}, secret from webhook_endpoint where id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/**
 * Whether news of an application (or, with `about: 'complaint'`, of a complaint) to `agency` in
 * `region` can reach the citizen's phone: an enabled endpoint of the agency covering the region (as
 * fan-out covers it) that receives such events, i.e. the region's SMS or WhatsApp gateway, which
 * gets the phone chosen for news.
 */
export async function hasPhoneGateway(
  db: Queryable,
  region: string,
  agency: string,
  about: 'application' | 'complaint' = 'application',
): Promise<boolean> {
  const [row] = await db.query<{ yes: boolean }>(
    `select exists (
       select 1 from (select $1::text as region_code, $2::text as agency_id) a join webhook_endpoint w
         on w.enabled and ${officerScopeSql('a', 'w.agency_id', 'w.region_code')}
       where cardinality(w.event_types) = 0 or exists (select 1 from unnest(w.event_types) t where t like $3)
     ) as yes`,
    [region, agency, `${about}.%`],
  );
  return row?.yes === true;
}
