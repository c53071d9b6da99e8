import { createHash } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createOfficerToken } from '../../server/src/applications/officer-tokens.js';
import { addOrigin } from '../../server/src/applications/origins.js';
import { startTestServer, type TestServer } from '../../server/test/helpers/app.js';
import { startDemo } from '../serve.mjs';
import { solidPng } from './png.js';
import { eventually, hasFocus, launchChromium, watch } from './support.js';

// Issue 6, "done when": a citizen finds "KTP hilang" on the regional website, applies online
// (every step, a real file, check answers, submit), follows the confirmation's link to the
// tracker, and sees the status change once a Dukcapil officer moves the application. The API on
// 127.0.0.1, the site on localhost (another origin), under the site's strict CSP.
let api: TestServer;
let demo: Awaited<ReturnType<typeof startDemo>>;
let site: string;
let officerToken: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let watcher: Awaited<ReturnType<typeof watch>>;
const watchers: Awaited<ReturnType<typeof watch>>[] = [];

const citizen = {
  name: 'Siti Rahayu',
  nik: '3578015205900001', // Kota Surabaya, a woman born 12 May 1990
  phone: '081234567890',
  lostOn: '2025-02-03', // shown as "3 Februari 2025"
};
const policeReport = {
  name: 'surat-kehilangan.png',
  mimeType: 'image/png',
  buffer: solidPng(48, 32, [13, 92, 99]),
};
const familyCard = {
  name: 'kartu-keluarga.png',
  mimeType: 'image/png',
  buffer: solidPng(40, 24, [242, 182, 0]),
};
/** What the confirmation gives the citizen (read from the page, used by the later steps). */
const application = { code: '', secret: '', trackerLink: '' };

beforeAll(async () => {
  [api, browser] = await Promise.all([startTestServer(), launchChromium()]);
  demo = await startDemo({ host: '127.0.0.1', port: 0, apiUrl: api.url });
  site = demo.url.replace('127.0.0.1', 'localhost');
  // What `pnpm start` does with the CLI: the region allows the site, and Dukcapil has an officer.
  await addOrigin(api.db, '35.78', new URL(site).origin);
  officerToken = (
    await createOfficerToken(api.db, { name: 'Petugas uji e2e', agency: 'dukcapil', region: '35.78' })
  ).token;
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  watcher = await watch(page);
  watchers.push(watcher);
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  await api?.close();
});

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

const form = () => page.locator('loket-application-form');
const tracker = () => page.locator('loket-status-tracker');
const next = () => form().getByRole('button', { name: 'Lanjut', exact: true });
/** A step's heading: "Langkah 2 dari 3: Kehilangan" (the progress is part of its name). */
const stepHeading = (n: number, title: string) =>
  form().getByRole('heading', { level: 2, name: new RegExp(`^Langkah ${n} dari 3\\s*:\\s*${title}$`) });
