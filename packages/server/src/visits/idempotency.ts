import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/index.js';
import { say } from '../messages/index.js';
import { problem } from '../problem.js';

// The Idempotency-Key of a create that answers a secret once: a booking, a complaint. The first
// answer (with its secret) is kept for a retry, encrypted under a key derived from the
// Idempotency-Key: the database holds only the key's hash, so only the client that chose the key
// can read the answer again. Both purposes share one table; the purpose is part of the hash, so a
// key used for a booking is another key for a complaint.

/** What the key was sent for. */
export type KeyPurpose = 'visit' | 'complaint';

/** How long a booking's answer is replayed for its key. */
export const visitKeyTtlHours = 24;

const hashOf = (key: string, purpose: KeyPurpose) =>
  createHash('sha256').update(`${purpose}-key\n${key}`).digest('hex');
const cipherKey = (key: string) => createHash('sha256').update(`visit-answer\n${key}`).digest();

function seal(key: string, answer: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', cipherKey(key), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(answer), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

function open<T>(key: string, sealed: string): T {
  const bytes = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', cipherKey(key), bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return JSON.parse(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8'));
}

/**
 * Claims the key in the caller's transaction. Null when this request is the first with it (go on,
 * then `remember`); the stored answer when an earlier request with the same body finished (a
 * concurrent one is waited for by the database); `422` for the same key with another body.
 */
export async function claimKey<T>(
  tx: Queryable,
  key: string,
  fingerprint: string,
  now: Date,
  purpose: KeyPurpose = 'visit',
): Promise<{ status: number; body: T } | null> {
  const claimed = await tx.query(
    `insert into visit_idempotency (key_hash, fingerprint, created_at) values ($1, $2, $3)
     on conflict (key_hash) do nothing returning 1`,
    [hashOf(key, purpose), fingerprint, now],
  );
  if (claimed.length > 0) return null;
  const [stored] = await tx.query<{ fingerprint: string; status: number | null; response: string | null }>(
    'select fingerprint, status, response from visit_idempotency where key_hash = $1',
    [hashOf(key, purpose)],
  );
  if (!stored || stored.fingerprint !== fingerprint) {
    const reused = purpose === 'visit' ? say('visitKeyReused') : say('complaintKeyReused');
    throw problem('idempotency-key-reused', 422, reused, '/header/Idempotency-Key');
  }
  if (stored.status === null || stored.response === null)
    throw new Error('a claimed visit key has no answer');
  return { status: stored.status, body: open<T>(key, stored.response) };
}

export async function remember(
  tx: Queryable,
  key: string,
  status: number,
  answer: unknown,
  purpose: KeyPurpose = 'visit',
): Promise<void> {
  await tx.query('update visit_idempotency set status = $2, response = $3 where key_hash = $1', [
    hashOf(key, purpose),
    status,
    seal(key, answer),
  ]);
}

/** Forgets answers older than the TTL (run with the other sweeps). */
export async function sweepVisitKeys(db: Queryable, now: Date): Promise<void> {
  await db.query(`delete from visit_idempotency where created_at < $1::timestamptz - interval '24 hours'`, [
    now,
  ]);
}
