import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficerToken } from '../src/applications/officer-tokens.js';
import { readAudit } from '../src/officers/audit.js';
import { totpCode } from '../src/officers/totp.js';
import { startTestServer, type TestServer } from './helpers/app.js';
import { account, desk } from './helpers/desk.js';

// Roles enforced by the officer API (docs/officers.md): operations marked `x-loket-role` in the
// contract refuse a desk session whose account lacks the role (403 role-required, localized);
// bearer tokens keep the scope they always had.
let server: TestServer;
const url = () => server.url;
let token = '';
const secrets: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer({ trustProxy: 1 });
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
  const res = await d.signIn(username, undefined, secret ? totpCode(secret) : undefined);
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
