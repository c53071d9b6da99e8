import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '../src/survey/period.js';
import { rebuildTallies, recordResponse } from '../src/survey/responses.js';
import { startTestServer, type TestServer } from './helpers/app.js';
import { checkResponse } from './helpers/contract.js';
import { insertDecided } from './helpers/survey.js';

// The published index (PermenPANRB 14/2017) and the service performance beside it. The responses
// here are written by the test (never seeded): Kota Semarang (33.74) gets 12 in November 2026,
// Kabupaten Cilacap (33.01) 3, so Central Java (33) has 15; Cilacap alone is below the minimum.

const now = new Date('2026-12-01T03:00:00Z');
let server: TestServer;

async function call(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(server.url + path, { headers });
  const text = await response.text();
  const body = text && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : text;
  expect(
    checkResponse(
      'GET',
      path.split('?')[0] ?? path,
      response.status,
      response.headers.get('content-type'),
      body,
    ),
  ).toEqual([]);
  return { status: response.status, headers: response.headers, body };
}

const respond = (region: string, scores: number[], at = '2026-11-15T03:00:00Z', service = 'ktp-el-hilang') =>
  server.db.transaction((tx) =>
    recordResponse(
      tx,
      {
        channel: 'application',
        serviceId: service,
        agencyId: 'dukcapil',
        regionCode: region,
        locationId: null,
        at: new Date(at),
        scores,
      },
      null,
    ),
  );

beforeAll(async () => {
  server = await startTestServer({ now: () => now });
  // Semarang: 10 × all 3s and 2 × all 4s, unsur 4 (Biaya) always 4 → NRR 3.1667 / 4.
  for (let i = 0; i < 10; i++) await respond('33.74', [3, 3, 3, 4, 3, 3, 3, 3, 3]);
  for (let i = 0; i < 2; i++) await respond('33.74', [4, 4, 4, 4, 4, 4, 4, 4, 4]);
  for (let i = 0; i < 3; i++) await respond('33.01', [2, 2, 2, 2, 2, 2, 2, 2, 2]);
  // December and synthetic responses must not count for November.
  await respond('33.74', [1, 1, 1, 1, 1, 1, 1, 1, 1], '2026-12-01T01:00:00Z');
  await server.db.transaction((tx) =>
    recordResponse(
      tx,
      {
        channel: 'kiosk',
        serviceId: null,
        agencyId: null,
        regionCode: '33.74',
        locationId: null,
        at: new Date('2026-11-20T03:00:00Z'),
        scores: [1, 1, 1, 1, 1, 1, 1, 1, 1],
        synthetic: true,
      },
      null,
    ),
  );
  // Served in November in Semarang: 3 decided (2 by their due date), 1 still overdue.
  await insertDecided(server.db, {
    status: 'completed',
    submittedAt: '2026-11-02T02:00:00Z',
    decidedAt: '2026-11-06T03:00:00Z',
    due: '2026-11-16',
  });
  await insertDecided(server.db, {
    status: 'rejected',
    submittedAt: '2026-11-02T02:00:00Z',
    decidedAt: '2026-11-09T03:00:00Z',
    due: '2026-11-16',
  });
  await insertDecided(server.db, {
    status: 'completed',
    submittedAt: '2026-11-02T02:00:00Z',
    decidedAt: '2026-11-20T03:00:00Z',
    due: '2026-11-16',
  });
  await insertDecided(server.db, {
    status: 'submitted',
    submittedAt: '2026-11-03T02:00:00Z',
    due: '2026-11-17',
  });
}, 180_000); // a busy machine makes the first seeded database slow
afterAll(async () => server?.close());

describe('periods', () => {
  it('reads a year, semester, quarter and month', () => {
    expect(parsePeriod('2026')).toMatchObject({ kind: 'year', start: '2026-01-01', end: '2026-12-31' });
    expect(parsePeriod('2026-S2')).toMatchObject({
      kind: 'semester',
      start: '2026-07-01',
      end: '2026-12-31',
    });
    expect(parsePeriod('2026-Q1')).toMatchObject({ kind: 'quarter', start: '2026-01-01', end: '2026-03-31' });
    expect(parsePeriod('2024-02')).toMatchObject({ kind: 'month', start: '2024-02-01', end: '2024-02-29' });
    expect(parsePeriod('2026-13')).toBeNull();
  });
});

