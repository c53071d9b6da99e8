import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addAccount } from '../../server/src/officers/accounts.js';
import { totpCode } from '../../server/src/officers/totp.js';
import { startTestServer, type TestServer } from '../../server/test/helpers/app.js';
import { axeViolations, fitsWidth, password } from './desk-support.js';
import { launchChromium, watch } from './support.js';

// Issue 18: passwords at the desk. An officer changes its own ("Kata sandi saya") at 1280 × 720,
// its other session ends and this one goes on; an admin sets another account's password in English
// on a tablet, whose open session ends. The server's clock moves 30 s per sign-in (a TOTP code
// is good once).
let api: TestServer;
let browser: Browser;
let clock = new Date('2026-03-23T02:00:00Z');
const secrets: Record<string, string> = {};
const opened: BrowserContext[] = [];
const fresh = 'kata sandi baru yang cukup panjang';

async function person(username: string, roles: string[]) {
  const made = await addAccount(api.db, {
    username,
    name: `Petugas ${username}`,
    agency: 'dukcapil',
    region: '33.74',
    roles,
    password,
    totp: true,
  });
  secrets[username] = made.totpSecret as string;
}

const words = {
  id: {
    username: 'Nama pengguna',
    password: 'Kata sandi',
    submit: 'Masuk',
    code: /Kode verifikasi/,
    out: 'Keluar',
  },
  en: {
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    code: /Verification code/,
    out: 'Sign out',
  },
};

async function signedIn(username: string, viewport: { width: number; height: number }, lang: 'id' | 'en') {
  const tablet = viewport.width < 1000;
  const context = await browser.newContext({
    viewport,
    isMobile: tablet,
    hasTouch: tablet,
    timezoneId: 'Asia/Jakarta',
  });
  opened.push(context);
  const page = await context.newPage();
  const watcher = await watch(page);
  await page.goto(new URL('/petugas/#/', api.url).href);
  if (lang === 'en') await page.evaluate(() => document.documentElement.setAttribute('lang', 'en'));
  const w = words[lang];
  const desk = page.locator('loket-desk');
  await desk.getByRole('textbox', { name: w.username }).fill(username);
  await desk.getByLabel(w.password, { exact: true }).fill(password);
  await desk.getByRole('button', { name: w.submit, exact: true }).click();
  clock = new Date(clock.getTime() + 30_000);
  await desk.getByRole('textbox', { name: w.code }).fill(totpCode(secrets[username] as string, clock));
  await desk.getByRole('button', { name: w.submit, exact: true }).click();
  await desk.getByRole('button', { name: w.out }).waitFor();
  return { page, desk, watcher };
}

/** Whether this page's session has ended: the next screen it opens shows the sign-in form again. */
async function sessionEnded(page: Page, heading: string) {
  await page.reload();
  await page.locator('loket-desk').getByRole('heading', { name: heading }).waitFor();
  return true;
}

beforeAll(async () => {
  [api, browser] = await Promise.all([startTestServer({ now: () => clock }), launchChromium()]);
  await person('siti.loket', ['officer']);
  await person('rina.loket', ['officer']);
  await person('admin.dukcapil', ['admin']);
}, 180_000);

afterAll(async () => {
  await Promise.all(opened.map((c) => c.close()));
  await browser?.close();
  await api?.close();
});

