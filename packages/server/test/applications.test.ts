import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrigin } from '../src/applications/origins.js';
import { transition } from '../src/applications/state.js';
import type { Db } from '../src/db/index.js';
import { startTestServer, type TestServer } from './helpers/app.js';
import { checkResponse } from './helpers/contract.js';

// Friday 13 March 2026, 10:00 in Jakarta: just before Nyepi and Idul Fitri 1447 H.
let clock = new Date('2026-03-13T03:00:00Z');
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
  // Kota Semarang gives ktp-el-hilang a duration of 3 working days (nationally it is 1).
  await server.db.query(
    `insert into service_override (service_id, region_code, duration_days) values ('ktp-el-hilang', '33.74', 3)`,
  );
});
afterAll(() => server?.close());

interface Reply {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked against the contract
  body: any;
  text: string;
}

/** One request over real HTTP; every response is checked against the contract. */
async function call(
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: unknown } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  const response = await fetch(server.url + path, { method, headers, body });
  const text = await response.text();
  const parsed = text && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : text;
  expect(checkResponse(method, path, response.status, response.headers.get('content-type'), parsed)).toEqual(
    [],
  );
  return { status: response.status, headers: response.headers, body: parsed, text };
}

const bare = (code: string) => code.replace(/-/g, '').replace(/^LKT/, '');

async function create(
  answers: Record<string, unknown> = {},
  region = '33.74',
  headers: Record<string, string> = {},
) {
  return call('POST', '/v1/applications', { body: { service: 'ktp-el-hilang', region, answers }, headers });
}

/** A new draft: its code, secret and current ETag. */
async function draft(answers: Record<string, unknown> = {}, region = '33.74') {
  const created = await create(answers, region);
  expect(created.status).toBe(201);
  return {
    code: created.body.code as string,
    secret: created.body.secret as string,
    etag: created.headers.get('etag') as string,
  };
}

const as = (secret: string, extra: Record<string, string> = {}) => ({ 'loket-secret': secret, ...extra });

async function rowOf(db: Db, code: string) {
  const [row] = await db.query<{
    id: string;
    status: string;
    answers: Record<string, unknown>;
    version: number;
    secret_hash: string;
    agency_id: string;
    form_version: number;
    submitted_at: Date | null;
    due_date: string | null;
  }>(
    `select id, status, answers, version, secret_hash, agency_id, form_version, submitted_at, due_date::text as due_date
     from application where code = $1`,
    [bare(code)],
  );
  if (!row) throw new Error(`no application ${code}`);
  return row;
}

async function events(db: Db, code: string) {
  return db.query<{
    from_status: string | null;
    to_status: string;
    actor: string;
    note: string | null;
    public_note: string | null;
  }>(
    `select from_status, to_status, actor, note, public_note from application_event
     where application_id = (select id from application where code = $1) order by id`,
    [bare(code)],
  );
}

/** A stored file for a file field (the upload endpoint is another module's; the row is what counts). */
async function attach(db: Db, code: string, field: string): Promise<string> {
  const id = randomUUID();
  await db.query(
    `insert into attachment (id, application_id, field, filename, content_type, size, sha256, storage_key)
     values ($1, (select id from application where code = $2), $3, 'scan.pdf', 'application/pdf', 1234, $4, $5)`,
    [id, bare(code), field, createHash('sha256').update(id).digest('hex'), randomUUID()],
  );
  return id;
}

const person = {
  nama_lengkap: 'Siti Aminah',
  nik: '3374015505900001',
  telepon: '081234567890',
  tanggal_kehilangan: '2026-03-01',
  pernyataan_benar: true,
};

/** Everything ktp-el-hilang asks for, with both required files attached. */
async function complete(code: string, secret: string, etag: string): Promise<string> {
  const surat = await attach(server.db, code, 'surat_keterangan_kehilangan');
  const kk = await attach(server.db, code, 'kartu_keluarga');
  const saved = await call('PATCH', `/v1/applications/${code}`, {
    headers: as(secret, { 'if-match': etag }),
    body: { answers: { ...person, surat_keterangan_kehilangan: [surat], kartu_keluarga: [kk] } },
  });
  expect(saved.status).toBe(200);
  return saved.headers.get('etag') as string;
}