describe('GET /v1/performance', () => {
  it('computes the IKM of a kabupaten/kota by the regulation, with its band, unsur and sample', async () => {
    const { status, body, headers } = await call('/v1/performance?region=33.74&period=2026-11');
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toMatch(/public, max-age=\d+/);
    expect(body.period).toEqual({ label: '2026-11', kind: 'month', start: '2026-11-01', end: '2026-11-30' });
    const cell = body.satisfaction;
    expect(cell.published).toBe(true);
    expect(cell.respondents).toBe(12);
    // NRR: 8 unsur at 38/12 = 3.1667, Biaya 4; Σ × 0.111 = 3.2560; × 25 = 81.4
    expect(cell.unsur[0]).toEqual({ no: 1, name: 'Persyaratan', nrr: 3.1667, score: 79.17 });
    expect(cell.unsur[3].nrr).toBe(4);
    expect(cell.ikm).toBe(81.4);
    expect(cell.band).toEqual({ mutu: 'B', kinerja: 'Baik' });
    // 3 served: the Krejcie–Morgan sample is 3, reached.
    expect(cell).toMatchObject({ served: 3, sample_required: 3, sample_reached: true });
    expect(body.method).toMatchObject({
      regulation: 'PermenPANRB 14/2017',
      weight: 0.111,
      min_responses: 10,
    });
  });

  it('counts a province with its kabupaten/kota and does not publish a cell under the minimum', async () => {
    const { body } = await call('/v1/performance?region=33&period=2026-Q4&by=region');
    // The quarter holds November's 15 and December's one.
    expect(body.satisfaction.respondents).toBe(16);
    const cilacap = body.cells.find((c: { key: string }) => c.key === '33.01');
    expect(cilacap).toMatchObject({
      published: false,
      respondents: null,
      ikm: null,
      band: null,
      unsur: null,
    });
    expect(body.cells.find((c: { key: string }) => c.key === '33.74')).toMatchObject({
      published: true,
      respondents: 13,
    });
    const year = await call('/v1/performance?region=33.01&period=2026');
    expect(year.body.satisfaction.published).toBe(false);
  });

  it('splits by service, filters, and answers unknown regions and bad periods', async () => {
    const { body } = await call('/v1/performance?region=33.74&period=2026-S2&by=service&lang=en');
    expect(body.cells).toHaveLength(1);
    expect(body.cells[0]).toMatchObject({ key: 'ktp-el-hilang', respondents: 13 });
    expect(body.cells[0].unsur[0].name).toBe('Requirements');
    const none = await call('/v1/performance?region=33.74&period=2026-11&service=paspor-baru');
    expect(none.body.satisfaction).toMatchObject({ published: false, served: 0 });
    expect((await call('/v1/performance?region=99&period=2026-11')).status).toBe(404);
    expect((await call('/v1/performance?region=33.74&period=2026-Q5')).status).toBe(400);
  });

  it('splits a period by month for the trend, each month withheld under the minimum', async () => {
    const { body } = await call('/v1/performance?region=33.74&period=2026-Q4&by=month');
    expect(body.by).toBe('month');
    // November: 12 responses and 3 decided; December: one response, not published.
    expect(body.cells.map((c: { key: string }) => c.key)).toEqual(['2026-11', '2026-12']);
    expect(body.cells[0]).toMatchObject({
      label: '2026-11',
      published: true,
      respondents: 12,
      ikm: 81.4,
      served: 3,
    });
    expect(body.cells[1]).toMatchObject({ key: '2026-12', published: false, ikm: null, served: 0 });
    const filtered = await call('/v1/performance?region=33.74&period=2026&by=month&service=ktp-el-hilang');
    expect(filtered.body.cells[0]).toMatchObject({ key: '2026-11', respondents: 12 });
  });

  it('publishes the service performance beside it, from the applications’ history', async () => {
    const { body } = await call('/v1/performance?region=33.74&period=2026-11');
    const ktp = body.services.find((s: { service: string }) => s.service === 'ktp-el-hilang');
    // Decided after 4, 5 and 14 working days (Nov 2 → 6, 9, 20); 2 of 3 by the 16th.
    expect(ktp).toMatchObject({
      applications: 4,
      decided: 3,
      on_time: 2,
      on_time_share: 0.667,
      median_working_days: 5,
      overdue_now: 1,
    });
  });

  it('answers 304 to its ETag, and exports CSV with the method', async () => {
    const first = await call('/v1/performance?region=33.74&period=2026-11');
    const again = await fetch(`${server.url}/v1/performance?region=33.74&period=2026-11`, {
      headers: { 'if-none-match': first.headers.get('etag') ?? '' },
    });
    expect(again.status).toBe(304);
    const csv = await call('/v1/performance/export?region=33&period=2026-11&by=region', {
      accept: 'text/csv',
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = String(csv.body).trim().split('\r\n');
    expect(lines[0]).toMatch(/^# PermenPANRB 14\/2017: /);
    const header = lines.find((l) => l.startsWith('region,'))?.split(',') ?? [];
    const row = (key: string) => lines.find((l) => l.split(',')[3] === key)?.split(',') ?? [];
    expect(row('33.74')[header.indexOf('ikm')]).toBe('81.4');
    expect(row('33.01')[header.indexOf('published')]).toBe('false');
    expect(row('33.01')[header.indexOf('ikm')]).toBe('');
  });

  it('keeps the running sums equal to the responses (rebuildTallies gives the same rows, per cell and per region)', async () => {
    const read = async () => [
      await server.db.query('select * from survey_tally order by 1, 2, 3, 4, 5, 6'),
      await server.db.query('select * from survey_tally_region order by 1, 2, 3'),
    ];
    const before = await read();
    expect(before[1]?.length).toBeGreaterThan(0);
    await server.db.transaction((tx) => rebuildTallies(tx));
    expect(await read()).toEqual(before);
  });
});
