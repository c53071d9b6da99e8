import type { FastifyReply, FastifyRequest } from 'fastify';
import { loadForm, type StoredForm } from '../applications/forms.js';
import { officerScopeSql, officerVisibleSql } from '../applications/officers.js';
import { type AttachmentRow, etagOf, presentAttachment } from '../applications/present.js';
import { newId, normalizeCode } from '../applications/secrets.js';
import type { ApplicationRow, Officer } from '../applications/security.js';
import { createStorage } from '../applications/storage.js';
import {
  cleanFilename,
  contentDisposition,
  detectType,
  MAX_UPLOAD_BYTES,
  receiveUpload,
} from '../applications/uploads.js';
import type { Queryable } from '../db/index.js';
import type { Lang } from '../http/lang.js';
import { details } from '../http/messages.js';
import { ProblemError } from '../http/problems.js';
import type { AppContext } from './context.js';

type FileRule = NonNullable<StoredForm['steps'][number]['fields'][number]['file']>;

const attachmentColumns =
  'id, field, filename, content_type, size::float8 as size, sha256, storage_key, created_at';

type Text = Record<Lang, string>;
const problem = (
  kind: ConstructorParameters<typeof ProblemError>[0],
  status: number,
  message: Text,
  pointer?: string,
) =>
  new ProblemError(
    kind,
    status,
    (lang) => message[lang],
    pointer ? (lang) => [{ pointer, detail: message[lang] }] : undefined,
  );

const notEditable = (status: string) =>
  problem('not-editable', 409, {
    id: `Berkas hanya dapat diubah selama permohonan masih draf atau perlu perbaikan (status sekarang "${status}").`,
    en: `Files can only be changed while the application is a draft or needs revision (it is "${status}").`,
  });

const notARevisionField = (field: string) =>
  problem(
    'not-editable',
    409,
    {
      id: `Kolom "${field}" tidak termasuk yang diminta petugas untuk diperbaiki.`,
      en: `Field "${field}" is not one of the fields the officer asked to fix.`,
    },
    '/field',
  );

const unknownFileField = (field: string) =>
  problem(
    'invalid-answers',
    422,
    {
      id: `Formulir ini tidak punya kolom berkas "${field.slice(0, 80)}".`,
      en: `This form has no file field "${field.slice(0, 80)}".`,
    },
    '/field',
  );

const tooManyFiles = (field: string, max: number) =>
  problem(
    'invalid-request',
    409,
    {
      id: `Kolom "${field}" menerima paling banyak ${max} berkas. Hapus salah satu sebelum mengunggah lagi.`,
      en: `Field "${field}" takes at most ${max} file${max === 1 ? '' : 's'}. Remove one before uploading another.`,
    },
    '/field',
  );

const emptyFile = () =>
  problem(
    'invalid-request',
    400,
    { id: 'Berkas kosong (0 bita).', en: 'The file is empty (0 bytes).' },
    '/file',
  );

const typeNotAllowed = (accept: string[]) =>
  problem(
    'file-type-not-allowed',
    422,
    {
      id: `Isi berkas bukan jenis yang diterima kolom ini (${accept.join(', ')}). Jenis ditentukan dari isi berkas, bukan dari namanya.`,
      en: `The file's content is not a type this field accepts (${accept.join(', ')}). The type is decided by the content, not the name.`,
    },
    '/file',
  );

const attachmentNotFound = (id: string) =>
  problem('not-found', 404, {
    id: `Berkas "${id}" tidak ada pada permohonan ini.`,
    en: `There is no attachment "${id}" on this application.`,
  });

const applicationNotFound = (code: string) =>
  new ProblemError('not-found', 404, (lang) => details.applicationNotFound[lang](code));

const notSubmitted = (code: string) =>
  problem('not-found', 404, {
    id: `Tidak ada permohonan terkirim dengan kode "${code}".`,
    en: `There is no submitted application with code "${code}".`,
  });

const outOfScope = (code: string, officer: Officer) =>
  problem('forbidden', 403, {
    id: `Permohonan "${code}" milik instansi atau wilayah lain: token ini hanya untuk instansi ${officer.agency_id} di wilayah ${officer.region_code}.`,
    en: `Application "${code}" belongs to another agency or region: this token is for agency ${officer.agency_id} in region ${officer.region_code} only.`,
  });

/** Draft: any file field. Needs revision: only the fields the officer named. Otherwise: nothing. */
function checkEditable(
  application: Pick<ApplicationRow, 'status' | 'revision_fields'>,
  field: string | null,
): void {
  if (application.status === 'draft') return;
  if (application.status !== 'needs_revision') throw notEditable(application.status);
  if (field !== null && !application.revision_fields.includes(field)) throw notARevisionField(field);
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
  const rows = await tx.query<Pick<ApplicationRow, 'status' | 'revision_fields' | 'version'>>(
    'select status, revision_fields, version from application where id = $1 for update',
    [application.id],
  );
  const row = rows[0];
  if (!row) throw applicationNotFound(application.code);
  return row;
}

