import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficerToken } from '../src/applications/officer-tokens.js';
import { startTestServer, type TestServer } from './helpers/app.js';
import { checkResponse } from './helpers/contract.js';

// Bad input gets a clear 4xx problem, never a 5xx; each case here was once a 500 (or accepted).
let server: TestServer;
let officer: string;
beforeAll(async () => {
  server = await startTestServer();
  officer = (await createOfficerToken(server.db, { name: 'Petugas', agency: 'dukcapil', region: '33.74' }))
    .token;
}, 180_000); // a busy machine makes the first seeded database slow
afterAll(() => server?.close());

interface Sent {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

async function send({ method, path, headers = {}, body }: Sent) {
  const response = await server.app.inject({ method: method as 'GET', url: path, headers, payload: body });
  const type = response.headers['content-type'];
  const parsed = response.body ? JSON.parse(response.body) : '';
  expect(
    checkResponse(method, path, response.statusCode, typeof type === 'string' ? type : null, parsed),
  ).toEqual([]);
  return { status: response.statusCode, type, body: parsed, headers: response.headers };
}

async function draft() {
  const created = await send({
    method: 'POST',
    path: '/v1/applications',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ service: 'ktp-el-hilang', region: '33.74' }),
  });
  expect(created.status).toBe(201);
  return {
    code: created.body.code as string,
    secret: created.body.secret as string,
    etag: created.headers.etag as string,
  };
}

const problem = (status: number) =>
  expect.objectContaining({ status, type: expect.stringMatching(/^urn:loket:problem:/) });

describe('a NUL or a broken character in text', () => {
  it.each([
    '/v1/regions?q=%00',
    '/v1/regions?q=%00&level=regency',
    '/v1/regions?q=a%00b&level=province',
    '/v1/services?q=%00',
    '/v1/services/skck?region=%00',
    '/v1/regions/33%00',
  ])('GET %s is a 400 problem', async (path) => {
    const reply = await send({ method: 'GET', path });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual(problem(400));
  });

  it.each(['note', 'public_note'])(
    'an officer %s with a NUL is a 400 that points at it, and nothing changes (was a 500)',
    async (field) => {
      const { code } = await draft();
      const id = code.replace(/-/g, '').replace(/^LKT/, '');
      await server.db.query(
        "update application set status = 'submitted', submitted_at = now() where code = $1",
        [id],
      );
      const reply = await send({
        method: 'POST',
        path: `/v1/officer/applications/${code}/transitions`,
        headers: { authorization: `Bearer ${officer}`, 'content-type': 'application/json' },
        body: JSON.stringify({ to: 'in_review', [field]: 'buram\u0000 lagi' }),
      });
      expect(reply.status).toBe(400);
      expect(reply.body.errors).toEqual([expect.objectContaining({ pointer: `/${field}` })]);
      const [row] = await server.db.query<{ status: string }>(
        'select status from application where code = $1',
        [id],
      );
      expect(row?.status).toBe('submitted');
    },
  );

  it('a withdrawal reason with a NUL or a lone surrogate is a 400 that points at it', async () => {
    const { code, secret } = await draft();
    for (const reason of ['sudah\u0000 ketemu', 'x\ud800']) {
      const reply = await send({
        method: 'POST',
        path: `/v1/applications/${code}/withdraw`,
        headers: { 'loket-secret': secret, 'content-type': 'application/json' },
        body: JSON.stringify({ reason }),
      });
      expect(reply.status).toBe(400);
      expect(reply.body.errors).toEqual([expect.objectContaining({ pointer: '/reason' })]);
    }
  });

  it('a complaint, its answer and its close note with a NUL are 400s that point at it (the close was a 500)', async () => {
    const json = { 'content-type': 'application/json' };
    const about = { kind: 'service', service: 'ktp-el-hilang', region: '33.74' };
    const refused = await send({
      method: 'POST',
      path: '/v1/complaints',
      headers: { ...json, 'idempotency-key': 'nul-complaint' },
      body: JSON.stringify({
        about,
        category: 'time',
        description: 'antre\u0000 lama',
        contact: { name: 'Si\u0000ti' },
      }),
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      '/contact/name',
      '/description',
    ]);
    const filed = await send({
      method: 'POST',
      path: '/v1/complaints',
      headers: { ...json, 'idempotency-key': 'nul-complaint-2' },
      body: JSON.stringify({ about, category: 'time', description: 'antre lama' }),
    });
    expect(filed.status).toBe(201);
    const path = `/v1/officer/complaints/${filed.body.code}`;
    const officerJson = { ...json, authorization: `Bearer ${officer}` };
    const answer = (text: string) =>
      send({
        method: 'POST',
        path: `${path}/answer`,
        headers: officerJson,
        body: JSON.stringify({ answer: text }),
      });
    expect((await answer('maaf\u0000')).status).toBe(400);
    expect((await answer('Maaf, kami perbaiki.')).status).toBe(200);
    const close = (note: string) =>
      send({ method: 'POST', path: `${path}/close`, headers: officerJson, body: JSON.stringify({ note }) });
    const refusedClose = await close('a\u0000b');
    expect(refusedClose.status).toBe(400);
    expect(refusedClose.body.errors).toEqual([expect.objectContaining({ pointer: '/note' })]);
    expect((await close('Sudah dikonfirmasi.')).status).toBe(200);
  });

  it('an answer with a NUL or a lone surrogate is a 4xx problem that names it', async () => {
    const { code, secret, etag } = await draft();
    for (const bad of ['Siti\u0000', 'Siti\ud800', '\udc00']) {
      const reply = await send({
        method: 'PATCH',
        path: `/v1/applications/${code}`,
        headers: { 'content-type': 'application/json', 'loket-secret': secret, 'if-match': etag },
        body: JSON.stringify({ answers: { nama_lengkap: bad } }),
      });
      if (reply.status === 200) continue; // a lone surrogate may be stored as U+FFFD
      expect(reply.status, bad).toBe(422);
      expect(reply.body.errors).toEqual([expect.objectContaining({ pointer: '/answers/nama_lengkap' })]);
    }
  });
});

