import { detectType, editRefusal } from '@loket/sdk/rules';
import type { Db, Queryable } from '../db/index.js';
import { say } from '../messages/index.js';
import { problem } from '../problem.js';
import { loadForm, type StoredForm } from './forms.js';
import { assertVisible } from './officer-desk.js';
import { officerScopeSql, officerVisibleSql } from './officer-queue.js';
import { type AttachmentRow, etagOf, presentAttachment } from './present.js';
import { attachmentBytes, attachmentsFull } from './quotas.js';
import { newId, normalizeCode } from './secrets.js';
import type { ApplicationRow, Officer } from './security.js';
import type { StoredFile } from './storage.js';

/** No attachment is ever larger than this, whatever a form says (FileRule.max_bytes has the same maximum). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

type FileRule = NonNullable<StoredForm['steps'][number]['fields'][number]['file']>;

/** A file field's rule with the byte limit of its uploads. */
export type UploadRule = FileRule & { maxBytes: number };

const attachmentColumns =
  'id, field, filename, content_type, size::float8 as size, sha256, storage_key, created_at';

const attachmentNotFound = (id: string) => problem('not-found', 404, say('attachmentNotFound', id));
const tooManyFiles = (field: string, max: number) =>
  problem('invalid-request', 409, say('tooManyFiles', field, max), '/field');

/** Draft: any file field. Needs revision: only the fields the officer named. Otherwise: nothing. */
function checkEditable(
  application: Pick<ApplicationRow, 'status' | 'revision_fields'>,
  field: string | null,
): void {
  const refusal = editRefusal(application.status, application.revision_fields, field === null ? [] : [field]);
  if (refusal?.reason === 'status') {
    throw problem('not-editable', 409, say('filesNotEditable', application.status));
  }
  if (refusal && field !== null)
    throw problem('not-editable', 409, say('notARevisionField', field), '/field');
}

function fileRuleOf(form: StoredForm | null, field: string): FileRule | null {
  for (const step of form?.steps ?? []) {
    for (const f of step.fields) {
      if (f.id === field) return f.type === 'file' && f.file ? f.file : null;
    }
  }
  return null;
}

const maxFilesOf = (rule: FileRule) => rule.max_files ?? 1;

async function countFiles(db: Queryable, applicationId: string, field: string): Promise<number> {
  const rows = await db.query<{ n: number }>(
    'select count(*)::int as n from attachment where application_id = $1 and field = $2',
    [applicationId, field],
  );
  return rows[0]?.n ?? 0;
}

/** The application row locked for this transaction, re-read so its status is current. */
async function lockApplication(tx: Queryable, application: Pick<ApplicationRow, 'id' | 'code'>) {
  const rows = await tx.query<
    Pick<ApplicationRow, 'status' | 'revision_fields' | 'version'> & {
      rejected_files: Record<string, string[]>;
    }
  >('select status, revision_fields, version, rejected_files from application where id = $1 for update', [
    application.id,
  ]);
  const row = rows[0];
  if (!row) throw problem('not-found', 404, say('applicationNotFound', application.code));
  return row;
}

/**
 * Before an upload is read: may this application take files at all? Returns the check for the
 * field the upload names, run before any of its bytes is stored: a file field of the form, open
 * for changes, with room for one more file. It gives the field's rule and byte limit.
 */
export async function openUpload(
  db: Queryable,
  application: ApplicationRow,
  applicationBytes: number,
): Promise<(field: string) => Promise<UploadRule>> {
  checkEditable(application, null);
  const form = await loadForm(db, application.service_id);
  return async (field) => {
    const rule = fileRuleOf(form, field);
    if (!rule) throw problem('invalid-answers', 422, say('unknownFileField', field), '/field');
    checkEditable(application, field);
    // Checked again under the row lock when the file is saved; this refuses before any byte is stored.
    if ((await countFiles(db, application.id, field)) >= maxFilesOf(rule)) {
      throw tooManyFiles(field, maxFilesOf(rule));
    }
    // The application's files together stay within their quota: a file gets what is left at most.
    const room = applicationBytes - (await attachmentBytes(db, application.id));
    if (room <= 0) throw attachmentsFull(applicationBytes);
    return { ...rule, maxBytes: Math.min(rule.max_bytes, MAX_UPLOAD_BYTES, room) };
  };
}

/**
 * Attaches a stored file to the application's field: not empty, of a type the field accepts (by
 * content), still editable and with room under the row lock; the file's id joins the field's
 * answer and the application's version goes up. The caller removes the stored bytes on failure.
 */
