import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficerToken } from '../src/applications/officer-tokens.js';
import { readAudit } from '../src/officers/audit.js';
import { totpCode } from '../src/officers/totp.js';
import { startTestServer, type TestServer } from './helpers/app.js';
import { account, desk, submittedApplication } from './helpers/desk.js';

// Roles enforced by the officer API (docs/officers.md): operations marked `x-loket-role` in the
// contract refuse a desk session whose account lacks the role (403 role-required, localized);
// bearer tokens keep the scope they always had.
let clock = new Date('2026-03-20T02:00:00Z');
let server: TestServer;
const url = () => server.url;
let token = '';
const secrets: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer({ trustProxy: 1, now: () => clock });
  await account(server.db, { username: 'petugas.biasa' });
  await account(server.db, { username: 'kepala.seksi', roles: ['supervisor'] });
  const admin = await account(server.db, { username: 'admin.dukcapil', roles: ['admin'] });
  secrets.admin = admin.totpSecret ?? '';
  ({ token } = await createOfficerToken(server.db, { name: 'SIAK', agency: 'dukcapil', region: '33.74' }));
});
afterAll(() => server?.close());

/** A desk signed in as `username` (an admin with its TOTP code), with its CSRF token. */
async function signedIn(username: string, address: string) {
  const d = desk(url, address);
  const secret = secrets[username === 'admin.dukcapil' ? 'admin' : ''];
  // A TOTP code is good once: each admin sign-in comes a time step later.
  if (secret) clock = new Date(clock.getTime() + 30_000);
  const res = await d.signIn(username, undefined, secret ? totpCode(secret, clock) : undefined);
  expect(res.status).toBe(200);
  return { d, csrf: (res.body as { csrf: string }).csrf };
}

describe('admin-only operations (webhooks)', () => {
  it('refuse an officer and a supervisor with 403 role-required, in Indonesian and English', async () => {
    for (const [username, address] of [
      ['petugas.biasa', '203.0.113.21'],
      ['kepala.seksi', '203.0.113.22'],
    ] as const) {
      const { d, csrf } = await signedIn(username, address);
      const list = await d.call('GET', '/v1/officer/webhooks');
      expect(list.status).toBe(403);
      expect(list.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(list.body).toMatchObject({
        type: 'urn:loket:problem:role-required',
        title: 'Peran akun tidak mencukupi',
        detail: 'Hanya akun berperan admin (atau lebih tinggi) yang boleh melakukan ini.',
      });
      const add = await d.call('POST', '/v1/officer/webhooks?lang=en', {
        csrf,
        body: { url: 'https://sms.example.go.id/loket' },
      });
      expect(add.status).toBe(403);
      expect(add.body).toMatchObject({
        type: 'urn:loket:problem:role-required',
        title: 'Role required',
        detail: 'Only an account with the admin role (or a higher one) may do this.',
      });
    }
    const [row] = await server.db.query<{ n: number }>('select count(*)::int as n from webhook_endpoint');
    expect(row?.n).toBe(0);
  });

  it('answer an admin, and the refusal is in the audit log', async () => {
    const { d } = await signedIn('admin.dukcapil', '203.0.113.23');
    const list = await d.call('GET', '/v1/officer/webhooks');
    expect(list.status).toBe(200);
    const refused = (await readAudit(server.db, { username: 'petugas.biasa' })).filter(
      (e) => e.event === 'request' && e.status === 403,
    );
    expect(refused.map((e) => e.path)).toContain('/v1/officer/webhooks');
  });

  it('still answer a bearer token (integrations keep their scope)', async () => {
    const res = await fetch(`${url()}/v1/officer/webhooks`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
  });
});

describe('operations every role may use', () => {
  it('answer an officer (the queue)', async () => {
    const { d } = await signedIn('petugas.biasa', '203.0.113.24');
    expect((await d.call('GET', '/v1/officer/applications')).status).toBe(200);
  });
});

/** Moves an application as an officer would have (its status and an event by `officer:<name>`). */
async function moved(id: string, to: string, name: string, at = clock) {
  await server.db.query('update application set status = $2 where id = $1', [id, to]);
  await server.db.query(
    `insert into application_event (application_id, from_status, to_status, at, actor) values ($1, 'submitted', $2, $3, $4)`,
    [id, to, at.toISOString(), `officer:${name}`],
  );
}

describe('the workload (supervisors)', () => {
  it('counts open applications per officer and per service, and lists the overdue ones', async () => {
    const untouched = await submittedApplication(server.db);
    const reviewing = await submittedApplication(server.db);
    await moved(reviewing.id, 'in_review', 'Siti Rahayu');
    const revising = await submittedApplication(server.db);
    await moved(revising.id, 'needs_revision', 'Siti Rahayu');
    const done = await submittedApplication(server.db);
    await moved(done.id, 'completed', 'Budi Santoso', new Date(clock.getTime() - 86_400_000));
    await submittedApplication(server.db, 'samsat', '33.74');
    await submittedApplication(server.db, 'dukcapil', '35.78');
    const { d } = await signedIn('kepala.seksi', '203.0.113.25');
    const res = await d.call('GET', '/v1/officer/workload');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = res.body as {
      as_of: string;
      officers: { officer: string | null }[];
      services: unknown[];
      overdue: { code: string; officer: string | null }[];
      overdue_total: number;
    };
    expect(body.as_of).toBe('2026-03-20');
    expect(body.officers).toEqual([
      { officer: null, in_review: 0, needs_revision: 0, waiting: 1, overdue: 1, decided_week: 0 },
      { officer: 'Siti Rahayu', in_review: 1, needs_revision: 1, waiting: 0, overdue: 1, decided_week: 0 },
      { officer: 'Budi Santoso', in_review: 0, needs_revision: 0, waiting: 0, overdue: 0, decided_week: 1 },
    ]);
    expect(body.services).toEqual([
      {
        service: { id: 'ktp-el-hilang', name: expect.stringMatching(/KTP/) },
        open: 3,
        owed: 2,
        overdue: 2,
        due_week: 2,
      },
    ]);
    const codeOf = (c: string) => c.replace(/[^A-Z0-9]/g, '').replace(/^LKT/, '');
    expect(body.overdue.map((o) => [codeOf(o.code), o.officer])).toEqual(
      expect.arrayContaining([
        [codeOf(untouched.code), null],
        [codeOf(reviewing.code), 'Siti Rahayu'],
      ]),
    );
    expect(body.overdue).toHaveLength(2);
    expect(body.overdue_total).toBe(2);
  });

  it('is refused to a plain officer (403 role-required) and answered to an admin and a token', async () => {
    const { d } = await signedIn('petugas.biasa', '203.0.113.26');
    const refused = await d.call('GET', '/v1/officer/workload?lang=en');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      type: 'urn:loket:problem:role-required',
      detail: 'Only an account with the supervisor role (or a higher one) may do this.',
    });
    const admin = await signedIn('admin.dukcapil', '203.0.113.27');
    expect((await admin.d.call('GET', '/v1/officer/workload')).status).toBe(200);
    const res = await fetch(`${url()}/v1/officer/workload`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
  });
});