export function attachmentHandlers(ctx: AppContext) {
  const storage = createStorage(ctx.uploadsDir);

  /** Removes stored bytes whose row is gone or never came; a failure only leaves an orphan. */
  const discard = (request: FastifyRequest, key: string) =>
    storage.remove(key).catch((error: unknown) => {
      request.log.error({ err: error, key }, 'could not remove an attachment file');
    });

  return {
    async uploadAttachment(request: FastifyRequest, reply: FastifyReply) {
      const application = request.application as ApplicationRow;
      checkEditable(application, null);
      const form = await loadForm(ctx.db, application.service_id);

      const upload = await receiveUpload(request, reply, storage, async (field) => {
        const rule = fileRuleOf(form, field);
        if (!rule) throw unknownFileField(field);
        checkEditable(application, field);
        // Checked again under the row lock below; this refuses early, before any byte is stored.
        if ((await countFiles(ctx.db, application.id, field)) >= maxFilesOf(rule)) {
          throw tooManyFiles(field, maxFilesOf(rule));
        }
        return { ...rule, maxBytes: Math.min(rule.max_bytes, MAX_UPLOAD_BYTES) };
      });

      const { field, rule, file, filename } = upload;
      let saved: { row: AttachmentRow; version: number };
      try {
        if (file.size === 0) throw emptyFile();
        const type = detectType(file.head);
        if (!type || !rule.accept.includes(type)) throw typeNotAllowed(rule.accept);
        saved = await ctx.db.transaction(async (tx) => {
          const current = await lockApplication(tx, application);
          checkEditable(current, field);
          if ((await countFiles(tx, application.id, field)) >= maxFilesOf(rule)) {
            throw tooManyFiles(field, maxFilesOf(rule));
          }
          const now = ctx.now();
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
          return { row, version: (updated[0] as { version: number }).version };
        });
      } catch (error) {
        await discard(request, file.key);
        throw error;
      }
      reply
        .code(201)
        .header('etag', etagOf({ id: application.id, version: saved.version }))
        .header('cache-control', 'no-store');
      return presentAttachment(saved.row);
    },

    async deleteAttachment(
      request: FastifyRequest<{ Params: { code: string; attachmentId: string } }>,
      reply: FastifyReply,
    ) {
      const application = request.application as ApplicationRow;
      const { attachmentId } = request.params;
      checkEditable(application, null);
      const { key, version } = await ctx.db.transaction(async (tx) => {
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
          [application.id, row.field, row.id, ctx.now()],
        );
        return { key: row.storage_key, version: (updated[0] as { version: number }).version };
      });
      // Only after the commit: a failed transaction must not lose the bytes of a kept row.
      await discard(request, key);
      reply
        .code(204)
        .header('etag', etagOf({ id: application.id, version }))
        .header('cache-control', 'no-store');
      return reply.send();
    },

    async downloadOfficerAttachment(
      request: FastifyRequest<{ Params: { code: string; attachmentId: string } }>,
      reply: FastifyReply,
    ) {
      const officer = request.officer as Officer;
      const { code: raw, attachmentId } = request.params;
      const code = normalizeCode(raw);
      // The officer queue's own scope rule (officers.ts): unknown 404, out of scope 403, and
      // applications never submitted (drafts) are not the agency's to see: 404.
      const applications = code
        ? await ctx.db.query<{ id: string; in_scope: boolean; visible: boolean }>(
            `select a.id, ${officerScopeSql('a', '$2', '$3')} as in_scope, ${officerVisibleSql('a')} as visible
             from application a where a.code = $1`,
            [code, officer.agency_id, officer.region_code],
          )
        : [];
      const application = applications[0];
      if (!application) throw notSubmitted(raw);
      if (!application.in_scope) throw outOfScope(raw, officer);
      if (!application.visible) throw notSubmitted(raw);
      const rows = await ctx.db.query<AttachmentRow>(
        `select ${attachmentColumns} from attachment where id = $1 and application_id = $2`,
        [attachmentId, application.id],
      );
      const row = rows[0];
      if (!row) throw attachmentNotFound(attachmentId);
      const stream = await storage.read(row.storage_key);
      return reply
        .code(200)
        .type(row.content_type)
        .header('content-length', String(row.size))
        .header('content-disposition', contentDisposition(cleanFilename(row.filename)))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'no-store')
        .send(stream);
    },
  };
}
