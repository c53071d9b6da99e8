import { hit, peek } from '../db/counters.js';
import type { Queryable } from '../db/index.js';
import type { Limit } from '../limits.js';
import { say } from '../messages/index.js';
import { type ProblemError, problem } from '../problem.js';

/**
 * The lockout of tracking codes: after `limit.max` wrong secrets for a code within
 * `limit.windowMs` of the first, the code answers 429 to everyone — even with the right secret —
 * until that window ends. Counted in the database, so every instance agrees. A code that does not
 * exist is counted and locked just the same, so the lockout tells nothing about which codes exist.
 */
const key = (code: string) => `code:${code}`;

/** Seconds until `code` may be tried again, or 0 when it is not locked. */
export async function lockedFor(db: Queryable, code: string, limit: Limit): Promise<number> {
  if (limit.max <= 0) return 0;
  const { hits, ttlMs } = await peek(db, key(code));
  return hits >= limit.max ? Math.max(1, Math.ceil(ttlMs / 1000)) : 0;
}

/** Counts one wrong secret (or unknown code) for `code`. */
export async function countWrongSecret(db: Queryable, code: string, limit: Limit): Promise<void> {
  if (limit.max > 0) await hit(db, key(code), limit.windowMs);
}

/** A locked code: 429 problem+json with Retry-After. */
export function lockedOut(seconds: number): ProblemError {
  return Object.assign(problem('too-many-requests', 429, say('tooManyRequests', seconds)), {
    retryAfter: seconds,
  });
}
