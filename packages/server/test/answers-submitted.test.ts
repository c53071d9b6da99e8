import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/app.js';
import { checkResponse } from './helpers/contract.js';

// Answers as submitted (issue 14), by the shared validator's submittedAnswers: numbers copied from
// cards in groups of four accepted and stored normalized (wrong ones refused as before), and no
// question asked twice (same_as).
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ now: () => new Date('2026-03-13T03:00:00Z') });
});
afterAll(() => server?.close());

async function call(method: string, path: string, headers: Record<string, string> = {}, body?: unknown) {
  const response = await fetch(server.url + path, {
    method,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked against the contract
  const parsed: any = await response.json();
  expect(checkResponse(method, path, response.status, response.headers.get('content-type'), parsed)).toEqual(
    [],
  );
  return { status: response.status, body: parsed, etag: response.headers.get('etag') as string };
}

const create = (service: string, answers: Record<string, unknown>) =>
  call('POST', '/v1/applications', {}, { service, region: '33.74', answers });
const submit = (code: string, secret: string, lang = 'id') =>
  call(
    'POST',
    `/v1/applications/${code}/submit?lang=${lang}`,
    {
      'loket-secret': secret,
      'idempotency-key': randomUUID(),
    },
    { declaration: true },
  );
const bare = (code: string) => code.replace(/-/g, '').replace(/^LKT/, '');
/** Stored PDFs for these file fields (the upload endpoint is tested elsewhere; the row is what counts). */
async function attach(code: string, fields: string[]): Promise<Record<string, string[]>> {
  const files: Record<string, string[]> = {};
  for (const field of fields) {
    const id = randomUUID();
    await server.db.query(
      `insert into attachment (id, application_id, field, filename, content_type, size, sha256, storage_key)
       values ($1, (select id from application where code = $2), $3, 'scan.pdf', 'application/pdf', 1234, $4, $5)`,
      [id, bare(code), field, createHash('sha256').update(id).digest('hex'), randomUUID()],
    );
    files[field] = [id];
  }
  return files;
}
const save = (code: string, secret: string, etag: string, answers: Record<string, unknown>) =>
  call('PATCH', `/v1/applications/${code}`, { 'loket-secret': secret, 'if-match': etag }, { answers });
const stored = async (code: string) =>
  (
    await server.db.query<{ answers: Record<string, unknown> }>(
      'select answers from application where code = $1',
      [bare(code)],
    )
  )[0]?.answers;
const detailOf = (reply: { body: { errors: { pointer: string; detail: string }[] } }, field: string) =>
  reply.body.errors.find((e) => e.pointer === `/answers/${field}`)?.detail;

describe('NIK, KK and phone numbers in groups', () => {
  it('are accepted with spaces, dots or dashes and stored as digits (a phone as +62…)', async () => {
    const created = await create('pindah-domisili', {
      nik: '3374 0155 0590 0001',
      nomor_kk: '3578.0612.0315.0007',
      telepon: '0812-3456-7890',
    });
    expect(created.status).toBe(201);
    expect(created.body.answers).toEqual({
      nik: '3374015505900001',
      nomor_kk: '3578061203150007',
      telepon: '+6281234567890',
    });
    const { code, secret } = created.body;
    const saved = await call(
      'PATCH',
      `/v1/applications/${code}`,
      { 'loket-secret': secret, 'if-match': created.etag },
      {
        answers: { nomor_kk: '3578-0612-0315-0008' },
      },
    );
    expect(saved.status).toBe(200);
    expect(saved.body.answers.nomor_kk).toBe('3578061203150008');
    // the submit checks them as stored: no problem for nik, nomor_kk or telepon
    const refused = await submit(code, secret);
    expect(refused.status).toBe(422);
    for (const field of ['nik', 'nomor_kk', 'telepon']) expect(detailOf(refused, field)).toBeUndefined();
  });

  it('refuses wrong ones with the same localized messages', async () => {
    const { body } = await create('pindah-domisili', {
      nik: '3374 0155 0590 000',
      nomor_kk: '3578 0612 0315 00O7',
      telepon: '021 1234 567',
    });
    const id = await submit(body.code, body.secret);
    expect(detailOf(id, 'nik')).toBe('NIK harus 16 digit (yang diisi 15).');
    expect(detailOf(id, 'nomor_kk')).toBe('Nomor KK hanya boleh berisi angka.');
    expect(detailOf(id, 'telepon')).toMatch(/^Nomor HP harus nomor ponsel Indonesia/);
    const en = await submit(body.code, body.secret, 'en');
    expect(detailOf(en, 'nik')).toBe(
      'NIK (national identity number) must be 16 digits (you entered 15 digits).',
    );
    expect(detailOf(en, 'nomor_kk')).toMatch(/must contain digits only\.$/);
  });

  it('a draft saved before normalization is submitted normalized', async () => {
    const { body, etag } = await create('ktp-el-hilang', { nama_lengkap: 'Siti Aminah' });
    const files = await attach(body.code, ['surat_keterangan_kehilangan', 'kartu_keluarga']);
    const saved = await save(body.code, body.secret, etag, {
      telepon: '081234567890',
      tanggal_kehilangan: '2026-03-01',
      pernyataan_benar: true,
      ...files,
    });
    expect(saved.status).toBe(200);
    // as an older server stored it: with the spaces typed
    await server.db.query(
      `update application set answers = answers || '{"nik": "3374 0155 0590 0001"}'::jsonb where code = $1`,
      [bare(body.code)],
    );
    expect((await submit(body.code, body.secret)).status).toBe(200);
    expect((await stored(body.code))?.nik).toBe('3374015505900001');
  });
});

describe('same_as: no question asked twice', () => {
  const birth = {
    nama_lengkap: 'Siti Aminah',
    nik: '3578 0155 0590 0001',
    telepon: '081234567890',
    nama_anak: 'Budi',
    jenis_kelamin_anak: 'laki_laki',
    tanggal_lahir_anak: '2026-03-01',
    tempat_lahir_anak: 'Surabaya',
    nomor_kk: '3578061203150007',
    perkawinan_tercatat: 'ya',
    pernyataan_benar: true,
  };
  const documents = [
    'surat_keterangan_kelahiran',
    'buku_nikah_orang_tua',
    'kartu_keluarga',
    'ktp_el_orang_tua',
  ];

  it('the mother applying is not asked her name and NIK again: the server takes and stores them', async () => {
    const { body, etag } = await create('akta-kelahiran', { ...birth, hubungan_pelapor: 'ibu' });
    const files = await attach(body.code, documents);
    expect((await save(body.code, body.secret, etag, files)).status).toBe(200);
    expect((await submit(body.code, body.secret)).status).toBe(200);
    expect(await stored(body.code)).toMatchObject({ nama_ibu: 'Siti Aminah', nik_ibu: '3578015505900001' });
  });

  it('someone else is asked them, and refused without the mother’s name', async () => {
    const { body } = await create('akta-kelahiran', { ...birth, hubungan_pelapor: 'lainnya' });
    const refused = await submit(body.code, body.secret);
    expect(refused.status).toBe(422);
    expect(detailOf(refused, 'nama_ibu')).toBe('Nama lengkap ibu wajib diisi.');
    expect(detailOf(refused, 'nik_ibu')).toBeUndefined(); // optional
  });
});
