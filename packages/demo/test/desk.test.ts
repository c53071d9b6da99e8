import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createOfficerToken } from '../../server/src/applications/officer-tokens.js';
import { createOutbox } from '../../server/src/notifications/worker.js';
import { startTestServer, type TestServer } from '../../server/test/helpers/app.js';
import { memoryLog, settings } from '../../server/test/helpers/notify.js';
import { startSmtp } from '../../server/test/helpers/smtp.js';
import {
  axeViolations,
  citizenApplies,
  citizenRevises,
  fitsWidth,
  officerAccount,
  signIn,
} from './desk-support.js';
import { launchChromium, watch } from './support.js';

// Issue 18: a counter officer's day at the desk (/petugas/ on the API's own origin), in Chromium at
// 1280 × 720: sign in, the queue, open an application, request a revision by ticking a field; the
// citizen revises through the API; review again and complete with the result document; sign out.
// One API server and one browser for the file.
let api: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let token: string;
let account: { username: string; secret: string };
let watcher: Awaited<ReturnType<typeof watch>>;
const application = { code: '', secret: '' };
// Tuesday 10 March 2026, 09:00 in Jakarta; the API's clock moves when the test says.
const now = new Date('2026-03-10T02:00:00Z');
let apiNow = now;

beforeAll(async () => {
  [api, browser] = await Promise.all([startTestServer({ now: () => apiNow }), launchChromium()]);
  // Budi works through the API (an agency system) on the same applications.
  token = (await createOfficerToken(api.db, { name: 'Budi', agency: 'dukcapil', region: '33.74' })).token;
  account = await officerAccount(api.db, 'ani', 'dukcapil', '33.74');
  Object.assign(application, await citizenApplies(api.url));
  context = await browser.newContext({ viewport: { width: 1280, height: 720 }, timezoneId: 'Asia/Jakarta' });
  // The browser's calendar is the API's: "how late" is counted from the same day.
  await context.clock.setFixedTime(now);
  page = await context.newPage();
  watcher = await watch(page);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const desk = () => page.locator('loket-desk');

describe('a day at the desk', () => {
  test('signs in with a password, then the authenticator’s code', async () => {
    await page.goto(new URL('/petugas/', api.url).href);
    await desk().getByRole('heading', { name: 'Masuk sebagai petugas' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await signIn(page, account, apiNow);
    await desk().getByText('Masuk sebagai Petugas ani (dukcapil)').first().waitFor();
  });

  test('the queue lists the application with its counts; j and Enter open it', async () => {
    const queue = desk().locator('loket-desk-queue');
    await queue.getByRole('heading', { name: 'Antrean permohonan' }).waitFor();
    await queue.getByRole('link', { name: application.code }).waitFor();
    await expect(queue.getByRole('button', { name: /^Masuk/ }).textContent()).resolves.toMatch(/Masuk\s*1/);
    expect(await axeViolations(page)).toEqual([]);
    expect(await fitsWidth(page, desk())).toBe(true);
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await desk().locator('loket-desk-application').getByRole('heading', { name: application.code }).waitFor();
  });

  test('the application shows the answers by step and the files inline', async () => {
    const app = desk().locator('loket-desk-application');
    await app.getByRole('heading', { name: 'Data pemohon', exact: true }).waitFor();
    await app.getByText('Siti Aminah').waitFor();
    await app.getByRole('button', { name: /Lihat tiny.jpg/ }).click();
    await expect.poll(() => app.locator('img[src^="blob:"]').count()).toBe(1);
    await app.getByRole('button', { name: /Lihat tiny.pdf/ }).click();
    // The PDF drawn inline by pdf.js: its page on a canvas with ink on it, its text selectable.
    const pdf = app.locator('loket-desk-pdf');
    await pdf.getByRole('img', { name: 'Halaman 1 dari 1, tiny.pdf' }).waitFor();
    await pdf.getByText('Surat kehilangan').waitFor();
    const inked = () =>
      pdf.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
        const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
        let dark = 0;
        for (let i = 0; i < pixels.length; i += 4)
          if ((pixels[i] ?? 255) < 128 && (pixels[i + 3] ?? 0) > 0) dark++;
        return dark;
      });
    await expect.poll(inked).toBeGreaterThan(100);
    expect(await app.locator('iframe').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('p starts the review; b asks for a revision of the ticked field with a note', async () => {
    const app = desk().locator('loket-desk-application');
    await page.keyboard.press('p');
    await app.getByRole('heading', { name: 'Mulai periksa', level: 3 }).waitFor();
    await app.getByRole('button', { name: 'Kirim' }).click();
    await app.getByText('Diperiksa', { exact: true }).first().waitFor();
    await page.keyboard.press('b');
    await app.getByRole('checkbox', { name: /Kapan KTP-el Anda hilang/ }).check();
    await app
      .getByRole('textbox', { name: 'Catatan untuk pemohon' })
      .fill('Tanggal kehilangan tidak sesuai surat polisi.');
    expect(await axeViolations(page)).toEqual([]);
    await app.getByRole('button', { name: 'Kirim' }).click();
    await app.getByText('Perlu perbaikan', { exact: true }).first().waitFor();
    await app.getByText('Tanggal kehilangan tidak sesuai surat polisi.').waitFor();
  });

  test('after the citizen revises, a review; the session ends while completing, the notes survive', async () => {
    await citizenRevises(api.url, application, { tanggal_kehilangan: '2026-02-28' });
    const app = desk().locator('loket-desk-application');
    await page.keyboard.press('u');
    await page.reload();
    await desk().locator('loket-desk-queue').getByRole('link', { name: application.code }).click();
    await app.getByText('28 Februari 2026').waitFor();
    await page.keyboard.press('p');
    await app.getByRole('button', { name: 'Kirim' }).click();
    await app.getByText('Diperiksa', { exact: true }).first().waitFor();
    await page.keyboard.press('s');
    const note = 'KTP-el dapat diambil di Loket 3 mulai besok.';
    await app.getByRole('textbox', { name: 'Catatan untuk pemohon' }).fill(note);
    // Ani leaves the desk for 31 minutes: the session's idle time runs out.
    apiNow = new Date(apiNow.getTime() + 31 * 60_000);
    await app.getByRole('button', { name: 'Kirim' }).click();
    await desk()
      .getByText(/Sesi Anda berakhir/)
      .waitFor();
    await signIn(page, account, apiNow);
    await expect(app.getByRole('textbox', { name: 'Catatan untuk pemohon' }).inputValue()).resolves.toBe(
      note,
    );
    // A reload (or a crash) keeps it too.
    await page.reload();
    await app.getByText('Catatan Anda yang belum terkirim dipulihkan.').waitFor();
    await expect(app.getByRole('textbox', { name: 'Catatan untuk pemohon' }).inputValue()).resolves.toBe(
      note,
    );
    await app.getByLabel('Dokumen hasil (PDF, JPEG atau PNG)').setInputFiles({
      name: 'ktp-el.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    });
    await app.getByRole('button', { name: 'Kirim' }).click();
    await app.getByText('Selesai', { exact: true }).first().waitFor();
    await app.getByText(note).waitFor();
  }, 60_000); // two page loads, a sign-in and an upload: the file's longest test (it once ran out of 20 s in CI)

  test('a transition on what someone else changed since is refused with a clear message', async () => {
    const other = await citizenApplies(api.url);
    await page.goto(new URL(`/petugas/#/permohonan/${other.code}`, api.url).href);
    const app = desk().locator('loket-desk-application');
    await app.getByRole('heading', { name: other.code }).waitFor();
    // Budi takes it through the API while Ani has it open.
    const moved = await fetch(new URL(`/v1/officer/applications/${other.code}/transitions`, api.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ to: 'in_review', note: 'Saya ambil.' }),
    });
    expect(moved.status).toBe(200);
    await page.keyboard.press('p');
    await app.getByRole('textbox', { name: 'Catatan internal' }).fill('Mulai.');
    await app.getByRole('button', { name: 'Kirim' }).click();
    await app.getByText(/sudah diubah orang lain/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await app.getByRole('button', { name: 'Muat ulang permohonan' }).click();
    await app.getByText('Saya ambil.').waitFor();
  });

  test('the complaints inbox: open one, its news to the citizen, answer it, close it', async () => {
    const filed = await fetch(new URL('/v1/complaints', api.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        about: { kind: 'service', service: 'ktp-el-hilang', region: '33.74' },
        category: 'time',
        description: 'Sudah tiga minggu belum ada kabar tentang KTP-el saya.',
        contact: { name: 'Siti Aminah', email: 'siti.aminah@example.org' },
        notify: ['email'],
      }),
    });
    expect(filed.status).toBe(201);
    const { code } = (await filed.json()) as { code: string };
    // The outbox's worker with a real SMTP server that refuses the first e-mail for good.
    const smtp = await startSmtp();
    const outbox = createOutbox(api.db, settings(smtp.url), memoryLog(), () => apiNow);
    try {
      smtp.refuse(1, 550);
      await outbox.runOnce();
      await desk().getByRole('link', { name: 'Pengaduan' }).click();
      const inbox = desk().locator('loket-desk-complaints');
      await inbox.getByRole('button', { name: new RegExp(code) }).click();
      await inbox.getByText('Sudah tiga minggu belum ada kabar tentang KTP-el saya.').waitFor();
      // "Kabar ke warga": the received e-mail failed, the address masked, never in full.
      const news = inbox.getByRole('table', { name: 'Kabar ke warga' });
      const row = (event: string) => news.getByRole('row').filter({ hasText: event }).getByRole('cell');
      await news.waitFor();
      expect(await row('Pengaduan diterima').allInnerTexts()).toEqual([
        expect.stringMatching(/10 Mar 2026/),
        'Pengaduan diterima',
        'E-mail',
        's***@example.org',
        expect.stringMatching(/^Gagal\s+.*550/s),
        '1',
      ]);
      expect(await inbox.textContent()).not.toContain('siti.aminah@example.org');
      expect(await axeViolations(page)).toEqual([]);
      await inbox
        .getByRole('textbox', { name: 'Jawaban untuk pengadu' })
        .fill('Mohon maaf, KTP-el Anda sudah jadi.');
      await inbox.getByRole('button', { name: 'Kirim jawaban' }).click();
      await inbox.getByText('Sudah dijawab', { exact: true }).first().waitFor();
      // The answer's e-mail goes out; the log, asked again when the complaint is opened, says so.
      await outbox.runOnce();
      await inbox.getByRole('button', { name: new RegExp(code) }).click();
      await inbox.getByRole('button', { name: new RegExp(code) }).click();
      await news.getByRole('row').filter({ hasText: 'Jawaban' }).waitFor();
      expect(await news.getByRole('row').count()).toBe(3);
      expect(await row('Jawaban').allInnerTexts()).toEqual([
        expect.stringMatching(/10 Mar 2026/),
        'Jawaban',
        'E-mail',
        's***@example.org',
        expect.stringMatching(/^Terkirim · 10 Mar 2026/),
        '1',
      ]);
      expect(smtp.received.map((m) => m.subject)).toEqual([`Pengaduan ${code}: sudah dijawab`]);
      expect(await axeViolations(page)).toEqual([]);
      await inbox.getByRole('button', { name: 'Tutup pengaduan' }).click();
      await inbox.getByText('Ditutup', { exact: true }).first().waitFor();
    } finally {
      await outbox.stop();
      await smtp.close();
    }
  });

  test('in English, on a tablet, then signing out', async () => {
    await page.goto(new URL(`/petugas/#/permohonan/${application.code}`, api.url).href);
    await page.setViewportSize({ width: 820, height: 1180 });
    await desk().getByRole('button', { name: 'English' }).click();
    await desk().locator('loket-desk-application').getByRole('heading', { name: 'Actions' }).waitFor();
    expect(await fitsWidth(page, desk())).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('u');
    await desk().locator('loket-desk-queue').getByRole('heading', { name: 'Applications queue' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await desk().getByRole('button', { name: 'Sign out' }).click();
    await desk().getByRole('heading', { name: 'Sign in as an officer' }).waitFor();
    const after = await fetch(new URL('/v1/officer/session', api.url), {
      headers: { cookie: (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ') },
    });
    expect(after.status).toBe(401);
    expect(watcher.violations).toEqual([]);
  });
});
