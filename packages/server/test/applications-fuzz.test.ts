import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/app.js';
import { checkResponse } from './helpers/contract.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const hostile = fc.constantFrom(
  "'; drop table application; --",
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  '\u202e',
  '🪪',
  'ＫＴＰ',
  '3374015505900001',
  '081234567890',
  '2026-02-30',
  'today',
  '',
  ' ',
  'a'.repeat(5001),
  '{"$ne": null}',
);
const text = fc.oneof(hostile, fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 20 }));
const fieldIds = fc.oneof(
  fc.constantFrom(
    'nama_lengkap',
    'nik',
    'telepon',
    'email',
    'tanggal_kehilangan',
    'nomor_surat_kehilangan',
    'surat_keterangan_kehilangan',
    'kartu_keluarga',
    'pernyataan_benar',
    'tidak_ada',
    '__proto__',
    'constructor',
    'toString',
    'NIK',
    '',
    'a/b',
    '~0',
  ),
  fc.string({ maxLength: 12 }),
);
/** Any JSON value a client might send as an answer: right, wrong, nested or absurd. */
const value: fc.Arbitrary<unknown> = fc.oneof(
  text,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 4 }),
  fc.array(fc.oneof(fc.integer(), fc.boolean(), fc.constant(null)), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), text, { maxKeys: 3 }),
  fc.uuid().map((id) => [id]),
);
const answers = fc.oneof(
  fc.dictionary(fieldIds, value, { maxKeys: 8 }),
  fc.constantFrom(null, [], 'answers', 42, true),
);
/** Answers for the form's own fields, with values of any shape: these reach the validator and the database. */
const formAnswers = fc.dictionary(
  fc.constantFrom(
    'nama_lengkap',
    'nik',
    'telepon',
    'email',
    'tanggal_kehilangan',
    'nomor_surat_kehilangan',
    'surat_keterangan_kehilangan',
    'kartu_keluarga',
    'pernyataan_benar',
  ),
  value,
  { maxKeys: 6 },
);
const region = fc.oneof(fc.constantFrom('33.74', '33', '31.71', '99.99', '3374', '', '33.7'), text);
const service = fc.oneof(fc.constantFrom('ktp-el-hilang', 'akta-kelahiran', 'tidak-ada', 'KTP'), text);

async function send(method: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(server.url + path, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const raw = await response.text();
  const parsed = raw ? JSON.parse(raw) : raw;
  return { status: response.status, headers: response.headers, body: parsed, raw };
}

async function assertNoCorruptRow() {
  const bad = await server.db.query(
    `select code from application where jsonb_typeof(answers) <> 'object' or version < 1`,
  );
  expect(bad).toEqual([]);
}

/** The statuses met: the runs must reach the handlers, not only the contract's 400. */
const seen = new Set<number>();

describe('fuzzing the application bodies', () => {
  it('createApplication never answers 5xx and never stores answers that are not an object', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({
            service: fc.constant('ktp-el-hilang'),
            region: fc.constant('33.74'),
            answers: formAnswers,
          }),
          fc.record(
            { service, region, answers, extra: fc.option(text, { nil: undefined }) },
            { requiredKeys: [] },
          ),
        ),
        async (body) => {
          const r = await send('POST', '/v1/applications', body);
          expect(r.status, r.raw).toBeLessThan(500);
          seen.add(r.status);
          expect(
            checkResponse('POST', '/v1/applications', r.status, r.headers.get('content-type'), r.body),
          ).toEqual([]);
        },
      ),
      {
        numRuns: 150,
        // One sure case per status the check below expects, so the run never depends on chance.
        examples: [
          [{ service: 'ktp-el-hilang', region: '33.74', answers: { nama_lengkap: 'Budi' } }],
          [{ service: 'ktp-el-hilang', region: '33.74', answers: { nik: 12 } }],
          [{ region: '33.74' }],
        ],
      },
    );
    await assertNoCorruptRow();
    expect([...seen].sort()).toEqual(expect.arrayContaining([201, 400, 422]));
    seen.clear();
  });

  it('updateApplication never answers 5xx; a refused patch changes nothing', async () => {
    const created = await send('POST', '/v1/applications', {
      service: 'ktp-el-hilang',
      region: '33.74',
      answers: { nama_lengkap: 'Siti Aminah' },
    });
    expect(created.status).toBe(201);
    const { code, secret } = created.body as { code: string; secret: string };
    let etag = created.headers.get('etag') as string;
    let stored = created.body.answers;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ answers: formAnswers }),
          fc.record({ answers: formAnswers }),
          fc.record({ answers }, { requiredKeys: [] }),
          fc.record({ answers, other: text }),
          fc.constantFrom('{', '[]', 'null', '"x"', '{"answers": {"nik": 1e999}}'),
        ),
        fc.constantFrom('current', 'current', 'current', 'stale', 'none', 'star', 'junk'),
        async (body, tag) => {
          const ifMatch = {
            current: etag,
            stale: '"v1-00000000"',
            none: undefined,
            star: '*',
            junk: '\u00e9"',
          }[tag];
          const r = await send(
            'PATCH',
            `/v1/applications/${code}`,
            body,
            ifMatch === undefined
              ? { 'loket-secret': secret }
              : { 'loket-secret': secret, 'if-match': ifMatch },
          );
          expect(r.status, r.raw).toBeLessThan(500);
          seen.add(r.status);
          if (r.status === 200) {
            etag = r.headers.get('etag') as string;
            stored = r.body.answers;
            expect(r.body.answers).toBeTypeOf('object');
          }
          const [row] = await server.db.query<{ answers: unknown }>(
            'select answers from application where code = $1',
            [code.replace(/-/g, '').replace(/^LKT/, '')],
          );
          expect(row?.answers).toEqual(stored);
        },
      ),
      {
        numRuns: 150,
        // One sure case per status the check below expects, so the run never depends on chance.
        examples: [
          [{ answers: { nama_lengkap: 'Budi Santoso' } }, 'current'],
          [{ answers: { nama_lengkap: 'Budi' } }, 'none'],
          [{ answers: { nama_lengkap: 'Budi' } }, 'stale'],
          [{ answers: { nik: 12 } }, 'current'],
          ['{', 'current'],
        ],
      },
    );
    await assertNoCorruptRow();
    expect([...seen].sort()).toEqual(expect.arrayContaining([200, 400, 412, 422, 428]));
  });
});
