import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/index.js';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new stop token for an application's messages: 144 random bits; only its hash is kept. */
export async function newStopToken(db: Queryable, applicationId: string, now: Date): Promise<string> {
  const token = randomBytes(18).toString('base64url');
  await db.query(
    'insert into notification_stop_token (token_hash, application_id, created_at) values ($1, $2, $3)',
    [hash(token), applicationId, now],
  );
  return token;
}

const wellFormed = (token: string) => /^[A-Za-z0-9_-]{1,64}$/.test(token);

/** Is this a stop token Loket gave out (the stop page asks before stopping)? */
export async function stopTokenKnown(db: Queryable, token: string): Promise<boolean> {
  if (!wellFormed(token)) return false;
  const rows = await db.query('select 1 from notification_stop_token where token_hash = $1', [hash(token)]);
  return rows.length > 0;
}

/**
 * The citizen's one-click stop: no more messages about the application of this token, and the
 * pending e-mails are cancelled (webhooks still tell the region's systems, without the contact). False when the token is unknown. Using it again changes nothing.
 */
export async function stopNotifications(db: Queryable, token: string, now: Date): Promise<boolean> {
  if (!wellFormed(token)) return false;
  const rows = await db.query<{ id: string }>(
    `update application a set notifications_stopped_at = coalesce(a.notifications_stopped_at, $2)
     from notification_stop_token t where t.token_hash = $1 and a.id = t.application_id returning a.id`,
    [hash(token), now],
  );
  const app = rows[0];
  if (!app) return false;
  await db.query(
    `update delivery set status = 'cancelled', last_error = 'stopped by the recipient', locked_until = null
     where status = 'pending' and channel = 'email' and event_id in (select id from outbox_event where application_id = $1)`,
    [app.id],
  );
  return true;
}