const stored = () => page.evaluate(() => JSON.stringify({ ...localStorage }));
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('apply online and track, on the demo site', () => {
  test('a keyboard user finds "ktp hilang" and presses "Ajukan secara daring"', async () => {
    await page.goto(`${site}/`);
    const search = page.getByRole('combobox', { name: 'Cari layanan' });
    await search.focus();
    await page.keyboard.type('ktp hilang');
    const option = page.getByRole('option', { name: /Penggantian KTP-el karena Hilang/ });
    await option.waitFor();
    for (let i = 0; i < 6 && (await option.getAttribute('aria-selected')) !== 'true'; i++) {
      const before = await search.getAttribute('aria-activedescendant');
      await page.keyboard.press('ArrowDown');
      await eventually(async () => (await search.getAttribute('aria-activedescendant')) !== before);
    }
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Penggantian KTP-el karena Hilang' }).waitFor();

    const apply = page.getByRole('link', { name: 'Ajukan secara daring' });
    await apply.focus();
    expect(await hasFocus(apply)).toBe(true);
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/ajukan.html'),
      page.keyboard.press('Enter'),
    ]);
    expect(new URL(page.url()).searchParams.get('layanan')).toBe('ktp-el-hilang');
    const csp = response.headers()['content-security-policy'] ?? '';
    expect(csp).toContain(`connect-src ${new URL(api.url).origin}`);
    expect(csp).not.toMatch(/unsafe-/);
  });

  test('the apply page shows what to prepare for that service, and says it is a demo', async () => {
    await page.getByRole('heading', { level: 1, name: 'Ajukan permohonan secara daring' }).waitFor();
    await page.getByRole('heading', { name: 'Ini situs contoh' }).waitFor();
    await form().getByRole('heading', { level: 2, name: 'Penggantian KTP-el karena hilang' }).waitFor();
    await form().getByRole('heading', { name: 'Yang perlu disiapkan' }).waitFor();
    await form()
      .getByRole('button', { name: /^Mulai/ })
      .click();
  });

  test('the applicant step: name, NIK, phone (email is optional)', async () => {
    await stepHeading(1, 'Data pemohon').waitFor();
    await form().getByRole('textbox', { name: 'Nama lengkap' }).fill(citizen.name);
    await form().getByRole('textbox', { name: 'NIK', exact: true }).fill(citizen.nik);
    await form().getByRole('textbox', { name: 'Nomor HP' }).fill(citizen.phone);
    await next().click();
  });

  test('the loss step: when it happened (the police report number is optional)', async () => {
    await stepHeading(2, 'Kehilangan').waitFor();
    await form().getByLabel('Kapan KTP-el Anda hilang?').fill(citizen.lostOn);
    await next().click();
  });

  test('the documents step: two real PNG files are uploaded', async () => {
    await stepHeading(3, 'Dokumen').waitFor();
    await form().getByLabel('Surat keterangan kehilangan dari kepolisian').setInputFiles(policeReport);
    await form().getByText(`${policeReport.name} sudah terunggah.`).waitFor({ state: 'attached' });
    await form().getByLabel('Kartu Keluarga (KK)').setInputFiles(familyCard);
    await form().getByText(`${familyCard.name} sudah terunggah.`).waitFor({ state: 'attached' });
    await next().click();
  });

  test('check answers lists every answer; until submitted they are kept on this device', async () => {
    await form().getByRole('heading', { level: 2, name: 'Periksa jawaban Anda' }).waitFor();
    const answers = [
      citizen.name,
      citizen.nik,
      citizen.phone,
      '3 Februari 2025',
      policeReport.name,
      familyCard.name,
    ];
    for (const answer of answers) await form().getByText(answer, { exact: true }).waitFor();
    expect(await stored()).toContain(citizen.nik);
  });

  test('submitting shows the confirmation with the tracking code and the secret', async () => {
    await form()
      .getByRole('checkbox', { name: /^Saya menyatakan bahwa semua data/ })
      .check();
    await form().getByRole('button', { name: 'Kirim permohonan' }).click();
    await form().getByRole('heading', { level: 2, name: 'Permohonan terkirim' }).waitFor();

    const link = form().getByRole('link', { name: 'Lihat status permohonan' });
    application.trackerLink = (await link.getAttribute('href')) ?? '';
    const target = new URL(application.trackerLink, site);
    const fragment = new URLSearchParams(target.hash.slice(1));
    application.code = fragment.get('kode') ?? '';
    application.secret = fragment.get('rahasia') ?? '';
    expect(target.pathname).toBe('/lacak.html');
    expect(target.search).toBe(''); // the secret only ever rides in the fragment
    expect(application.code).toMatch(/^LKT-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(application.secret.length).toBeGreaterThan(10);
    expect(await form().locator('#loket-code').textContent()).toBe(application.code);
    await form().getByText(application.secret, { exact: true }).waitFor();

    // Submitted: this device keeps the code and the result, never the answers.
    const kept = await stored();
    expect(kept).toContain(application.code);
    for (const answer of [citizen.name, citizen.nik, citizen.phone]) expect(kept).not.toContain(answer);
  });

  test('the server has the answers and both files, byte for byte', async () => {
    const { status, body } = await officer('GET', `/v1/officer/applications/${application.code}`);
    expect(status).toBe(200);
    expect(body.status).toBe('submitted');
    expect(body.answers).toMatchObject({
      nama_lengkap: citizen.name,
      nik: citizen.nik,
      telepon: `+62${citizen.phone.slice(1)}`, // stored normalized
    });
    const files = body.attachments as { field: string; content_type: string; sha256: string }[];
    expect(files.map(({ field, content_type, sha256 }) => ({ field, content_type, sha256 }))).toEqual(
      expect.arrayContaining([
        {
          field: 'surat_keterangan_kehilangan',
          content_type: 'image/png',
          sha256: sha256(policeReport.buffer),
        },
        { field: 'kartu_keluarga', content_type: 'image/png', sha256: sha256(familyCard.buffer) },
      ]),
    );
    expect(files).toHaveLength(2);
  });

  test('the link opens the tracker: the status in words, and the secret leaves the address bar', async () => {
    await form().getByRole('link', { name: 'Lihat status permohonan' }).click();
    await page.waitForURL((url) => url.pathname === '/lacak.html');
    await page.getByRole('heading', { level: 1, name: 'Status permohonan' }).waitFor();
    await tracker().getByRole('heading', { level: 3, name: 'Status: Terkirim' }).waitFor();
    await tracker().getByText('Tunggu petugas memeriksa permohonan.', { exact: false }).waitFor();
    await tracker().getByText(application.code).first().waitFor();
    expect(await eventually(async () => !page.url().includes('rahasia='))).toBe(true);
  });

  test('an officer starts checking it; after "Perbarui" the tracker shows the new status', async () => {
    const moved = await officer('POST', `/v1/officer/applications/${application.code}/transitions`, {
      to: 'in_review',
      public_note: 'Berkas Anda sedang kami periksa.',
    });
    expect(moved.status).toBe(200);
    const reviewing = tracker().getByRole('heading', { level: 3, name: 'Status: Sedang diperiksa' });
    expect(await reviewing.count()).toBe(0);

    await tracker().getByRole('button', { name: 'Perbarui' }).click();
    await reviewing.waitFor();
    // The officer's note once (the status box), not again in the history.
    await tracker().getByText('Berkas Anda sedang kami periksa.').waitFor();
    expect(await tracker().getByText('Berkas Anda sedang kami periksa.').count()).toBe(1);
  });

  test('nothing was blocked by the CSP and nothing was logged as an error', () => {
    expect(watcher.violations).toEqual([]);
    expect(watcher.problems).toEqual([]);
  });
});