describe('bodies that are not JSON, or missing', () => {
  const json = { 'content-type': 'application/json' };
  const plain = { 'content-type': 'text/plain' };
  const cases = async () => {
    const { code, secret, etag } = await draft();
    const citizen = { 'loket-secret': secret };
    const cases: { method: string; path: string; headers: Record<string, string> }[] = [
      { method: 'POST', path: '/v1/applications', headers: {} },
      { method: 'PATCH', path: `/v1/applications/${code}`, headers: { ...citizen, 'if-match': etag } },
      {
        method: 'POST',
        path: `/v1/applications/${code}/submit`,
        headers: { ...citizen, 'idempotency-key': 'k-1' },
      },
      {
        method: 'POST',
        path: `/v1/officer/applications/${code}/transitions`,
        headers: { authorization: `Bearer ${officer}` },
      },
    ];
    return cases;
  };

  it('another content type is a 415 problem on every JSON endpoint', async () => {
    for (const c of await cases()) {
      for (const type of [
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/xml',
        'application/problem+json',
      ]) {
        const reply = await send({ ...c, headers: { ...c.headers, 'content-type': type }, body: '{}' });
        expect(reply.status, `${c.method} ${c.path} ${type}`).toBe(415);
        expect(reply.body).toEqual(problem(415));
      }
    }
  });

  it('submitting as text/plain is refused, not accepted without the declaration', async () => {
    const { code, secret } = await draft();
    const reply = await send({
      method: 'POST',
      path: `/v1/applications/${code}/submit`,
      headers: { ...plain, 'loket-secret': secret, 'idempotency-key': 'k-2' },
      body: 'declaration=true',
    });
    expect(reply.status).toBe(415);
  });

  it('an empty body is a 400 problem where one is required', async () => {
    for (const c of await cases()) {
      for (const headers of [{ ...c.headers, ...json }, c.headers]) {
        const reply = await send({ ...c, headers, body: '' });
        expect(reply.status, `${c.method} ${c.path} ${JSON.stringify(headers)}`).toBe(400);
        expect(reply.body).toEqual(problem(400));
        expect(reply.body.errors).toEqual([expect.objectContaining({ pointer: '/' })]);
      }
    }
  });

  it('the problems are in the asked language', async () => {
    const { code, secret } = await draft();
    const path = `/v1/applications/${code}/submit`;
    const headers = { 'loket-secret': secret, 'idempotency-key': 'k-3' };
    const id = await send({ method: 'POST', path, headers: { ...headers, ...plain }, body: 'x' });
    const en = await send({
      method: 'POST',
      path: `${path}?lang=en`,
      headers: { ...headers, ...plain },
      body: 'x',
    });
    expect(id.body.title).toBe('Format data tidak didukung');
    expect(en.body.title).toBe('Unsupported media type');
    const empty = await send({ method: 'POST', path: `${path}?lang=en`, headers, body: '' });
    expect(empty.body.detail).toMatch(/body/i);
  });
});

describe('size', () => {
  it('a body over the limit is a 413 problem in the language asked for', async () => {
    const body = JSON.stringify({
      service: 'ktp-el-hilang',
      region: '33.74',
      answers: { x: 'a'.repeat(1_100_000) },
    });
    const reply = await send({
      method: 'POST',
      path: '/v1/applications?lang=en',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(reply.status).toBe(413);
    expect(reply.body).toMatchObject({
      type: 'urn:loket:problem:payload-too-large',
      detail: expect.stringMatching(/1024 KiB/),
    });
  });
});
