import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../../server/test/helpers/app.js';
import { insertApplication, secret } from '../../server/test/helpers/notify.js';
import { launchChromium, watch } from './support.js';

// Issue 19 item 5 WITH JavaScript: the catalogue's server-rendered pages (/katalog/, the no-JS
// path is catalogue-pages.test.ts) load the components' loader from the Loket server, and the
// component takes over: it renders in its shadow root, the server's content (its light DOM, no
// <slot>) is no longer shown, and it talks to the API under the pages' strict CSP. The layout
// shift of the takeover is measured as layout.test.ts does (PerformanceObserver `layout-shift`).
let api: TestServer;
let browser: Browser;

beforeAll(async () => {
  [api, browser] = await Promise.all([startTestServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const sizes = [
  { name: 'phone', viewport: { width: 412, height: 915 }, isMobile: true },
  { name: 'desktop', viewport: { width: 1280, height: 720 }, isMobile: false },
];

declare global {
  interface Window {
    __takeoverShifts: number[];
  }
}

const favicons = new Set<string>();
const own = (problems: string[]) => problems.filter((p) => !favicons.has(p.replace(/^console\.error: /, '')));

async function open(size: (typeof sizes)[number]) {
  const context = await browser.newContext({ viewport: size.viewport, isMobile: size.isMobile });
  const page = await context.newPage();
  const watcher = await watch(page);
  // The browser's own favicon request (the server has none) is not the page's: Playwright reports
  // no response for it, only its console line, whose location says what it was.
  page.on('console', (message) => {
    if (message.location().url.endsWith('/favicon.ico')) favicons.add(message.text());
  });
  await page.addInitScript(() => {
    window.__takeoverShifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[]) {
        if (!entry.hadRecentInput) window.__takeoverShifts.push(entry.value);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return { context, page, watcher };
}

/** The page's layout shift so far (the last shifts are reported a frame late). */
async function cls(page: Page): Promise<number> {
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  return page.evaluate(() => window.__takeoverShifts.reduce((sum, value) => sum + value, 0));
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describe.each(sizes)('the catalogue taken over by the components ($name)', (size) => {
  test('a region: the finder searches the API, the server’s list is no longer shown', async () => {
    const { context, page, watcher } = await open(size);
    const loader = page.waitForResponse((r) => r.url() === `${api.url}/katalog/loket/loket.esm.js`);
    await page.goto(`${api.url}/katalog/id/33.74`);
    expect((await loader).status()).toBe(200);
    const finder = page.locator('loket-service-finder');
    const search = finder.getByRole('combobox', { name: 'Cari layanan' });
    await search.waitFor();
    await finder.getByRole('heading', { level: 2, name: 'Urusan menurut peristiwa hidup' }).waitFor();
    expect(await page.locator('loket-service-finder > form').isVisible()).toBe(false);
    expect(await page.locator('loket-service-finder ul.results').isVisible()).toBe(false);
    // The page's own heading stays; the takeover moves little (measured on each size).
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Layanan publik di Kota Semarang',
    );
    const shift = await cls(page);
    console.info(`${size.name}: CLS of the takeover ${shift.toFixed(4)}`);
    expect(shift).toBeLessThanOrEqual(0.1);
    const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/v1/services' && r.ok());
    await search.fill('ktp hilang');
    await answer;
    await finder.getByRole('option', { name: /Penggantian KTP-el karena Hilang/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(watcher.violations).toEqual([]);
    expect(own(watcher.problems)).toEqual([]);
    await context.close();
  });

  test('a service page: the finder shows that service once, under the page’s heading, with no way back to results it never showed', async () => {
    const { context, page, watcher } = await open(size);
    await page.goto(`${api.url}/katalog/en/33.74/ktp-el-hilang`);
    const name = (await page.getByRole('heading', { level: 1 }).textContent()) as string;
    const finder = page.locator('loket-service-finder');
    await finder.getByRole('link', { name: 'Apply online' }).waitFor();
    expect(await page.locator('loket-service-finder > article').isVisible()).toBe(false);
    // The service's name shows once: the page's h1. The finder's detail heading is for screen
    // readers only and says what follows; no "Back to results" (the breadcrumb leads back).
    // (The finder's polite live region says it too, in a 1 px visually hidden box.)
    const seen = await page
      .getByText(name, { exact: true })
      .evaluateAll((els) =>
        els.filter((e) => e.getBoundingClientRect().width > 1).map((e) => e.tagName.toLowerCase()),
      );
    expect(seen).toEqual(['h1']);
    expect(await finder.getByRole('heading', { level: 2, name: 'About this service' }).count()).toBe(1);
    expect(await finder.getByRole('link', { name: /Back to results/ }).count()).toBe(0);
    const shift = await cls(page);
    console.info(`${size.name}: CLS of the service page's takeover ${shift.toFixed(4)}`);
    expect(shift).toBe(0);
    // The JSON-LD is still there for crawlers that run script.
    expect(await page.locator('script[type="application/ld+json"]').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    expect(watcher.violations).toEqual([]);
    expect(own(watcher.problems)).toEqual([]);

    // "Apply online" leads to the service's form on this server, which starts an application here
    // (a request from the server's own origin needs no region's allowed origin).
    await finder.getByRole('link', { name: 'Apply online' }).click();
    await page.waitForURL(`${api.url}/katalog/en/33.74/ktp-el-hilang/ajukan`);
    const form = page.locator('loket-application-form');
    await page.getByRole('heading', { level: 1, name: 'Apply online' }).waitFor();
    await form.getByRole('button', { name: /^Start/ }).click();
    await form.getByRole('heading', { level: 2, name: /^Step 1 of 3/ }).waitFor();
    // The first answer is saved as a draft on this server (POST /v1/applications with this origin).
    const created = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/v1/applications' && r.request().method() === 'POST',
    );
    await form.getByRole('textbox', { name: 'Full name' }).fill('Siti Rahayu');
    expect((await created).status()).toBe(201);
    expect(await page.locator('loket-application-form > p').isVisible()).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    expect(watcher.violations).toEqual([]);
    expect(own(watcher.problems)).toEqual([]);
    await context.close();
  });

  test('the tracker: the component looks an application up through the API', async () => {
    const { code } = await insertApplication(api.db, { status: 'submitted' });
    const { context, page, watcher } = await open(size);
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') posts.push(r.url());
    });
    await page.goto(`${api.url}/katalog/id/lacak`);
    const tracker = page.locator('loket-status-tracker');
    await tracker.getByRole('textbox', { name: /^Kode pelacakan/ }).fill(code);
    await tracker.getByRole('textbox', { name: /^Kode rahasia/ }).fill(secret);
    expect(await page.locator('loket-status-tracker > form').isVisible()).toBe(false);
    await tracker.getByRole('button', { name: 'Lacak' }).click();
    await tracker.getByRole('heading', { name: 'Terkirim' }).waitFor({ timeout: 10_000 });
    expect(await axeViolations(page)).toEqual([]);
    expect(posts).toEqual([]);
    expect(watcher.violations).toEqual([]);
    expect(own(watcher.problems)).toEqual([]);
    await context.close();
  });
});
