import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficerToken } from '../src/applications/officer-tokens.js';
import { readAudit } from '../src/officers/audit.js';
import { totpCode } from '../src/officers/totp.js';
import { startTestServer, type TestServer } from './helpers/app.js';
import { account, desk, password, submittedApplication } from './helpers/desk.js';

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

describe('accounts and origins (admins)', () => {
  it('an admin adds an account in its agency and region, which signs in; each change is audited', async () => {
    const { d, csrf } = await signedIn('admin.dukcapil', '203.0.113.31');
    const made = await d.call('POST', '/v1/officer/accounts', {
      csrf,
      body: { username: 'Rina.Loket', name: 'Rina Wulandari', region: '33.74', roles: ['officer'], password },
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      account: {
        username: 'rina.loket',
        agency: 'dukcapil',
        region: '33.74',
        roles: ['officer'],
        totp: false,
      },
      totp: null,
    });
    const rina = desk(url, '203.0.113.32');
    expect((await rina.signIn('rina.loket')).status).toBe(200);
    const listed = await d.call('GET', '/v1/officer/accounts');
    const names = (listed.body as { data: { username: string }[] }).data.map((a) => a.username);
    expect(names).toEqual(expect.arrayContaining(['admin.dukcapil', 'rina.loket', 'petugas.biasa']));
    expect(names).not.toContain('samsat.admin');

    // Roles: supervisor, then admin (a TOTP key is enrolled and shown once); her sessions end.
    const roles = await d.call('PUT', '/v1/officer/accounts/rina.loket/roles', {
      csrf,
      body: { roles: ['supervisor', 'admin'] },
    });
    expect(roles.status).toBe(200);
    const { totp } = roles.body as { totp: { secret: string; uri: string } };
    expect(totp.uri).toMatch(/^otpauth:\/\/totp\//);
    expect((await rina.call('GET', '/v1/officer/session')).status).toBe(401);
    const reset = await d.call('POST', '/v1/officer/accounts/rina.loket/totp', { csrf });
    expect((reset.body as { totp: { secret: string } }).totp.secret).not.toBe(totp.secret);
    expect((await d.call('POST', '/v1/officer/accounts/rina.loket/disable', { csrf })).body).toMatchObject({
      disabled_at: expect.any(String),
    });
    expect((await rina.signIn('rina.loket')).status).toBe(401);
    expect((await d.call('POST', '/v1/officer/accounts/rina.loket/enable', { csrf })).body).toMatchObject({
      disabled_at: null,
    });
    const events = (await readAudit(server.db, { username: 'rina.loket' }))
      .filter((e) => e.actor === 'officer:admin.dukcapil')
      .map((e) => e.event);
    expect(events.reverse()).toEqual([
      'account-added',
      'roles-set',
      'totp-reset',
      'account-disabled',
      'account-enabled',
    ]);
    const [rolesSet] = (await readAudit(server.db, { username: 'rina.loket' })).filter(
      (e) => e.event === 'roles-set',
    );
    expect(rolesSet?.detail).toMatchObject({
      before: ['officer'],
      after: ['supervisor', 'admin'],
      totp: true,
    });
  });

  it('refuses what the CLI refuses, outside its region, its own account, and another agency’s (localized)', async () => {
    await account(server.db, { username: 'samsat.admin', agency: 'samsat' });
    const { d, csrf } = await signedIn('admin.dukcapil', '203.0.113.33');
    const weak = await d.call('POST', '/v1/officer/accounts?lang=en', {
      csrf,
      body: { username: 'baru.loket', name: 'Baru', region: '33.74', roles: ['officer'], password: 'pendek' },
    });
    expect(weak.status).toBe(422);
    expect(weak.body).toMatchObject({
      type: 'urn:loket:problem:invalid-account',
      title: 'Account cannot be saved',
    });
    const far = await d.call('POST', '/v1/officer/accounts', {
      csrf,
      body: { username: 'jauh.loket', name: 'Jauh', region: '35.78', roles: ['officer'], password },
    });
    expect(far.status).toBe(422);
    expect((far.body as { detail: string }).detail).toBe('Wilayah 35.78 di luar wilayah akun Anda.');
    expect((await d.call('POST', '/v1/officer/accounts/admin.dukcapil/disable', { csrf })).status).toBe(422);
    const demote = await d.call('PUT', '/v1/officer/accounts/admin.dukcapil/roles', {
      csrf,
      body: { roles: ['officer'] },
    });
    expect(demote.status).toBe(422);
    expect((await d.call('POST', '/v1/officer/accounts/samsat.admin/disable', { csrf })).status).toBe(404);
    const officer = await signedIn('petugas.biasa', '203.0.113.34');
    expect((await officer.d.call('GET', '/v1/officer/accounts')).status).toBe(403);
    const byToken = await fetch(`${url()}/v1/officer/accounts`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(byToken.status).toBe(401);
  });

  it('an admin allows and removes origins of its region, with the CLI’s rules, audited', async () => {
    const { d, csrf } = await signedIn('admin.dukcapil', '203.0.113.35');
    const add = await d.call('POST', '/v1/officer/origins', {
      csrf,
      body: { region: '33.74', origin: 'https://Layanan.SemarangKota.go.id' },
    });
    expect(add.status).toBe(201);
    expect(add.body).toEqual({ region: '33.74', origin: 'https://layanan.semarangkota.go.id' });
    const list = await d.call('GET', '/v1/officer/origins');
    expect((list.body as { data: unknown[] }).data).toContainEqual(add.body);
    const wildcard = await d.call('POST', '/v1/officer/origins', {
      csrf,
      body: { region: '33.74', origin: 'https://*.semarangkota.go.id' },
    });
    expect(wildcard.status).toBe(422);
    expect(wildcard.body).toMatchObject({ type: 'urn:loket:problem:invalid-origin' });
    const far = await d.call('POST', '/v1/officer/origins', {
      csrf,
      body: { region: '35.78', origin: 'https://surabaya.go.id' },
    });
    expect(far.status).toBe(422);
    const query = '?region=33.74&origin=https%3A%2F%2Flayanan.semarangkota.go.id';
    expect((await d.call('DELETE', `/v1/officer/origins${query}`, { csrf })).status).toBe(204);
    expect((await d.call('DELETE', `/v1/officer/origins${query}`, { csrf })).status).toBe(404);
    const events = (await readAudit(server.db, { username: 'admin.dukcapil' }))
      .filter((e) => e.event.startsWith('origin-'))
      .map((e) => [e.event, e.detail]);
    expect(events).toEqual([
      ['origin-removed', { region: '33.74', origin: 'https://layanan.semarangkota.go.id' }],
      ['origin-added', { region: '33.74', origin: 'https://layanan.semarangkota.go.id' }],
    ]);
  });
});
