import type { Db } from '../db/index.js';
import type { Limit } from '../limits.js';
import { tooManyRequests } from '../problem.js';
import { countAttempt, uncountAttempt } from './lockout.js';
import { checkOrigin } from './origins.js';
import { secretMatches, sha256Hex } from './secrets.js';

// Compared against when the code is unknown, so a wrong code costs the same time as a wrong secret.
const decoyHash = sha256Hex('loket-decoy-secret');

/** What a code's secret opens: the record's id, its secret's hash and the region it belongs to. */
export interface Held {
  id: string;
  secret_hash: string;
  region_code: string;
}

export interface Claim {
  /** The lockout's key for the code (e.g. `ANT<code>`); null when the code is malformed. */
  attempt: string | null;
  /** The record of the code; not called for a malformed one. */
  find: () => Promise<Held | undefined>;
  secret: string | undefined;
  /** The page's origin, if a browser sent it: it must be allowed by the record's region. */
  origin: string | undefined;
  /** The one answer for a wrong code and a wrong secret (404), so nothing tells which codes exist. */
  notFound: () => Error;
}

/**
 * The id of the application, booking or complaint whose secret (`Loket-Secret`) the caller proved
 * to hold. A wrong code and a wrong secret take the same steps, in the same time: the attempt
 * counted (before comparing, in one statement, so concurrent attempts cannot all slip under the
 * lockout), one small row (or none), a comparison (with a decoy hash when there is no row).
 */
export async function proveHolder(db: Db, claim: Claim, lockout: Limit): Promise<string> {
  const locked = claim.attempt ? await countAttempt(db, claim.attempt, lockout) : 0;
  if (locked) throw tooManyRequests(locked);
  const found = claim.attempt ? await claim.find() : undefined;
  const ok = secretMatches(claim.secret ?? '', found?.secret_hash ?? decoyHash);
  if (!found || !ok) throw claim.notFound();
  // The right secret: only wrong secrets count towards the lockout.
  if (claim.attempt) await uncountAttempt(db, claim.attempt, lockout);
  await checkOrigin(db, claim.origin, found.region_code);
  return found.id;
}
