import type { Limits } from '../../src/limits.js';

/**
 * Limits with `max` requests a minute in every class and no disk floor: never reached by accident,
 * but still counted on every request (as in production).
 */
export function limitsOf(max: number): Partial<Limits> {
  const many = { max, windowMs: 60_000 };
  return {
    reads: many,
    writes: many,
    lookups: many,
    uploads: many,
    drafts: many,
    lockout: many,
    recoveries: many,
    recoveryPerCode: many,
    signIns: many,
    signInLockout: many,
    minFreeBytes: 0,
  };
}
