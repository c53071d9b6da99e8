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
    'an officer %s with a NUL is stored without it (was a 500)',
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
      expect(reply.status).toBe(200);
      const [event] = await server.db.query<Record<string, string>>(
        `select e.note, e.public_note from application_event e join application a on a.id = e.application_id
       where a.code = $1 and e.to_status = 'in_review'`,
        [id],
      );
      expect(event?.[field]).toBe('buram lagi');
    },
  );

  it('a withdrawal reason with a NUL is stored without it', async () => {
    const { code, secret } = await draft();
    const reply = await send({
      method: 'POST',
      path: `/v1/applications/${code}/withdraw`,
      headers: { 'loket-secret': secret, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'sudah\u0000 ketemu' }),
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ status: 'withdrawn' });
    const [event] = await server.db.query<{ note: string }>(
      `select e.note from application_event e join application a on a.id = e.application_id
       where a.code = $1 and e.to_status = 'withdrawn'`,
      [code.replace(/-/g, '').replace(/^LKT/, '')],
    );
    expect(event?.note).toBe('sudah ketemu');
  });

  it('a complaint, its answer and its close note with a NUL are stored without it (the close was a 500)', async () => {
    const json = { 'content-type': 'application/json' };
    const filed = await send({
      method: 'POST',
      path: '/v1/complaints',
      headers: { ...json, 'idempotency-key': 'nul-complaint' },
      body: JSON.stringify({
        about: { kind: 'service', service: 'ktp-el-hilang', region: '33.74' },
        category: 'time',
        description: 'antre\u0000 lama sekali',
        contact: { name: 'Si\u0000ti' },
      }),
    });
    expect(filed.status).toBe(201);
    const path = `/v1/officer/complaints/${filed.body.code}`;
    const officerJson = { ...json, authorization: `Bearer ${officer}` };
    const answered = await send({
      method: 'POST',
      path: `${path}/answer`,
      headers: officerJson,
      body: JSON.stringify({ answer: 'maaf\u0000, kami perbaiki' }),
    });
    expect(answered.status).toBe(200);
    const closed = await send({
      method: 'POST',
      path: `${path}/close`,
      headers: officerJson,
      body: JSON.stringify({ note: 'a\u0000b' }),
    });
    expect(closed.status).toBe(200);
    const [row] = await server.db.query<Record<string, string>>(
      'select description, contact_name, answer, close_note from complaint order by filed_at desc limit 1',
    );
    expect(row).toEqual({
      description: 'antre lama sekali',
      contact_name: 'Siti',
      answer: 'maaf, kami perbaiki',
      close_note: 'ab',
    });
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
