import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../../server/test/helpers/app.js';
import { insertApplication, secret } from '../../server/test/helpers/notify.js';
import { launchChromium } from './support.js';

// Issue 19 item 5 in a browser WITHOUT JavaScript: the catalogue's server-rendered pages
// (/katalog/, packages/server/src/site/) are usable with JavaScript turned off, on a phone and a
// desktop: search a region, open a service, switch language, and track an application with the
// plain form (the secret goes in the POST body, never the address). Accessibility is checked by
// axe in a second context (axe itself needs JavaScript) with the components' loader blocked, so
// that it sees what a browser without JavaScript shows (the takeover: catalogue-takeover.test.ts).
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
  { name: 'phone', viewport: { width: 412, height: 915 } },
  { name: 'desktop', viewport: { width: 1280, height: 720 } },
];

/** Failed requests and error answers (a page without script reports no console errors of its own). */
function problemsOf(page: Page): string[] {
  const problems: string[] = [];
  // The browser's own favicon request (the API serves none) is not the page's.
  const own = (url: string) => !url.endsWith('/favicon.ico');
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400 && own(r.url())) problems.push(`${r.status()} ${r.url()}`);
  });
  return problems;
}

/** What axe finds on a page, and whether it is wider than the screen. */
async function axeViolations(context: BrowserContext, url: string): Promise<string[]> {
  const page = await context.newPage();
  await page.goto(url);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.evaluate(axe.source);
  const found = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  const screen = page.viewportSize()?.width ?? 0;
  await page.close();
  return width > screen ? [...found, `scrolls sideways: ${width}px on a ${screen}px screen`] : found;
}

describe.each(sizes)('the catalogue without JavaScript ($name)', ({ viewport }) => {
  test('search a region, open a service, read it in English', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport });
    const page = await context.newPage();
    const problems = problemsOf(page);
    await page.goto(`${api.url}/katalog/id/33.74`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Layanan publik di Kota Semarang');
    await page.getByLabel('Cari layanan').fill('bikin ktp');
    await page.getByRole('button', { name: 'Cari' }).click();
    await page.waitForURL(/\?q=bikin\+ktp$/);
    const results = page.getByRole('heading', { level: 2, name: /layanan cocok dengan “bikin ktp”/ });
    expect(await results.isVisible()).toBe(true);
    const first = page.locator('ul.results > li > a').first();
    const name = (await first.textContent()) as string;
    await first.click();
    await page.waitForURL(/\/katalog\/id\/33\.74\/[a-z0-9-]+$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(name);
    expect(await page.getByRole('heading', { level: 2, name: 'Persyaratan' }).isVisible()).toBe(true);
    // The one script, the components' loader, does not run: the server's article is what shows.
    expect(
      await page
        .locator('script:not([type="application/ld+json"])')
        .evaluateAll((all) => all.map((s) => s.getAttribute('src'))),
    ).toEqual(['/katalog/loket/loket.esm.js']);
    expect(await page.locator('loket-service-finder > article').isVisible()).toBe(true);
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/\/katalog\/en\/33\.74\//);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('heading', { level: 2, name: 'Requirements' }).isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('track an application with the plain form: the status page, the secret never in the address', async () => {
    const { code } = await insertApplication(api.db, { status: 'submitted' });
    const context = await browser.newContext({ javaScriptEnabled: false, viewport });
    const page = await context.newPage();
    const problems = problemsOf(page);
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') posts.push(r.postData() ?? '');
    });
    await page.goto(`${api.url}/katalog/id/33.74`);
    await page.getByRole('link', { name: 'Lacak permohonan' }).click();
    await page.getByLabel('Kode pelacakan').fill(code);
    await page.getByLabel('Kode rahasia').fill(secret);
    await page.getByRole('button', { name: 'Lihat status' }).click();
    await page.waitForLoadState();
    expect(await page.getByText('Terkirim: permohonan sudah diterima').first().isVisible()).toBe(true);
    expect(page.url()).toBe(`${api.url}/katalog/id/lacak`);
    expect(page.url()).not.toContain(encodeURIComponent(secret));
    expect(posts).toHaveLength(1);
    expect(new URLSearchParams(posts[0]).get('secret')).toBe(secret);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('axe finds nothing on the list, a service, the results and the tracker, none wider than the screen', async () => {
    const context = await browser.newContext({ viewport });
    await context.route('**/katalog/loket/**', (route) => route.abort());
    for (const path of [
      '/katalog/id/33.74',
      '/katalog/en/33.74/ktp-el-hilang',
      '/katalog/id/33.74?q=akta',
      '/katalog/en/lacak',
    ]) {
      expect(await axeViolations(context, `${api.url}${path}`), path).toEqual([]);
    }
    await context.close();
  });
});
