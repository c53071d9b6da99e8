import { skmIndex } from '@loket/sdk/rules';
import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createKiosk } from '../../server/src/survey/kiosk.js';
import { startTestServer, type TestServer } from '../../server/test/helpers/app.js';
import { startDemo } from '../serve.mjs';
import { launchChromium, watch } from './support.js';

// Issue 17, item 6: /kinerja.html, the region's transparency page. Its figures only ever come
// from use of the demo: on a fresh API it says there is nothing yet (no invented scores); after
// ten answers on MPP Siola's survey kiosks (two tablets, as `loket-server kiosk` registers them,
// answering through the API as a kiosk does) it shows their index, and the finder's detail of
// the service shows it too. The API keeps each answer a minute: its clock then moves on a minute.
let api: TestServer;
let demo: Awaited<ReturnType<typeof startDemo>>;
let site: string;
let browser: Browser;
const contexts: BrowserContext[] = [];
const watchers: Awaited<ReturnType<typeof watch>>[] = [];
let later = 0;

beforeAll(async () => {
  [api, browser] = await Promise.all([
    startTestServer({ now: () => new Date(Date.now() + later) }),
    launchChromium(),
  ]);
  demo = await startDemo({ host: '127.0.0.1', port: 0, apiUrl: api.url });
  site = demo.url.replace('127.0.0.1', 'localhost');
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

async function axeViolations(page: Page) {
  await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

const ANSWERS = [
  [4, 3, 3, 4, 3, 4, 4, 3, 3],
  [3, 3, 2, 4, 3, 3, 4, 3, 3],
];

describe('the transparency page, /kinerja.html', () => {
  test('on a fresh API it shows no figure, only that there is nothing yet (a phone)', async () => {
    const page = await open('/kinerja.html', { width: 412, height: 915 });
    const component = page.locator('loket-service-performance');
    await component.getByText('Belum ada tanggapan survei atau permohonan pada periode ini.').waitFor();
    expect(await component.locator('[part~="score"]').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(412);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('says "Kinerja pelayanan" once: the component\'s heading, under the page\'s own h1', async () => {
    const page = await open('/kinerja.html', { width: 412, height: 915 });
    await page.locator('loket-service-performance').getByRole('heading', { level: 2 }).waitFor();
    // getByRole looks into the component's shadow root too.
    expect(await page.getByRole('heading', { name: 'Kinerja pelayanan', exact: true }).count()).toBe(1);
    expect(await page.getByRole('heading', { level: 1 }).allTextContents()).toEqual([
      'Transparansi pelayanan publik',
    ]);
  });

  test('after ten answers on the MPP’s kiosks, it shows their index with its band, and so does the finder', {
    timeout: 60_000,
  }, async () => {
    const tablets = await Promise.all(
      ['Tablet pintu keluar 1', 'Tablet pintu keluar 2'].map((name) =>
        createKiosk(api.db, { name, location: 'mpp-surabaya-siola' }, new Date()),
      ),
    );
    for (let i = 0; i < 10; i++) {
      const response = await fetch(new URL('/v1/kiosk/survey', api.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'loket-kiosk': tablets[i % 2]?.token ?? '' },
        body: JSON.stringify({ service: 'ktp-el-hilang', scores: ANSWERS[i % 2] }),
      });
      expect(response.status, await response.text()).toBe(201);
    }
    later += 61_000; // past the minute the API keeps the page's earlier answer
    const sums = Array.from({ length: 9 }, (_, u) => 5 * ((ANSWERS[0]?.[u] ?? 0) + (ANSWERS[1]?.[u] ?? 0)));
    const index = skmIndex(sums, 10);
    const ikm = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2 }).format(index?.score ?? 0);

    const page = await open('/kinerja.html', { width: 1280, height: 900 });
    const component = page.locator('loket-service-performance');
    await component.getByText(ikm, { exact: true }).waitFor();
    expect(await component.locator('[part~="band"]').textContent()).toBe(
      `Mutu ${index?.band.mutu}: ${index?.band.kinerja}`,
    );
    await component.getByText('10 responden', { exact: true }).waitFor();
    // Each unsur's bar and its row in the data table carry the same figure.
    const bars = await component
      .locator('[part~="unsur"] rect.bar')
      .evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('data-value'))));
    expect(bars).toEqual(index?.nrr.map((n) => Math.round(n * 2500) / 100));
    expect(await axeViolations(page)).toEqual([]);

    const finder = await open('/?layanan=ktp-el-hilang', { width: 412, height: 915 });
    await finder
      .locator('loket-service-finder')
      .getByText(`IKM ${ikm}, mutu ${index?.band.mutu}: ${index?.band.kinerja}`)
      .waitFor();
  });

  test('nothing was blocked by the CSP and nothing was logged as an error', () => {
    for (const w of watchers) {
      expect(w.violations).toEqual([]);
      expect(w.problems).toEqual([]);
    }
  });
});
