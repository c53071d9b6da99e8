import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addAccount } from '../../server/src/officers/accounts.js';
import { startTestServer, type TestServer } from '../../server/test/helpers/app.js';
import { submittedApplication } from '../../server/test/helpers/desk.js';
import { axeViolations, fitsWidth, password, signIn } from './desk-support.js';
import { launchChromium, watch } from './support.js';

// Issue 18, item 4: what supervisors and admins see at the desk. A supervisor of Dukcapil Kota
// Semarang reads the workload (per officer, per service, the overdue list) at 1280 × 720 and, in
// English, on a tablet; a plain officer is not offered it. Friday 20 March 2026, 09:00 WIB.
let api: TestServer;
let browser: Browser;
const now = new Date('2026-03-20T02:00:00Z');
const accounts: Record<string, { username: string; secret: string }> = {};
const opened: BrowserContext[] = [];

async function person(username: string, roles: string[]) {
  const { totpSecret } = await addAccount(api.db, {
    username,
    name: `Petugas ${username}`,
    agency: 'dukcapil',
    region: '33.74',
    roles,
    password,
    totp: true,
  });
  accounts[username] = { username, secret: totpSecret as string };
}

async function deskPage(viewport: { width: number; height: number }, hash: string, tablet = false) {
  const context = await browser.newContext({
    viewport,
    isMobile: tablet,
    hasTouch: tablet,
    timezoneId: 'Asia/Jakarta',
  });
  opened.push(context);
  await context.clock.setFixedTime(now);
  const page = await context.newPage();
  const watcher = await watch(page);
  await page.goto(new URL(`/petugas/${hash}`, api.url).href);
  return { page, watcher };
}

beforeAll(async () => {
  [api, browser] = await Promise.all([startTestServer({ now: () => now }), launchChromium()]);
  await person('kepala.seksi', ['supervisor']);
  await person('petugas.loket', ['officer']);
  await submittedApplication(api.db);
  const reviewing = await submittedApplication(api.db);
  await api.db.query(`update application set status = 'in_review' where id = $1`, [reviewing.id]);
  await api.db.query(
    `insert into application_event (application_id, from_status, to_status, at, actor)
     values ($1, 'submitted', 'in_review', $2, 'officer:Siti Rahayu')`,
    [reviewing.id, now.toISOString()],
  );
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

describe('the workload', () => {
  test('a supervisor sees it per officer and per service with the overdue list, at 1280 × 720; axe finds nothing', async () => {
    const { page, watcher } = await deskPage({ width: 1280, height: 720 }, '#/');
    await signIn(page, accounts['kepala.seksi'] as { username: string; secret: string }, now);
    const desk = page.locator('loket-desk');
    await desk.getByRole('link', { name: 'Beban kerja' }).click();
    const workload = page.locator('loket-desk-workload');
    await workload.getByRole('heading', { name: 'Beban kerja', level: 1 }).waitFor();
    await workload.getByText('2 permohonan terlambat').waitFor();
    const officers = workload.getByRole('table', { name: 'Per petugas' });
    await expect.poll(() => officers.getByRole('row').count()).toBe(3);
    // Awaiting review, in review, awaiting revision, overdue, decided in 7 days.
    const cells = (row: ReturnType<typeof officers.getByRole>) => row.getByRole('cell').allTextContents();
    expect(await cells(officers.getByRole('row', { name: /Belum ditangani/ }))).toEqual([
      '1',
      '0',
      '0',
      '1',
      '0',
    ]);
    expect(await cells(officers.getByRole('row', { name: /Siti Rahayu/ }))).toEqual([
      '0',
      '1',
      '0',
      '1',
      '0',
    ]);
    // Open, awaiting a decision, due this week, overdue.
    const services = workload.getByRole('table', { name: 'Per layanan' });
    expect(await cells(services.getByRole('row', { name: /KTP/ }))).toEqual(['2', '2', '2', '2']);
    const overdue = workload.getByRole('table', { name: 'Permohonan terlambat' });
    await expect.poll(() => overdue.getByRole('row').count()).toBe(3);
    await overdue
      .getByText(/terlambat 4 hari/)
      .first()
      .waitFor();
    expect(await fitsWidth(page, desk)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    // An overdue application opens at its page.
    await overdue.getByRole('link').first().click();
    await page.locator('loket-desk-application').waitFor();
    expect(page.url()).toMatch(/#\/permohonan\/LKT-/);
    expect(watcher.violations).toEqual([]);
  });

  test('in English on a tablet', async () => {
    const { page } = await deskPage({ width: 820, height: 1180 }, '#/beban-kerja', true);
    await page.evaluate(() => {
      document.documentElement.lang = 'en';
    });
    const desk = page.locator('loket-desk');
    await desk.getByRole('textbox', { name: 'Username' }).waitFor();
    await desk.getByRole('textbox', { name: 'Username' }).fill('kepala.seksi');
    await desk.getByLabel('Password').fill(password);
    await desk.getByRole('button', { name: 'Sign in', exact: true }).click();
    const { totpCode } = await import('../../server/src/officers/totp.js');
    const secret = accounts['kepala.seksi']?.secret as string;
    await desk
      .getByRole('textbox', { name: /Verification code/ })
      .fill(totpCode(secret, new Date(now.getTime() + 30_000)));
    await desk.getByRole('button', { name: 'Sign in', exact: true }).click();
    const workload = page.locator('loket-desk-workload');
    await workload.getByRole('heading', { name: 'Workload', level: 1 }).waitFor();
    await workload.getByText('2 overdue applications').waitFor();
    await workload.getByRole('table', { name: 'Per service' }).waitFor();
    expect(await fitsWidth(page, desk)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('a plain officer is not offered it', async () => {
    const { page } = await deskPage({ width: 1280, height: 720 }, '#/');
    await signIn(page, accounts['petugas.loket'] as { username: string; secret: string }, now);
    const nav = page.locator('loket-desk').getByRole('navigation');
    await nav.getByRole('link', { name: 'Pengaduan' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Beban kerja' }).count()).toBe(0);
  });
});
