import { readdir } from 'node:fs/promises';
import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../../server/test/helpers/app.js';
import { startDemo } from '../serve.mjs';
import { launchChromium, watch } from './support.js';

// Layout stability and the phone's first screen, in a real Chromium: every page of the demo on a
// throttled phone (Lighthouse's "Slow 4G" and 4× CPU slowdown, through CDP), its layout shifts
// summed from PerformanceObserver `layout-shift` entries (without those after input), until the
// component shows its data. And the responses arrive compressed.
let api: TestServer;
let demo: Awaited<ReturnType<typeof startDemo>>;
let site: string;
let browser: Browser;
const contexts: BrowserContext[] = [];
const watchers: Awaited<ReturnType<typeof watch>>[] = [];

beforeAll(async () => {
  [api, browser] = await Promise.all([startTestServer(), launchChromium()]);
  demo = await startDemo({ host: '127.0.0.1', port: 0, apiUrl: api.url });
  site = demo.url.replace('127.0.0.1', 'localhost');
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  await api?.close();
});

interface Shift {
  value: number;
  sources: string[];
}
declare global {
  interface Window {
    __shifts: Shift[];
  }
}

const PHONE = { width: 412, height: 915 };
const DESKTOP = { width: 1280, height: 900 };

async function open(viewport: { width: number; height: number }, throttled: boolean): Promise<Page> {
  const context = await browser.newContext({
    viewport,
    ...(viewport === PHONE ? { isMobile: true, hasTouch: true } : {}),
  });
  contexts.push(context);
  const page = await context.newPage();
  watchers.push(await watch(page));
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
        sources: { node?: Node }[];
      })[]) {
        if (entry.hadRecentInput) continue;
        const sources = entry.sources.map((s) => {
          const el = s.node instanceof Element ? s.node : s.node?.parentElement;
          return el
            ? `${el.localName}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}`
            : '?';
        });
        window.__shifts.push({ value: entry.value, sources });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  if (throttled) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    // Lighthouse's mobile "Slow 4G": 150 ms round trips, 1.6 Mbit/s down, 750 kbit/s up.
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  return page;
}

/** The demo's pages, and what each shows once its component has its data. */
const PAGES = [
  {
    name: 'finder',
    path: '/',
    ready: (page: Page) =>
      page
        .getByRole('heading', { level: 2, name: 'Urusan menurut peristiwa hidup' })
        .waitFor({ timeout: 30_000 }),
  },
  {
    name: 'apply',
    path: '/ajukan.html?layanan=ktp-el-hilang',
    ready: (page: Page) =>
      page
        .locator('loket-application-form')
        .getByRole('heading', { level: 2, name: 'Penggantian KTP-el karena Hilang' })
        .waitFor({ timeout: 30_000 }),
  },
  {
    name: 'tracker',
    path: '/lacak.html',
    ready: (page: Page) =>
      page
        .locator('loket-status-tracker')
        .getByRole('textbox', { name: /^Kode pelacakan/ })
        .waitFor({ timeout: 30_000 }),
  },
  {
    name: 'performance',
    path: '/kinerja.html',
    ready: (page: Page) =>
      page
        .locator('loket-service-performance')
        .getByText('Belum ada tanggapan survei atau permohonan pada periode ini.')
        .waitFor({ timeout: 30_000 }),
  },
];

async function layoutShift(page: Page) {
  // Shifts are reported after the frame that caused them: give the last ones two frames.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  await page.waitForTimeout(500);
  const shifts = await page.evaluate(() => window.__shifts);
  return { cls: shifts.reduce((sum, s) => sum + s.value, 0), shifts };
}

describe('layout stability', () => {
  for (const { name, path, ready } of PAGES) {
    test(`${name}: nothing moves while a throttled phone loads ${path} (CLS ≤ 0.05)`, {
      timeout: 90_000,
    }, async () => {
      const page = await open(PHONE, true);
      await page.goto(`${site}${path}`);
      await ready(page);
      const { cls, shifts } = await layoutShift(page);
      expect(cls, JSON.stringify(shifts)).toBeLessThanOrEqual(0.05);
    });

    test(`${name}: nothing moves on a desktop either (CLS ≤ 0.05)`, { timeout: 60_000 }, async () => {
      const page = await open(DESKTOP, false);
      await page.goto(`${site}${path}`);
      await ready(page);
      const { cls, shifts } = await layoutShift(page);
      expect(cls, JSON.stringify(shifts)).toBeLessThanOrEqual(0.05);
    });
  }
});

describe('the first screen of a phone', () => {
  test.each([
    ['/', 'Cari layanan'],
    ['/en.html', 'Search services'],
  ])('%s: the search box is well inside the first screen at 412 × 915', async (path, label) => {
    const page = await open(PHONE, false);
    await page.goto(`${site}${path}`);
    const box = await page.getByRole('combobox', { name: label }).boundingBox();
    expect(box).not.toBeNull();
    expect(box?.y).toBeLessThan(400);
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThan(PHONE.height / 2);
    // No sideways scrolling (the menu wraps: see "narrow phones").
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // Every menu item is there and reachable; axe finds nothing on the phone's page.
    expect(await page.locator('.nav-list a').count()).toBe(5);
    await page
      .getByRole('heading', { level: 2, name: /^(Urusan menurut peristiwa hidup|By life event)$/ })
      .waitFor();
    // page.evaluate runs outside the page's CSP, which allows no inline script.
    await page.evaluate(axe.source);
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: typeof axe }).axe.run(document);
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
  });
});

