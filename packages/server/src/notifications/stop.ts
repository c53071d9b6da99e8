import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/index.js';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A new stop token for the messages about an application (or, with `{ ticket }`, about a
 * booking): 144 random bits; only its hash is kept.
 */
export async function newStopToken(
  db: Queryable,
  about: string | { ticket: string },
  now: Date,
): Promise<string> {
  const token = randomBytes(18).toString('base64url');
  const [application, ticket] = typeof about === 'string' ? [about, null] : [null, about.ticket];
  await db.query(
    `insert into notification_stop_token (token_hash, application_id, ticket_id, created_at)
     values ($1, $2, $3, $4)`,
    [hash(token), application, ticket, now],
  );
  return token;
}

const wellFormed = (token: string) => /^[A-Za-z0-9_-]{1,64}$/.test(token);

/** What a stop token Loket gave out is about, or null (the stop page asks before stopping). */
export async function stopTokenKnown(db: Queryable, token: string): Promise<'application' | 'visit' | null> {
  if (!wellFormed(token)) return null;
  const [row] = await db.query<{ visit: boolean }>(
    'select ticket_id is not null as visit from notification_stop_token where token_hash = $1',
    [hash(token)],
  );
  return row ? (row.visit ? 'visit' : 'application') : null;
}

/**
 * The citizen's one-click stop: no more messages about the application (or booking) of this token, and the
 * pending e-mails are cancelled (webhooks still tell the region's systems, without the contact). Null when the token is unknown, else what it was about. Using it again changes nothing.
 */
export async function stopNotifications(
  db: Queryable,
  token: string,
  now: Date,
): Promise<'application' | 'visit' | null> {
  if (!wellFormed(token)) return null;
  const [app] = await db.query<{ id: string }>(
    `update application a set notifications_stopped_at = coalesce(a.notifications_stopped_at, $2)
     from notification_stop_token t where t.token_hash = $1 and a.id = t.application_id returning a.id`,
    [hash(token), now],
  );
  const [ticket] = app
    ? []
    : await db.query<{ id: string }>(
        `update visit_ticket v set notifications_stopped_at = coalesce(v.notifications_stopped_at, $2)
         from notification_stop_token t where t.token_hash = $1 and v.id = t.ticket_id returning v.id`,
        [hash(token), now],
      );
  if (!app && !ticket) return null;
  await db.query(
    `update delivery set status = 'cancelled', last_error = 'stopped by the recipient', locked_until = null
     where status = 'pending' and channel = 'email' and event_id in (
       select id from outbox_event where ${app ? 'application_id' : 'ticket_id'} = $1)`,
    [app?.id ?? ticket?.id],
  );
  return app ? 'application' : 'visit';
}