export async function saveAttachment(
  db: Db,
  application: ApplicationRow,
  upload: { field: string; rule: FileRule; file: StoredFile; filename: string },
  now: Date,
  applicationBytes: number,
) {
  const { field, rule, file, filename } = upload;
  if (file.size === 0) throw problem('invalid-request', 400, say('emptyFile'), '/file');
  const type = detectType(file.head);
  if (!type || !rule.accept.includes(type)) {
    throw problem('file-type-not-allowed', 422, say('typeNotAllowed', rule.accept), '/file');
  }
  return db.transaction(async (tx) => {
    const current = await lockApplication(tx, application);
    checkEditable(current, field);
    if (current.status === 'needs_revision' && current.rejected_files[field]?.includes(file.sha256)) {
      throw problem('file-rejected', 422, say('fileRejected'), '/file');
    }
    if ((await countFiles(tx, application.id, field)) >= maxFilesOf(rule)) {
      throw tooManyFiles(field, maxFilesOf(rule));
    }
    if ((await attachmentBytes(tx, application.id)) + file.size > applicationBytes) {
      throw attachmentsFull(applicationBytes);
    }
    const rows = await tx.query<AttachmentRow>(
      `insert into attachment (id, application_id, field, filename, content_type, size, sha256, storage_key, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning ${attachmentColumns}`,
      [newId(), application.id, field, filename, type, file.size, file.sha256, file.key, now],
    );
    const row = rows[0] as AttachmentRow;
    const updated = await tx.query<{ version: number }>(
      `update application set
         answers = jsonb_set(answers, array[$2::text],
           (case when jsonb_typeof(answers -> $2::text) = 'array' then answers -> $2::text
                 else '[]'::jsonb end) || to_jsonb($3::text)),
         version = version + 1, updated_at = $4
       where id = $1 returning version`,
      [application.id, field, row.id, now],
    );
    const version = (updated[0] as { version: number }).version;
    return { attachment: presentAttachment(row), etag: etagOf({ id: application.id, version }) };
  });
}

/**
 * Removes an attachment from an editable application: its row goes, its id leaves the field's
 * answer. Returns the storage key, for the caller to remove the bytes once this has committed.
 */
export async function deleteAttachment(
  db: Db,
  application: ApplicationRow,
  attachmentId: string,
  now: Date,
): Promise<{ key: string; etag: string }> {
  checkEditable(application, null);
  return db.transaction(async (tx) => {
    const current = await lockApplication(tx, application);
    const rows = await tx.query<AttachmentRow>(
      `select ${attachmentColumns} from attachment where id = $1 and application_id = $2`,
      [attachmentId, application.id],
    );
    const row = rows[0];
    if (!row) throw attachmentNotFound(attachmentId);
    checkEditable(current, row.field);
    await tx.query('delete from attachment where id = $1', [row.id]);
    // The id leaves the field's answer; a field left without files has no answer.
    const updated = await tx.query<{ version: number }>(
      `update application set
         answers = case
           when jsonb_typeof(answers -> $2::text) <> 'array' then answers
           when jsonb_array_length((answers -> $2::text) - $3::text) = 0 then answers - $2::text
           else jsonb_set(answers, array[$2::text], (answers -> $2::text) - $3::text) end,
         version = version + 1, updated_at = $4
       where id = $1 returning version`,
      [application.id, row.field, row.id, now],
    );
    const version = (updated[0] as { version: number }).version;
    return { key: row.storage_key, etag: etagOf({ id: application.id, version }) };
  });
}

/**
 * An attachment of an application the officer may see (the queue's scope rule: unknown 404, out
 * of scope 403, never submitted 404), with where its bytes are stored.
 */
export async function officerAttachment(
  db: Queryable,
  officer: Officer,
  raw: string,
  attachmentId: string,
): Promise<AttachmentRow> {
  const code = normalizeCode(raw);
  const applications = code
    ? await db.query<{ id: string; in_scope: boolean; visible: boolean }>(
        `select a.id, ${officerScopeSql('a', '$2', '$3')} as in_scope, ${officerVisibleSql('a')} as visible
         from application a where a.code = $1`,
        [code, officer.agency_id, officer.region_code],
      )
    : [];
  const application = applications[0];
  assertVisible(application, raw, officer);
  const rows = await db.query<AttachmentRow>(
    `select ${attachmentColumns} from attachment where id = $1 and application_id = $2`,
    [attachmentId, application.id],
  );
  const row = rows[0];
  if (!row) throw attachmentNotFound(attachmentId);
  return row;
}
