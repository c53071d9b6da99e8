import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createLoketClient, createLoketCore, createLoketOfficerClient, isLoketApiError } from '@loket/sdk';
import { createApplicationSession, memoryStorage } from '@loket/sdk/session';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOfficerToken } from '../src/applications/officer-tokens.js';
import { addOrigin } from '../src/applications/origins.js';
import { normalizeCode } from '../src/applications/secrets.js';
import { composeEmail } from '../src/notifications/email-message.js';
import { startTestServer, type TestServer } from './helpers/app.js';
import { checkResponse, contractCheckingFetch } from './helpers/contract.js';

// The receipt ("Bukti pengajuan") and the result document: a real ktp-el-hilang application
// submitted through the SDK, the officer attaching the document while in review and completing,
// the citizen downloading it with the code and secret. Every response is checked against the contract.
let server: TestServer;
const violations: string[] = [];
const now = new Date('2026-03-13T03:00:00Z'); // Friday 13 March 2026, 10:00 WIB
const NIK = '3374015708900001';

beforeAll(async () => {
  server = await startTestServer({ now: () => now });
});
afterEach(() => expect(violations).toEqual([]));
afterAll(() => server?.close());

const pdf = (note = '') =>
  new File([Buffer.from(`%PDF-1.4\n%${note}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`)], 'akta.pdf', {
    type: 'application/pdf',
  });
