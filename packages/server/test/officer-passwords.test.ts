import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficerToken } from '../src/applications/officer-tokens.js';
import { readAudit } from '../src/officers/audit.js';
import { totpCode } from '../src/officers/totp.js';
import { startTestServer, type TestServer } from './helpers/app.js';
import { account, desk, password } from './helpers/desk.js';

// Passwords from the desk (docs/officers.md): an officer changes its own with the current one
// (counted like a sign-in; every other session ends, this browser gets a new one), an admin sets
// another account's (the CLI's set-password: its rules, its sessions ended), both audited.
let clock = new Date('2026-03-23T02:00:00Z');
let server: TestServer;
const url = () => server.url;
const newPassword = 'kuda benar baterai staples';
let adminSecret = '';

beforeAll(async () => {
  server = await startTestServer({
    now: () => clock,
    trustProxy: 1,
    limits: { signInLockout: { max: 3, windowMs: 15 * 60_000 } },
  });
  await account(server.db, { username: 'siti' });
  await account(server.db, { username: 'tebak' });
  await account(server.db, { username: 'rina' });
  await account(server.db, { username: 'samsat.rina', agency: 'samsat' });
  adminSecret = (await account(server.db, { username: 'admin.dukcapil', roles: ['admin'] })).totpSecret ?? '';
});
afterAll(() => server?.close());

async function signedIn(username: string, address: string, pass = password) {
  const d = desk(url, address);
  let totp: string | undefined;
  if (username === 'admin.dukcapil') {
    clock = new Date(clock.getTime() + 30_000);
    totp = totpCode(adminSecret, clock);
  }
  const res = await d.signIn(username, pass, totp);
  expect(res.status).toBe(200);
  return { d, csrf: (res.body as { csrf: string }).csrf };
}

const events = async (username: string, prefix: string) =>
  (await readAudit(server.db, { username, limit: 100 }))
    .filter((e) => e.event.startsWith(prefix))
    .map((e) => [e.event, e.actor, e.detail]);

