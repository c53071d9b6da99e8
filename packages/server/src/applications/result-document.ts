import type { components } from '@loket/sdk/contract';
import { detectType } from '@loket/sdk/rules';
import type { Db, Queryable } from '../db/index.js';
import { say } from '../messages/index.js';
import { problem } from '../problem.js';
import { MAX_UPLOAD_BYTES } from './attachments.js';
import { jakartaDate } from './calendar.js';
import { assertVisible, notSubmitted } from './officer-desk.js';
import { findForOfficer } from './officer-queue.js';
import { iso } from './present.js';
import { formatCode, normalizeCode } from './secrets.js';
import type { ApplicationRow, Officer } from './security.js';
import type { StoredFile } from './storage.js';

// The result document of an application (e.g. the digital akta): an officer attaches it while the
// application is in review, completing the application makes it the citizen's to download. The
// bytes live in the attachments' storage; the row in result_document (migration 017).

type Schemas = components['schemas'];

/** The types a result document may have, decided by its content (as for attachments). */
const ACCEPT: Schemas['ResultDocument']['content_type'][] = ['application/pdf', 'image/jpeg', 'image/png'];

export interface ResultDocumentRow {
  application_id: string;
  filename: string;
  content_type: Schemas['ResultDocument']['content_type'];
  size: number;
  sha256: string;
  storage_key: string;
  created_at: Date | string;
}

const columns =
  'application_id, filename, content_type, size::float8 as size, sha256, storage_key, created_at';

export function presentResultDocument(row: ResultDocumentRow): Schemas['ResultDocument'] {
  return {
    filename: row.filename,
    content_type: row.content_type,
    size: Number(row.size),
    created_at: iso(row.created_at),
  };
}

const notInReview = (status: string) => problem('not-editable', 409, say('resultNotInReview', status));

/** The result documents of these applications, by application id (one query). */
export async function resultDocumentsOf(
  db: Queryable,
  applicationIds: string[],
): Promise<Map<string, ResultDocumentRow>> {
  if (applicationIds.length === 0) return new Map();
  const rows = await db.query<ResultDocumentRow>(
    `select ${columns} from result_document where application_id = any($1::uuid[])`,
    [applicationIds],
  );
  return new Map(rows.map((row) => [row.application_id, row]));
}

/**
 * Before any byte is stored: the application exists, the officer may see it (unknown 404, out of
 * scope 403) and it is in review. Returns its id and the byte limit of the upload.
 */
export async function openResultUpload(
  db: Queryable,
  officer: Officer,
  raw: string,
  now: Date,
): Promise<{ id: string; maxBytes: number }> {
  const code = normalizeCode(raw);
  const row = code ? await findForOfficer(db, officer, code, jakartaDate(now)) : null;
  assertVisible(row, raw, officer);
  if (row.status !== 'in_review') throw notInReview(row.status);
  return { id: row.id, maxBytes: MAX_UPLOAD_BYTES };
}

/**
 * Keeps a stored file as the application's result document: not empty, a PDF, JPEG or PNG by its
 * content, the application still in review under the row lock. Replaces the one before; returns
 * the replaced file's storage key for the caller to remove once this has committed (the caller
 * removes the new bytes when this fails).
 */
export async function saveResultDocument(
  db: Db,
  officer: Officer,
  applicationId: string,
  upload: { file: StoredFile; filename: string },
  now: Date,
): Promise<{ document: Schemas['ResultDocument']; replaced: string | null }> {
  const { file, filename } = upload;
  if (file.size === 0) throw problem('invalid-request', 400, say('emptyFile'), '/file');
  const type = detectType(file.head);
  if (!type || !ACCEPT.includes(type)) {
    throw problem('file-type-not-allowed', 422, say('typeNotAllowed', ACCEPT), '/file');
  }
  return db.transaction(async (tx) => {
    const [current] = await tx.query<{ status: ApplicationRow['status']; code: string }>(
      'select status, code from application where id = $1 for update',
      [applicationId],
    );
    if (!current) throw notSubmitted(applicationId);
    if (current.status !== 'in_review') throw notInReview(current.status);
    const [before] = await tx.query<{ storage_key: string }>(
      'select storage_key from result_document where application_id = $1',
      [applicationId],
    );
    const [row] = await tx.query<ResultDocumentRow>(
      `insert into result_document (application_id, filename, content_type, size, sha256, storage_key, actor, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (application_id) do update set filename = excluded.filename,
         content_type = excluded.content_type, size = excluded.size, sha256 = excluded.sha256,
         storage_key = excluded.storage_key, actor = excluded.actor, created_at = excluded.created_at
       returning ${columns}`,
      [applicationId, filename, type, file.size, file.sha256, file.key, `officer:${officer.name}`, now],
    );
    return {
      document: presentResultDocument(row as ResultDocumentRow),
      replaced: before?.storage_key ?? null,
    };
  });
}

/** The citizen's result document: only once the application is completed (404 otherwise). */
export async function citizenResultDocument(db: Queryable, app: ApplicationRow): Promise<ResultDocumentRow> {
  const row = app.status === 'completed' ? (await resultDocumentsOf(db, [app.id])).get(app.id) : undefined;
  if (!row) throw problem('not-found', 404, say('noResultDocument', formatCode(app.code)));
  return row;
}
