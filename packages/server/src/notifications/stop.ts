import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/index.js';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** What a stop token stops news about: an application (its id), a booking, or a complaint. */
export type StopAbout = string | { ticket: string } | { complaint: string };

/** What the stop page says a token is about. */
export type StopKind = 'application' | 'visit' | 'complaint';

/**
 * A new stop token for the messages about an application (or, with `{ ticket }`, about a
 * booking; with `{ complaint }`, about a complaint): 144 random bits; only its hash is kept.
 */
export async function newStopToken(db: Queryable, about: StopAbout, now: Date): Promise<string> {
  const token = randomBytes(18).toString('base64url');
  const application = typeof about === 'string' ? about : null;
  const ticket = typeof about !== 'string' && 'ticket' in about ? about.ticket : null;
  const complaint = typeof about !== 'string' && 'complaint' in about ? about.complaint : null;
  await db.query(
    `insert into notification_stop_token (token_hash, application_id, ticket_id, complaint_id, created_at)
     values ($1, $2, $3, $4, $5)`,
    [hash(token), application, ticket, complaint, now],
  );
  return token;
}

/** A message's stop link (`/v1/notifications/stop/{token}` on this API) with a fresh token. */
export async function newStopUrl(
  db: Queryable,
  about: StopAbout,
  apiUrl: string,
  now: Date,
): Promise<string> {
  return `${apiUrl.replace(/\/+$/, '')}/v1/notifications/stop/${await newStopToken(db, about, now)}`;
}

const wellFormed = (token: string) => /^[A-Za-z0-9_-]{1,64}$/.test(token);

/** What a stop token Loket gave out is about, or null (the stop page asks before stopping). */
export async function stopTokenKnown(db: Queryable, token: string): Promise<StopKind | null> {
  if (!wellFormed(token)) return null;
  const [row] = await db.query<{ kind: StopKind }>(
    `select case when ticket_id is not null then 'visit' when complaint_id is not null then 'complaint'
       else 'application' end as kind
     from notification_stop_token where token_hash = $1`,
    [hash(token)],
  );
  return row?.kind ?? null;
}

/** Each kind's table and the outbox's column for it. */
const tables: Record<StopKind, { table: string; token: string; event: string }> = {
  application: { table: 'application', token: 'application_id', event: 'application_id' },
  visit: { table: 'visit_ticket', token: 'ticket_id', event: 'ticket_id' },
  complaint: { table: 'complaint', token: 'complaint_id', event: 'complaint_id' },
};

/**
 * The citizen's one-click stop: no more messages about the application (booking, complaint) of
 * this token, and the pending e-mails are cancelled (webhooks still tell the region's systems,
 * without the contact). Null when the token is unknown, else what it was about. Using it again
 * changes nothing.
 */
export async function stopNotifications(db: Queryable, token: string, now: Date): Promise<StopKind | null> {
  const kind = await stopTokenKnown(db, token);
  if (!kind) return null;
  const { table, token: column, event } = tables[kind];
  const [stopped] = await db.query<{ id: string }>(
    `update ${table} x set notifications_stopped_at = coalesce(x.notifications_stopped_at, $2)
     from notification_stop_token t where t.token_hash = $1 and x.id = t.${column} returning x.id`,
    [hash(token), now],
  );
  if (!stopped) return null;
  await db.query(
    `update delivery set status = 'cancelled', last_error = 'stopped by the recipient', locked_until = null
     where status = 'pending' and channel = 'email' and event_id in (
       select id from outbox_event where ${event} = $1)`,
    [stopped.id],
  );
  return kind;
}
