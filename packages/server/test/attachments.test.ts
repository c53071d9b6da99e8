import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StoredForm, seedForms } from '../src/applications/forms.js';
import { normalizeCode, sha256Hex } from '../src/applications/secrets.js';
import { startTestServer, type TestServer } from './helpers/app.js';
import { checkResponse } from './helpers/contract.js';

const SERVICE = 'ktp-el-hilang';
const MB = 1024 * 1024;

const label = (id: string, en: string) => ({ id, en });

/** A small form with two file fields of different rules and one text field. */
const testForm: StoredForm = {
  service: SERVICE,
  version: 1,
  title: label('KTP-el hilang', 'Lost KTP-el'),
  steps: [
    {
      id: 'pemohon',
      title: label('Pemohon', 'Applicant'),
      fields: [
        { id: 'nama_lengkap', type: 'text', label: label('Nama lengkap', 'Full name'), required: true },
        {
          id: 'surat_kehilangan',
          type: 'file',
          label: label('Surat kehilangan', 'Police loss report'),
          required: true,
          file: { accept: ['application/pdf', 'image/jpeg', 'image/png'], max_bytes: MB, max_files: 3 },
        },
        {
          id: 'pas_foto',
          type: 'file',
          label: label('Pas foto', 'Photo'),
          required: false,
          file: { accept: ['image/jpeg', 'image/png'], max_bytes: 64 * 1024, max_files: 1 },
        },
      ],
    },
  ],
};

const fixture = (name: string) => readFileSync(new URL(`./fixtures/files/${name}`, import.meta.url));
const pdf = fixture('tiny.pdf');
const jpeg = fixture('tiny.jpg');
const png = fixture('tiny.png');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let server: TestServer;
let agency: string;
let otherAgency: string;

beforeAll(async () => {
  server = await startTestServer();
  await server.db.transaction((tx) => seedForms(tx, [testForm]));
  const rows = await server.db.query<{ agency_id: string }>('select agency_id from service where id = $1', [
    SERVICE,
  ]);
  agency = (rows[0] as { agency_id: string }).agency_id;
  const others = await server.db.query<{ id: string }>(
    'select id from agency where id <> $1 order by id limit 1',
    [agency],
  );
  otherAgency = (others[0] as { id: string }).id;
});
afterAll(() => server?.close());

interface Draft {
  code: string;
  secret: string;
  id: string;
}

async function parse(response: Response) {
  const text = await response.text();
  return text && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : text;
}

/** A request over real HTTP whose answer is checked against the contract. */
async function call(method: string, path: string, init: RequestInit = {}) {
  const response = await fetch(server.url + path, { ...init, method });
  const body = await parse(response);
  expect(checkResponse(method, path, response.status, response.headers.get('content-type'), body)).toEqual(
    [],
  );
  return { status: response.status, headers: response.headers, body };
}

async function createDraft(): Promise<Draft> {
  const { status, body } = await call('POST', '/v1/applications', {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ service: SERVICE, region: '33.74' }),
  });
  expect(status).toBe(201);
  const code = normalizeCode(body.code) as string;
  const rows = await server.db.query<{ id: string }>('select id from application where code = $1', [code]);
  return { code: body.code, secret: body.secret, id: (rows[0] as { id: string }).id };
}

interface UploadOptions {
  field?: string | null;
  bytes?: Uint8Array;
  filename?: string;
  type?: string;
  secret?: string;
}

async function upload(draft: Draft, options: UploadOptions = {}) {
  const form = new FormData();
  const field = options.field === undefined ? 'surat_kehilangan' : options.field;
  if (field !== null) form.append('field', field);
  form.append(
    'file',
    new Blob([(options.bytes ?? pdf) as Uint8Array<ArrayBuffer>], {
      type: options.type ?? 'application/pdf',
    }),
    options.filename ?? 'surat.pdf',
  );
  return call('POST', `/v1/applications/${draft.code}/attachments`, {
    headers: { 'loket-secret': options.secret ?? draft.secret },
    body: form,
  });
}

