import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { isDeepStrictEqual } from 'node:util';
import { MAX_UPLOAD_BYTES } from '../../src/applications/attachments.js';
import { formatCode, newId, newSecret, newTrackingCode, sha256Hex } from '../../src/applications/secrets.js';
import type { AttachmentStorage } from '../../src/applications/storage.js';
import type { Db, Queryable } from '../../src/db/index.js';

/**
 * Ready-to-submit applications for the submit benchmark.
 *
 * A few are made through the real API (POST /v1/applications, PATCH answers with If-Match, two
 * uploads), exactly as a citizen's browser would. The rest are clones of the first, written
 * straight to the database: every column of the API's rows is copied except what must differ
 * (id, tracking code, secret hash, timestamps, the attachment ids inside the answers), and every
 * attachment gets its own file written through the storage module, so each row points at a real
 * file with the same bytes. `checkClone` proves a clone is what the API would have produced.
 */

export const SUBMIT_SERVICE = 'ktp-el-hilang';

/** Valid answers of data/forms/ktp-el-hilang.json (the two file fields are uploaded). */
export const ANSWERS = {
  nama_lengkap: 'Siti Aminah',
  nik: '3374015708900001',
  telepon: '081234567890',
  tanggal_kehilangan: '2026-03-01',
  pernyataan_benar: true,
};
export const FILE_FIELDS = ['surat_keterangan_kehilangan', 'kartu_keluarga'] as const;
/** A tiny PDF (the type is decided by its first bytes). */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** What a client needs to submit one application. */
export interface ReadyApplication {
  id: string;
  /** Formatted, as the API shows it: LKT-XXXX-XXXX-XXXX. */
  code: string;
  secret: string;
  /** A unique Idempotency-Key for its one submission. */
  key: string;
}

async function call(base: string, method: string, path: string, init: RequestInit, expected: number) {
  const response = await fetch(new URL(path, base), { method, ...init });
  const text = await response.text();
  if (response.status !== expected) {
    throw new Error(`${method} ${path}: ${response.status} (expected ${expected}): ${text.slice(0, 500)}`);
  }
  return { response, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** One application through the API: create, save the answers (If-Match), upload both files. */
export async function prepareThroughApi(
  base: string,
  db: Queryable,
  region: string,
): Promise<ReadyApplication> {
  const json = { 'content-type': 'application/json', accept: 'application/json' };
  const created = await call(
    base,
    'POST',
    '/v1/applications',
    { headers: json, body: JSON.stringify({ service: SUBMIT_SERVICE, region }) },
    201,
  );
  const code = String(created.body.code);
  const secret = String(created.body.secret);
  const path = `/v1/applications/${code}`;
  await call(
    base,
    'PATCH',
    path,
    {
      headers: { ...json, 'loket-secret': secret, 'if-match': created.response.headers.get('etag') ?? '' },
      body: JSON.stringify({ answers: ANSWERS }),
    },
    200,
  );
  for (const field of FILE_FIELDS) {
    const form = new FormData();
    form.append('field', field);
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), `${field}.pdf`);
    await call(base, 'POST', `${path}/attachments`, { headers: { 'loket-secret': secret }, body: form }, 201);
  }
  const [row] = await db.query<{ id: string }>('select id from application where code = $1', [
    code.replace(/^LKT-/, '').replace(/-/g, ''),
  ]);
  if (!row) throw new Error(`${code} is not in the database`);
  return { id: row.id, code, secret, key: newId() };
}

interface Columns {
  application: string[];
  attachment: string[];
  event: string[];
}

/** The columns a clone copies from its template: all but those that must differ (or are generated). */
async function copiedColumns(db: Queryable): Promise<Columns> {
  const rows = await db.query<{ table_name: string; column_name: string }>(
    `select table_name, column_name from information_schema.columns
     where table_schema = current_schema() and table_name in ('application', 'attachment', 'application_event')
       and is_generated = 'NEVER' and is_identity = 'NO'
     order by table_name, ordinal_position`,
  );
  const of = (table: string, own: string[]) =>
    rows.filter((r) => r.table_name === table && !own.includes(r.column_name)).map((r) => r.column_name);
  return {
    application: of('application', ['id', 'code', 'secret_hash', 'answers', 'created_at', 'updated_at']),
    attachment: of('attachment', ['id', 'application_id', 'storage_key', 'created_at']),
    event: of('application_event', ['id', 'application_id', 'at']),
  };
}

