import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../../server/test/helpers/app.js';
import { axeViolations, fitsWidth, officerAccount, signIn } from './desk-support.js';
import { launchChromium, watch } from './support.js';

// Issue 18, item 3: the counter officer's day at MPP Siola on one screen (the seeded demo set-up:
// Dukcapil at Loket 1 and 2), on a tablet: a citizen's booking is checked in by its code, called
// to Loket 1, then done; the next is a no-show. Monday 11 January 2027, 08:00 WIB.
let api: TestServer;
let browser: Browser;
let page: Page;
let watcher: Awaited<ReturnType<typeof watch>>;
const now = new Date('2027-01-11T01:00:00Z');
const codes: string[] = [];

async function book(time: string, phone: string) {
  const response = await fetch(new URL('/v1/bookings', api.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      service: 'ktp-el-hilang',
      location: 'mpp-surabaya-siola',
      date: '2027-01-11',
      time,
      name: `Warga ${phone.slice(-2)}`,
      phone,
    }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { code: string }).code;
}

beforeAll(async () => {
  [api, browser] = await Promise.all([startTestServer({ now: () => now }), launchChromium()]);
  codes.push(await book('09:30', '0812 3456 7801'), await book('10:00', '0812 3456 7802'));
  const account = await officerAccount(api.db, 'loket1', 'dukcapil', '35.78');
  const context = await browser.newContext({
    viewport: { width: 820, height: 1180 },
    isMobile: true,
    hasTouch: true,
    timezoneId: 'Asia/Jakarta',
  });
  await context.clock.setFixedTime(now);
  page = await context.newPage();
  watcher = await watch(page);
  await page.goto(new URL('/petugas/#/kunjungan', api.url).href);
  await signIn(page, account, now);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const visits = () => page.locator('loket-desk-visits');

describe('today’s visits on a tablet', () => {
  test('the hall shows the counters and the day’s bookings; axe finds nothing', async () => {
    await visits().getByRole('heading', { name: 'Kunjungan hari ini' }).waitFor();
    await visits().getByRole('heading', { name: 'Loket 1' }).waitFor();
    await visits().getByText('Warga 01').first().waitFor();
    expect(await fitsWidth(page, page.locator('loket-desk'))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('check in by code, call next, done; then a no-show', async () => {
    for (const code of codes) {
      await visits().getByRole('textbox', { name: 'Kode booking atau isi kode QR' }).fill(code);
      await visits().getByRole('button', { name: 'Check-in' }).click();
      await expect.poll(() => visits().getByText('Menunggu', { exact: true }).count()).toBeGreaterThan(0);
    }
    await visits().getByText('2 orang menunggu').waitFor();
    await visits().getByRole('button', { name: 'Panggil berikutnya — Loket 1' }).click();
    await visits().getByText('Sedang dilayani').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await visits()
      .getByRole('button', { name: /^Selesai/ })
      .click();
    await visits().getByText('Selesai', { exact: true }).first().waitFor();
    await visits().getByRole('button', { name: 'Panggil berikutnya — Loket 1' }).click();
    await visits()
      .getByRole('button', { name: /^Tidak datang/ })
      .click();
    await visits().getByText('Tidak datang', { exact: true }).first().waitFor();
    await visits().getByText('0 orang menunggu').waitFor();
    expect(watcher.violations).toEqual([]);
  });
});
