import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatCode } from '../src/applications/secrets.js';
import { transition } from '../src/applications/state.js';
import { run as kioskCli } from '../src/cli/kiosk.js';
import type { Db } from '../src/db/index.js';
import { createKiosk, revokeKiosk } from '../src/survey/kiosk.js';
import { startTestServer, type TestServer } from './helpers/app.js';
import { checkResponse } from './helpers/contract.js';
import { insertDecided, surveySecret } from './helpers/survey.js';

// The satisfaction survey (PermenPANRB 14/2017): once per decided application, stored without
// the application or the person; kiosks at a location with their own limits; the invitation in
// the outbox with the decision.

const now = new Date('2026-11-20T05:00:00Z');
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    now: () => now,
    limits: { kioskPerMinute: { max: 3, windowMs: 60_000 } },
  });
}, 180_000); // a busy machine makes the first seeded database slow
afterAll(async () => server?.close());

async function call(
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
) {
  const response = await fetch(server.url + path, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...options.headers,
    },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  const body = text && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : text;
  expect(checkResponse(method, path, response.status, response.headers.get('content-type'), body)).toEqual(
    [],
  );
  return { status: response.status, headers: response.headers, body };
}

const answer = {
  scores: [4, 3, 3, 4, 3, 4, 4, 3, 2],
  profile: { age_band: '30_39', sex: 'female' },
  suggestion: 'Ruang tunggu perlu lebih banyak kursi.',
};
const withSecret = { 'loket-secret': surveySecret };

describe('the survey of an application', () => {
  it('is not open before a decision, open after, and taken once', async () => {
    const pending = await insertDecided(server.db, { status: 'in_review' });
    const path = `/v1/applications/${formatCode(pending.code)}/survey`;
    expect((await call('GET', path, { headers: withSecret })).body).toEqual({ state: 'not_yet' });
    const early = await call('POST', path, { headers: withSecret, body: answer });
    expect(early.status).toBe(409);
    expect(early.body.type).toBe('urn:loket:problem:survey-not-open');

    const done = await insertDecided(server.db, { status: 'completed' });
    const donePath = `/v1/applications/${formatCode(done.code)}/survey`;
    expect((await call('GET', donePath, { headers: withSecret })).body).toEqual({ state: 'open' });
    const first = await call('POST', donePath, { headers: withSecret, body: answer });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ received: true, channel: 'application' });
    expect((await call('GET', donePath, { headers: withSecret })).body).toEqual({ state: 'answered' });
    const again = await call('POST', donePath, { headers: withSecret, body: answer });
    expect(again.status).toBe(409);
    expect(again.body.type).toBe('urn:loket:problem:survey-answered');
  });

  it('needs the secret, and all nine scores between 1 and 4', async () => {
    const done = await insertDecided(server.db, { status: 'rejected' });
    const path = `/v1/applications/${formatCode(done.code)}/survey`;
    expect(
      (await call('POST', path, { headers: { 'loket-secret': 'WRNG-WRNG-WRNG-WRNG' }, body: answer })).status,
    ).toBe(404);
    expect((await call('POST', path, { headers: withSecret, body: { scores: [4, 4, 4] } })).status).toBe(400);
    expect(
      (await call('POST', path, { headers: withSecret, body: { scores: [5, 4, 4, 4, 4, 4, 4, 4, 4] } }))
        .status,
    ).toBe(400);
    expect(
      (await call('POST', path, { headers: withSecret, body: { scores: [0, 4, 4, 4, 4, 4, 4, 4, 4] } }))
        .status,
    ).toBe(400);
    // A suggestion PostgreSQL cannot store is refused with its pointer, not stored stripped.
    const nul = await call('POST', path, {
      headers: withSecret,
      body: { ...answer, suggestion: 'kursi\u0000' },
    });
    expect(nul.status).toBe(400);
    expect(nul.body.errors).toEqual([expect.objectContaining({ pointer: '/suggestion' })]);
    expect((await call('GET', path, { headers: withSecret })).body).toEqual({ state: 'open' });
  });

  it('stores the response without the application, its answers or the person', async () => {
    const done = await insertDecided(server.db, { status: 'completed', region: '33.01' });
    await call('POST', `/v1/applications/${formatCode(done.code)}/survey`, {
      headers: withSecret,
      body: answer,
    });
    const [row] = await server.db.query<Record<string, unknown>>(
      "select *, month::text as month_text from survey_response where region_code = '33.01' and channel = 'application'",
    );
    expect(row).toMatchObject({
      service_id: 'ktp-el-hilang',
      agency_id: 'dukcapil',
      location_id: null,
      u9: 2,
      sex: 'female',
    });
    expect(row?.month_text).toBe('2026-11-01');
    const stored = JSON.stringify(row);
    for (const secretThing of [done.id, done.code, 'Budi', '3374011505900001', surveySecret]) {
      expect(stored).not.toContain(secretThing);
    }
    const columns = await server.db.query<{ column_name: string }>(
      "select column_name from information_schema.columns where table_name in ('survey_response', 'survey_marker')",
    );
    expect(columns.map((c) => c.column_name)).not.toEqual(expect.arrayContaining(['application_id']));
    expect(columns.some((c) => /created|_at$/.test(c.column_name))).toBe(false);
    const markers = await server.db.query<{ marker: string }>('select marker from survey_marker');
    expect(markers.every((m) => /^[0-9a-f]{64}$/.test(m.marker) && !m.marker.includes(done.id))).toBe(true);
  });
});