/** An application made through the API, as clones copy it. It must stay as it is (never submitted). */
export interface Template {
  id: string;
  version: number;
  answers: Record<string, unknown>;
  attachments: { id: string; field: string; size: number; sha256: string; bytes: Buffer }[];
  columns: Columns;
}

/** Reads the rows (and the stored files) of an application made through the API. */
export async function readTemplate(
  db: Queryable,
  storage: AttachmentStorage,
  code: string,
): Promise<Template> {
  const bare = code.replace(/^LKT-/, '').replace(/-/g, '');
  const [app] = await db.query<{
    id: string;
    answers: Record<string, unknown>;
    status: string;
    version: number;
  }>('select id, answers, status, version from application where code = $1', [bare]);
  if (!app) throw new Error(`template ${code} not found`);
  if (app.status !== 'draft') throw new Error(`template ${code} is ${app.status}, not draft`);
  const rows = await db.query<{
    id: string;
    field: string;
    size: number;
    sha256: string;
    storage_key: string;
  }>(
    'select id, field, size::float8 as size, sha256, storage_key from attachment where application_id = $1 order by id',
    [app.id],
  );
  const attachments = [];
  for (const row of rows) {
    const chunks: Buffer[] = [];
    for await (const chunk of await storage.read(row.storage_key)) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    if (bytes.length !== row.size || createHash('sha256').update(bytes).digest('hex') !== row.sha256) {
      throw new Error(`the stored file of template attachment ${row.id} does not match its row`);
    }
    attachments.push({ id: row.id, field: row.field, size: row.size, sha256: row.sha256, bytes });
  }
  return {
    id: app.id,
    version: app.version,
    answers: app.answers,
    attachments,
    columns: await copiedColumns(db),
  };
}

/** The template's answers with its attachment ids replaced by a clone's. */
function remapAnswers(answers: Record<string, unknown>, ids: Map<string, string>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(answers).map(([key, value]) => [
      key,
      Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? (ids.get(v) ?? v) : v)) : value,
    ]),
  );
}

/** Runs `fn` over `items` with at most `limit` at a time. */
async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++] as T);
  });
  await Promise.all(lanes);
}