const submit = (
  code: string,
  secret: string,
  key: string | undefined,
  body: unknown = { declaration: true },
) =>
  call('POST', `/v1/applications/${code}/submit`, {
    headers: as(secret, key === undefined ? {} : { 'idempotency-key': key }),
    body,
  });

describe('getServiceForm', () => {
  it('serves the form with both languages, tagged with the request language', async () => {
    const id = await call('GET', '/v1/services/ktp-el-hilang/form');
    expect(id.status).toBe(200);
    expect(id.body).toMatchObject({ lang: 'id', service: 'ktp-el-hilang', version: 1 });
    expect(id.body.title).toEqual({ id: expect.any(String), en: expect.any(String) });
    expect(id.headers.get('etag')).toBeTruthy();
    expect(id.headers.get('cache-control')).toMatch(/public/);
    const en = await call('GET', '/v1/services/ktp-el-hilang/form?lang=en');
    expect(en.body.lang).toBe('en');
    expect(en.body.steps).toEqual(id.body.steps);
  });

  it('is 404 for a service without a form and for one that does not exist', async () => {
    const [noForm] = await server.db.query<{ id: string }>(
      'select id from service where id not in (select service_id from form_definition) order by id limit 1',
    );
    const without = await call('GET', `/v1/services/${noForm?.id}/form`);
    expect(without.status).toBe(404);
    expect(without.body.type).toBe('urn:loket:problem:not-found');
    expect(without.body.detail).toMatch(/daring/);
    const missing = await call('GET', '/v1/services/tidak-ada-layanan/form?lang=en');
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toBe('Service "tidak-ada-layanan" does not exist.');
  });
});

