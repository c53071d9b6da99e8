import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficerToken } from '../src/applications/officer-tokens.js';
import { startTestServer, type TestServer } from './helpers/app.js';
import { checkResponse } from './helpers/contract.js';

// In a revision a rejected file must be replaced (issue 14): the files of the fields the officer
// named may not come back unchanged — neither the same attachment nor the same bytes again.
let server: TestServer;
let officer: string;
beforeAll(async () => {
  server = await startTestServer({ now: () => new Date('2026-03-13T03:00:00Z') });
  officer = (await createOfficerToken(server.db, { name: 'Petugas', agency: 'dukcapil', region: '33.74' }))
    .token;
});
afterAll(() => server?.close());

const fixture = (name: string) => readFileSync(new URL(`./fixtures/files/${name}`, import.meta.url));

async function call(method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const json = body !== undefined && !(body instanceof FormData);
  const response = await fetch(server.url + path, {
    method,
    headers: json ? { ...headers, 'content-type': 'application/json' } : headers,
    body: json ? JSON.stringify(body) : (body as FormData | undefined),
  });
  const text = await response.text();
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked against the contract
  const parsed: any = text ? JSON.parse(text) : undefined;
  expect(checkResponse(method, path, response.status, response.headers.get('content-type'), parsed)).toEqual(
    [],
  );
  return { status: response.status, body: parsed, etag: response.headers.get('etag') as string };
}

describe('a revision of a file', () => {
  it('refuses the rejected file sent back unchanged, on upload and on resubmission, and takes a new one', async () => {
    const created = await call('POST', '/v1/applications', {}, { service: 'ktp-el-hilang', region: '33.74' });
    const { code, secret } = created.body;
    const citizen = { 'loket-secret': secret };
    const upload = (field: string, name: string) => {
      const form = new FormData();
      form.append('field', field);
      form.append('file', new Blob([fixture(name)]), name);
      return call('POST', `/v1/applications/${code}/attachments`, citizen, form);
    };
    const submit = (lang = 'id') =>
      call(
        'POST',
        `/v1/applications/${code}/submit?lang=${lang}`,
        { ...citizen, 'idempotency-key': randomUUID() },
        {
          declaration: true,
        },
      );
    const kk = await upload('kartu_keluarga', 'tiny.pdf');
    expect(kk.status).toBe(201);
    expect((await upload('surat_keterangan_kehilangan', 'tiny.jpg')).status).toBe(201);
    const current = await call('GET', `/v1/applications/${code}`, citizen);
    const answers = {
      nama_lengkap: 'Siti Aminah',
      nik: '3374015505900001',
      telepon: '081234567890',
      tanggal_kehilangan: '2026-03-01',
      pernyataan_benar: true,
    };
    expect(
      (await call('PATCH', `/v1/applications/${code}`, { ...citizen, 'if-match': current.etag }, { answers }))
        .status,
    ).toBe(200);
    expect((await submit()).status).toBe(200);

    const officerHeaders = { authorization: `Bearer ${officer}` };
    const transitions = `/v1/officer/applications/${code}/transitions`;
    expect((await call('POST', transitions, officerHeaders, { to: 'in_review' })).status).toBe(200);
    const asked = await call(
      'POST',
      `/v1/officer/applications/${code}/transitions`,
      { authorization: `Bearer ${officer}` },
      {
        to: 'needs_revision',
        fields: ['kartu_keluarga'],
        public_note: 'KK tidak terbaca.',
      },
    );
    expect(asked.status).toBe(200);

    // sent back as it was: refused, in the citizen's language, pointing at the field
    const unchanged = await submit();
    expect(unchanged.status).toBe(422);
    expect(unchanged.body.errors).toEqual([
      {
        pointer: '/answers/kartu_keluarga',
        detail:
          'Ganti Kartu Keluarga (KK): petugas meminta berkas yang baru, bukan berkas yang sama dikirim lagi.',
      },
    ]);
    expect((await submit('en')).body.errors[0].detail).toMatch(
      /^Replace .*: the officer asked for a new file/,
    );

    // removed, and the same bytes uploaded again: refused at once
    expect((await call('DELETE', `/v1/applications/${code}/attachments/${kk.body.id}`, citizen)).status).toBe(
      204,
    );
    const again = await upload('kartu_keluarga', 'tiny.pdf');
    expect(again.status).toBe(422);
    expect(again.body.type).toBe('urn:loket:problem:file-rejected');
    expect(again.body.detail).toBe(
      'Berkas ini sama dengan yang diminta petugas untuk diganti. Unggah berkas yang baru.',
    );

    // replaced by another file: the resubmission goes through
    expect((await upload('kartu_keluarga', 'tiny.png')).status).toBe(201);
    expect((await submit()).status).toBe(200);
  });
});