describe('the survey kiosk', () => {
  it('takes responses for its location, limited per device, and stops when revoked', async () => {
    const [location] = await server.db.query<{ id: string; region_code: string }>(
      'select id, region_code from location order by id limit 1',
    );
    if (!location) throw new Error('no location seeded');
    const { device, token } = await createKiosk(
      server.db,
      { name: 'Tablet pintu keluar', location: location.id },
      now,
    );
    const { token: other } = await createKiosk(server.db, { name: 'Tablet 2', location: location.id }, now);
    const kiosk = (t: string, body: unknown = { service: 'ktp-el-hilang', scores: answer.scores }) =>
      call('POST', '/v1/kiosk/survey', { headers: { 'loket-kiosk': t }, body });
    for (let i = 0; i < 3; i++) expect((await kiosk(token)).status).toBe(201);
    const over = await kiosk(token);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another device at the same address has its own count.
    expect((await kiosk(other)).status).toBe(201);
    expect((await kiosk(other, { service: 'no-such-service', scores: answer.scores })).status).toBe(400);
    const rows = await server.db.query<{ n: number }>(
      "select count(*)::int as n from survey_response where channel = 'kiosk' and location_id = $1 and region_code = $2",
      [location.id, location.region_code],
    );
    expect(rows[0]?.n).toBe(4);
    expect((await kiosk('kiosk_unknownunknownunknownunknown')).status).toBe(401);
    await revokeKiosk(server.db, device.id, now);
    expect((await kiosk(token)).status).toBe(401);
  });
});

describe('the survey invitation', () => {
  it('is written to the outbox with a completion or a rejection, not with other changes', async () => {
    for (const to of ['completed', 'rejected', 'needs_revision'] as const) {
      const app = await insertDecided(server.db, { status: 'in_review' });
      await server.db.transaction((tx) =>
        transition(tx, { id: app.id, status: 'in_review', version: 1 }, 'officer', to, {
          actor: 'officer:test',
          at: now,
          ...(to === 'needs_revision' ? { fields: ['nik'] } : {}),
        }),
      );
      const topics = await server.db.query<{ topic: string }>(
        'select topic from outbox_event where application_id = $1 order by topic',
        [app.id],
      );
      expect(topics.map((t) => t.topic)).toEqual(
        to === 'needs_revision' ? [`application.${to}`] : [`application.${to}`, 'survey.invitation'],
      );
    }
  });
});

describe('loket-server kiosk', () => {
  async function cli(...args: string[]) {
    const out: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void out.push(parts.join(' ')));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const withDb = <T>(fn: (db: Db) => Promise<T>) => fn(server.db);
    const code = await kioskCli(args, { withDb: withDb as never });
    vi.restoreAllMocks();
    return { code, out: out.join('\n') };
  }

  it('adds a kiosk whose token works once printed, lists it without the token, and revokes it', async () => {
    const [location] = await server.db.query<{ id: string }>(
      'select id from location order by id desc limit 1',
    );
    const added = await cli('add', '--location', location?.id ?? '', '--name', 'Tablet CLI', '--json');
    expect(added.code).toBe(0);
    const { id, token } = JSON.parse(added.out) as { id: string; token: string };
    const post = () =>
      call('POST', '/v1/kiosk/survey', {
        headers: { 'loket-kiosk': token },
        body: { scores: answer.scores },
      });
    expect((await post()).status).toBe(201);
    const listed = await cli('list', '--location', location?.id ?? '', '--json');
    expect(JSON.parse(listed.out)).toEqual([
      expect.objectContaining({ id, name: 'Tablet CLI', revoked_at: null }),
    ]);
    expect(listed.out).not.toContain(token);
    expect((await cli('add', '--location', 'no-such-place', '--name', 'x')).code).toBe(1);
    expect((await cli('revoke', id)).code).toBe(0);
    expect((await post()).status).toBe(401);
  });
});
