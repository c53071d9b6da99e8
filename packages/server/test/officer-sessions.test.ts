import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficerToken } from '../src/applications/officer-tokens.js';
import { disableAccount } from '../src/officers/accounts.js';
import { readAudit } from '../src/officers/audit.js';
import { totpCode } from '../src/officers/totp.js';
import { startTestServer, type TestServer } from './helpers/app.js';
import { account, desk, password, submittedApplication } from './helpers/desk.js';

// The desk's sessions (docs/officers.md): password sign-in, the session cookie, CSRF, timeouts,
// sign-out, and the officer API reached with the cookie under the bearer token's scope rules.
let clock = new Date('2026-03-09T02:00:00Z');
const minutes = (n: number) => {
  clock = new Date(clock.getTime() + n * 60_000);
};
let server: TestServer;
const url = () => server.url;
const mine: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer({
    now: () => clock,
    trustProxy: 1,
    limits: { signInLockout: { max: 3, windowMs: 15 * 60_000 }, signIns: { max: 6, windowMs: 60_000 } },
  });
  await account(server.db, { username: 'siti' });
  await account(server.db, { username: 'budi', region: '33' });
  mine.semarang = (await submittedApplication(server.db)).code;
  mine.cilacap = (await submittedApplication(server.db, 'dukcapil', '33.01')).code;
  mine.surabaya = (await submittedApplication(server.db, 'dukcapil', '35.78')).code;
  mine.samsat = (await submittedApplication(server.db, 'samsat', '33.74')).code;
});
afterAll(() => server?.close());

const codesOf = (body: unknown) =>
  (body as { data: { code: string }[] }).data.map((a) => a.code.replace(/-/g, '').slice(3));

