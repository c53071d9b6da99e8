import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addAccount } from '../../server/src/officers/accounts.js';
import { startTestServer, type TestServer } from '../../server/test/helpers/app.js';
import { submittedApplication } from '../../server/test/helpers/desk.js';
import { axeViolations, fitsWidth, password, signIn } from './desk-support.js';
import { launchChromium, watch } from './support.js';

// Issue 18, item 4: what supervisors and admins see at the desk. A supervisor of Dukcapil Kota
// Semarang reads the workload (per officer, per service, the overdue list) at 1280 × 720 and, in
// English, on a tablet; a plain officer is not offered it. An admin manages accounts, origins and
// webhooks. Friday 20 March 2026, 09:00 WIB.
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
  await person('admin.dukcapil', ['admin']);
  await person('kepala.dua', ['supervisor']);
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

describe('the admin screen', () => {
  test('an admin adds an account (its TOTP key shown once), changes roles, disables one, allows an origin and adds a webhook; axe finds nothing', {
    timeout: 90_000,
  }, async () => {
    const { page, watcher } = await deskPage({ width: 1280, height: 720 }, '#/');
    await signIn(page, accounts['admin.dukcapil'] as { username: string; secret: string }, now);
    const desk = page.locator('loket-desk');
    expect(await desk.getByRole('link', { name: 'Beban kerja' }).count()).toBe(1);
    await desk.getByRole('link', { name: 'Admin' }).click();
    const admin = page.locator('loket-desk-admin');
    const table = admin.getByRole('table', { name: 'Akun petugas' });
    await table.getByRole('row', { name: /kepala\.seksi/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await admin.getByRole('textbox', { name: 'Nama pengguna' }).fill('rina.loket');
    await admin.getByRole('textbox', { name: 'Nama', exact: true }).fill('Rina Wulandari');
    await admin.getByLabel('Kata sandi awal').fill('kata sandi rina yang panjang');
    await admin.getByRole('button', { name: 'Tambah akun' }).click();
    await admin.getByText('Kunci TOTP untuk rina.loket').waitFor();
    await expect.poll(() => admin.locator('code.secret').first().textContent()).toMatch(/^[A-Z2-7]{32}$/);
    await table.getByRole('row', { name: /rina\.loket/ }).waitFor();

    await admin.getByRole('button', { name: 'Ubah peran rina.loket' }).click();
    await table.getByRole('checkbox', { name: 'Supervisor' }).check();
    await table.getByRole('button', { name: 'Simpan peran' }).click();
    await expect
      .poll(() =>
        table
          .getByRole('row', { name: /rina\.loket/ })
          .getByRole('cell')
          .nth(2)
          .textContent(),
      )
      .toBe('Petugas, Supervisor');

    await admin.getByRole('button', { name: 'Nonaktifkan petugas.loket' }).click();
    await expect
      .poll(() =>
        table
          .getByRole('row', { name: /petugas\.loket/ })
          .getByRole('cell')
          .nth(4)
          .textContent(),
      )
      .toBe('Nonaktif');
    expect(await admin.getByRole('button', { name: 'Nonaktifkan admin.dukcapil' }).count()).toBe(0);

    await admin.getByRole('textbox', { name: 'Situs asal' }).fill('https://layanan.semarangkota.go.id');
    await admin.getByRole('button', { name: 'Izinkan' }).click();
    await admin.getByRole('button', { name: 'Hapus https://layanan.semarangkota.go.id' }).waitFor();
    await admin.getByRole('textbox', { name: 'Situs asal' }).fill('https://*.semarangkota.go.id');
    await admin.getByRole('button', { name: 'Izinkan' }).click();
    await admin
      .getByRole('alert')
      .getByText(/wildcard/)
      .waitFor();

    await admin
      .getByRole('textbox', { name: 'URL (https://…)' })
      .fill('https://sms.semarangkota.go.id/loket');
    await admin.getByRole('textbox', { name: 'Keterangan' }).fill('Gateway SMS');
    await admin.getByRole('button', { name: 'Tambah webhook' }).click();
    await admin.getByText(/Rahasia webhook https:\/\/sms\.semarangkota\.go\.id\/loket/).waitFor();
    await expect.poll(() => admin.locator('code.secret').first().textContent()).toMatch(/^whsec_/);
    await admin.getByRole('button', { name: 'Kirim uji https://sms.semarangkota.go.id/loket' }).waitFor();
    expect(await fitsWidth(page, desk)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(watcher.violations).toEqual([]);

    // What the desk did is what the CLI would list, and the audit log says who did it.
    const [row] = await api.db.query<{ roles: string[]; disabled: boolean }>(
      `select roles, (select disabled_at is not null from officer_account where username = 'petugas.loket') as disabled
       from officer_account where username = 'rina.loket'`,
    );
    expect(row).toEqual({ roles: ['officer', 'supervisor'], disabled: true });
    const events = await api.db.query<{ event: string }>(
      `select event from officer_audit where actor = 'officer:admin.dukcapil' and event not in ('request', 'sign-in') order by id`,
    );
    expect(events.map((e) => e.event)).toEqual([
      'account-added',
      'roles-set',
      'account-disabled',
      'origin-added',
      'webhook-added',
    ]);
  });

  test('a supervisor is not offered it', async () => {
    const { page } = await deskPage({ width: 1280, height: 720 }, '#/');
    await signIn(page, accounts['kepala.dua'] as { username: string; secret: string }, now);
    const nav = page.locator('loket-desk').getByRole('navigation');
    await nav.getByRole('link', { name: 'Beban kerja' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Admin' }).count()).toBe(0);
  });
});