const png = () =>
  new File([Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')], 'hasil.png');

const clients = () => ({
  citizen: createLoketClient({
    baseUrl: server.url,
    region: '33.74',
    fetch: contractCheckingFetch(violations),
  }),
  officerOf: (token: string) =>
    createLoketOfficerClient({ baseUrl: server.url, token, fetch: contractCheckingFetch(violations) }),
});

/** A ktp-el-hilang application in Kota Semarang, submitted through the SDK's session. */
async function submitted(): Promise<{ code: string; secret: string }> {
  const core = createLoketCore({ baseUrl: server.url, fetch: contractCheckingFetch(violations) });
  const app = createApplicationSession({
    core,
    service: 'ktp-el-hilang',
    region: '33.74',
    storage: memoryStorage(),
  });
  await app.start();
  const answers = {
    nama_lengkap: 'Siti Aminah',
    nik: NIK,
    telepon: '0812-3456-7890',
    tanggal_kehilangan: '2026-03-01',
    pernyataan_benar: true,
  };
  for (const [field, value] of Object.entries(answers)) app.setAnswer(field, value);
  await app.flush();
  for (const field of ['surat_keterangan_kehilangan', 'kartu_keluarga']) await app.upload(field, pdf(field));
  await app.submit();
  const key = app.snapshot.key as { code: string; secret: string };
  app.dispose();
  return key;
}

async function officer(agency = 'dukcapil', region = '33.74') {
  const { token } = await createOfficerToken(server.db, { name: `Uji ${agency} ${region}`, agency, region });
  return clients().officerOf(token);
}

/** A raw request whose answer is checked against the contract. */
async function call(method: string, path: string, init: RequestInit = {}) {
  const response = await fetch(server.url + path, { ...init, method });
  const type = response.headers.get('content-type');
  const body = /json/.test(type ?? '') ? await response.json() : await response.text();
  expect(checkResponse(method, path, response.status, type, body)).toEqual([]);
  return { status: response.status, headers: response.headers, body };
}

const put = (code: string, token: string, form: FormData) =>
  call('PUT', `/v1/officer/applications/${code}/result`, {
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

describe('the submission receipt', () => {
  it('gives code, service, agency, date sent, due date and what to bring; never the secret or answers', async () => {
    const { citizen } = clients();
    const key = await submitted();
    const receipt = await citizen.getApplicationReceipt(key.code, key.secret);
    const status = await citizen.getApplicationStatus(key.code, key.secret);
    const service = await citizen.getService('ktp-el-hilang', { region: '33.74' });
    expect(receipt).toMatchObject({
      code: key.code,
      service: { id: 'ktp-el-hilang', name: service.name },
      agency: { id: 'dukcapil', name: service.agency.name },
      region: '33.74',
      status: 'submitted',
      submitted_at: now.toISOString(),
      due: status.due,
    });
    expect(receipt.bring).toEqual(service.requirements);
    expect(receipt.bring.length).toBeGreaterThan(0);
    const text = JSON.stringify(receipt);
    expect(text).not.toContain(key.secret);
    expect(text).not.toContain(NIK);
    expect(text).not.toContain('Siti');

    const english = createLoketClient({
      baseUrl: server.url,
      locale: 'en',
      fetch: contractCheckingFetch(violations),
    });
    const en = await english.getApplicationReceipt(key.code, key.secret);
    expect(en.lang).toBe('en');
    expect(en.service.name).toBe((await english.getService('ktp-el-hilang', { region: '33.74' })).name);
  });

  it('answers 404 to a wrong secret and to a draft', async () => {
    const { citizen } = clients();
    const key = await submitted();
    const wrong = await failure(citizen.getApplicationReceipt(key.code, '0000-0000-0000-0000'));
    expect(isLoketApiError(wrong) && wrong.status).toBe(404);
    const { application: draft } = await citizen.createApplication({ service: 'ktp-el-hilang' });
    expect(draft.status).toBe('draft');
    const none = await failure(citizen.getApplicationReceipt(draft.code, draft.secret));
    expect(isLoketApiError(none) && none.status).toBe(404);
  });
});

describe('the result document', () => {
  it('is attached in review, shown and downloadable once completed, with hardened headers', async () => {
    const { citizen } = clients();
    const desk = await officer();
    const key = await submitted();
    const early = await failure(desk.attachResultDocument(key.code, pdf('early')));
    expect(isLoketApiError(early) && early.status).toBe(409);

    await desk.transition(key.code, { to: 'in_review' });
    const first = await desk.attachResultDocument(key.code, png());
    expect(first).toMatchObject({ filename: 'hasil.png', content_type: 'image/png' });
    const akta = pdf('akta digital');
    const document = await desk.attachResultDocument(key.code, akta, { filename: 'Akta "Siti".pdf' });
    expect(document).toMatchObject({
      filename: 'Akta _Siti_.pdf',
      content_type: 'application/pdf',
      size: akta.size,
    });
    // The replaced document's bytes are gone: storage holds the attachments and the new one only.
    const keys = await server.db.query<{ storage_key: string }>(
      `select storage_key from attachment union all select storage_key from result_document`,
    );
    for (const { storage_key } of keys)
      await readFile(join(server.uploadsDir, storage_key.slice(0, 2), storage_key));
    const rows = await server.db.query<{ n: number }>('select count(*)::int as n from result_document');
    expect(rows[0]?.n).toBe(1);
    expect((await desk.getApplication(key.code)).result_document).toMatchObject({
      filename: 'Akta _Siti_.pdf',
    });

    // Not the citizen's before completion.
    expect((await citizen.getApplicationStatus(key.code, key.secret)).result_document).toBeUndefined();
    const before = await failure(citizen.downloadResultDocument(key.code, key.secret));
    expect(isLoketApiError(before) && before.status).toBe(404);

    await desk.transition(key.code, { to: 'completed', public_note: 'Akta terbit.' });
    const status = await citizen.getApplicationStatus(key.code, key.secret);
    expect(status.result_document).toEqual({ ...document });
    const downloaded = await citizen.downloadResultDocument(key.code, key.secret);
    expect(Buffer.from(await downloaded.blob.arrayBuffer())).toEqual(Buffer.from(await akta.arrayBuffer()));
    expect(downloaded).toMatchObject({ contentType: 'application/pdf', filename: 'Akta _Siti_.pdf' });

    const raw = await call('GET', `/v1/applications/${key.code}/result`, {
      headers: { 'loket-secret': key.secret, accept: '*/*' },
    });
    expect(raw.status).toBe(200);
    expect(raw.headers.get('content-type')).toBe('application/pdf');
    expect(raw.headers.get('content-length')).toBe(String(akta.size));
    expect(raw.headers.get('content-disposition')).toMatch(/^attachment; filename="Akta _Siti_.pdf"/);
    expect(raw.headers.get('x-content-type-options')).toBe('nosniff');
    expect(raw.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(raw.headers.get('cache-control')).toBe('no-store');

    // A page on an allowed origin may read the filename (CORS exposes Content-Disposition).
    await addOrigin(server.db, '33.74', 'https://layanan.semarang.example');
    const fromPage = await fetch(`${server.url}/v1/applications/${key.code}/result`, {
      headers: { 'loket-secret': key.secret, origin: 'https://layanan.semarang.example' },
    });
    expect(fromPage.status).toBe(200);
    expect(fromPage.headers.get('access-control-expose-headers')).toMatch(/Content-Disposition/i);

    const wrong = await call('GET', `/v1/applications/${key.code}/result`, {
      headers: { 'loket-secret': '0000-0000-0000-0000' },
    });
    expect(wrong.status).toBe(404);
    expect(wrong.headers.get('content-type')).toMatch(/^application\/problem\+json/);

    // Completed: the document is final.
    const late = await failure(desk.attachResultDocument(key.code, pdf('late')));
    expect(isLoketApiError(late) && late.status).toBe(409);
  });

  it('tells the citizen on completion that a document is available, without a link or the secret', async () => {
    const desk = await officer();
    const withDocument = await submitted();
    const without = await submitted();
    for (const key of [withDocument, without]) await desk.transition(key.code, { to: 'in_review' });
    await desk.attachResultDocument(withDocument.code, pdf('akta'));
    for (const key of [withDocument, without]) await desk.transition(key.code, { to: 'completed' });
    const payloads = await server.db.query<{ code: string; payload: { document?: true } }>(
      `select a.code, e.payload from outbox_event e join application a on a.id = e.application_id
       where e.topic = 'application.completed' and a.code = any($1::text[])`,
      [[withDocument, without].map((k) => normalizeCode(k.code))],
    );
    const byCode = new Map(payloads.map((p) => [p.code, p.payload]));
    expect(byCode.get(normalizeCode(withDocument.code) as string)?.document).toBe(true);
    expect(byCode.get(normalizeCode(without.code) as string)?.document).toBeUndefined();

    const payload = byCode.get(normalizeCode(withDocument.code) as string) as Parameters<
      typeof composeEmail
    >[0]['payload'];
    const mail = composeEmail({
      lang: 'id',
      code: withDocument.code,
      service: 'Penggantian KTP-el hilang',
      payload,
      fieldLabels: [],
      trackerUrl: 'https://layanan.semarang.example/lacak#kode=X',
      stopUrl: 'https://api.example/v1/notifications/stop/t',
    });
    expect(mail.text).toContain('Dokumen hasil sudah tersedia');
    expect(mail.text).not.toContain(withDocument.secret);
    expect(mail.text).not.toContain('/result');
    const plain = composeEmail({
      ...{ lang: 'id', code: without.code, service: 'x', fieldLabels: [] },
      payload: { ...payload, document: undefined } as never,
      trackerUrl: null,
      stopUrl: 'https://s',
    });
    expect(plain.text).not.toContain('Dokumen hasil');
  });

  it('refuses what is not a PDF, JPEG or PNG, empty files, too large files, and other officers (problem+json)', async () => {
    const desk = await officer();
    const { token } = await createOfficerToken(server.db, {
      name: 'Uji upload',
      agency: 'dukcapil',
      region: '33.74',
    });
    const key = await submitted();
    await desk.transition(key.code, { to: 'in_review' });
    const form = (bytes: Uint8Array | string, name = 'x.pdf') => {
      const body = new FormData();
      body.append('file', new Blob([bytes as BlobPart], { type: 'application/pdf' }), name);
      return body;
    };
    const text = await put(key.code, token, form('bukan PDF, hanya teks'));
    expect(text.status).toBe(422);
    expect(text.body.type).toMatch(/file-type-not-allowed$/);
    const empty = await put(key.code, token, form(''));
    expect(empty.status).toBe(400);
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(Buffer.from('%PDF-1.4\n'));
    const tooLarge = await put(key.code, token, form(big));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const withField = new FormData();
    withField.append('field', 'surat');
    withField.append('file', new Blob(['%PDF-1.4\n']), 'a.pdf');
    expect((await put(key.code, token, withField)).status).toBe(400);

    const other = await createOfficerToken(server.db, {
      name: 'Uji lain',
      agency: 'dukcapil',
      region: '33.75',
    });
    const outside = await put(key.code, other.token, form('%PDF-1.4\n%%EOF\n'));
    expect(outside.status).toBe(403);
    const unknown = await put('LKT-0000-0000-0000', token, form('%PDF-1.4\n%%EOF\n'));
    expect(unknown.status).toBe(404);
    expect(
      await server.db.query(
        'select 1 from result_document r join application a on a.id = r.application_id where a.code = $1',
        [normalizeCode(key.code)],
      ),
    ).toEqual([]);
  });
});