export interface CloneTimings {
  /** Writing the attachment files through the storage module (hash, fsync, rename). */
  filesMs: number;
  /** The inserts (application, attachment, application_event rows). */
  sqlMs: number;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * `n` clones of `template`, ready to submit: new id, tracking code and secret; the same answers
 * (attachment ids remapped); each attachment row with its own file in `storage`; the same history
 * (the creation event). Every other column is the template's.
 */
export async function cloneApplications(
  db: Db,
  storage: AttachmentStorage,
  template: Template,
  n: number,
  timings?: CloneTimings,
): Promise<ReadyApplication[]> {
  const [now] = await db.query<{ status: string; version: number }>(
    'select status, version from application where id = $1',
    [template.id],
  );
  if (now?.status !== 'draft' || now.version !== template.version) {
    throw new Error(
      `the template changed (${now?.status}, version ${now?.version}): clones would not be drafts`,
    );
  }
  const clones = Array.from({ length: n }, () => {
    const secret = newSecret();
    const ids = new Map(template.attachments.map((a) => [a.id, newId()]));
    return {
      id: newId(),
      code: newTrackingCode(),
      secret,
      secretHash: sha256Hex(secret),
      answers: JSON.stringify(remapAnswers(template.answers, ids)),
      attachments: template.attachments.map((a) => ({ id: ids.get(a.id) as string, template: a, key: '' })),
    };
  });

  let started = performance.now();
  const files = clones.flatMap((c) => c.attachments);
  await pool(files, 16, async (file) => {
    const stored = await storage.write(Readable.from([file.template.bytes]), { maxBytes: MAX_UPLOAD_BYTES });
    if (stored.size !== file.template.size || stored.sha256 !== file.template.sha256) {
      throw new Error('a cloned attachment file differs from the template');
    }
    file.key = stored.key;
  });
  if (timings) timings.filesMs += performance.now() - started;

  started = performance.now();
  const { columns } = template;
  const appCols = columns.application.map(ident);
  const attCols = columns.attachment.map(ident);
  const eventCols = columns.event.map(ident);
  // Every timestamp moves by the same amount (the template's last write becomes now), so the
  // order of the uploads (which lists attachments) and the gaps between writes are the API's.
  const shift = '(now() - (select updated_at from application where id = $5))';
  const batch = 1000;
  for (let from = 0; from < clones.length; from += batch) {
    const part = clones.slice(from, from + batch);
    await db.transaction(async (tx) => {
      const inserted = await tx.query(
        `insert into application (id, code, secret_hash, answers, created_at, updated_at, ${appCols.join(', ')})
         select c.id, c.code, c.secret_hash, c.answers::jsonb, t.created_at + ${shift}, t.updated_at + ${shift},
                ${appCols.map((c) => `t.${c}`).join(', ')}
         from unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) as c(id, code, secret_hash, answers)
         cross join (select * from application where id = $5) as t
         returning id`,
        [
          part.map((c) => c.id),
          part.map((c) => c.code),
          part.map((c) => c.secretHash),
          part.map((c) => c.answers),
          template.id,
        ],
      );
      if (inserted.length !== part.length) throw new Error('not every clone was inserted');
      const atts = part.flatMap((c) => c.attachments.map((a) => ({ app: c.id, ...a })));
      await tx.query(
        `insert into attachment (id, application_id, storage_key, created_at, ${attCols.join(', ')})
         select c.id, c.application_id, c.storage_key, t.created_at + ${shift}, ${attCols.map((c) => `t.${c}`).join(', ')}
         from unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[]) as c(id, application_id, storage_key, template_id)
         join attachment as t on t.id = c.template_id`,
        [
          atts.map((a) => a.id),
          atts.map((a) => a.app),
          atts.map((a) => a.key),
          atts.map((a) => a.template.id),
          template.id,
        ],
      );
      await tx.query(
        `insert into application_event (application_id, at, ${eventCols.join(', ')})
         select c.id, t.at + ${shift.replace('$5', '$2')}, ${eventCols.map((c) => `t.${c}`).join(', ')}
         from unnest($1::uuid[]) with ordinality as c(id, n)
         cross join (select * from application_event where application_id = $2) as t
         order by c.n, t.id`,
        [part.map((c) => c.id), template.id],
      );
    });
  }
  if (timings) timings.sqlMs += performance.now() - started;
  return clones.map((c) => ({ id: c.id, code: formatCode(c.code), secret: c.secret, key: newId() }));
}

/** Everything stored about an application, with what must differ between two copies taken out. */
async function shapeOf(db: Queryable, storage: AttachmentStorage, id: string) {
  const [app] = await db.query<{ row: Record<string, unknown>; answers: Record<string, unknown> }>(
    `select to_jsonb(a) - array['id', 'code', 'secret_hash', 'answers', 'created_at', 'updated_at'] as row, answers
     from application a where id = $1`,
    [id],
  );
  const attachments = await db.query<{ id: string; storage_key: string; row: Record<string, unknown> }>(
    `select id, storage_key, to_jsonb(t) - array['id', 'application_id', 'storage_key', 'created_at'] as row
     from attachment t where application_id = $1 order by field, id`,
    [id],
  );
  const events = await db.query<{ row: Record<string, unknown> }>(
    `select to_jsonb(e) - array['id', 'application_id', 'at'] as row from application_event e
     where application_id = $1 order by id`,
    [id],
  );
  if (!app) throw new Error(`application ${id} not found`);
  const label = new Map(attachments.map((a) => [a.id, `attachment:${String(a.row.field)}`]));
  const files = [];
  for (const a of attachments) {
    const chunks: Buffer[] = [];
    for await (const chunk of await storage.read(a.storage_key)) chunks.push(chunk as Buffer);
    files.push(Buffer.concat(chunks).toString('base64'));
  }
  return {
    application: app.row,
    answers: remapAnswers(app.answers, label),
    attachments: attachments.map((a) => a.row),
    files,
    events: events.map((e) => e.row),
  };
}

/** Every id, code, secret and timestamp of one application replaced by a placeholder. */
function normalized(value: unknown, app: ReadyApplication, ids: string[]): string {
  let text = JSON.stringify(value);
  for (const [i, id] of ids.entries()) text = text.split(id).join(`<attachment ${i}>`);
  return text
    .split(app.code)
    .join('<code>')
    .split(app.id)
    .join('<id>')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)/g, '<time>');
}

