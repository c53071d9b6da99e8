import { countAttempt, uncountAttempt } from '../applications/lockout.js';
import { checkOrigin } from '../applications/origins.js';
import { secretMatches, sha256Hex } from '../applications/secrets.js';
import type { Db } from '../db/index.js';
import type { Limit } from '../limits.js';
import { say } from '../messages/index.js';
import { problem, tooManyRequests } from '../problem.js';
import { type ComplaintRow, complaintById, normalizeComplaintCode } from './present.js';

const decoyHash = sha256Hex('loket-decoy-complaint-secret');

/**
 * The complaint a citizen proved to hold the secret of (`Loket-Secret`): one answer (404) for a
 * wrong code and a wrong secret, and the same lockout of a code after too many wrong secrets as
 * applications and bookings have (counted under `ADU<code>`, apart from theirs).
 */
export async function openComplaint(
  db: Db,
  given: { code: string; secret: string | undefined; origin: string | undefined },
  lockout: Limit,
): Promise<ComplaintRow> {
  const code = normalizeComplaintCode(given.code);
  const attempt = code ? `ADU${code}` : null;
  const locked = attempt ? await countAttempt(db, attempt, lockout) : 0;
  if (locked) throw tooManyRequests(locked);
  const [found] = code
    ? await db.query<{ id: string; secret_hash: string; region_code: string }>(
        'select id, secret_hash, region_code from complaint where code = $1',
        [code],
      )
    : [];
  const ok = secretMatches(given.secret ?? '', found?.secret_hash ?? decoyHash);
  if (!found || !ok) throw problem('not-found', 404, say('complaintNotFound', given.code));
  if (attempt) await uncountAttempt(db, attempt, lockout);
  await checkOrigin(db, given.origin, found.region_code);
  return complaintById(db, found.id);
}
