import type { Limits } from '../../src/limits.js';

const many = { max: 1_000_000_000, windowMs: 60_000 };

/**
 * The benchmarks send everything from one address: limits that are never reached, but still
 * counted (every request pays for its rate-limit counter, as in production).
 */
export const benchLimits: Partial<Limits> = {
  reads: many,
  writes: many,
  lookups: many,
  uploads: many,
  drafts: many,
  lockout: many,
  minFreeBytes: 0,
};