/** A hand-made multipart body, for what FormData cannot send (order, extra parts). */
async function uploadRaw(
  draft: Draft,
  parts: { name: string; filename?: string; body: Uint8Array | string }[],
) {
  const boundary = `----loket${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ''}`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n`));
    chunks.push(Buffer.from(part.body));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return call('POST', `/v1/applications/${draft.code}/attachments`, {
    headers: { 'loket-secret': draft.secret, 'content-type': `multipart/form-data; boundary=${boundary}` },
    body: Buffer.concat(chunks),
  });
}

async function getApplication(draft: Draft) {
  return call('GET', `/v1/applications/${draft.code}`, { headers: { 'loket-secret': draft.secret } });
}

async function attachmentRows(draft: Draft) {
  return server.db.query<{ id: string; field: string; storage_key: string; filename: string }>(
    'select id, field, storage_key, filename from attachment where application_id = $1 order by created_at, id',
    [draft.id],
  );
}

/** Every file under uploadsDir, as paths relative to it. */
async function filesOnDisk(): Promise<string[]> {
  const entries = await readdir(server.uploadsDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(server.uploadsDir, join(e.parentPath, e.name)))
    .sort();
}

/** Storage holds exactly the files of the attachment rows, under their keys, and no partial file. */
async function expectStorageMatchesRows() {
  const keys = await server.db.query<{ storage_key: string }>('select storage_key from attachment');
  const expected = keys.map((k) => join(k.storage_key.slice(0, 2), k.storage_key)).sort();
  expect(await filesOnDisk()).toEqual(expected);
}

async function setStatus(draft: Draft, status: string, revisionFields: string[] = []) {
  await server.db.query(
    `update application set status = $2, revision_fields = $3::text[],
       submitted_at = case when $2 = 'draft' then null else now() end where id = $1`,
    [draft.id, status, revisionFields],
  );
}

/** Waits until `check` passes (the server cleans up after an aborted request asynchronously). */
async function eventually(check: () => Promise<void>, timeoutMs = 5000) {
  const start = Date.now();
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() - start > timeoutMs) throw error;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

describe('uploading an attachment', () => {
  it('stores a PDF, a JPEG and a PNG with their size, SHA-256 and detected type', async () => {
    const draft = await createDraft();
    const before = (await getApplication(draft)).headers.get('etag');
    const ids: string[] = [];
    let etag = before;
    for (const [bytes, type, filename] of [
      [pdf, 'application/pdf', 'surat.pdf'],
      [jpeg, 'image/jpeg', 'foto.jpg'],
      [png, 'image/png', 'scan.png'],
    ] as const) {
      const { status, headers, body } = await upload(draft, { bytes, type, filename });
      expect(status).toBe(201);
      expect(body).toMatchObject({
        field: 'surat_kehilangan',
        filename,
        content_type: type,
        size: bytes.length,
        sha256: sha256(bytes),
      });
      expect(body.id).toMatch(uuid);
      expect(headers.get('etag')).not.toBe(etag);
      etag = headers.get('etag');
      ids.push(body.id);
    }
    // The ETag is the application's: the same as a fresh GET, which lists the files and answers.
    const current = await getApplication(draft);
    expect(current.headers.get('etag')).toBe(etag);
    expect(current.body.answers.surat_kehilangan).toEqual(ids);
    expect(current.body.attachments.map((a: { id: string }) => a.id)).toEqual(ids);
    // On disk under random keys, byte for byte.
    const rows = await attachmentRows(draft);
    for (const [i, bytes] of [pdf, jpeg, png].entries()) {
      const key = (rows[i] as { storage_key: string }).storage_key;
      expect(key).toMatch(uuid);
      expect(await readFile(join(server.uploadsDir, key.slice(0, 2), key))).toEqual(bytes);
    }
    await expectStorageMatchesRows();
  });

  it('decides the type by content: the declared type and the extension do not matter', async () => {
    const draft = await createDraft();
    const { status, body } = await upload(draft, {
      field: 'pas_foto',
      bytes: png,
      type: 'application/octet-stream',
      filename: 'foto.pdf',
    });
    expect(status).toBe(201);
    expect(body.content_type).toBe('image/png');
  });

  it.each([
    [
      'a Windows executable',
      Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), randomBytes(200)]),
    ],
    ['a ZIP archive', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), randomBytes(200)])],
    ['an HTML page', Buffer.from('<!DOCTYPE html><html><script>alert(document.cookie)</script></html>')],
    ['a PDF header after leading junk', Buffer.from('\n\n<html>%PDF-1.7\n')],
    ['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
  ])('refuses %s named .pdf and sent as application/pdf, storing nothing', async (_name, bytes) => {
    const draft = await createDraft();
    const etag = (await getApplication(draft)).headers.get('etag');
    const { status, body } = await upload(draft, { bytes, type: 'application/pdf', filename: 'surat.pdf' });
    expect(status).toBe(422);
    expect(body.type).toBe('urn:loket:problem:file-type-not-allowed');
    expect(body.errors).toEqual([expect.objectContaining({ pointer: '/file' })]);
    expect(await attachmentRows(draft)).toEqual([]);
    expect((await getApplication(draft)).headers.get('etag')).toBe(etag);
    await expectStorageMatchesRows();
  });

  it('refuses a real file of a type the field does not accept (a PDF for a photo field)', async () => {
    const draft = await createDraft();
    const { status, body } = await upload(draft, { field: 'pas_foto', bytes: pdf });
    expect(status).toBe(422);
    expect(body.type).toBe('urn:loket:problem:file-type-not-allowed');
    expect(await attachmentRows(draft)).toEqual([]);
    await expectStorageMatchesRows();
  });

  it("accepts a file of exactly the field's limit and refuses one byte more with 413, storing nothing", async () => {
    const draft = await createDraft();
    const exact = Buffer.alloc(MB, 0x20);
    pdf.copy(exact);
    expect((await upload(draft, { bytes: exact })).status).toBe(201);
    const over = Buffer.alloc(MB + 1, 0x20);
    pdf.copy(over);
    const { status, body } = await upload(draft, { bytes: over });
    expect(status).toBe(413);
    expect(body.type).toBe('urn:loket:problem:file-too-large');
    expect(body.detail).toMatch(/1048576/);
    expect(await attachmentRows(draft)).toHaveLength(1);
    await expectStorageMatchesRows();
  });

  it("applies each field's own limit (64 KB for the photo)", async () => {
    const draft = await createDraft();
    const big = Buffer.alloc(64 * 1024 + 1);
    png.copy(big);
    const { status, headers, body } = await upload(draft, {
      field: 'pas_foto',
      bytes: big,
      type: 'image/png',
    });
    expect(status).toBe(413);
    // Refused mid-body: the connection is not reused for another request.
    expect(headers.get('connection')).toBe('close');
    expect(body.detail).toMatch(/65536/);
    expect(await attachmentRows(draft)).toEqual([]);
    await expectStorageMatchesRows();
  });

  it('refuses a body over the absolute cap (10 MB) before reading it', async () => {
    const draft = await createDraft();
    const huge = Buffer.alloc(11 * MB);
    pdf.copy(huge);
    const { status, body } = await upload(draft, { bytes: huge });
    expect(status).toBe(413);
    expect(body.type).toBe('urn:loket:problem:file-too-large');
    expect(await attachmentRows(draft)).toEqual([]);
    await expectStorageMatchesRows();
  });

  it('refuses an empty file, storing nothing', async () => {
    const draft = await createDraft();
    const { status, body } = await upload(draft, { bytes: new Uint8Array(0) });
    expect(status).toBe(400);
    expect(body.errors).toEqual([expect.objectContaining({ pointer: '/file' })]);
    expect(await attachmentRows(draft)).toEqual([]);
    await expectStorageMatchesRows();
  });

  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\windows\\x.pdf', 'x.pdf'],
    ['C:\\Users\\siti\\Desktop\\surat.pdf', 'surat.pdf'],
    ['<script>.pdf', '_script_.pdf'],
    ['<img src=x onerror=alert(1)>.pdf', '_img src=x onerror=alert(1)_.pdf'],
    ['<script>alert(1)</script>.pdf', 'script_.pdf'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['...', 'berkas'],
    ['.htaccess', 'htaccess'],
    ['surat\u0000kehilangan\u0007.pdf', 'suratkehilangan.pdf'],
    ['Surat Kehilangan – Siti Aminah (polsek).pdf', 'Surat Kehilangan – Siti Aminah (polsek).pdf'],
  ])('keeps the filename %j only as a clean label', async (sent, expected) => {
    const draft = await createDraft();
    const { status, body } = await upload(draft, { filename: sent });
    expect(status).toBe(201);
    expect(body.filename).toBe(expected);
    expect(body.filename).not.toMatch(/[/\\\p{Cc}\p{Cf}<>]/u);
    expect(body.filename).not.toMatch(/^\./);
    // Nothing on disk is named after it.
    for (const path of await filesOnDisk()) expect(path.split('/').pop()).toMatch(uuid);
  });

  it('shortens a very long filename to 120 characters, keeping the extension', async () => {
    const draft = await createDraft();
    const { status, body } = await upload(draft, { filename: `${'a'.repeat(496)}.pdf` });
    expect(status).toBe(201);
    expect([...body.filename]).toHaveLength(120);
    expect(body.filename.endsWith('a.pdf')).toBe(true);
  });

  it('refuses an unknown field and a field that is not a file field (422, /field)', async () => {
    const draft = await createDraft();
    for (const field of ['tidak_ada', 'nama_lengkap', '../x', 'a'.repeat(300)]) {
      const { status, body } = await upload(draft, { field });
      expect(status).toBe(422);
      expect(body.errors).toEqual([expect.objectContaining({ pointer: '/field' })]);
    }
    expect(await attachmentRows(draft)).toEqual([]);
    await expectStorageMatchesRows();
  });

  it('refuses a body without the field, the field after the file, extra parts, or no file', async () => {
    const draft = await createDraft();
    const cases = [
      { expected: '/field', parts: [{ name: 'file', filename: 'a.pdf', body: pdf }] },
      {
        expected: '/field',
        parts: [
          { name: 'file', filename: 'a.pdf', body: pdf },
          { name: 'field', body: 'surat_kehilangan' },
        ],
      },
      {
        expected: '/',
        parts: [
          { name: 'field', body: 'surat_kehilangan' },
          { name: 'file', filename: 'a.pdf', body: pdf },
          { name: 'file', filename: 'b.pdf', body: pdf },
        ],
      },
      {
        expected: '/other',
        parts: [
          { name: 'field', body: 'surat_kehilangan' },
          { name: 'other', body: 'x' },
        ],
      },
      { expected: '/file', parts: [{ name: 'field', body: 'surat_kehilangan' }] },
    ];
    for (const { parts, expected } of cases) {
      const { status, body } = await uploadRaw(draft, parts);
      expect(status).toBe(400);
      expect(body.errors).toEqual([expect.objectContaining({ pointer: expected })]);
    }
    expect(await attachmentRows(draft)).toEqual([]);
    await expectStorageMatchesRows();
  });

  it('accepts a file part sent without a filename or type, labelled "berkas"', async () => {
    const draft = await createDraft();
    const { status, body } = await uploadRaw(draft, [
      { name: 'field', body: 'surat_kehilangan' },
      { name: 'file', body: pdf },
    ]);
    expect(status).toBe(201);
    expect(body.filename).toBe('berkas');
  });

  it('refuses a body that is not multipart/form-data (415)', async () => {
    const draft = await createDraft();
    const path = `/v1/applications/${draft.code}/attachments`;
    const json = await call('POST', path, {
      headers: { 'loket-secret': draft.secret, 'content-type': 'application/json' },
      body: JSON.stringify({ field: 'surat_kehilangan' }),
    });
    expect(json.status).toBe(415);
    expect(json.body.type).toBe('urn:loket:problem:unsupported-media-type');
    const none = await call('POST', path, { headers: { 'loket-secret': draft.secret } });
    expect(none.status).toBe(415);
  });

  it('keeps multipart to the upload route: other operations answer it with 415', async () => {
    const draft = await createDraft();
    const form = () => {
      const data = new FormData();
      data.append('answers', '{}');
      return data;
    };
    const created = await call('POST', '/v1/applications', { body: form() });
    expect(created.status).toBe(415);
    expect(created.body.type).toBe('urn:loket:problem:unsupported-media-type');
    const patched = await call('PATCH', `/v1/applications/${draft.code}`, {
      headers: { 'loket-secret': draft.secret, 'if-match': '*' },
      body: form(),
    });
    expect(patched.status).toBe(415);
  });

  it('refuses a multipart body that is cut short', async () => {
    const draft = await createDraft();
    const boundary = 'cutshort';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="field"\r\n\r\nsurat_kehilangan\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n`,
      ),
      pdf,
    ]);
    const { status } = await call('POST', `/v1/applications/${draft.code}/attachments`, {
      headers: { 'loket-secret': draft.secret, 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
    });
    expect(status).toBe(400);
    expect(await attachmentRows(draft)).toEqual([]);
    await expectStorageMatchesRows();
  });

  it('keeps to max_files: a 4th file for a 3-file field is 409 and stores nothing', async () => {
    const draft = await createDraft();
    for (let i = 0; i < 3; i++) expect((await upload(draft)).status).toBe(201);
    const { status, body } = await upload(draft);
    expect(status).toBe(409);
    expect(body.errors).toEqual([expect.objectContaining({ pointer: '/field' })]);
    expect(await attachmentRows(draft)).toHaveLength(3);
    await expectStorageMatchesRows();
  });

  it('keeps to max_files under concurrent uploads: exactly one wins a 1-file field', async () => {
    const draft = await createDraft();
    const results = await Promise.all(
      Array.from({ length: 4 }, () => upload(draft, { field: 'pas_foto', bytes: jpeg, type: 'image/jpeg' })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    const current = await getApplication(draft);
    expect(current.body.answers.pas_foto).toHaveLength(1);
    expect(await attachmentRows(draft)).toHaveLength(1);
    await expectStorageMatchesRows();
  });

  it('refuses uploads once submitted (409), and in revision outside the fields asked for', async () => {
    const draft = await createDraft();
    await setStatus(draft, 'submitted');
    const submitted = await upload(draft);
    expect(submitted.status).toBe(409);
    expect(submitted.body.type).toBe('urn:loket:problem:not-editable');
    await setStatus(draft, 'needs_revision', ['pas_foto']);
    const other = await upload(draft);
    expect(other.status).toBe(409);
    expect(other.body.type).toBe('urn:loket:problem:not-editable');
    const asked = await upload(draft, { field: 'pas_foto', bytes: jpeg, type: 'image/jpeg' });
    expect(asked.status).toBe(201);
    for (const status of ['in_review', 'completed', 'rejected', 'withdrawn']) {
      await setStatus(draft, status);
      expect((await upload(draft, { field: 'pas_foto', bytes: png })).status).toBe(409);
    }
    expect(await attachmentRows(draft)).toHaveLength(1);
    await expectStorageMatchesRows();
  });

  it('answers a wrong secret or an unknown code with 404, storing nothing', async () => {
    const draft = await createDraft();
    expect((await upload(draft, { secret: 'not-the-secret' })).status).toBe(404);
    expect((await upload({ ...draft, code: 'LKT-0000-0000-0000' })).status).toBe(404);
    expect(await attachmentRows(draft)).toEqual([]);
    await expectStorageMatchesRows();
  });

  it('leaves no row and no partial file when the client goes away mid-upload', async () => {
    const draft = await createDraft();
    const boundary = 'abortedupload';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="field"\r\n\r\nsurat_kehilangan\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n` +
        'Content-Type: application/pdf\r\n\r\n',
    );
    const url = new URL(`/v1/applications/${draft.code}/attachments`, server.url);
    const req = httpRequest(url, {
      method: 'POST',
      headers: {
        'loket-secret': draft.secret,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(head.length + 900 * 1024),
      },
    });
    req.on('error', () => {});
    req.write(head);
    req.write(Buffer.concat([pdf, Buffer.alloc(200 * 1024, 0x20)]));
    // The server has started storing: a partial file exists.
    await eventually(async () => {
      const partial = (await filesOnDisk()).filter((f) => f.startsWith('tmp/'));
      expect(partial).toHaveLength(1);
    });
    req.destroy();
    await eventually(async () => {
      expect((await filesOnDisk()).filter((f) => f.startsWith('tmp/'))).toEqual([]);
    });
    expect(await attachmentRows(draft)).toEqual([]);
    await expectStorageMatchesRows();
    // The server is fine afterwards.
    expect((await upload(draft)).status).toBe(201);
  });
});

describe('deleting an attachment', () => {
  it('removes the row, the answer and the file, with a new ETag', async () => {
    const draft = await createDraft();
    const first = await upload(draft);
    const second = await upload(draft, { bytes: png, type: 'image/png' });
    const [row] = await attachmentRows(draft);
    const path = `/v1/applications/${draft.code}/attachments/${first.body.id}`;
    const { status, headers, body } = await call('DELETE', path, {
      headers: { 'loket-secret': draft.secret },
    });
    expect(status).toBe(204);
    expect(body).toBe('');
    expect(headers.get('etag')).not.toBe(second.headers.get('etag'));
    const current = await getApplication(draft);
    expect(current.headers.get('etag')).toBe(headers.get('etag'));
    expect(current.body.answers.surat_kehilangan).toEqual([second.body.id]);
    expect(current.body.attachments.map((a: { id: string }) => a.id)).toEqual([second.body.id]);
    expect(await filesOnDisk()).not.toContain(
      join(row?.storage_key.slice(0, 2) ?? '', row?.storage_key ?? ''),
    );
    await expectStorageMatchesRows();
    // Gone: a second delete is 404.
    expect((await call('DELETE', path, { headers: { 'loket-secret': draft.secret } })).status).toBe(404);
    // The last file of a field leaves no answer behind.
    const last = `/v1/applications/${draft.code}/attachments/${second.body.id}`;
    expect((await call('DELETE', last, { headers: { 'loket-secret': draft.secret } })).status).toBe(204);
    expect((await getApplication(draft)).body.answers).not.toHaveProperty('surat_kehilangan');
    await expectStorageMatchesRows();
  });

  it("answers 404 for another application's attachment, and 400 for a malformed id", async () => {
    const mine = await createDraft();
    const theirs = await createDraft();
    const { body } = await upload(theirs);
    const path = `/v1/applications/${mine.code}/attachments/${body.id}`;
    expect((await call('DELETE', path, { headers: { 'loket-secret': mine.secret } })).status).toBe(404);
    const wrongSecret = `/v1/applications/${theirs.code}/attachments/${body.id}`;
    expect((await call('DELETE', wrongSecret, { headers: { 'loket-secret': mine.secret } })).status).toBe(
      404,
    );
    const malformed = `/v1/applications/${mine.code}/attachments/not-a-uuid`;
    expect((await call('DELETE', malformed, { headers: { 'loket-secret': mine.secret } })).status).toBe(400);
    expect(await attachmentRows(theirs)).toHaveLength(1);
    await expectStorageMatchesRows();
  });

  it('refuses once submitted (409), and in revision only allows the fields asked for', async () => {
    const draft = await createDraft();
    const report = await upload(draft);
    const photo = await upload(draft, { field: 'pas_foto', bytes: jpeg, type: 'image/jpeg' });
    const del = (id: string) =>
      call('DELETE', `/v1/applications/${draft.code}/attachments/${id}`, {
        headers: { 'loket-secret': draft.secret },
      });
    await setStatus(draft, 'submitted');
    expect((await del(report.body.id)).status).toBe(409);
    await setStatus(draft, 'needs_revision', ['pas_foto']);
    expect((await del(report.body.id)).status).toBe(409);
    expect((await del(photo.body.id)).status).toBe(204);
    expect(await attachmentRows(draft)).toHaveLength(1);
    await expectStorageMatchesRows();
  });
});

describe('an officer downloading an attachment', () => {
  async function officerToken(agencyId: string, region: string) {
    const token = randomBytes(24).toString('base64url');
    await server.db.query(
      'insert into officer_token (id, name, token_hash, agency_id, region_code) values ($1, $2, $3, $4, $5)',
      [randomUUID(), `Petugas ${region}`, sha256Hex(token), agencyId, region],
    );
    return token;
  }

  async function submittedWithFile(options: UploadOptions = {}) {
    const draft = await createDraft();
    const { body } = await upload(draft, options);
    await setStatus(draft, 'submitted');
    return { draft, attachment: body as { id: string; filename: string } };
  }

  const download = (code: string, id: string, headers: Record<string, string>) =>
    fetch(`${server.url}/v1/officer/applications/${code}/attachments/${id}`, { headers });

  it('streams the exact bytes with the detected type, as an attachment that is never sniffed or cached', async () => {
    const filename = 'Surat Kehilangan – Siti "A" (polsek).pdf';
    const { draft, attachment } = await submittedWithFile({ filename, type: 'image/png' });
    for (const region of ['33.74', '33']) {
      const token = await officerToken(agency, region);
      const response = await download(draft.code, attachment.id, {
        authorization: `Bearer ${token}`,
        accept: '*/*',
        'accept-encoding': 'br, gzip',
      });
      expect(response.status).toBe(200);
      // Already compressed formats are sent as they are, never brotli- or gzip-encoded.
      expect(response.headers.get('content-encoding')).toBeNull();
      expect(Buffer.from(await response.arrayBuffer())).toEqual(pdf);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-length')).toBe(String(pdf.length));
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('cache-control')).toBe('no-store');
      const disposition = response.headers.get('content-disposition') ?? '';
      expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
      const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] ?? '';
      expect(encoded).toMatch(/^[A-Za-z0-9%._~!-]+$/);
      expect(decodeURIComponent(encoded)).toBe(attachment.filename);
      expect(attachment.filename).toBe('Surat Kehilangan – Siti _A_ (polsek).pdf');
    }
  });

  it('refuses an officer of another agency or region (403), a browser origin (403), and no token (401)', async () => {
    const { draft, attachment } = await submittedWithFile();
    const other = await officerToken(otherAgency, '33.74');
    const elsewhere = await officerToken(agency, '34');
    const neighbour = await officerToken(agency, '33.75');
    for (const token of [other, elsewhere, neighbour]) {
      const response = await download(draft.code, attachment.id, { authorization: `Bearer ${token}` });
      expect(response.status).toBe(403);
      const body = await parse(response);
      expect(body.type).toBe('urn:loket:problem:forbidden');
    }
    const mine = await officerToken(agency, '33.74');
    const browser = await download(draft.code, attachment.id, {
      authorization: `Bearer ${mine}`,
      origin: 'https://evil.example',
    });
    expect(browser.status).toBe(403);
    expect((await download(draft.code, attachment.id, {})).status).toBe(401);
  });

  it('answers 404 for an unknown code or attachment, a draft, or an attachment of another application', async () => {
    const { draft, attachment } = await submittedWithFile();
    const { draft: otherDraft, attachment: otherAttachment } = await submittedWithFile();
    const token = await officerToken(agency, '33');
    const auth = { authorization: `Bearer ${token}` };
    const path = (code: string, id: string) => `/v1/officer/applications/${code}/attachments/${id}`;
    for (const [code, id] of [
      ['LKT-0000-0000-0000', attachment.id],
      [draft.code, randomUUID()],
      [draft.code, otherAttachment.id],
      [otherDraft.code, attachment.id],
    ] as const) {
      const { status, body } = await call('GET', path(code, id), { headers: auth });
      expect(status).toBe(404);
      expect(body.type).toBe('urn:loket:problem:not-found');
    }
    await setStatus(draft, 'draft');
    expect((await call('GET', path(draft.code, attachment.id), { headers: auth })).status).toBe(404);
  });
});