async function attachmentIds(db: Queryable, id: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    'select id from attachment where application_id = $1 order by field, id',
    [id],
  );
  return rows.map((r) => r.id);
}

/**
 * Throws unless `clone` is stored exactly as `original` (made through the API) is, apart from what
 * must differ, and the API answers GET for both the same way. Returns what was compared.
 */
export async function checkClone(
  db: Queryable,
  storage: AttachmentStorage,
  base: string,
  original: ReadyApplication,
  clone: ReadyApplication,
): Promise<string[]> {
  const [a, b] = [await shapeOf(db, storage, original.id), await shapeOf(db, storage, clone.id)];
  const differs = Object.keys(a).filter(
    (k) => !isDeepStrictEqual(a[k as keyof typeof a], b[k as keyof typeof b]),
  );
  if (differs.length) {
    throw new Error(
      `a clone is not stored as the API stores an application: ${differs.join(', ')} differ\n` +
        `API:   ${JSON.stringify(a)}\nclone: ${JSON.stringify(b)}`,
    );
  }
  const get = async (app: ReadyApplication) => {
    const { response, body } = await call(
      base,
      'GET',
      `/v1/applications/${app.code}`,
      { headers: { 'loket-secret': app.secret, accept: 'application/json' } },
      200,
    );
    // The ETag is the version plus a digest of the id: the version must match, the digest differs.
    const etag = response.headers.get('etag')?.replace(/-[0-9a-f]{8}"$/, '-<id>"');
    return normalized({ etag, body }, app, await attachmentIds(db, app.id));
  };
  const [getA, getB] = [await get(original), await get(clone)];
  if (getA !== getB)
    throw new Error(`GET differs between the API's application and a clone:\n${getA}\n${getB}`);
  return ['rows', 'attachment rows', 'files', 'events', 'GET'];
}

/** Submits through the API (outside the measured runs); returns the normalized response. */
export async function submitOnce(base: string, db: Queryable, app: ReadyApplication): Promise<string> {
  const { body } = await call(
    base,
    'POST',
    `/v1/applications/${app.code}/submit`,
    {
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'loket-secret': app.secret,
        'idempotency-key': app.key,
      },
      body: JSON.stringify({ declaration: true }),
    },
    200,
  );
  return normalized(body, app, await attachmentIds(db, app.id));
}

export interface SubmitCheck {
  applications: number;
  submitted: number;
  drafts: number;
  withOneSubmittedEvent: number;
  idempotencyKeys: number;
}

/** How the applications of one run ended up: their statuses, 'submitted' events and stored keys. */
export async function checkSubmitted(db: Queryable, apps: ReadyApplication[]): Promise<SubmitCheck> {
  const [row] = await db.query<SubmitCheck>(
    `select count(*)::int as applications,
            count(*) filter (where a.status = 'submitted')::int as submitted,
            count(*) filter (where a.status = 'draft')::int as drafts,
            count(*) filter (where (select count(*) from application_event e
                                    where e.application_id = a.id and e.to_status = 'submitted') = 1)::int
              as "withOneSubmittedEvent",
            (select count(*) from idempotency_key k where k.application_id = any($1::uuid[]))::int as "idempotencyKeys"
     from application a where a.id = any($1::uuid[])`,
    [apps.map((a) => a.id)],
  );
  if (!row) throw new Error('no answer');
  return row;
}