describe('an officer changes its own password', () => {
  it('with the current one: other sessions end, this browser goes on with a new session', async () => {
    const elsewhere = await signedIn('siti', '203.0.113.41');
    const { d, csrf } = await signedIn('siti', '203.0.113.42');
    const oldCookie = d.cookie;
    const wrong = await d.call('PUT', '/v1/officer/session/password?lang=en', {
      csrf,
      body: { current_password: 'not the password at all', new_password: newPassword },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({
      type: 'urn:loket:problem:invalid-password',
      title: 'Password cannot be used',
      errors: [{ pointer: '/current_password', detail: 'The current password is wrong.' }],
    });
    const weak = await d.call('PUT', '/v1/officer/session/password', {
      csrf,
      body: { current_password: password, new_password: 'siti siti siti siti' },
    });
    expect(weak.status).toBe(422);
    expect(weak.body).toMatchObject({
      errors: [{ pointer: '/new_password', detail: 'Kata sandi baru tidak boleh memuat nama pengguna.' }],
    });
    const noCsrf = await d.call('PUT', '/v1/officer/session/password', {
      body: { current_password: password, new_password: newPassword },
    });
    expect(noCsrf.status).toBe(403);

    const changed = await d.call('PUT', '/v1/officer/session/password', {
      csrf,
      body: { current_password: password, new_password: newPassword },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('set-cookie')).toMatch(/^loket_officer=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly/);
    expect(d.cookie).not.toBe(oldCookie);
    const next = changed.body as { csrf: string; officer: { username: string } };
    expect(next.officer.username).toBe('siti');
    expect(next.csrf).not.toBe(csrf);
    // This browser goes on with its new session; the other one and the old cookie are ended.
    expect((await d.call('GET', '/v1/officer/applications')).status).toBe(200);
    expect((await elsewhere.d.call('GET', '/v1/officer/applications')).status).toBe(401);
    const replay = desk(url, '203.0.113.43');
    replay.cookie = oldCookie;
    expect((await replay.call('GET', '/v1/officer/session')).status).toBe(401);
    // The old password no longer signs in; the new one does.
    expect((await desk(url, '203.0.113.44').signIn('siti')).status).toBe(401);
    expect((await desk(url, '203.0.113.44').signIn('siti', newPassword)).status).toBe(200);

    expect(await events('siti', 'password')).toEqual([
      ['password-set', 'officer:siti', { sessionsEnded: 2 }],
      ['password-change-failed', 'officer:siti', { reason: 'wrong-current-password' }],
    ]);
    const logged = JSON.stringify(await readAudit(server.db, { username: 'siti', limit: 100 }));
    expect(logged).not.toContain(newPassword);
    expect(logged).not.toContain(password);
  });

  it('counts a wrong current password towards the sign-in lockout (a stolen session guesses no faster)', async () => {
    const { d, csrf } = await signedIn('tebak', '203.0.113.45');
    const attempt = (current: string) =>
      d.call('PUT', '/v1/officer/session/password', {
        csrf,
        body: { current_password: current, new_password: newPassword },
      });
    for (let i = 0; i < 3; i++) expect((await attempt(`tebakan ke ${i}`)).status).toBe(422);
    const locked = await attempt(password);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await desk(url, '203.0.113.46').signIn('tebak')).status).toBe(429);
  });
});

describe('an admin sets another account’s password', () => {
  it('as the CLI does: its sessions end, the new password signs in, audited with the admin as actor', async () => {
    const rina = await signedIn('rina', '203.0.113.47');
    const { d, csrf } = await signedIn('admin.dukcapil', '203.0.113.48');
    const weak = await d.call('PUT', '/v1/officer/accounts/rina/password?lang=en', {
      csrf,
      body: { password: 'pendek' },
    });
    expect(weak.status).toBe(422);
    expect(weak.body).toMatchObject({
      errors: [{ pointer: '/password', detail: 'The new password must be at least 12 characters.' }],
    });
    expect((await rina.d.call('GET', '/v1/officer/applications')).status).toBe(200);
    const set = await d.call('PUT', '/v1/officer/accounts/rina/password', {
      csrf,
      body: { password: newPassword },
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ username: 'rina', password: true });
    expect((await rina.d.call('GET', '/v1/officer/applications')).status).toBe(401);
    expect((await desk(url, '203.0.113.49').signIn('rina')).status).toBe(401);
    expect((await desk(url, '203.0.113.49').signIn('rina', newPassword)).status).toBe(200);
    expect(await events('rina', 'password')).toEqual([
      ['password-set', 'officer:admin.dukcapil', { sessionsEnded: 1 }],
    ]);
  });

  it('not its own (the current password is asked there), nor outside its agency, nor as a plain officer or a token', async () => {
    const { d, csrf } = await signedIn('admin.dukcapil', '203.0.113.50');
    const own = await d.call('PUT', '/v1/officer/accounts/admin.dukcapil/password', {
      csrf,
      body: { password: newPassword },
    });
    expect(own.status).toBe(422);
    expect((own.body as { detail: string }).detail).toMatch(/Kata sandi saya/);
    const other = await d.call('PUT', '/v1/officer/accounts/samsat.rina/password', {
      csrf,
      body: { password: newPassword },
    });
    expect(other.status).toBe(404);
    const officer = await signedIn('rina', '203.0.113.51', newPassword);
    const refused = await officer.d.call('PUT', '/v1/officer/accounts/siti/password', {
      csrf: officer.csrf,
      body: { password: newPassword },
    });
    expect(refused.status).toBe(403);
    const { token } = await createOfficerToken(server.db, {
      name: 'SIAK',
      agency: 'dukcapil',
      region: '33.74',
    });
    const byToken = await fetch(`${url()}/v1/officer/accounts/siti/password`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ password: newPassword }),
    });
    expect(byToken.status).toBe(401);
    expect(await events('samsat.rina', 'password')).toEqual([]);
  });
});