describe('the English pages and a page without a service', () => {
  async function freshPage() {
    const fresh = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    watchers.push(await watch(fresh));
    return fresh;
  }

  test('the English apply page shows the form in English; the language switch keeps the service', async () => {
    const en = await freshPage();
    await en.goto(`${site}/apply.html?layanan=ktp-el-hilang`);
    await en.getByRole('heading', { level: 1, name: 'Apply online' }).waitFor();
    const enForm = en.locator('loket-application-form');
    await enForm.getByRole('heading', { level: 2, name: 'Replace a lost KTP-el' }).waitFor();
    await enForm.getByRole('button', { name: /^Start/ }).click();
    await enForm.getByRole('heading', { level: 2, name: /^Step 1 of 3\s*:\s*Applicant$/ }).waitFor();
    await enForm.getByRole('textbox', { name: 'Full name' }).fill('Budi Santoso');
    await en.keyboard.press('Tab');
    await enForm.getByText('Saved', { exact: true }).waitFor(); // on the server too, nothing in flight

    await en.locator('.lang-link').click();
    await en.waitForURL((url) => url.pathname === '/ajukan.html');
    expect(new URL(en.url()).searchParams.get('layanan')).toBe('ktp-el-hilang');
    // The same application on this device, now in Indonesian, on the step the citizen was on.
    const idForm = en.locator('loket-application-form');
    await idForm.getByRole('heading', { level: 2, name: /^Langkah 1 dari 3\s*:\s*Data pemohon$/ }).waitFor();
    expect(await idForm.getByRole('textbox', { name: 'Nama lengkap' }).inputValue()).toBe('Budi Santoso');
  });

  test('the English track page asks for the code and secret, then shows the status in English', async () => {
    const en = await freshPage();
    await en.goto(`${site}/track.html`);
    await en.getByRole('heading', { level: 1, name: 'Application status' }).waitFor();
    const enTracker = en.locator('loket-status-tracker');
    await enTracker.getByRole('textbox', { name: /^Tracking code/ }).fill(application.code);
    await enTracker.getByRole('textbox', { name: /^Secret code/ }).fill(application.secret);
    await enTracker.getByRole('button', { name: 'Track', exact: true }).click();
    await enTracker.getByRole('heading', { level: 3, name: 'Status: Being checked' }).waitFor();
    await enTracker.getByText('Wait for the result.', { exact: false }).waitFor();
    await enTracker.getByText(application.code).first().waitFor();
  });

  test('the apply page without ?layanan= still explains itself and points to the search', async () => {
    const bare = await freshPage();
    await bare.goto(`${site}/ajukan.html`);
    await bare.getByRole('heading', { level: 1, name: 'Ajukan permohonan secara daring' }).waitFor();
    await bare.getByRole('heading', { name: 'Memilih layanan' }).waitFor();
    await bare.getByRole('link', { name: 'pencarian layanan' }).waitFor();
    // The form says it has no service to show, rather than staying empty.
    await bare.locator('loket-application-form').getByText('Layanan ini tidak ditemukan.').waitFor();
  });

  test('nothing was blocked by the CSP and nothing was logged as an error on these pages', () => {
    for (const w of watchers.slice(1)) {
      expect(w.violations).toEqual([]);
      expect(w.problems).toEqual([]);
    }
  });
});