/** Every page of the demo site (a new page is checked too), with the query a visitor arrives with. */
async function sitePages(): Promise<string[]> {
  const names = (await readdir(new URL('../site/', import.meta.url))).filter((n) => n.endsWith('.html'));
  const query: Record<string, string> = {
    'ajukan.html': '?layanan=ktp-el-hilang',
    'apply.html': '?layanan=ktp-el-hilang',
  };
  return names.map((n) => (n === 'index.html' ? '/' : `/${n}${query[n] ?? ''}`));
}

describe('narrow phones', () => {
  test('every page fits 320 and 412 px: nothing scrolls sideways, the menu wraps with its five items in view', {
    timeout: 90_000,
  }, async () => {
    const paths = await sitePages();
    expect(paths.length).toBeGreaterThanOrEqual(12);
    for (const width of [320, 412]) {
      // Not watched: the 404 page logs its status, and moving on leaves lazy chunks loading.
      const context = await browser.newContext({
        viewport: { width, height: 800 },
        isMobile: true,
        hasTouch: true,
      });
      contexts.push(context);
      const page = await context.newPage();
      for (const path of paths) {
        const where = `${path} at ${width} px`;
        await page.goto(`${site}${path}`);
        // Each component rendered (Stencil's `hydrated` class): what it draws is measured too.
        await page.waitForFunction(() =>
          [...document.querySelectorAll('*')]
            .filter((el) => el.localName.startsWith('loket-'))
            .every((el) => el.classList.contains('hydrated')),
        );
        const fit = await page.evaluate(() => {
          const list = document.querySelector('.nav-list');
          return {
            page: document.documentElement.scrollWidth,
            menu: list ? list.scrollWidth - list.clientWidth : 0,
            links: [...document.querySelectorAll<HTMLElement>('.nav-list a')].map((a) => {
              const box = a.getBoundingClientRect();
              const hidden = a.closest('[aria-hidden="true"], [hidden], [inert]');
              return { left: box.left, right: box.right, shown: box.width > 0 && !hidden };
            }),
          };
        });
        expect(fit.page, where).toBeLessThanOrEqual(width);
        expect(fit.menu, where).toBeLessThanOrEqual(0);
        if (path === '/papan-antrean.html') continue; // the hall's board, full screen: no site menu
        expect(fit.links, where).toHaveLength(5);
        for (const link of fit.links) {
          expect(link.shown, where).toBe(true);
          expect(link.left, where).toBeGreaterThanOrEqual(0);
          expect(link.right, where).toBeLessThanOrEqual(width);
        }
      }
    }
    // Every item is reached by Tab, in order, on the narrowest screen.
    const page = await open({ width: 320, height: 800 }, false);
    await page.goto(`${site}/lacak.html`);
    const names: string[] = [];
    for (let i = 0; i < 12 && names.length < 5; i++) {
      await page.keyboard.press('Tab');
      const name = await page.evaluate(() =>
        document.activeElement?.closest('.nav-list') ? (document.activeElement.textContent ?? '') : null,
      );
      if (name !== null) names.push(name);
    }
    expect(names).toEqual([
      'Cari layanan',
      'Lacak permohonan',
      'Ambil antrean',
      'Mal Pelayanan Publik',
      'Pengaduan',
    ]);
  });
});

describe('the service detail', () => {
  test('its time, fee and output stack on a phone, and sit side by side on a desktop', async () => {
    for (const viewport of [PHONE, DESKTOP]) {
      const page = await open(viewport, false);
      await page.goto(`${site}/?layanan=ktp-el-hilang`);
      await page.getByRole('heading', { level: 2, name: 'Penggantian KTP-el karena Hilang' }).waitFor();
      const facts = page.locator('loket-service-finder').locator('dl.detail-facts > div');
      expect(await facts.count()).toBe(3);
      const lefts = new Set<number>();
      for (const box of await Promise.all((await facts.all()).map((f) => f.boundingBox())))
        lefts.add(Math.round(box?.x ?? -1));
      if (viewport === PHONE) expect(lefts.size).toBe(1);
      else expect(lefts.size).toBeGreaterThan(1);
    }
  });
});

describe('compression', () => {
  test('the page, the components and the API answers arrive compressed', async () => {
    const page = await open(DESKTOP, false);
    const encodings = new Map<string, string | undefined>();
    page.on('response', (response) => {
      const url = new URL(response.url());
      const kind = url.pathname.startsWith('/v1/')
        ? 'api'
        : url.pathname === '/loket/loket.esm.js'
          ? 'bundle'
          : url.pathname === '/'
            ? 'page'
            : null;
      if (kind && response.status() === 200) encodings.set(kind, response.headers()['content-encoding']);
    });
    await page.goto(`${site}/`);
    await PAGES[0]?.ready(page);
    expect(Object.fromEntries(encodings)).toEqual({ page: 'br', bundle: 'br', api: 'br' });
  });
});

test('nothing was blocked by the CSP and nothing was logged as an error on these pages', () => {
  for (const w of watchers) {
    expect(w.violations).toEqual([]);
    expect(w.problems).toEqual([]);
  }
});
