import { hit, unhit } from '../db/counters.js';
import type { Queryable } from '../db/index.js';
import type { Limit } from '../limits.js';

/**
 * The lockout of tracking codes: after `limit.max` wrong secrets for a code within
 * `limit.windowMs` of the first, the code answers 429 to everyone — even with the right secret —
 * until that window ends. Counted in the database, so every instance agrees. A code that does not
 * exist is counted and locked just the same, so the lockout tells nothing about which codes exist.
 * Officer sign-ins are locked the same way per username (kind 'signin', officers/sign-in.ts).
 */
const key = (code: string, kind: string) => `${kind}:${code}`;

/**
 * Counts one attempt at a secret for `code` before the secret is compared, in one statement, so
 * concurrent attempts each get their own count and no more than `limit.max` of them are ever
 * compared in a window. Returns the seconds until `code` may be tried again when this attempt is
 * over the limit (it must then be refused without comparing), or 0 when it may be compared.
 */
export async function countAttempt(
  db: Queryable,
  code: string,
  limit: Limit,
  kind: 'code' | 'signin' = 'code',
): Promise<number> {
  if (limit.max <= 0) return 0;
  const { hits, ttlMs } = await hit(db, key(code, kind), limit.windowMs);
  return hits > limit.max ? Math.max(1, Math.ceil(ttlMs / 1000)) : 0;
}

/** Takes back the attempt counted for `code` when its secret was right: only wrong secrets count. */
export async function uncountAttempt(
  db: Queryable,
  code: string,
  limit: Limit,
  kind: 'code' | 'signin' = 'code',
): Promise<void> {
  if (limit.max > 0) await unhit(db, key(code, kind));
}