describe('createApplication', () => {
  it('creates a draft with a formatted code, a secret shown once, an ETag and a Location', async () => {
    const created = await create({ nama_lengkap: 'Siti Aminah' });
    expect(created.status).toBe(201);
    const { body, headers } = created;
    expect(body.code).toMatch(/^LKT-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(headers.get('location')).toBe(`/v1/applications/${body.code}`);
    expect(headers.get('etag')).toMatch(/^"v1-[0-9a-f]{8}"$/);
    expect(headers.get('cache-control')).toBe('no-store');
    expect(body).toMatchObject({
      lang: 'id',
      service: { id: 'ktp-el-hilang', name: 'Penggantian KTP-el karena Hilang' },
      region: '33.74',
      status: 'draft',
      form_version: 1,
      answers: { nama_lengkap: 'Siti Aminah' },
      attachments: [],
      revision_fields: [],
      submitted_at: null,
      due: { date: null, working_days: null, calendar: 'none' },
    });
    // 16 symbols of Crockford's base32 (80 bits) in groups of four: no I, L, O or U.
    expect(body.secret).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    const row = await rowOf(server.db, body.code);
    // Only the hash of the secret (its symbols, without the dashes) is stored.
    const symbols = body.secret.replaceAll('-', '');
    expect(row.secret_hash).toBe(createHash('sha256').update(symbols).digest('hex'));
    expect(row).toMatchObject({ status: 'draft', version: 1, agency_id: 'dukcapil', form_version: 1 });
    expect(await events(server.db, body.code)).toEqual([
      { from_status: null, to_status: 'draft', actor: 'citizen', note: null, public_note: null },
    ]);
    // The secret is never shown again.
    const again = await call('GET', `/v1/applications/${body.code}`, { headers: as(body.secret) });
    expect(again.body.secret).toBeUndefined();
  });

  it('needs a known region (400), a service with a form (404) offered in that region (404)', async () => {
    const region = await create({}, '99.99');
    expect(region.status).toBe(400);
    expect(region.body.type).toBe('urn:loket:problem:unknown-region');
    expect(region.body.errors).toEqual([{ pointer: '/region', detail: expect.stringMatching(/99\.99/) }]);

    const service = await call('POST', '/v1/applications', {
      body: { service: 'tidak-ada', region: '33.74' },
    });
    expect(service.status).toBe(404);
    const [noForm] = await server.db.query<{ id: string }>(
      'select id from service where id not in (select service_id from form_definition) order by id limit 1',
    );
    const without = await call('POST', '/v1/applications', {
      body: { service: noForm?.id, region: '33.74' },
    });
    expect(without.status).toBe(404);

    // A regional service of Kota Semarang with a form: not offered in Kota Surakarta.
    await server.db.query(
      `insert into service (id, region_code, category_id, agency_id, name_id, name_en, output, confidence)
       values ('izin-uji-semarang', '33.74', 'civil-registration', 'dukcapil', 'Izin uji', 'Test permit',
               '{"id": "Izin", "en": "Permit"}', 'low')`,
    );
    await server.db.query(
      `insert into form_definition (service_id, version, definition)
       select 'izin-uji-semarang', 1, definition from form_definition where service_id = 'ktp-el-hilang'`,
    );
    const elsewhere = await call('POST', '/v1/applications', {
      body: { service: 'izin-uji-semarang', region: '33.72' },
    });
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.detail).toMatch(/33\.74/);
    const province = await call('POST', '/v1/applications', {
      body: { service: 'izin-uji-semarang', region: '33' },
    });
    expect(province.status).toBe(404);
    const there = await call('POST', '/v1/applications', {
      body: { service: 'izin-uji-semarang', region: '33.74' },
    });
    expect(there.status).toBe(201);
    expect(there.body.service.id).toBe('izin-uji-semarang');
  });

  it('checks the shape of the answers (422 with pointers), not completeness', async () => {
    const bad = await create({
      nik: 3374015505900001 as unknown as string,
      nama_lengkap: 'x',
      tidak_ada: 'y',
    });
    expect(bad.status).toBe(422);
    expect(bad.body.type).toBe('urn:loket:problem:invalid-answers');
    const pointers = bad.body.errors.map((e: { pointer: string }) => e.pointer).sort();
    expect(pointers).toEqual(['/answers/nik', '/answers/tidak_ada']);
    // Half-typed but well-shaped answers save fine in a draft.
    expect((await create({ nik: '3374', telepon: '08' })).status).toBe(201);
    // Text the database could not store is refused, not a 500.
    const nul = await create({ nama_lengkap: 'Siti\u0000' });
    expect(nul.status).toBe(422);
    expect(nul.body.errors[0].pointer).toBe('/answers/nama_lengkap');
  });

  it('takes browser requests only from origins the region allowed', async () => {
    const origin = 'https://layanan.semarangkota.go.id';
    const refused = await create({}, '33.74', { origin });
    expect(refused.status).toBe(403);
    expect(refused.body.type).toBe('urn:loket:problem:origin-not-allowed');
    await addOrigin(server.db, '33', origin);
    const allowed = await create({}, '33.74', { origin });
    expect(allowed.status).toBe(201);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(origin);
    // Allowed by Jawa Tengah (33) is not allowed by DKI Jakarta.
    expect((await create({}, '31.71', { origin })).status).toBe(403);
  });
});

