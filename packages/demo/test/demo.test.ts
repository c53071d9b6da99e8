import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addOrigin } from '../../server/src/applications/origins.js';
import { bundledRegionDir, importRegionData } from '../../server/src/catalogue/region-data.js';
import { startTestServer, type TestServer } from '../../server/test/helpers/app.js';
import { startDemo } from '../serve.mjs';
import { axeViolations } from './desk-support.js';
import { eventually, hasFocus, launchChromium, watch } from './support.js';

// A citizen on the regional website: the API runs on 127.0.0.1, the site on localhost (another
// origin, as a real kota's website calling the Loket API), under the site's strict CSP.
let api: TestServer;
let demo: Awaited<ReturnType<typeof startDemo>>;
let site: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let watcher: Awaited<ReturnType<typeof watch>>;

beforeAll(async () => {
  [api, browser] = await Promise.all([startTestServer(), launchChromium()]);
  // Kota Surabaya's own data, as `pnpm start` imports it.
  const imported = await importRegionData(api.db, bundledRegionDir('35.78'));
  // Each file of the region's folder (services, overrides, the visits' set-up) without a problem.
  expect(imported).toHaveLength(3);
  expect(imported.flatMap(({ report }) => report.problems)).toEqual([]);
  demo = await startDemo({ host: '127.0.0.1', port: 0, apiUrl: api.url });
  site = demo.url.replace('127.0.0.1', 'localhost');
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  watcher = await watch(page);
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  await api?.close();
});

const finder = () => page.locator('loket-service-finder');
const searchBox = () => page.getByRole('combobox', { name: 'Cari layanan' });
const detailHeading = () => page.getByRole('heading', { level: 2, name: 'Penggantian KTP-el karena Hilang' });

