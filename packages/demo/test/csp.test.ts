import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../../server/test/helpers/app.js';
import { startDemo } from '../serve.mjs';
import { launchChromium, watch } from './support.js';

// The CSP is really enforced: take away what the policy allows and the browser blocks it. Each
// site runs on its own port (origin), the API on 127.0.0.1, the sites opened as localhost.
type Demo = Awaited<ReturnType<typeof startDemo>>;
let api: TestServer;
let browser: Browser;
const demos: Demo[] = [];

beforeAll(async () => {
  [api, browser] = await Promise.all([startTestServer(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(demos.map((d) => d.close()));
  await api?.close();
});

async function site(csp?: (directives: Record<string, string[]>) => Record<string, string[]>) {
  const demo = await startDemo({ host: '127.0.0.1', port: 0, apiUrl: api.url, ...(csp ? { csp } : {}) });
  demos.push(demo);
  return demo.url.replace('127.0.0.1', 'localhost');
}

async function open(url: string, options: { withoutConstructableStylesheets?: boolean } = {}) {
  const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
  const watcher = await watch(page);
  if (options.withoutConstructableStylesheets) {
    // As in Safari before 16.4: components then style their shadow roots with <style> elements.
    await page.addInitScript(() => {
      Object.defineProperty(Document.prototype, 'adoptedStyleSheets', {
        configurable: true,
        get: () => undefined,
      });
    });
  }
  await page.goto(url);
  return { page, watcher };
}

/** The finder's search button colour: the site's brand colour once the component's CSS applies. */
const searchButtonBackground = (page: Page) =>
  page
    .getByRole('button', { name: 'Cari', exact: true })
    .evaluate((button) => getComputedStyle(button).backgroundColor);
const brand = 'rgb(13, 92, 99)';
/** --loket-color-primary's default in the finder's own CSS (#0b5cad). */
const finderDefault = 'rgb(11, 92, 173)';

describe('the Content-Security-Policy', () => {
  test('without the API in connect-src, the browser blocks the calls and the finder shows its error', async () => {
    const url = await site((d) => ({ ...d, 'connect-src': ["'self'"] }));
    const { page, watcher } = await open(`${url}/`);
    await page.getByRole('alert').getByRole('heading', { name: 'Layanan tidak dapat dimuat' }).waitFor();
    expect(watcher.violations).toContainEqual(
      expect.objectContaining({ directive: 'connect-src', blockedURI: expect.stringContaining(api.url) }),
    );
    await page.close();
  });

  test("the finder needs nothing in style-src: even under style-src 'none' it is styled", async () => {
    // The site's own stylesheet is blocked too, so the button shows the finder's default colour.
    const url = await site((d) => ({ ...d, 'style-src': ["'none'"] }));
    const { page, watcher } = await open(`${url}/`);
    await page.getByRole('heading', { level: 2, name: 'Urusan menurut peristiwa hidup' }).waitFor();
    expect(await searchButtonBackground(page)).toBe(finderDefault);
    // Constructable stylesheets: no <style> in the shadow root, nothing added to the page, nothing
    // blocked but the site's own two stylesheets (put inline by the demo server, with the nonce).
    // Three sheets: the finder's own, and browsing's two, which came with its code (kit/styles.ts).
    const styles = await page.locator('loket-service-finder').evaluate((el) => ({
      page: document.querySelectorAll('style:not([nonce])').length,
      shadow: el.shadowRoot?.querySelectorAll('style').length,
      adopted: el.shadowRoot?.adoptedStyleSheets.length,
    }));
    expect(styles).toEqual({ page: 0, shadow: 0, adopted: 3 });
    expect(watcher.violations).toEqual([
      expect.objectContaining({ directive: 'style-src-elem', blockedURI: 'inline' }),
      expect.objectContaining({ directive: 'style-src-elem', blockedURI: 'inline' }),
    ]);
    await page.close();
  });

  test('browsers without constructable stylesheets get the styles through the nonce', async () => {
    const { page, watcher } = await open(`${await site()}/`, { withoutConstructableStylesheets: true });
    await page.getByRole('heading', { level: 2, name: 'Urusan menurut peristiwa hidup' }).waitFor();
    const styleElements = await page
      .locator('loket-service-finder')
      .evaluate((el) => el.shadowRoot?.querySelectorAll('style[nonce]').length ?? 0);
    expect(styleElements).toBeGreaterThan(0);
    expect(await searchButtonBackground(page)).toBe(brand);
    expect(watcher.violations).toEqual([]);
    expect(watcher.problems).toEqual([]);
    await page.close();
  });

  test('without the nonce those browsers would get an unstyled finder', async () => {
    const url = await site((d) => ({ ...d, 'style-src': ["'self'"] }));
    const { page, watcher } = await open(`${url}/`, { withoutConstructableStylesheets: true });
    await page.getByRole('heading', { level: 2, name: 'Urusan menurut peristiwa hidup' }).waitFor();
    expect(await searchButtonBackground(page)).not.toBe(brand);
    expect(watcher.violations).toContainEqual(expect.objectContaining({ directive: 'style-src-elem' }));
    await page.close();
  });
});
