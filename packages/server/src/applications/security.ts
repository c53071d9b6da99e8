import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/index.js';
import { details } from '../http/messages.js';
import { ProblemError } from '../http/problems.js';
import { checkOrigin } from './origins.js';
import { normalizeCode, secretMatches, sha256Hex } from './secrets.js';

/** The application row a citizen proved to hold the secret of. */
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
}

export interface Officer {
  id: string;
  name: string;
  agency_id: string;
  region_code: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the applicationSecret security handler. */
    application?: ApplicationRow;
    /** Set by the officerToken security handler. */
    officer?: Officer;
  }
}

export const applicationColumns = `id, code, service_id, region_code, agency_id, form_version, status, answers,
  revision_fields, version, created_at, updated_at, submitted_at, due_date::text as due_date, due_working_days, due_calendar`;

// Compared against when the code is unknown, so a wrong code costs the same time as a wrong secret.
const decoyHash = sha256Hex('loket-decoy-secret');

const notFound = (code: string) =>
  new ProblemError('not-found', 404, (lang) => details.applicationNotFound[lang](code));

/**
 * The security handlers named in the contract (`applicationSecret`, `officerToken`); glue runs
 * them before the handler, after request validation.
 */
export function securityHandlers(db: Db) {
  return {
    async applicationSecret(request: FastifyRequest) {
      const raw = (request.params as { code?: string }).code ?? '';
      const secret = request.headers['loket-secret'];
      const code = normalizeCode(raw);
      const rows = code
        ? await db.query<ApplicationRow & { secret_hash: string }>(
            `select ${applicationColumns}, secret_hash from application where code = $1`,
            [code],
          )
        : [];
      const row = rows[0];
      const ok = secretMatches(typeof secret === 'string' ? secret : '', row?.secret_hash ?? decoyHash);
      // One answer for a wrong code and a wrong secret: nothing tells which codes exist.
      if (!row || !ok) throw notFound(raw);
      await checkOrigin(db, request, row.region_code);
      const { secret_hash: _hash, ...application } = row;
      request.application = application;
    },

    async officerToken(request: FastifyRequest) {
      // The officer API is for agency systems, never for pages in a browser on another origin.
      if (request.headers.origin !== undefined) {
        throw new ProblemError('origin-not-allowed', 403, (lang) => details.officerNoBrowser[lang]());
      }
      const header = request.headers.authorization ?? '';
      const match = /^Bearer ([A-Za-z0-9._~+/-]{16,200}=*)$/i.exec(header);
      const rows = match?.[1]
        ? await db.query<Officer>(
            `select id, name, agency_id, region_code from officer_token
             where token_hash = $1 and revoked_at is null`,
            [sha256Hex(match[1])],
          )
        : [];
      const officer = rows[0];
      if (!officer) throw new ProblemError('unauthorized', 401, (lang) => details.unauthorized[lang]());
      request.officer = officer;
    },
  };
}