describe('getApplication and the secret', () => {
  it('resumes a draft by code and secret, in any spelling of the code', async () => {
    const { code, secret, etag } = await draft({ nama_lengkap: 'Siti Aminah' });
    const got = await call('GET', `/v1/applications/${code}`, { headers: as(secret) });
    expect(got.status).toBe(200);
    expect(got.headers.get('etag')).toBe(etag);
    expect(got.headers.get('cache-control')).toBe('no-store');
    expect(got.body.answers).toEqual({ nama_lengkap: 'Siti Aminah' });
    const lower = await call('GET', `/v1/applications/${bare(code).toLowerCase()}?lang=en`, {
      headers: as(secret),
    });
    expect(lower.status).toBe(200);
    expect(lower.body).toMatchObject({ lang: 'en', code, service: { name: 'Replacement of Lost KTP-el' } });
  });

  it('takes the secret as a person types it: any case, spaces or no dashes, O for 0, I or L for 1', async () => {
    const { code, secret } = await draft();
    const symbols = secret.replaceAll('-', '');
    const typed = [
      secret.toLowerCase(),
      symbols,
      ` ${symbols.match(/.{4}/g)?.join(' ')} `,
      secret.replaceAll('0', 'O').replaceAll('1', 'l'),
      secret.replaceAll('1', 'I').toLowerCase(),
    ];
    for (const variant of typed) {
      const r = await call('GET', `/v1/applications/${code}/status`, { headers: as(variant) });
      expect(r.status, variant).toBe(200);
    }
    // One symbol wrong is a wrong secret (80 bits: nothing is "close enough").
    const last = symbols.at(-1) === 'Z' ? 'Y' : 'Z';
    const wrong = await call('GET', `/v1/applications/${code}/status`, {
      headers: as(`${symbols.slice(0, -1)}${last}`),
    });
    expect(wrong.status).toBe(404);
  });

  it('keeps the secrets issued before (32 base64url characters) working, exactly as given', async () => {
    const { code } = await draft();
    const legacy = 'x6V2hgph8FXCYaZxL0_dmGS_VPb9V-QA'; // the old kind: mixed case, `_` and `-`
    await server.db.query('update application set secret_hash = $1 where code = $2', [
      createHash('sha256').update(legacy).digest('hex'),
      bare(code),
    ]);
    const ok = await call('GET', `/v1/applications/${code}/status`, { headers: as(legacy) });
    expect(ok.status).toBe(200);
    // The old kind is case-sensitive: forgiving its case would weaken it.
    const lower = await call('GET', `/v1/applications/${code}/status`, { headers: as(legacy.toLowerCase()) });
    expect(lower.status).toBe(404);
  });

  it('answers a wrong secret and an unknown code alike', async () => {
    const { code, secret } = await draft();
    const other = `LKT-${'0000'}-${'0000'}-${'0001'}`;
    const wrongSecret = await call('GET', `/v1/applications/${code}/status`, { headers: as(`${secret}x`) });
    const wrongCode = await call('GET', `/v1/applications/${other}/status`, { headers: as(secret) });
    const noSecret = await call('GET', `/v1/applications/${code}/status`);
    for (const r of [wrongSecret, wrongCode, noSecret]) expect(r.status).toBe(404);
    const same = (r: Reply, c: string) => ({
      ...r.body,
      instance: undefined,
      detail: r.body.detail.replace(c, 'CODE'),
    });
    expect(same(wrongSecret, code)).toEqual(same(wrongCode, other));
    expect(same(noSecret, code)).toEqual(same(wrongCode, other));
    const headerNames = (r: Reply) =>
      [...r.headers.keys()].filter((h) => !['date', 'x-request-id', 'content-length'].includes(h)).sort();
    expect(headerNames(wrongSecret)).toEqual(headerNames(wrongCode));
  });
});

