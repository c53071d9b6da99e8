import type { Db } from '../db/index.js';
import type { Limit } from '../limits.js';
import { say } from '../messages/index.js';
import type { Role } from '../officers/accounts.js';
import { nothingPresented } from '../officers/session-auth.js';
import { problem } from '../problem.js';
import { type Held, proveHolder } from './proof.js';
import { normalizeCode, sha256Hex } from './secrets.js';

/** An application as stored (every column but the secret's hash). */
export interface ApplicationRow {
  id: string;
  code: string;
  service_id: string;
  region_code: string;
  agency_id: string;
  form_version: number;
  status: 'draft' | 'submitted' | 'in_review' | 'needs_revision' | 'completed' | 'rejected' | 'withdrawn';
  answers: Record<string, unknown>;
  revision_fields: string[];
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
  submitted_at: Date | string | null;
  due_date: string | Date | null;
  due_working_days: number | null;
  due_calendar: 'official' | 'provisional' | 'estimate' | 'none';
  /** The news channels chosen at the last submission; null: never chosen (see contacts.ts). */
  notify?: string[] | null;
}

export interface Officer {
  id: string;
  name: string;
  agency_id: string;
  region_code: string;
  /** For a desk session: the signed-in account (a bearer token has none). */
  account?: { username: string; roles: Role[] };
}

export const applicationColumns = `id, code, service_id, region_code, agency_id, form_version, status, answers,
  revision_fields, version, created_at, updated_at, submitted_at, due_date::text as due_date, due_working_days, due_calendar, notify`;

/**
 * The application a citizen proved to hold the secret of (`Loket-Secret`), when the page's origin
 * (if any) is allowed by its region. One answer (404) for a wrong code and a wrong secret:
 * nothing tells which codes exist.
 */
export async function openApplication(
  db: Db,
  given: { code: string; secret: string | undefined; origin: string | undefined },
  lockout: Limit,
): Promise<ApplicationRow> {
  const code = normalizeCode(given.code);
  const notFound = () => problem('not-found', 404, say('applicationNotFound', given.code));
  const id = await proveHolder(
    db,
    {
      attempt: code,
      find: async () =>
        (
          await db.query<Held>('select id, secret_hash, region_code from application where code = $1', [code])
        )[0],
      secret: given.secret,
      origin: given.origin,
      notFound,
    },
    lockout,
  );
  const [row] = await db.query<ApplicationRow>(
    `select ${applicationColumns} from application where id = $1`,
    [id],
  );
  if (!row) throw notFound();
  return row;
}

/** The officer of a valid, unrevoked bearer token (`Authorization: Bearer …`); never from a browser page. */
export async function authenticateOfficer(
  db: Db,
  given: { authorization: string | undefined; origin: string | undefined },
): Promise<Officer> {
  // A request without a token may carry a desk session instead (officerSession): these refusals
  // are then marked, so that the session's own answer is the one given.
  const absent = <E extends Error>(error: E) => (given.authorization ? error : nothingPresented(error));
  // The officer API is for agency systems, never for pages in a browser on another origin.
  if (given.origin !== undefined) throw absent(problem('origin-not-allowed', 403, say('officerNoBrowser')));
  const match = /^Bearer ([A-Za-z0-9._~+/-]{16,200}=*)$/i.exec(given.authorization ?? '');
  const rows = match?.[1]
    ? await db.query<Officer>(
        `select id, name, agency_id, region_code from officer_token
         where token_hash = $1 and revoked_at is null`,
        [sha256Hex(match[1])],
      )
    : [];
  const officer = rows[0];
  if (!officer) throw absent(problem('unauthorized', 401, say('unauthorized')));
  return officer;
}