describe('the demo site', () => {
  test('loads the finder from one script tag, on another origin than the API, under a strict CSP', async () => {
    expect(new URL(site).origin).not.toBe(new URL(api.url).origin);
    const response = await page.goto(`${site}/`);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src ${new URL(api.url).origin}`);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);

    const scripts = await page
      .locator('script')
      .evaluateAll((all) =>
        all.map((s) => ({ src: s.getAttribute('src'), type: s.getAttribute('type'), inline: s.textContent })),
      );
    expect(scripts).toEqual([{ src: '/loket/loket.esm.js', type: 'module', inline: '' }]);
    expect(await page.locator('[style]').count()).toBe(0);

    // The finder rendered what it fetched from the API: life events and categories to browse.
    await page.getByRole('heading', { level: 2, name: 'Urusan menurut peristiwa hidup' }).waitFor();
    await page.getByRole('link', { name: /^Kelahiran Anak/ }).waitFor();
    await expect(finder().getAttribute('region')).resolves.toBe('35.78');
  });

  test('a keyboard user skips to the content, searches "ktp hilang" and opens the suggestion', async () => {
    await page.keyboard.press('Tab');
    expect(await hasFocus(page.getByRole('link', { name: 'Langsung ke konten utama' }))).toBe(true);
    await page.keyboard.press('Enter');
    expect(await eventually(() => hasFocus(page.locator('main')))).toBe(true);
    await page.keyboard.press('Tab'); // the breadcrumb
    await page.keyboard.press('Tab');
    expect(await hasFocus(searchBox())).toBe(true);

    await page.keyboard.type('ktp hilang');
    const option = page.getByRole('option', { name: /Penggantian KTP-el karena Hilang/ });
    await option.waitFor();
    expect(await searchBox().getAttribute('aria-expanded')).toBe('true');
    // Arrow down to the option (the combobox keeps focus and points at it with
    // aria-activedescendant), waiting for each step to render, then Enter.
    for (let i = 0; i < 6 && (await option.getAttribute('aria-selected')) !== 'true'; i++) {
      const before = await searchBox().getAttribute('aria-activedescendant');
      await page.keyboard.press('ArrowDown');
      await eventually(async () => (await searchBox().getAttribute('aria-activedescendant')) !== before);
    }
    expect(await option.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');

    await detailHeading().waitFor();
    expect(await eventually(() => hasFocus(detailHeading()))).toBe(true);
    expect(new URL(page.url()).searchParams.get('layanan')).toBe('ktp-el-hilang');
  });

  test("the detail shows Kota Surabaya's office, requirements and complaint channel, the fee and its MPP", async () => {
    await page.getByText('Dinas Kependudukan dan Pencatatan Sipil (Dispendukcapil) Kota Surabaya').waitFor();
    await page.getByRole('link', { name: /Wargaku/ }).waitFor();
    const requirements = page.getByRole('checkbox');
    expect(await requirements.count()).toBeGreaterThan(0);
    await page.getByRole('checkbox', { name: /keterangan kehilangan/i }).waitFor();
    await page.getByText('Gratis', { exact: true }).waitFor();
    await page.getByText('Mal Pelayanan Publik Siola Kota Surabaya').waitFor();
    // What the region changed, in words, and where its own facts come from.
    await page.locator('summary').filter({ hasText: 'Sumber data' }).click();
    await page.getByText(/^Daerah ini mengubah: .*nama instansi/).waitFor();
    await page.getByRole('heading', { name: 'Sumber data daerah' }).waitFor();
    const apply = page.getByRole('link', { name: 'Ajukan secara daring' });
    expect(await apply.getAttribute('href')).toBe('/ajukan.html?layanan=ktp-el-hilang');
  });

  test("the browser's back button returns to the search", async () => {
    await page.goBack();
    await searchBox().waitFor();
    expect(await detailHeading().count()).toBe(0);
    expect(new URL(page.url()).searchParams.has('layanan')).toBe(false);
  });

  test('searching with Enter lists results; the back link returns to them with focus on the result', async () => {
    await searchBox().fill('ktp hilang');
    await searchBox().press('Enter');
    await page.getByRole('heading', { level: 2, name: /layanan untuk .ktp hilang./i }).waitFor();
    const result = page.getByRole('link', { name: 'Penggantian KTP-el karena Hilang' });
    await result.click();
    await detailHeading().waitFor();

    await page.getByRole('link', { name: 'Kembali ke hasil' }).click();
    await result.waitFor();
    expect(await eventually(() => hasFocus(result))).toBe(true);
    expect(new URL(page.url()).searchParams.get('cari')).toBe('ktp hilang');
  });

  test('the English page shows the finder in English', async () => {
    await page.goto(`${site}/en.html`);
    await page.getByRole('combobox', { name: 'Search services' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'By life event' }).waitFor();
  });

  test('the menu’s Complaints opens /complaints.html, where an e-mail’s link looks a complaint up in English', async () => {
    await addOrigin(api.db, '35.78', new URL(site).origin);
    const filed = await fetch(new URL('/v1/complaints', api.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        about: { kind: 'service', service: 'ktp-el-hilang', region: '35.78' },
        category: 'facilities',
        description: 'The waiting room had no seats left.',
      }),
    });
    const { code, secret } = (await filed.json()) as { code: string; secret: string };
    await page.goto(`${site}/en.html`);
    // Leaving a page while its components still fetch their chunks would abort them: wait.
    await page.waitForLoadState('networkidle');
    await page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Complaints' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Complaints' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/complaints.html');
    const current = page.getByRole('navigation', { name: 'Main menu' }).locator('[aria-current="page"]');
    expect(await current.textContent()).toBe('Complaints');
    const form = page.locator('loket-complaint-form');
    await form.getByRole('heading', { name: 'Check a complaint’s answer' }).waitFor();
    await page.waitForLoadState('networkidle');
    // The complaint e-mail's link (a new page load: another query, so not a same-page fragment).
    await page.goto(`${site}/complaints.html?dari=surat#kode=${code}`);
    await form.getByRole('heading', { name: 'Check a complaint’s answer' }).waitFor();
    expect(await form.getByRole('textbox', { name: 'Complaint code' }).inputValue()).toBe(code);
    await form.getByRole('textbox', { name: 'Secret code' }).fill(secret);
    await form.getByRole('button', { name: 'Check answer' }).click();
    await form
      .getByRole('definition')
      .filter({ hasText: 'Received, waiting for the agency’s answer' })
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Its Indonesian page is one link away, in the menu as "Pengaduan".
    await page.getByRole('link', { name: 'Bahasa Indonesia' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Pengaduan' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/pengaduan.html');
  });

  test('nothing was blocked by the CSP and nothing was logged as an error', async () => {
    expect(watcher.violations).toEqual([]);
    expect(watcher.problems).toEqual([]);
  });
});
