import { type Held, proveHolder } from '../applications/proof.js';
import type { Db } from '../db/index.js';
import type { Limit } from '../limits.js';
import { say } from '../messages/index.js';
import { problem } from '../problem.js';
import { type ComplaintRow, complaintById, normalizeComplaintCode } from './present.js';

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
  const id = await proveHolder(
    db,
    {
      attempt: code ? `ADU${code}` : null,
      find: async () =>
        (
          await db.query<Held>('select id, secret_hash, region_code from complaint where code = $1', [code])
        )[0],
      secret: given.secret,
      origin: given.origin,
      notFound: () => problem('not-found', 404, say('complaintNotFound', given.code)),
    },
    lockout,
  );
  return complaintById(db, id);
}
