import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/app.js';
import { checkResponse } from './helpers/contract.js';

// Concurrency on the real engine: PGlite serializes on its one connection; PostgreSQL runs the
// requests on a pool of connections at once, so the row lock and the compare-and-set decide.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ now: () => new Date('2026-03-13T03:00:00Z') });
});
afterAll(() => server?.close());

async function call(method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const response = await fetch(server.url + path, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : text;
  expect(checkResponse(method, path, response.status, response.headers.get('content-type'), parsed)).toEqual(
    [],
  );
  return { status: response.status, headers: response.headers, body: parsed, text };
}

async function attach(code: string, field: string): Promise<string> {
  const id = randomUUID();
  await server.db.query(
    `insert into attachment (id, application_id, field, filename, content_type, size, sha256, storage_key)
     values ($1, (select id from application where code = $2), $3, 'scan.jpg', 'image/jpeg', 2048, $4, $5)`,
    [
      id,
      code.replace(/-/g, '').replace(/^LKT/, ''),
      field,
      createHash('sha256').update(id).digest('hex'),
      randomUUID(),
    ],
  );
  return id;
}

/** A complete draft of ktp-el-hilang, ready to submit. */
async function readyDraft() {
  const created = await call('POST', '/v1/applications', {}, { service: 'ktp-el-hilang', region: '33.74' });
  expect(created.status).toBe(201);
  const { code, secret } = created.body as { code: string; secret: string };
  const answers = {
    nama_lengkap: 'Siti Aminah',
    nik: '3374015505900001',
    telepon: '081234567890',
    tanggal_kehilangan: '2026-03-01',
    pernyataan_benar: true,
    surat_keterangan_kehilangan: [await attach(code, 'surat_keterangan_kehilangan')],
    kartu_keluarga: [await attach(code, 'kartu_keluarga')],
  };
  const saved = await call(
    'PATCH',
    `/v1/applications/${code}`,
    { 'loket-secret': secret, 'if-match': created.headers.get('etag') as string },
    { answers },
  );
  expect(saved.status).toBe(200);
  return { code, secret, etag: saved.headers.get('etag') as string };
}

const eventsTo = async (code: string, status: string) =>
  (
    await server.db.query<{ n: number }>(
      `select count(*)::int as n from application_event e join application a on a.id = e.application_id
       where a.code = $1 and e.to_status = $2`,
      [code.replace(/-/g, '').replace(/^LKT/, ''), status],
    )
  )[0]?.n;

describe('concurrent requests', () => {
  it('50 identical submits at once make exactly one submission, and all get the same answer', async () => {
    const { code, secret } = await readyDraft();
    const key = randomUUID();
    const replies = await Promise.all(
      Array.from({ length: 50 }, () =>
        call(
          'POST',
          `/v1/applications/${code}/submit`,
          { 'loket-secret': secret, 'idempotency-key': key },
          {
            declaration: true,
          },
        ),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(50).fill(200));
    expect(new Set(replies.map((r) => r.text)).size).toBe(1);
    expect(replies.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(49);
    expect(replies[0]?.body.status).toBe('submitted');
    expect(await eventsTo(code, 'submitted')).toBe(1);
    const [stored] = await server.db.query<{ n: number }>(
      `select count(*)::int as n from idempotency_key k join application a on a.id = k.application_id where a.code = $1`,
      [code.replace(/-/g, '').replace(/^LKT/, '')],
    );
    expect(stored?.n).toBe(1);
  });

  it('50 submits with different keys at once: one submission, the others 409', async () => {
    const { code, secret } = await readyDraft();
    const replies = await Promise.all(
      Array.from({ length: 50 }, () =>
        call(
          'POST',
          `/v1/applications/${code}/submit`,
          { 'loket-secret': secret, 'idempotency-key': randomUUID() },
          { declaration: true },
        ),
      ),
    );
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(await eventsTo(code, 'submitted')).toBe(1);
  });

  it('20 saves with the same If-Match at once: exactly one wins, the others are 412', async () => {
    const { code, secret, etag } = await readyDraft();
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call(
          'PATCH',
          `/v1/applications/${code}`,
          { 'loket-secret': secret, 'if-match': etag },
          { answers: { nama_lengkap: `Siti ${i}` } },
        ),
      ),
    );
    const winners = replies.filter((r) => r.status === 200);
    expect(winners).toHaveLength(1);
    expect(replies.filter((r) => r.status === 412)).toHaveLength(19);
    const [row] = await server.db.query<{ answers: { nama_lengkap: string }; version: number }>(
      'select answers, version from application where code = $1',
      [code.replace(/-/g, '').replace(/^LKT/, '')],
    );
    expect(row?.answers.nama_lengkap).toBe(winners[0]?.body.answers.nama_lengkap);
    expect(row?.version).toBe(3);
  });
});

describe('stress: duplicate submits mixed with saves', () => {
  it('250 requests at once on 10 applications (200 duplicate submits, 50 saves): no 5xx, and every submit answer is the first one (status, body, ETag)', async () => {
    const drafts = await Promise.all(Array.from({ length: 10 }, () => readyDraft()));
    const requests = drafts.flatMap(({ code, secret, etag }) => {
      const key = randomUUID();
      const submit = () =>
        call(
          'POST',
          `/v1/applications/${code}/submit`,
          { 'loket-secret': secret, 'idempotency-key': key },
          { declaration: true },
        ).then((r) => ({ kind: 'submit' as const, code, ...r }));
      // The same answers again: a save that lands before the submission changes nothing it checks.
      const save = (ifMatch: string) =>
        call(
          'PATCH',
          `/v1/applications/${code}`,
          { 'loket-secret': secret, 'if-match': ifMatch },
          {
            answers: { nama_lengkap: 'Siti Aminah' },
          },
        ).then((r) => ({ kind: 'save' as const, code, ...r }));
      return [
        ...Array.from({ length: 20 }, submit),
        save(etag),
        save(etag),
        save('*'),
        save('*'),
        save('"v0-stale"'),
      ];
    });
    const replies = await Promise.all(requests);
    expect(replies).toHaveLength(250);
    expect(replies.filter((r) => r.status >= 500)).toEqual([]);
    for (const { code, secret } of drafts) {
      const submits = replies.filter((r) => r.kind === 'submit' && r.code === code);
      const answers = new Set(submits.map((r) => `${r.status} ${r.headers.get('etag')} ${r.text}`));
      expect(answers.size, code).toBe(1);
      expect(submits[0]?.status).toBe(200);
      expect(submits.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(19);
      const now = await call('GET', `/v1/applications/${code}`, { 'loket-secret': secret });
      expect(submits[0]?.headers.get('etag')).toBe(now.headers.get('etag'));
      expect(await eventsTo(code, 'submitted')).toBe(1);
      const saves = replies.filter((r) => r.kind === 'save' && r.code === code).map((r) => r.status);
      expect(
        saves.every((s) => [200, 409, 412].includes(s)),
        saves.join(),
      ).toBe(true);
    }
  });
});
