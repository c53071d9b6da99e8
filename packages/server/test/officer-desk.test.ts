import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCode } from '../src/applications/secrets.js';
import { startTestServer, type TestServer } from './helpers/app.js';
import { type AppSpec, client, insertApplication, seedForm, token } from './officer-fixtures.js';

// What the desk (/petugas/) needs of the officer API beyond the queue itself: the counts of its
// tabs, "due this week", and ETag / If-Match so that two officers never overwrite each other.

// Tuesday 10 March 2026, 09:00 in Jakarta.
const now = new Date('2026-03-10T02:00:00Z');

describe('the desk’s queue: counts and due before a date', () => {
  let server: TestServer;
  const call = client(() => server);
  let officer: string;
  const codes: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer({ now: () => now });
    const apps: Record<string, AppSpec> = {
      late: { status: 'submitted', due: '2026-03-05' },
      thisWeek: { status: 'in_review', due: '2026-03-13' },
      nextWeek: { status: 'submitted', due: '2026-03-20' },
      // Due this week but not the agency's to decide now: never "due".
      waiting: { status: 'needs_revision', due: '2026-03-12' },
      done: { status: 'completed', due: '2026-03-11' },
      elsewhere: { status: 'submitted', region: '33.01', due: '2026-03-11' },
    };
    for (const [key, spec] of Object.entries(apps)) {
      codes[key] = (await insertApplication(server.db, spec)).code;
    }
    officer = await token(server.db, 'dukcapil', '33.74');
  }, 60_000);

  afterAll(() => server?.close());

  it('counts the whole scope per status, overdue and due this week (to Sunday 15 March), whatever the filter', async () => {
    const { status, body } = await call(
      'GET',
      '/v1/officer/applications?status=submitted&due_before=2026-03-15',
      {
        token: officer,
      },
    );
    expect(status).toBe(200);
    expect(body.total).toBe(1);
    expect(body.counts).toEqual({
      status: { submitted: 2, in_review: 1, needs_revision: 1, completed: 1 },
      overdue: 1,
      due: 2,
    });
  });

  it('lists only what is still owed and due on or before the date, oldest due first', async () => {
    const { body } = await call('GET', '/v1/officer/applications?due_before=2026-03-15', { token: officer });
    expect(body.data.map((a: { code: string }) => a.code)).toEqual([
      formatCode(codes.late as string),
      formatCode(codes.thisWeek as string),
    ]);
  });

  it('refuses a date that is not one (400)', async () => {
    const { status } = await call('GET', '/v1/officer/applications?due_before=next-week', { token: officer });
    expect(status).toBe(400);
  });
});

describe('two officers on one application: ETag and If-Match', () => {
  let server: TestServer;
  const call = client(() => server);
  let ani: string;
  let budi: string;

  beforeAll(async () => {
    server = await startTestServer({ now: () => now });
    await seedForm(server.db);
    ani = await token(server.db, 'dukcapil', '33.74', 'Ani');
    budi = await token(server.db, 'dukcapil', '33.74', 'Budi');
  }, 60_000);

  afterAll(() => server?.close());

  const move = (code: string, t: string, body: unknown, ifMatch?: string) =>
    call('POST', `/v1/officer/applications/${formatCode(code)}/transitions`, {
      token: t,
      body,
      ...(ifMatch ? { headers: { 'if-match': ifMatch } } : {}),
    });

  it('refuses a transition made against what another officer already changed (412), and moves nothing', async () => {
    const { code } = await insertApplication(server.db, { status: 'submitted' });
    const path = `/v1/officer/applications/${formatCode(code)}`;
    const [seenByAni, seenByBudi] = await Promise.all([
      call('GET', path, { token: ani }),
      call('GET', path, { token: budi }),
    ]);
    const etag = seenByAni.headers.get('etag') as string;
    expect(etag).toMatch(/^"v\d+-[0-9a-f]{8}"$/);
    expect(seenByBudi.headers.get('etag')).toBe(etag);

    const first = await move(code, ani, { to: 'in_review' }, etag);
    expect(first.status).toBe(200);
    const next = first.headers.get('etag');
    expect(next).not.toBe(etag);

    // Budi still has the page he opened: his rejection must not land on Ani's review.
    const stale = await move(code, budi, { to: 'in_review', note: 'saya ambil' }, etag);
    expect(stale.status).toBe(412);
    expect(stale.body.type).toBe('urn:loket:problem:precondition-failed');
    const after = await call('GET', path, { token: budi });
    expect(after.body.status).toBe('in_review');
    expect(after.body.history).toHaveLength(2);
    expect(after.headers.get('etag')).toBe(next);

    // With the ETag he has now, Budi's transition goes through.
    const fresh = await move(
      code,
      budi,
      { to: 'rejected', public_note: 'Bukan wilayah kami.' },
      next as string,
    );
    expect(fresh.status).toBe(200);
    expect(fresh.body.status).toBe('rejected');
  });

  it('keeps integrations without If-Match working (the state machine alone decides)', async () => {
    const { code } = await insertApplication(server.db, { status: 'submitted' });
    expect((await move(code, ani, { to: 'in_review' })).status).toBe(200);
    expect((await move(code, ani, { to: 'in_review' })).status).toBe(409);
  });

  it('answers 412 in the asked language', async () => {
    const { code } = await insertApplication(server.db, { status: 'submitted' });
    const english = await call('POST', `/v1/officer/applications/${formatCode(code)}/transitions?lang=en`, {
      token: ani,
      body: { to: 'in_review' },
      headers: { 'if-match': '"v0-00000000"' },
    });
    expect(english.status).toBe(412);
    expect(english.body.detail).toMatch(/changed elsewhere/);
  });
});
