import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAudit } from '../src/officers/audit.js';
import { startTestServer, type TestServer } from './helpers/app.js';
import { account, desk } from './helpers/desk.js';

// Single sign-on against a real OpenID Connect provider (oidc-provider) on this machine: the
// browser's whole round trip, the provider's own login and consent pages included.
let server: TestServer;
let idp: Server;
let issuer: string;
/** The provider's users: sub → the claims it gives. */
const users: Record<string, Record<string, unknown>> = {
  'idp-siti': { preferred_username: 'siti.sso' },
  'idp-stranger': { preferred_username: 'nobody-here' },
  'idp-admin': { preferred_username: 'admin.sso' },
  'idp-renamed': { preferred_username: 'budi.sso' },
};

beforeAll(async () => {
  idp = createServer();
  await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
  server = await startTestServer({
    trustProxy: 1,
    oidc: {
      issuer,
      clientId: 'loket',
      clientSecret: 'a client secret for the test',
      usernameClaim: 'preferred_username',
      scope: 'openid profile',
    },
  });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'loket',
        client_secret: 'a client secret for the test',
        redirect_uris: [`${server.url}/v1/officer/session/oidc/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], profile: ['preferred_username'] },
    conformIdTokenClaims: false,
    cookies: { keys: ['a cookie key for the test'] },
    findAccount: async (_ctx, sub) =>
      users[sub] ? { accountId: sub, claims: async () => ({ sub, ...users[sub] }) } : undefined,
  });
  idp.on('request', provider.callback());
  await account(server.db, { username: 'siti.sso', password: undefined });
  await account(server.db, { username: 'budi.sso', password: undefined });
  await account(server.db, { username: 'admin.sso', roles: ['admin'] });
});
afterAll(async () => {
  await server?.close();
  await new Promise((resolve) => idp?.close(resolve));
});

/** Cookies per origin, as a browser keeps them (names and values; attributes are checked elsewhere). */
class Jar {
  private byOrigin = new Map<string, Map<string, string>>();
  take(url: string, response: Response) {
    const jar = this.byOrigin.get(new URL(url).origin) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      if (/Max-Age=0|expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, pair.slice(eq + 1));
    }
    this.byOrigin.set(new URL(url).origin, jar);
  }
  header(url: string) {
    return [...(this.byOrigin.get(new URL(url).origin) ?? [])].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * A browser signing in as `sub` at the provider: from the desk's SSO link through the provider's
 * login and consent back to the callback. Returns the callback's answer and the browser's cookies.
 */
async function ssoAs(sub: string, jar = new Jar()) {
  let url = `${server.url}/v1/officer/session/oidc`;
  for (let hop = 0; hop < 12; hop++) {
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header(url) } });
    jar.take(url, response);
    if (url.startsWith(`${server.url}/v1/officer/session/oidc/callback`)) return { response, jar };
    const location = response.headers.get('location');
    if (location) {
      url = new URL(location, url).href;
      continue;
    }
    // The provider's own page: its login form, then its consent form.
    const page = await response.text();
    const login = page.includes('name="login"');
    const form = new URLSearchParams(
      login ? { prompt: 'login', login: sub, password: 'x' } : { prompt: 'consent' },
    );
    const posted = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.header(url), 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    jar.take(url, posted);
    url = new URL(posted.headers.get('location') as string, url).href;
  }
  throw new Error('the sign-in never came back to the callback');
}

describe('single sign-on with OpenID Connect', () => {
  it('says it is offered, and sends the browser to the provider with PKCE, state and nonce', async () => {
    expect((await desk(() => server.url).call('GET', '/v1/officer/session/methods')).body).toEqual({
      password: true,
      sso: true,
    });
    const start = await fetch(`${server.url}/v1/officer/session/oidc`, { redirect: 'manual' });
    expect(start.status).toBe(303);
    const to = new URL(start.headers.get('location') as string);
    expect(to.origin).toBe(issuer);
    expect(Object.fromEntries(to.searchParams)).toMatchObject({
      client_id: 'loket',
      response_type: 'code',
      code_challenge_method: 'S256',
      redirect_uri: `${server.url}/v1/officer/session/oidc/callback`,
    });
    expect(to.searchParams.get('state')).toBeTruthy();
    expect(to.searchParams.get('nonce')).toBeTruthy();
    expect(start.headers.get('set-cookie')).toMatch(
      /^loket_oidc=[A-Za-z0-9_-]+; Path=\/v1\/officer\/session\/oidc; HttpOnly; SameSite=Lax; Max-Age=600$/,
    );
  });

  it('opens the account whose username the provider names, links it, and the session works', async () => {
    const { response, jar } = await ssoAs('idp-siti');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/petugas/');
    expect(
      response.headers
        .getSetCookie()
        .some((c) => /^loket_officer=[^;]+; Path=\/; HttpOnly; SameSite=Strict$/.test(c)),
    ).toBe(true);
    const d = desk(() => server.url, '198.51.100.50');
    d.cookie = jar
      .header(server.url)
      .split('; ')
      .find((c) => c.startsWith('loket_officer='));
    const session = await d.call('GET', '/v1/officer/session');
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({ officer: { username: 'siti.sso', roles: ['officer'] } });
    expect((await d.call('GET', '/v1/officer/applications')).status).toBe(200);
    const [row] = await server.db.query<{ oidc_subject: string }>(
      "select oidc_subject from officer_account where username = 'siti.sso'",
    );
    expect(row?.oidc_subject).toBe('idp-siti');
  });

  it('keeps to the linked subject: a later change of the username claim does not move the account', async () => {
    expect((await ssoAs('idp-renamed')).response.headers.get('location')).toBe('/petugas/');
    users['idp-renamed'] = { preferred_username: 'siti.sso' }; // now claims another officer's name
    const again = await ssoAs('idp-renamed');
    const d = desk(() => server.url, '198.51.100.51');
    d.cookie = again.jar
      .header(server.url)
      .split('; ')
      .find((c) => c.startsWith('loket_officer='));
    expect((await d.call('GET', '/v1/officer/session')).body).toMatchObject({
      officer: { username: 'budi.sso' },
    });
  });

  it('never creates an account, and never lets an admin in without a second factor at the provider', async () => {
    const before = await server.db.query('select id from officer_account');
    const stranger = await ssoAs('idp-stranger');
    expect(stranger.response.headers.get('location')).toBe('/petugas/?sso=failed');
    expect(stranger.response.headers.getSetCookie().some((c) => c.startsWith('loket_officer='))).toBe(false);
    expect((await server.db.query('select id from officer_account')).length).toBe(before.length);
    const admin = await ssoAs('idp-admin');
    expect(admin.response.headers.get('location')).toBe('/petugas/?sso=failed');
    const reasons = (await readAudit(server.db, { limit: 100 }))
      .filter((r) => r.event === 'sign-in-failed')
      .map((r) => r.detail.reason);
    expect(reasons).toEqual(expect.arrayContaining(['oidc-unknown-account', 'oidc-admin-without-mfa']));
    const signIns = (await readAudit(server.db, { limit: 100 })).filter((r) => r.event === 'sign-in');
    expect(signIns.map((r) => r.detail.via)).toContain('oidc');
  });

  it('refuses a callback that is not the end of this browser’s own sign-in', async () => {
    const forged = await fetch(`${server.url}/v1/officer/session/oidc/callback?code=abc&state=xyz`, {
      redirect: 'manual',
    });
    expect(forged.status).toBe(303);
    expect(forged.headers.get('location')).toBe('/petugas/?sso=failed');
    // Another browser's flow cookie with this browser's code: the state does not match.
    const mine = await fetch(`${server.url}/v1/officer/session/oidc`, { redirect: 'manual' });
    const cookie = (mine.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const wrong = await fetch(`${server.url}/v1/officer/session/oidc/callback?code=abc&state=not-the-state`, {
      redirect: 'manual',
      headers: { cookie },
    });
    expect(wrong.headers.get('location')).toBe('/petugas/?sso=failed');
    const invalid = (await readAudit(server.db, { limit: 100 })).filter(
      (r) => r.detail.reason === 'oidc-callback-invalid',
    );
    expect(invalid.length).toBeGreaterThanOrEqual(2);
  });
});

describe('without LOKET_OIDC_ISSUER', () => {
  it('offers no single sign-on', async () => {
    const plain = await startTestServer({ db: server.db });
    try {
      const d = desk(() => plain.url);
      expect((await d.call('GET', '/v1/officer/session/methods')).body).toEqual({
        password: true,
        sso: false,
      });
      expect((await d.call('GET', '/v1/officer/session/oidc')).status).toBe(404);
    } finally {
      await plain.app.close();
    }
  });
});