describe('updateApplication', () => {
  it('needs If-Match (428), refuses a stale one (412) and then nothing is written', async () => {
    const { code, secret, etag } = await draft({ nama_lengkap: 'Siti' });
    const missing = await call('PATCH', `/v1/applications/${code}`, {
      headers: as(secret),
      body: { answers: { nama_lengkap: 'Budi' } },
    });
    expect(missing.status).toBe(428);
    expect(missing.body.type).toBe('urn:loket:problem:precondition-required');

    const saved = await call('PATCH', `/v1/applications/${code}`, {
      headers: as(secret, { 'if-match': etag }),
      body: { answers: { nama_lengkap: 'Siti Aminah', telepon: '081234567890' } },
    });
    expect(saved.status).toBe(200);
    const next = saved.headers.get('etag') as string;
    expect(next).not.toBe(etag);
    expect(saved.body.answers).toEqual({ nama_lengkap: 'Siti Aminah', telepon: '+6281234567890' }); // stored normalized

    // Another device still holds the first ETag.
    const stale = await call('PATCH', `/v1/applications/${code}`, {
      headers: as(secret, { 'if-match': etag }),
      body: { answers: { nama_lengkap: 'Budi' } },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.type).toBe('urn:loket:problem:precondition-failed');
    const weak = await call('PATCH', `/v1/applications/${code}`, {
      headers: as(secret, { 'if-match': `W/${next}` }),
      body: { answers: { nama_lengkap: 'Budi' } },
    });
    expect(weak.status).toBe(412);
    const after = await call('GET', `/v1/applications/${code}`, { headers: as(secret) });
    expect(after.body.answers.nama_lengkap).toBe('Siti Aminah');
    expect(after.headers.get('etag')).toBe(next);
    expect((await rowOf(server.db, code)).version).toBe(2);
  });

  it('merges: null removes an answer; a list of tags and * match; a no-op keeps the ETag', async () => {
    const { code, secret, etag } = await draft({ nama_lengkap: 'Siti', telepon: '0812' });
    const removed = await call('PATCH', `/v1/applications/${code}`, {
      headers: as(secret, { 'if-match': `"v9-00000000", ${etag}` }),
      body: { answers: { telepon: null, email: 'siti@example.org' } },
    });
    expect(removed.status).toBe(200);
    expect(removed.body.answers).toEqual({ nama_lengkap: 'Siti', email: 'siti@example.org' });
    const tag = removed.headers.get('etag') as string;
    const same = await call('PATCH', `/v1/applications/${code}`, {
      headers: as(secret, { 'if-match': '*' }),
      body: { answers: { nama_lengkap: 'Siti', tidak_ada_pun: null } },
    });
    expect(same.status).toBe(200);
    expect(same.headers.get('etag')).toBe(tag);
  });

  it('refuses answers of the wrong shape (422) and keeps the stored ones', async () => {
    const { code, secret, etag } = await draft({ nama_lengkap: 'Siti' });
    const bad = await call('PATCH', `/v1/applications/${code}`, {
      headers: as(secret, { 'if-match': etag, 'accept-language': 'en' }),
      body: { answers: { pernyataan_benar: 'ya', nama_lengkap: 'Budi' } },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([{ pointer: '/answers/pernyataan_benar', detail: expect.any(String) }]);
    expect((await rowOf(server.db, code)).answers).toEqual({ nama_lengkap: 'Siti' });
  });
});

describe('the citizen lifecycle', () => {
  it('submits idempotently, tracks the status, revises, resubmits and withdraws', async () => {
    const { code, secret, etag: first } = await draft({ nama_lengkap: 'Siti Aminah' });

    // No key: 428, and nothing happens.
    const noKey = await submit(code, secret, undefined);
    expect(noKey.status).toBe(428);
    expect(noKey.body.errors[0].pointer).toBe('/header/Idempotency-Key');

    // Incomplete: 422 naming every missing answer and file.
    const incomplete = await submit(code, secret, randomUUID());
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.type).toBe('urn:loket:problem:invalid-answers');
    const pointers = incomplete.body.errors.map((e: { pointer: string }) => e.pointer);
    for (const field of [
      'nik',
      'telepon',
      'tanggal_kehilangan',
      'surat_keterangan_kehilangan',
      'kartu_keluarga',
      'pernyataan_benar',
    ]) {
      expect(pointers).toContain(`/answers/${field}`);
    }
    expect(pointers).not.toContain('/answers/nama_lengkap');
    expect((await rowOf(server.db, code)).status).toBe('draft');

    const etag = await complete(code, secret, first);
    const key = randomUUID();
    const submitted = await submit(code, secret, key);
    expect(submitted.status).toBe(200);
    expect(submitted.headers.get('idempotent-replayed')).toBeNull();
    expect(submitted.headers.get('etag')).not.toBe(etag);
    // 3 working days from Friday 13 March 2026: Mon 16 (1), Tue 17 (2), then Nyepi cuti bersama
    // (18), Nyepi (19), Idul Fitri cuti bersama (20, 23, 24) and the weekend: Wed 25 (3).
    expect(submitted.body).toMatchObject({
      code,
      status: 'submitted',
      due: { date: '2026-03-25', working_days: 3, calendar: 'official' },
      overdue: false,
      revision_fields: [],
    });
    expect(submitted.body.status_text).toMatch(/25 Maret 2026/);
    expect(submitted.body.history.map((h: { status: string }) => h.status)).toEqual(['draft', 'submitted']);

    // The same request again: the stored answer, flagged.
    const replay = await submit(code, secret, key);
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.text).toBe(submitted.text);
    expect(replay.headers.get('etag')).toBe(submitted.headers.get('etag'));
    // Another key: a second submission, which the state machine refuses.
    const again = await submit(code, secret, randomUUID());
    expect(again.status).toBe(409);
    expect(again.body.type).toBe('urn:loket:problem:invalid-transition');
    expect((await events(server.db, code)).filter((e) => e.to_status === 'submitted')).toHaveLength(1);

    const row = await rowOf(server.db, code);
    expect(row.submitted_at?.toISOString()).toBe('2026-03-13T03:00:00.000Z');
    expect(row.due_date).toBe('2026-03-25');

    // A submitted application cannot be changed.
    const locked = await call('PATCH', `/v1/applications/${code}`, {
      headers: as(secret, { 'if-match': submitted.headers.get('etag') as string }),
      body: { answers: { nama_lengkap: 'Budi' } },
    });
    expect(locked.status).toBe(409);
    expect(locked.body.type).toBe('urn:loket:problem:not-editable');

    // The status view: no answers, no personal data.
    const status = await call('GET', `/v1/applications/${code}/status?lang=en`, { headers: as(secret) });
    expect(status.status).toBe(200);
    expect(status.headers.get('cache-control')).toBe('no-store');
    expect(Object.keys(status.body).sort()).toEqual(
      [
        'code',
        'due',
        'history',
        'lang',
        'next_step',
        'overdue',
        'revision_fields',
        'service',
        'status',
        'status_text',
      ].sort(),
    );
    for (const secretWord of ['Siti', '3374015505900001', '081234567890'])
      expect(status.text).not.toContain(secretWord);
    expect(status.body.status_text).toMatch(/25 March 2026/);

    // Past the due date (Thursday 26 March in Jakarta): overdue.
    clock = new Date('2026-03-25T17:30:00Z');
    const late = await call('GET', `/v1/applications/${code}/status`, { headers: as(secret) });
    expect(late.body.overdue).toBe(true);
    expect(late.body.status_text).toMatch(/terlambat/);

    // The officer asks for a fix of the name.
    const [app] = await server.db.query<{ id: string; version: number }>(
      'select id, version from application where code = $1',
      [bare(code)],
    );
    if (!app) throw new Error('gone');
    await server.db.transaction(async (tx) => {
      await transition(tx, { ...app, status: 'submitted' }, 'officer', 'in_review', {
        actor: 'officer:uji',
        at: clock,
      });
      await transition(
        tx,
        { ...app, version: app.version + 1, status: 'in_review' },
        'officer',
        'needs_revision',
        {
          actor: 'officer:uji',
          at: clock,
          public_note: 'Nama tidak sesuai KK.',
          fields: ['nama_lengkap'],
        },
        { revision_fields: ['nama_lengkap'] },
      );
    });
    const revision = await call('GET', `/v1/applications/${code}/status`, { headers: as(secret) });
    expect(revision.body).toMatchObject({
      status: 'needs_revision',
      overdue: false,
      revision_fields: [{ id: 'nama_lengkap', label: 'Nama lengkap' }],
    });
    expect(revision.body.history.at(-1)).toMatchObject({
      status: 'needs_revision',
      note: 'Nama tidak sesuai KK.',
    });

    const current = await call('GET', `/v1/applications/${code}`, { headers: as(secret) });
    expect(current.body.revision_fields).toEqual(['nama_lengkap']);
    const tag = current.headers.get('etag') as string;
    const other = await call('PATCH', `/v1/applications/${code}`, {
      headers: as(secret, { 'if-match': tag }),
      body: { answers: { nama_lengkap: 'Siti Aminah Putri', telepon: '081299998888' } },
    });
    expect(other.status).toBe(409);
    expect(other.body.type).toBe('urn:loket:problem:not-editable');
    expect(other.body.errors).toEqual([{ pointer: '/answers/telepon', detail: expect.any(String) }]);
    const fixed = await call('PATCH', `/v1/applications/${code}`, {
      headers: as(secret, { 'if-match': tag }),
      body: { answers: { nama_lengkap: 'Siti Aminah Putri' } },
    });
    expect(fixed.status).toBe(200);

    // Reusing the first key for the resubmission: its answers differ, so 422, not a stale replay.
    const reused = await submit(code, secret, key);
    expect(reused.status).toBe(422);
    expect(reused.body.type).toBe('urn:loket:problem:idempotency-key-reused');

    // Resubmitted on Thursday 26 March: the clock restarts; submitted_at keeps the first submission.
    const resubmitted = await submit(code, secret, randomUUID());
    expect(resubmitted.status).toBe(200);
    // Fri 27 (1), Mon 30 (2), Tue 31 (3).
    expect(resubmitted.body).toMatchObject({
      status: 'submitted',
      due: { date: '2026-03-31', working_days: 3, calendar: 'official' },
      overdue: false,
      revision_fields: [],
    });
    const resubmittedRow = await rowOf(server.db, code);
    expect(resubmittedRow.submitted_at?.toISOString()).toBe('2026-03-13T03:00:00.000Z');
    expect(
      (await call('GET', `/v1/applications/${code}`, { headers: as(secret) })).body.revision_fields,
    ).toEqual([]);

    // Withdrawn with a reason: the reason is for the agency, not shown back as an officer's note.
    const withdrawn = await call('POST', `/v1/applications/${code}/withdraw`, {
      headers: as(secret),
      body: { reason: 'KTP-el sudah ditemukan.' },
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', overdue: false });
    expect(withdrawn.body.history.at(-1)).toEqual({
      status: 'withdrawn',
      at: expect.any(String),
      note: null,
    });
    expect((await events(server.db, code)).at(-1)).toMatchObject({
      from_status: 'submitted',
      to_status: 'withdrawn',
      actor: 'citizen',
      note: 'KTP-el sudah ditemukan.',
      public_note: null,
    });
    expect((await events(server.db, code)).map((e) => e.to_status)).toEqual([
      'draft',
      'submitted',
      'in_review',
      'needs_revision',
      'submitted',
      'withdrawn',
    ]);

    // Withdrawn is final.
    const twice = await call('POST', `/v1/applications/${code}/withdraw`, { headers: as(secret) });
    expect(twice.status).toBe(409);
    expect(twice.body.type).toBe('urn:loket:problem:invalid-transition');
    expect((await submit(code, secret, randomUUID())).status).toBe(409);
    clock = new Date('2026-03-13T03:00:00Z');
  });

  it('gives no due date where the duration is unknown, and withdraws a draft without a body', async () => {
    // Kota Surakarta has no override, and for this test ktp-el-hilang's national duration (1 working
    // day, Permendagri 19/2018) is unknown, as it is for the services no source gives a time for.
    const [national] = await server.db.query<{ duration_days: number; duration_text: unknown }>(
      "select duration_days, duration_text from service where id = 'ktp-el-hilang'",
    );
    await server.db.query(
      "update service set duration_days = null, duration_text = null where id = 'ktp-el-hilang'",
    );
    try {
      const { code, secret, etag } = await draft({}, '33.72');
      await complete(code, secret, etag);
      const submitted = await submit(code, secret, randomUUID());
      expect(submitted.status).toBe(200);
      expect(submitted.body.due).toEqual({ date: null, working_days: null, calendar: 'none' });
      expect(submitted.body.overdue).toBe(false);
    } finally {
      await server.db.query(
        "update service set duration_days = $1, duration_text = $2::text::jsonb where id = 'ktp-el-hilang'",
        [national?.duration_days, JSON.stringify(national?.duration_text)],
      );
    }

    const other = await draft();
    const withdrawn = await call('POST', `/v1/applications/${other.code}/withdraw`, {
      headers: as(other.secret),
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect(withdrawn.body.status_text).toMatch(/Dibatalkan/);
    expect((await events(server.db, other.code)).at(-1)).toMatchObject({ from_status: 'draft', note: null });

    // A reason with characters a text column cannot hold is a 400 that points at it (never a
    // 500), and the draft stays a draft.
    const third = await draft();
    const odd = await call('POST', `/v1/applications/${third.code}/withdraw`, {
      headers: as(third.secret),
      body: { reason: 'salah\u0000 isi \ud800' },
    });
    expect(odd.status).toBe(400);
    expect(odd.body.errors).toEqual([expect.objectContaining({ pointer: '/reason' })]);
    expect((await events(server.db, third.code)).at(-1)?.to_status).not.toBe('withdrawn');
  });

  it('checks files at submission: unknown ids and files of another field are refused', async () => {
    const { code, secret, etag } = await draft();
    const kk = await attach(server.db, code, 'kartu_keluarga');
    const saved = await call('PATCH', `/v1/applications/${code}`, {
      headers: as(secret, { 'if-match': etag }),
      body: { answers: { ...person, surat_keterangan_kehilangan: [kk], kartu_keluarga: [randomUUID()] } },
    });
    expect(saved.status).toBe(200);
    const refused = await submit(code, secret, randomUUID());
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      '/answers/kartu_keluarga',
      '/answers/surat_keterangan_kehilangan',
    ]);
  });
});
