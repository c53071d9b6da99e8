import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { normalizePhone } from '@loket/sdk/forms';
import { hit } from '../db/counters.js';
import type { Db, Queryable } from '../db/index.js';
import type { Limit } from '../limits.js';
import { say } from '../messages/index.js';
import { recordRecoveryEvent } from '../notifications/outbox.js';
import { problem, tooManyRequests } from '../problem.js';
import { normalizeEmail } from './contacts.js';
import { newSecret, normalizeCode, secretHash, sha256Hex } from './secrets.js';

// "Lupa kode rahasia?": the tracking code and the application's e-mail or phone give a one-time
// link (sent to that contact through the outbox) that issues a new secret. Nothing in the answer,
// nor in its time, tells whether the code exists or the contact matched.

/** How long a recovery link works after its message was written. */
export const recoveryTtlMs = 30 * 60_000;

const digest = (value: string) => createHash('sha256').update(value).digest();
// Compared against when a contact is missing (or the code unknown), so every request compares twice.
const decoy = digest('loket-decoy-contact');

/** One contact compared in constant time with what the application holds (or the decoy). */
function same(given: string, stored: string | null): boolean {
  return timingSafeEqual(digest(given), stored ? digest(stored) : decoy) && stored !== null;
}

/** Counts one request in `key`'s window; the seconds to wait when over `limit`, else 0. */
async function over(db: Queryable, key: string, limit: Limit): Promise<number> {
  if (limit.max <= 0) return 0;
  const { hits, ttlMs } = await hit(db, key, limit.windowMs);
  return hits > limit.max ? Math.max(1, Math.ceil(ttlMs / 1000)) : 0;
}

export interface RecoveryLimits {
  /** Requests per client address (skipped for the limits' allow list). */
  perAddress: Limit | null;
  /** Requests per tracking code, whoever sends them (unknown codes count the same). */
  perCode: Limit;
}

/**
 * Checks a recovery request and returns what to do once the answer is sent: the event to write
 * when the contact matched, else nothing. Every request takes the same steps (two counters, one
 * lookup by code, two comparisons); only the work after the answer differs.
 */
export async function checkRecovery(
  db: Db,
  given: {
    code: string;
    contact: string;
    address: string;
    now: Date;
    originAllowed: (region: string) => Promise<boolean>;
  },
  limits: RecoveryLimits,
): Promise<(() => Promise<void>) | null> {
  const code = normalizeCode(given.code);
  if (!code) throw problem('invalid-request', 400, say('recoveryCodeInvalid'));
  const waits = [
    limits.perAddress ? await over(db, `recover-ip:${given.address}`, limits.perAddress) : 0,
    await over(db, `recover:${code}`, limits.perCode),
  ];
  const wait = Math.max(...waits);
  if (wait) throw tooManyRequests(wait);
  const rows = await db.query<{
    id: string;
    region_code: string;
    email: string | null;
    phone: string | null;
  }>(
    `select id, region_code, contact_email as email, contact_phone as phone from application
     where code = $1 and status <> 'draft'`,
    [code],
  );
  const found = rows[0];
  const email = normalizeEmail(given.contact) ?? '';
  const phone = normalizePhone(given.contact) ?? '';
  const byEmail = same(email, found?.email ? normalizeEmail(found.email) : null) && email !== '';
  const byPhone = same(phone, found?.phone ? normalizePhone(found.phone) : null) && phone !== '';
  if (!found || !(byEmail || byPhone)) return null;
  const to = byEmail ? 'email' : 'phone';
  return async () => {
    // A page of another site may not have links sent for this region's applications.
    if (!(await given.originAllowed(found.region_code))) return;
    await recordRecoveryEvent(db, found.id, to, given.now);
  };
}

const hash = (token: string) => sha256Hex(token);

/** A new one-time recovery token for an application: 144 random bits; only its hash is kept. */
export async function newRecoveryToken(db: Queryable, applicationId: string, now: Date): Promise<string> {
  const token = randomBytes(18).toString('base64url');
  await db.query(
    `insert into secret_recovery_token (token_hash, application_id, created_at, expires_at)
     values ($1, $2, $3, $4)`,
    [hash(token), applicationId, now, new Date(now.getTime() + recoveryTtlMs)],
  );
  return token;
}

/**
 * Redeems a recovery token of the application `rawCode` for a new secret, in one transaction: the
 * token is used up (with every other unused one of the application), the old secret stops
 * working. An unknown, used, expired or another application's token: one `404`.
 */
export async function redeemRecovery(db: Db, rawCode: string, token: string, now: Date): Promise<string> {
  const code = normalizeCode(rawCode);
  return db.transaction(async (tx) => {
    const used = code
      ? await tx.query<{ id: string }>(
          `update secret_recovery_token t set used_at = $3 from application a
           where t.token_hash = $1 and a.id = t.application_id and a.code = $2
             and t.used_at is null and t.expires_at > $3
           returning a.id`,
          [hash(token), code, now],
        )
      : [];
    const app = used[0];
    if (!app) throw problem('not-found', 404, say('recoveryLinkInvalid'));
    await tx.query(
      'update secret_recovery_token set used_at = $2 where application_id = $1 and used_at is null',
      [app.id, now],
    );
    const secret = newSecret();
    await tx.query('update application set secret_hash = $2 where id = $1', [app.id, secretHash(secret)]);
    return secret;
  });
}