describe('signing in with a password', () => {
  it('sets an HttpOnly, SameSite=Strict cookie and answers who is signed in with a CSRF token', async () => {
    const d = desk(url, '203.0.113.1');
    const res = await d.signIn('Siti');
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^loket_officer=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = res.body as { officer: Record<string, unknown>; csrf: string; expiresAt: string };
    expect(body.officer).toMatchObject({
      username: 'siti',
      agency: 'dukcapil',
      regions: ['33.74'],
      roles: ['officer'],
    });
    expect(body.expiresAt).toBe(new Date(clock.getTime() + 30 * 60_000).toISOString());
    const again = await d.call('GET', '/v1/officer/session');
    expect(again.status).toBe(200);
    expect((again.body as { csrf: string }).csrf).toBe(body.csrf);
    // Only the hash of the session id is stored.
    const id = /loket_officer=([^;]+)/.exec(cookie)?.[1] as string;
    const rows = await server.db.query<{ id_hash: string }>('select id_hash from officer_session');
    expect(rows.some((r) => r.id_hash.includes(id))).toBe(false);
  });

  it('marks the cookie Secure when the request came over HTTPS', async () => {
    const d = desk(url, '203.0.113.2');
    const res = await d.call('POST', '/v1/officer/session', {
      body: { username: 'siti', password },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/; Secure$/);
  });

  it('answers a wrong password, an unknown username and a disabled account alike', async () => {
    await account(server.db, { username: 'gone' });
    await disableAccount(server.db, 'gone');
    const d = desk(url, '203.0.113.3');
    const answers = [
      await d.signIn('siti', 'not the password at all'),
      await d.signIn('nobody-here'),
      await d.signIn('gone'),
    ];
    for (const res of answers) {
      expect(res.status).toBe(401);
      expect(res.headers.get('set-cookie')).toBeNull();
      const { instance: _id, ...rest } = res.body as Record<string, unknown>;
      expect(rest).toEqual({
        type: 'urn:loket:problem:unauthorized',
        title: 'Perlu masuk',
        status: 401,
        detail: 'Nama pengguna atau kata sandi salah.',
      });
    }
  });

  it('refuses a username with a NUL as a bad request, not a server error (the fuzzer found a 500)', async () => {
    const res = await desk(url, '203.0.113.9').signIn('a\u0000b');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('takes as long for an unknown username as for a wrong password (a dummy hash is checked)', async () => {
    for (const n of [1, 2, 3]) await account(server.db, { username: `timing-${n}` });
    const wrong: number[] = [];
    const unknown: number[] = [];
    const timed = async (list: number[], username: string, address: string) => {
      const start = performance.now();
      expect((await desk(url, address).signIn(username, 'wrong password here')).status).toBe(401);
      list.push(performance.now() - start);
    };
    for (let i = 0; i < 6; i++) {
      await timed(wrong, `timing-${(i % 3) + 1}`, `198.18.0.${i}`);
      await timed(unknown, `not-an-officer-${i}`, `198.18.1.${i}`);
    }
    const median = (list: number[]) => [...list].sort((a, b) => a - b)[3] as number;
    // Without the dummy hash an unknown username answers in a few ms, a wrong password after scrypt.
    expect(median(unknown) / median(wrong)).toBeGreaterThan(0.5);
    expect(median(unknown) / median(wrong)).toBeLessThan(2);
  });

  it('refuses a sign-in sent from a page on another origin', async () => {
    const res = await desk(url, '203.0.113.4').call('POST', '/v1/officer/session', {
      body: { username: 'siti', password },
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect((res.body as { type: string }).type).toBe('urn:loket:problem:origin-not-allowed');
  });

  it('locks a username out after repeated failures, even for the right password, and says when to retry', async () => {
    await account(server.db, { username: 'lina' });
    const d = desk(url, '203.0.113.5');
    for (let i = 0; i < 3; i++) expect((await d.signIn('lina', 'wrong password here')).status).toBe(401);
    const locked = await d.signIn('lina');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    // An unknown username locks the same way: the lockout says nothing about which exist.
    for (let i = 0; i < 3; i++) await d.signIn('no-such-officer', 'wrong password here');
    expect((await d.signIn('no-such-officer')).status).toBe(429);
  });

  it('limits sign-ins per client address', async () => {
    const d = desk(url, '203.0.113.6');
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await d.signIn(`someone-${i}`, 'wrong password here')).status);
    expect(statuses.slice(0, 6)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(statuses[6]).toBe(429);
  });
});

describe('a TOTP second factor', () => {
  let secret: string;
  beforeAll(async () => {
    const made = await account(server.db, { username: 'admin.jateng', roles: ['admin'] });
    secret = made.totpSecret as string;
  });

  it('is enrolled for every admin and asked for after the right password', async () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const d = desk(url, '203.0.113.7');
    const res = await d.signIn('admin.jateng');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({
      type: 'urn:loket:problem:totp-required',
      errors: [{ pointer: '/totp' }],
    });
    expect(res.headers.get('set-cookie')).toBeNull();
    // A wrong password never reaches the second factor.
    await account(server.db, { username: 'admin.jatim', roles: ['admin'], region: '35' });
    expect((await d.signIn('admin.jatim', 'wrong password here')).body).toMatchObject({
      type: 'urn:loket:problem:unauthorized',
    });
  });

  it('opens a session with the right code, once: the same code is refused after', async () => {
    const d = desk(url, '203.0.113.8');
    const wrong = await d.signIn(
      'admin.jateng',
      password,
      '000000' === totpCode(secret, clock) ? '111111' : '000000',
    );
    expect(wrong.status).toBe(401);
    expect((wrong.body as { type: string }).type).toBe('urn:loket:problem:totp-required');
    const code = totpCode(secret, clock);
    const ok = await d.signIn('admin.jateng', password, code);
    expect(ok.status).toBe(200);
    expect((ok.body as { officer: { roles: string[] } }).officer.roles).toEqual(['admin']);
    const replay = await desk(url, '203.0.113.9').signIn('admin.jateng', password, code);
    expect(replay.status).toBe(401);
    minutes(1);
    expect(
      (await desk(url, '203.0.113.9').signIn('admin.jateng', password, totpCode(secret, clock))).status,
    ).toBe(200);
  });
});

describe('the officer API with the session cookie', () => {
  it('applies the account scope exactly as a token of the same agency and region gets it', async () => {
    const d = desk(url, '203.0.113.20');
    await d.signIn('budi'); // Dukcapil, province 33: Kota Semarang and Cilacap, not Surabaya
    const bySession = await d.call('GET', '/v1/officer/applications');
    expect(bySession.status).toBe(200);
    expect(codesOf(bySession.body).sort()).toEqual([mine.cilacap, mine.semarang].sort());
    const { token } = await createOfficerToken(server.db, {
      name: 'budi token',
      agency: 'dukcapil',
      region: '33',
    });
    const byToken = await fetch(`${url()}/v1/officer/applications`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(codesOf(await byToken.json()).sort()).toEqual(codesOf(bySession.body).sort());
    const other = await d.call('GET', `/v1/officer/applications/${mine.samsat}`);
    expect(other.status).toBe(403);
  });

  it('needs x-loket-csrf on state-changing requests and accepts them with it', async () => {
    const d = desk(url, '203.0.113.21');
    const signedIn = await d.signIn('siti');
    const { csrf } = signedIn.body as { csrf: string };
    const path = `/v1/officer/applications/${mine.semarang}/transitions`;
    const body = { to: 'in_review', note: 'diperiksa' };
    const missing = await d.call('POST', path, { body });
    expect(missing.status).toBe(403);
    expect((missing.body as { type: string }).type).toBe('urn:loket:problem:csrf-failed');
    const wrong = await d.call('POST', path, { body, csrf: `${csrf.slice(0, -1)}x` });
    expect(wrong.status).toBe(403);
    const moved = await d.call('POST', path, { body, csrf, headers: { origin: url() } });
    expect(moved.status).toBe(200);
    expect((moved.body as { status: string }).status).toBe('in_review');
    const history = await server.db.query<{ actor: string }>(
      `select actor from application_event e join application a on a.id = e.application_id
       where a.code = $1 order by e.id desc limit 1`,
      [mine.semarang],
    );
    expect(history[0]?.actor).toBe('officer:Petugas siti');
  });

  it('refuses the cookie from a page on another origin (the officer API stays same-origin)', async () => {
    const d = desk(url, '203.0.113.22');
    await d.signIn('siti');
    const res = await d.call('GET', '/v1/officer/applications', {
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect((res.body as { type: string }).type).toBe('urn:loket:problem:origin-not-allowed');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const site = await d.call('GET', '/v1/officer/applications', {
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(site.status).toBe(403);
  });

  it('still answers a request with neither a token nor a cookie as before', async () => {
    const res = await desk(url, '203.0.113.23').call('GET', '/v1/officer/applications');
    expect(res.status).toBe(401);
    expect((res.body as { detail: string }).detail).toMatch(/Bearer/);
  });
});

describe('the end of a session', () => {
  it('ends after the idle timeout with session-expired, and the cookie is cleared', async () => {
    const d = desk(url, '203.0.113.30');
    await d.signIn('siti');
    minutes(29);
    expect((await d.call('GET', '/v1/officer/applications')).status).toBe(200);
    minutes(29); // active 29 minutes ago: still on
    expect((await d.call('GET', '/v1/officer/session')).status).toBe(200);
    minutes(31);
    const res = await d.call('GET', '/v1/officer/applications');
    expect(res.status).toBe(401);
    expect((res.body as { type: string }).type).toBe('urn:loket:problem:session-expired');
    expect(res.headers.get('set-cookie')).toMatch(/^loket_officer=; .*Max-Age=0/);
  });

  it('ends after the absolute timeout however active the officer is', async () => {
    const d = desk(url, '203.0.113.31');
    await d.signIn('siti');
    for (let i = 0; i < 12 * 3 - 1; i++) {
      minutes(20);
      expect((await d.call('GET', '/v1/officer/session')).status).toBe(200);
    }
    minutes(20); // 12 hours after signing in
    expect((await d.call('GET', '/v1/officer/session')).body).toMatchObject({
      type: 'urn:loket:problem:session-expired',
    });
  });

  it('signs out at once: the same cookie is refused after', async () => {
    const d = desk(url, '203.0.113.32');
    const { csrf } = (await d.signIn('siti')).body as { csrf: string };
    const cookie = d.cookie;
    expect((await d.call('DELETE', '/v1/officer/session')).status).toBe(403); // no CSRF token
    const out = await d.call('DELETE', '/v1/officer/session', { csrf });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    d.cookie = cookie;
    expect((await d.call('GET', '/v1/officer/applications')).status).toBe(401);
  });

  it('ends every session of an account disabled, at once', async () => {
    await account(server.db, { username: 'rina' });
    const d = desk(url, '203.0.113.33');
    await d.signIn('rina');
    expect((await d.call('GET', '/v1/officer/applications')).status).toBe(200);
    await disableAccount(server.db, 'rina');
    expect((await d.call('GET', '/v1/officer/applications')).body).toMatchObject({
      type: 'urn:loket:problem:session-expired',
    });
  });
});

describe('the audit log', () => {
  it('holds the sign-ins, failures, lockouts, sign-outs and requests, never a password or code', async () => {
    const rows = await readAudit(server.db, { limit: 1000 });
    const events = new Set(rows.map((r) => r.event));
    for (const e of [
      'session-expired',
      'sign-in',
      'sign-in-failed',
      'locked-out',
      'sign-out',
      'request',
      'account-added',
      'account-disabled',
    ]) {
      expect(events, e).toContain(e);
    }
    const transition = rows.find((r) => r.event === 'request' && r.method === 'POST' && r.status === 200);
    expect(transition).toMatchObject({ actor: 'officer:siti', username: 'siti', ip: '203.0.113.21' });
    expect(transition?.path).toMatch(/\/transitions$/);
    const byToken = rows.find((r) => r.event === 'request' && r.actor === 'token:budi token');
    expect(byToken?.token_id).toMatch(/^[0-9a-f-]{36}$/);
    const failed = rows.filter((r) => r.event === 'sign-in-failed').map((r) => r.detail.reason);
    expect(failed).toEqual(
      expect.arrayContaining([
        'wrong-password',
        'unknown-username',
        'disabled',
        'wrong-totp',
        'totp-replayed',
      ]),
    );
    const all = JSON.stringify(rows);
    expect(all).not.toContain(password);
    expect(all).not.toContain('wrong password here');
    await expect(server.db.query("update officer_audit set actor = 'x'")).rejects.toThrow(/append-only/);
  });
});
