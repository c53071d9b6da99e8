import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
// @ts-expect-error a plain .mjs script without declarations
import { cdnTags } from '../../components/scripts/cdn-tag.mjs';
import { startTestServer, type TestServer } from '../../server/test/helpers/app.js';
import { FINDER_READY, launchChromium, watch } from './browser.js';
import { type StaticServer, serveStatic } from './static-server.js';

// The documented CDN tag (docs/embedding.md), on three origins as on the web: a CDN serving the
// packed package as jsDelivr does (/npm/<name>@<version>/<file>, CORS *), a regional site on
// another origin whose CSP allows scripts from that CDN only (no 'self', no inline), and the API.
const packed = join(inject('consumer'), 'node_modules/@loket/components');
const { version } = JSON.parse(readFileSync(join(packed, 'package.json'), 'utf8'));

let api: TestServer;
let browser: Browser;
let cdn: StaticServer;
let site: StaticServer;
let tags: { base: string; css: string; js: string; html: string };

const csp = (cdnOrigin: string) =>
  [
    "default-src 'none'",
    `script-src ${cdnOrigin}`,
    `style-src ${cdnOrigin}`,
    `connect-src ${api.url}`,
    "img-src 'self'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
  ].join('; ');

const pageWith = (head: string) =>
  `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Layanan</title>${head}</head>
  <body><main><loket-service-finder api-base="${api.url}" region="35.78" no-history></loket-service-finder></main></body></html>`;

beforeAll(async () => {
  [api, browser] = await Promise.all([startTestServer(), launchChromium()]);
  cdn = await serveStatic({
    routes: { [`/npm/@loket/components@${version}/`]: packed },
    headers: () => ({
      'access-control-allow-origin': '*',
      'cross-origin-resource-policy': 'cross-origin',
      'cache-control': 'public, max-age=31536000, immutable',
    }),
  });
  tags = cdnTags({ dir: packed, cdn: `${cdn.origin}/npm` });
  const tampered = tags.html.replace(
    tags.js,
    `sha384-${createHash('sha384').update('other').digest('base64')}`,
  );
  site = await serveStatic({
    pages: { '/': pageWith(tags.html), '/tampered': pageWith(tampered), '/favicon.ico': '' },
    headers: () => ({ 'content-security-policy': csp(cdn.origin) }),
  });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([cdn?.close(), site?.close()]);
  await api?.close();
});

test('the tag loads the finder from the CDN under a strict CSP; the lazy chunks come from the same origin', async () => {
  const page = await browser.newPage();
  const problems = await watch(page);
  await page.goto(`${site.origin}/`);
  await page.getByRole('heading', FINDER_READY).waitFor();
  expect(problems).toEqual([]);

  // The integrity attributes are those of the packed files.
  const sha384 = (file: string) =>
    `sha384-${createHash('sha384')
      .update(readFileSync(join(packed, file)))
      .digest('base64')}`;
  const integrity = await page.evaluate(() =>
    [...document.querySelectorAll('[integrity]')].map((el) => el.getAttribute('integrity')),
  );
  expect(integrity).toEqual([sha384('dist/loket/reserve.css'), sha384('dist/loket/loket.esm.js')]);

  // Every script came from the CDN, under the versioned URL, lazy chunks (*.entry.js) included;
  // the site served its page and nothing else.
  const scripts = cdn.requests.filter((r) => r.path.endsWith('.js'));
  expect(scripts.map((r) => r.path)).toContain(`/npm/@loket/components@${version}/dist/loket/loket.esm.js`);
  expect(scripts.some((r) => r.path.endsWith('.entry.js'))).toBe(true);
  expect(scripts.filter((r) => !r.path.startsWith(`/npm/@loket/components@${version}/dist/loket/`))).toEqual(
    [],
  );
  expect(new Set(scripts.map((r) => r.origin))).toEqual(new Set([site.origin]));
  expect(site.requests.map((r) => r.path).filter((p) => p !== '/favicon.ico')).toEqual(['/']);
  await page.close();
});

test('a file that does not match its integrity hash is refused: nothing runs', async () => {
  const page = await browser.newPage();
  const problems = await watch(page);
  await page.goto(`${site.origin}/tampered`);
  await expect.poll(() => problems.some((p) => /integrity/i.test(p))).toBe(true);
  expect(await page.evaluate(() => customElements.get('loket-service-finder'))).toBeUndefined();
  await page.close();
});
