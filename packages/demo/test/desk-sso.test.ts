import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addAccount } from '../../server/src/officers/accounts.js';
import { startTestServer, type TestServer } from '../../server/test/helpers/app.js';
import { idpClient, startIdp, type TestIdp } from '../../server/test/helpers/oidc.js';
import { axeViolations } from './desk-support.js';
import { launchChromium, watch } from './support.js';

// Issue 18, item 1: the desk's sign-in offers single sign-on when LOKET_OIDC_ISSUER is set. In
// Chromium against a real OpenID Connect provider (oidc-provider), its login and consent pages
// included: an officer linked by username signs in; someone without an account is told so.
let api: TestServer;
let idp: TestIdp;
let browser: Browser;

beforeAll(async () => {
  idp = await startIdp({
    'idp-siti': { preferred_username: 'siti.sso' },
    'idp-stranger': { preferred_username: 'nobody-here' },
  });
  [api, browser] = await Promise.all([
    startTestServer({
      oidc: {
        issuer: idp.issuer,
        ...idpClient,
        usernameClaim: 'preferred_username',
        scope: 'openid profile',
      },
    }),
    launchChromium(),
  ]);
  idp.serve(`${api.url}/v1/officer/session/oidc/callback`);
  await addAccount(api.db, {
    username: 'siti.sso',
    name: 'Siti Rahayu',
    agency: 'dukcapil',
    region: '33.74',
    roles: ['officer'],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
  await idp?.close();
});

/** Through the provider's own pages: its login form (any password), then its consent. */
async function throughProvider(page: Page, sub: string) {
  await page.locator('input[name="login"]').fill(sub);
  await page.locator('input[name="password"]').fill('x');
  await page.locator('button[type="submit"]').click();
  await page.locator('button[type="submit"]').click();
}

describe('single sign-on at the desk', () => {
  test('the sign-in offers it; an officer signs in through the provider and lands on the queue', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const watcher = await watch(page);
    await page.goto(new URL('/petugas/', api.url).href);
    const desk = page.locator('loket-desk');
    const sso = desk.getByRole('link', { name: 'Masuk dengan SSO' });
    await sso.waitFor();
    expect(await sso.getAttribute('href')).toBe(`${api.url}/v1/officer/session/oidc`);
    expect(await axeViolations(page)).toEqual([]);
    await sso.click();
    await throughProvider(page, 'idp-siti');
    await page.waitForURL(`${api.url}/petugas/`);
    await desk.getByText('Siti Rahayu').waitFor();
    await desk.getByRole('button', { name: 'Keluar' }).waitFor();
    await page.locator('loket-desk-queue').waitFor();
    expect(watcher.violations).toEqual([]);
    await page.close();
  });

  test('someone the provider knows but Loket does not is back at the sign-in, told why', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(new URL('/petugas/', api.url).href);
    await page.locator('loket-desk').getByRole('link', { name: 'Masuk dengan SSO' }).click();
    await throughProvider(page, 'idp-stranger');
    await page.waitForURL(`${api.url}/petugas/?sso=failed`);
    await page
      .locator('loket-desk')
      .getByRole('alert')
      .getByText(/Masuk dengan SSO gagal/)
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
