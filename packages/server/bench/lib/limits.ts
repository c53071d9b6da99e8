import { limitsOf } from '../../test/helpers/limits.js';

/**
 * The benchmarks send everything from one address: limits that are never reached, but still
 * counted (every request pays for its rate-limit counter, as in production).
 */
export const benchLimits = limitsOf(1_000_000_000);