describe('an officer’s own password', () => {
  test('changed with the current one at 1280 × 720: errors summarized and linked, other sessions end; axe finds nothing', {
    timeout: 90_000,
  }, async () => {
    const other = await signedIn('siti.loket', { width: 1280, height: 720 }, 'id');
    const { page, desk, watcher } = await signedIn('siti.loket', { width: 1280, height: 720 }, 'id');
    await desk.getByRole('link', { name: 'Kata sandi saya' }).click();
    const screen = page.locator('loket-desk-password');
    await screen.getByRole('heading', { name: 'Kata sandi saya', level: 1 }).waitFor();
    expect(page.url()).toMatch(/#\/kata-sandi$/);
    expect(await axeViolations(page)).toEqual([]);

    const change = screen.getByRole('button', { name: 'Ubah kata sandi' });
    await change.click();
    const summary = screen.getByRole('alert');
    await summary.getByRole('link', { name: 'Masukkan kata sandi saat ini.' }).waitFor();
    await expect.poll(() => summary.evaluate((e) => e.matches(':focus'))).toBe(true);
    await screen.getByLabel('Kata sandi saat ini').fill('bukan kata sandinya sama sekali');
    await screen.getByLabel('Kata sandi baru', { exact: true }).fill(fresh);
    await screen.getByLabel('Ulangi kata sandi baru').fill(`${fresh}!`);
    await change.click();
    await summary.getByText('Kedua kata sandi baru tidak sama.').waitFor();
    await screen.getByLabel('Ulangi kata sandi baru').fill(fresh);
    await change.click();
    // The server's word: the current password is wrong (linked to its field, described on it).
    await summary.getByRole('link', { name: 'Kata sandi saat ini salah.' }).click();
    const current = screen.getByLabel('Kata sandi saat ini');
    await expect.poll(() => current.evaluate((e) => e.matches(':focus'))).toBe(true);
    expect(await current.getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);

    await current.fill(password);
    await screen.getByLabel('Kata sandi baru', { exact: true }).fill(fresh);
    await screen.getByLabel('Ulangi kata sandi baru').fill(fresh);
    await change.click();
    await screen.getByText('Kata sandi Anda telah diubah. Sesi di perangkat lain telah diakhiri.').waitFor();
    expect(await fitsWidth(page, desk)).toBe(true);
    // This desk goes on with its new session (and its new CSRF token); the other one has ended.
    await desk.getByRole('link', { name: 'Permohonan' }).click();
    await page.locator('loket-desk-queue').getByRole('heading', { name: 'Antrean permohonan' }).waitFor();
    await desk.getByRole('button', { name: 'Keluar' }).click();
    await desk.getByRole('heading', { name: 'Masuk sebagai petugas' }).waitFor();
    expect(await sessionEnded(other.page, 'Masuk sebagai petugas')).toBe(true);
    expect(watcher.violations).toEqual([]);

    const events = await api.db.query<{ event: string; actor: string }>(
      `select event, actor from officer_audit where username = 'siti.loket' and event like 'password%' order by id`,
    );
    expect(events).toEqual([
      { event: 'password-change-failed', actor: 'officer:siti.loket' },
      { event: 'password-set', actor: 'officer:siti.loket' },
    ]);
  });
});

describe('an admin sets another account’s password', () => {
  test('in English on a tablet: the rules said, that account’s session ends; axe finds nothing', {
    timeout: 90_000,
  }, async () => {
    const rina = await signedIn('rina.loket', { width: 820, height: 1180 }, 'id');
    const { page, desk, watcher } = await signedIn('admin.dukcapil', { width: 820, height: 1180 }, 'en');
    await desk.getByRole('link', { name: 'Admin' }).click();
    const admin = page.locator('loket-desk-admin');
    await admin.getByRole('button', { name: 'Set password rina.loket' }).click();
    expect(await admin.getByRole('button', { name: 'Set password admin.dukcapil' }).count()).toBe(0);
    const field = admin.getByLabel('New password for rina.loket');
    await field.fill('pendek');
    await admin.getByRole('button', { name: 'Save password' }).click();
    await admin.getByRole('alert').getByText('The new password must be at least 12 characters.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await field.fill(fresh);
    await admin.getByRole('button', { name: 'Save password' }).click();
    await expect.poll(() => admin.getByLabel('New password for rina.loket').count()).toBe(0);
    expect(await fitsWidth(page, desk)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(watcher.violations).toEqual([]);
    expect(await sessionEnded(rina.page, 'Masuk sebagai petugas')).toBe(true);
    const [row] = await api.db.query<{ actor: string; detail: { sessionsEnded: number } }>(
      `select actor, detail from officer_audit where username = 'rina.loket' and event = 'password-set'`,
    );
    expect(row).toEqual({ actor: 'officer:admin.dukcapil', detail: { sessionsEnded: 1 } });
  });
});
