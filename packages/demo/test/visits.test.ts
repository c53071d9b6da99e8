import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createOfficerToken } from '../../server/src/applications/officer-tokens.js';
import { addOrigin } from '../../server/src/applications/origins.js';
import { startTestServer, type TestServer } from '../../server/test/helpers/app.js';
import { startDemo } from '../serve.mjs';
import { eventually, launchChromium, watch } from './support.js';

// Issue 16, item 6: a citizen books a time at MPP Siola on /antrean.html (a phone, keyboard and
// touch), gets a ticket; the Dukcapil officer checks the booking in and calls the next number
// (the officer API, as the curl `pnpm start` prints); the hall's screen, /papan-antrean.html,
// shows the number at its counter. The API's clock is Monday 11 January 2027, 08:00 WIB, so the
// day has bookable times whenever the test runs (the demo's hours: 08:00–15:00, cut-off 60 min).
let api: TestServer;
let demo: Awaited<ReturnType<typeof startDemo>>;
let site: string;
let officerToken: string;
let browser: Browser;
const contexts: BrowserContext[] = [];
const watchers: Awaited<ReturnType<typeof watch>>[] = [];
const now = new Date('2027-01-11T01:00:00Z');

beforeAll(async () => {
  [api, browser] = await Promise.all([startTestServer({ now: () => now }), launchChromium()]);
  demo = await startDemo({ host: '127.0.0.1', port: 0, apiUrl: api.url });
  site = demo.url.replace('127.0.0.1', 'localhost');
  await addOrigin(api.db, '35.78', new URL(site).origin);
  officerToken = (
    await createOfficerToken(api.db, { name: 'Petugas uji antrean', agency: 'dukcapil', region: '35.78' })
  ).token;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  await api?.close();
});

async function open(path: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({
    viewport,
    ...(viewport.width < 500 ? { isMobile: true, hasTouch: true } : {}),
  });
  contexts.push(context);
  const page = await context.newPage();
  watchers.push(await watch(page));
  await page.goto(new URL(path, site).href);
  return page;
}

/** An officer request from Node, as the curl that `pnpm start` prints. */
async function officer(method: 'GET' | 'POST', path: string, body?: unknown) {
  const response = await fetch(new URL(path, api.url), {
    method,
    headers: {
      authorization: `Bearer ${officerToken}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('a visit from booking to the hall’s board', () => {
  const ticket = { code: '', number: '', secret: '' };
  let phone: Page;

  test('a citizen books today at MPP Siola on a phone and gets a ticket', async () => {
    const page = await open('/antrean.html?layanan=ktp-el-hilang', { width: 412, height: 915 });
    phone = page;
    const booking = page.locator('loket-visit-booking');
    await booking.getByRole('radio', { name: /Siola/ }).check();
    await booking.getByRole('button', { name: 'Lanjut' }).click();
    // Today (Monday 11 January) is open; the arrow keys reach it from the focused day too.
    const today = booking.getByRole('button', { name: /^Senin, 11 Januari, sisa/ });
    await today.click();
    await booking.getByRole('button', { name: 'Lanjut' }).click();
    await booking.getByRole('radio', { name: /^10\.00/ }).check();
    await booking.getByRole('button', { name: 'Lanjut' }).click();
    await booking.getByRole('textbox', { name: 'Nama lengkap' }).fill('Siti Aminah');
    await booking.getByRole('textbox', { name: 'Nomor HP' }).fill('0812 3456 7890');
    await booking.getByRole('button', { name: 'Lanjut' }).click();
    await booking.getByRole('button', { name: 'Ambil nomor antrean' }).click();
    await booking.getByRole('heading', { name: 'Nomor antrean Anda' }).waitFor();
    ticket.number = (await booking.locator('[part~="number"] strong').textContent()) ?? '';
    ticket.code = (await booking.locator('dd.code').textContent()) ?? '';
    ticket.secret = (await booking.locator('dd span.code').textContent()) ?? '';
    expect(ticket.number).toMatch(/^A-\d{3}$/);
    expect(ticket.code).toMatch(/^ANT-/);
    await booking.getByText('Senin, 11 Januari 2027, 10.00 WIB').waitFor();
    await booking.getByRole('img', { name: /Kode QR/ }).waitFor();
    expect(
      await booking.getByRole('link', { name: 'Tambahkan ke kalender' }).getAttribute('download'),
    ).toMatch(/\.ics$/);
    // What to bring: the service's requirements as a checklist.
    await booking.getByRole('checkbox').first().waitFor();
    // Nothing sideways on a 412 px phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(412);
  });

  test('the manage link of the visit e-mails opens the ticket on that phone, and on another device after its secret', async () => {
    // LOKET_BOOKING_URL as `pnpm start` sets it: /antrean.html#kode={code}, never the secret.
    await phone.goto(new URL(`/antrean.html#kode=${ticket.code}`, site).href);
    const mine = phone.locator('loket-visit-booking');
    await mine.getByRole('heading', { name: 'Nomor antrean Anda' }).waitFor();
    expect(await mine.locator('[part~="number"] strong').textContent()).toBe(ticket.number);
    expect(new URL(phone.url()).hash).toBe('');
    const other = await open(`/antrean.html#kode=${ticket.code}`, { width: 1280, height: 720 });
    const theirs = other.locator('loket-visit-booking');
    await theirs.getByRole('heading', { name: 'Lihat antrean Anda' }).waitFor();
    expect(await theirs.getByRole('textbox', { name: 'Kode pemesanan' }).inputValue()).toBe(ticket.code);
    expect(new URL(other.url()).hash).toBe('');
    await theirs.getByRole('textbox', { name: 'Kode rahasia' }).fill(ticket.secret);
    await theirs.getByRole('button', { name: 'Lihat antrean' }).click();
    await theirs.getByRole('heading', { name: 'Nomor antrean Anda' }).waitFor();
    expect(await theirs.locator('[part~="number"] strong').textContent()).toBe(ticket.number);
    await theirs.getByRole('button', { name: 'Batalkan antrean' }).waitFor();
  });

  test('the officer checks the booking in and calls it; the board shows it', async () => {
    const board = await open('/papan-antrean.html', { width: 1280, height: 720 });
    const screen = board.locator('loket-queue-board');
    await screen.getByText('Langsung').waitFor();
    const checkIn = await officer('POST', '/v1/officer/locations/mpp-surabaya-siola/check-ins', {
      code: ticket.code,
    });
    expect(checkIn.status, JSON.stringify(checkIn.body)).toBe(200);
    const called = await officer(
      'POST',
      '/v1/officer/locations/mpp-surabaya-siola/counters/dukcapil-1/call-next',
    );
    expect(called.status, JSON.stringify(called.body)).toBe(200);
    expect((called.body.called as { number: string }).number).toBe(ticket.number);
    const latest = screen.locator('[part~="latest"]');
    expect(
      await eventually(async () => ((await latest.textContent()) ?? '').includes(ticket.number), 15_000),
    ).toBe(true);
    expect(await latest.textContent()).toContain('Loket 1');
    const said = screen.getByRole('status');
    expect(
      await eventually(
        async () => (await said.textContent()) === `Nomor ${ticket.number}, silakan ke Loket 1.`,
      ),
    ).toBe(true);
  });

  test('no CSP violation, console error or failed request on any page', () => {
    for (const w of watchers) {
      expect(w.violations).toEqual([]);
      expect(w.problems.filter((p) => !p.includes('/board'))).toEqual([]);
    }
  });
});
