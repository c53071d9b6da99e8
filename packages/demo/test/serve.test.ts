import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { buildDemo } from '../serve.mjs';

// The demo server without a browser: which API each page is told to call, and the headers.
const metaApiBase = (html: string) => /<meta name="loket-api-base" content="([^"]*)">/.exec(html)?.[1];
const withoutNonce = (text: string) => text.replace(/"[A-Za-z0-9+/]{22}=="/g, '"nonce"');
const metaNonce = (html: string) => /<meta name="csp-nonce" content="([^"]*)">/.exec(html)?.[1];

describe('the demo server', () => {
  test("derives the API from the hostname the browser used, with the API's port", async () => {
    const app = await buildDemo({ apiPort: 8080 });
    const res = await app.inject({ url: '/', headers: { host: 'portal.surabaya.example:8081' } });
    expect(res.statusCode).toBe(200);
    expect(metaApiBase(res.body)).toBe('http://portal.surabaya.example:8080');
    expect(res.headers['content-security-policy']).toContain(
      "connect-src http://portal.surabaya.example:8080 'self';",
    );
    await app.close();
  });

  test('takes nothing but a hostname from the Host header', async () => {
    const app = await buildDemo({ apiPort: 8080 });
    const res = await app.inject({ url: '/', headers: { host: 'evil.example"><script>x</script>' } });
    expect(metaApiBase(res.body)).toBe('http://127.0.0.1:8080');
    expect(res.body.match(/<script/g)).toHaveLength(1);
    await app.close();
  });

  test('uses the configured API URL (LOKET_API_URL) as it is', async () => {
    const app = await buildDemo({ apiUrl: 'https://layanan.example.go.id/' });
    const res = await app.inject({ url: '/en.html', headers: { host: 'localhost:8081' } });
    expect(metaApiBase(res.body)).toBe('https://layanan.example.go.id');
    expect(res.headers['content-security-policy']).toContain(
      "connect-src https://layanan.example.go.id 'self';",
    );
    await app.close();
  });

  test('sends the strict CSP with a fresh nonce on every response, pages, assets and 404s alike', async () => {
    const app = await buildDemo({ apiPort: 8080 });
    const [first, second, css, bundle, missing] = await Promise.all(
      ['/', '/', '/assets/site.css', '/loket/loket.esm.js', '/tidak-ada.html'].map((url) =>
        app.inject({ url, headers: { host: 'localhost:8081' } }),
      ),
    );
    for (const res of [first, second, css, bundle, missing]) {
      const csp = String(res?.headers['content-security-policy']);
      expect(csp).toMatch(/^default-src 'none'; script-src 'self'; style-src 'self' 'nonce-/);
      expect(csp).not.toMatch(/unsafe-/);
    }
    expect(metaNonce(String(first?.body))).not.toBe(metaNonce(String(second?.body)));
    expect(first?.headers['content-security-policy']).toContain(`'nonce-${metaNonce(String(first?.body))}'`);
    expect(bundle?.statusCode).toBe(200);
    expect(bundle?.headers['content-type']).toMatch(/javascript/);
    expect(missing?.statusCode).toBe(404);
    expect(missing?.body).toContain('Halaman tidak ditemukan');
    await app.close();
  });

  test('serves every page of the site with the CSP, the API URL and "Lacak permohonan" in its menu', async () => {
    const app = await buildDemo({ apiPort: 8080 });
    const pages = {
      '/': 'id',
      '/en.html': 'en',
      '/ajukan.html': 'id',
      '/apply.html': 'en',
      '/lacak.html': 'id',
      '/track.html': 'en',
      '/antrean.html': 'id',
      '/visit.html': 'en',
      '/pengaduan.html': 'id',
      '/complaints.html': 'en',
      '/tidak-ada.html': 'id',
    };
    for (const [url, lang] of Object.entries(pages)) {
      const res = await app.inject({ url, headers: { host: 'localhost:8081' } });
      expect(res.headers['content-security-policy'], url).toMatch(/^default-src 'none'; script-src 'self';/);
      expect(res.body, url).toContain(`<html lang="${lang}">`);
      // No inline script, no style attribute; the stylesheets are inline with this response's nonce.
      expect(res.body, url).not.toMatch(/\{\{|<script>|<style(?! nonce=)|style=|rel="stylesheet"/);
      const nonces = [...res.body.matchAll(/<style nonce="([^"]+)">/g)].map((m) => m[1]);
      expect(nonces, url).toEqual([metaNonce(res.body) ?? nonces[0], metaNonce(res.body) ?? nonces[0]]);
      expect(res.body, url).toMatch(
        lang === 'id'
          ? /<a href="\/lacak.html"( aria-current="page")?>Lacak permohonan<\/a>/
          : /<a href="\/track.html"( aria-current="page")?>Track an application<\/a>/,
      );
      if (url !== '/tidak-ada.html') expect(metaApiBase(res.body), url).toBe('http://localhost:8080');
    }
    await app.close();
  });

  test('the apply and track pages hold their components and link to each other in both languages', async () => {
    const app = await buildDemo({ apiPort: 8080 });
    const get = async (url: string) => (await app.inject({ url, headers: { host: 'localhost:8081' } })).body;
    const [ajukan, apply, lacak, track] = await Promise.all(
      ['/ajukan.html', '/apply.html', '/lacak.html', '/track.html'].map(get),
    );
    expect(ajukan).toContain(
      '<loket-application-form class="component" region="35.78" tracker-href="/lacak.html">',
    );
    expect(apply).toContain(
      '<loket-application-form class="component" region="35.78" tracker-href="/track.html">',
    );
    expect(lacak).toContain(
      '<loket-status-tracker class="component" form-href="/ajukan.html?layanan={service}">',
    );
    expect(track).toContain(
      '<loket-status-tracker class="component" form-href="/apply.html?layanan={service}">',
    );
    expect(ajukan).toContain('<a class="lang-link" href="/apply.html" hreflang="en" lang="en">English</a>');
    expect(apply).toContain(
      '<a class="lang-link" href="/ajukan.html" hreflang="id" lang="id">Bahasa Indonesia</a>',
    );
    expect(lacak).toContain('<a class="lang-link" href="/track.html"');
    expect(track).toContain('<a class="lang-link" href="/lacak.html"');
    for (const page of [ajukan, apply, lacak, track]) expect(page).toMatch(/demo-note/);
    await app.close();
  });

  test('every page has the one header (header.mjs): the same menu, its own item marked, the other language kept with the query', async () => {
    const app = await buildDemo({ apiPort: 8080 });
    const get = async (url: string) => (await app.inject({ url, headers: { host: 'localhost:8081' } })).body;
    const menu = (html: string) => [...html.matchAll(/<li><a href="([^"]+)"( aria-current="page")?>/g)];
    for (const [url, current, other] of [
      ['/', '/', '/en.html'],
      ['/lacak.html', '/lacak.html', '/track.html'],
      ['/antrean.html?layanan=ktp-el-hilang&lokasi=mpp-surabaya-siola', '/antrean.html', '/visit.html'],
      ['/visit.html?layanan=ktp-el-hilang&lokasi=mpp-surabaya-siola', '/visit.html', '/antrean.html'],
      ['/en.html', '/en.html', '/'],
      ['/pengaduan.html', '/pengaduan.html', '/complaints.html'],
      ['/complaints.html', '/complaints.html', '/pengaduan.html'],
    ] as const) {
      const html = await get(url);
      expect(html.match(/<header class="site-header">/g), url).toHaveLength(1);
      const items = menu(html.slice(0, html.indexOf('</header>')));
      expect(items, url).toHaveLength(5);
      expect(
        items.filter((m) => m[2]).map((m) => m[1]),
        url,
      ).toEqual([current]);
      const query = url.includes('?') ? url.slice(url.indexOf('?')).replace('&', '&amp;') : '';
      expect(html, url).toContain(`<a class="lang-link" href="${other}${query}"`);
    }
    // The 404 page has no other language: no switch.
    expect(await get('/tidak-ada.html')).not.toContain('class="lang-link"');
    await app.close();
  });

  test("the booking page says what it does once (the component's intro), in both languages", async () => {
    const app = await buildDemo({ apiPort: 8080 });
    const get = async (url: string) => (await app.inject({ url, headers: { host: 'localhost:8081' } })).body;
    for (const url of ['/antrean.html', '/visit.html']) {
      const html = await get(url);
      expect(html, url).toContain('<loket-visit-booking class="component"></loket-visit-booking>');
      expect(html, url).not.toContain('class="lead"');
    }
    await app.close();
  });

  test("the apply page's language switch keeps the service, and only as a well-formed query", async () => {
    const app = await buildDemo({ apiPort: 8080 });
    const get = async (url: string) => (await app.inject({ url, headers: { host: 'localhost:8081' } })).body;
    expect(await get('/ajukan.html?layanan=ktp-el-hilang')).toContain(
      '<a class="lang-link" href="/apply.html?layanan=ktp-el-hilang" hreflang="en"',
    );
    expect(await get('/apply.html?layanan=akta-kelahiran')).toContain(
      '<a class="lang-link" href="/ajukan.html?layanan=akta-kelahiran" hreflang="id"',
    );
    const hostile = await get('/ajukan.html?layanan=%22%3E%3Cscript%3Ex%3C/script%3E&a=b"c');
    expect(hostile).toContain('href="/apply.html?layanan=%22%3E%3Cscript%3Ex%3C%2Fscript%3E&amp;a=b%22c"');
    expect(hostile.match(/<script/g)).toHaveLength(1);
    await app.close();
  });

  test('each page names itself and its other language with absolute links, Indonesian as x-default', async () => {
    const app = await buildDemo({ apiPort: 8080 });
    const links = async (url: string) => {
      const { body } = await app.inject({ url, headers: { host: 'portal.surabaya.example:8081' } });
      return [
        ...body.matchAll(/<link rel="(canonical|alternate)"(?: hreflang="([^"]+)")? href="([^"]+)">/g),
      ].map(([, rel, lang, href]) => `${rel} ${lang ?? ''} ${href}`.replace('  ', ' '));
    };
    const origin = 'http://portal.surabaya.example:8081';
    expect(await links('/')).toEqual([
      `canonical ${origin}/`,
      `alternate id ${origin}/`,
      `alternate en ${origin}/en.html`,
      `alternate x-default ${origin}/`,
    ]);
    expect(await links('/en.html')).toContain(`canonical ${origin}/en.html`);
    expect(await links('/apply.html?layanan=ktp-el-hilang')).toEqual([
      `canonical ${origin}/apply.html?layanan=ktp-el-hilang`,
      `alternate id ${origin}/ajukan.html?layanan=ktp-el-hilang`,
      `alternate en ${origin}/apply.html?layanan=ktp-el-hilang`,
      `alternate x-default ${origin}/ajukan.html?layanan=ktp-el-hilang`,
    ]);
    expect(await links('/track.html')).toEqual([
      `canonical ${origin}/track.html`,
      `alternate id ${origin}/lacak.html`,
      `alternate en ${origin}/track.html`,
      `alternate x-default ${origin}/lacak.html`,
    ]);
    // A Host header that is not a host gives the loopback origin, never markup.
    const { body } = await app.inject({ url: '/', headers: { host: 'x"><b>' } });
    expect(body).toContain('<link rel="canonical" href="http://127.0.0.1/">');
    await app.close();
  });

  test('serves a robots.txt that lets every page be crawled', async () => {
    const app = await buildDemo({ apiPort: 8080 });
    const res = await app.inject({ url: '/robots.txt', headers: { host: 'localhost:8081' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body).toBe('User-agent: *\nAllow: /\n');
    await app.close();
  });

  test('compresses pages, stylesheets and scripts (brotli or gzip), not ranges', async () => {
    const app = await buildDemo({ apiPort: 8080 });
    const get = (url: string, headers: Record<string, string>) =>
      app.inject({ url, headers: { host: 'localhost:8081', ...headers } });
    for (const url of ['/', '/assets/site.css', '/loket/loket.esm.js']) {
      const br = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
      expect(br.headers['content-encoding'], url).toBe('br');
      expect(br.headers.vary, url).toMatch(/accept-encoding/i);
      const gzip = await get(url, { 'accept-encoding': 'gzip' });
      expect(gzip.headers['content-encoding'], url).toBe('gzip');
      // The same bytes as uncompressed (but for the page's fresh nonce).
      const plain = withoutNonce((await get(url, {})).body);
      expect(withoutNonce(brotliDecompressSync(br.rawPayload).toString()), url).toBe(plain);
      expect(withoutNonce(gunzipSync(gzip.rawPayload).toString()), url).toBe(plain);
    }
    const range = await get('/loket/loket.esm.js', { 'accept-encoding': 'br', range: 'bytes=0-99' });
    expect(range.statusCode).toBe(206);
    expect(range.headers['content-encoding']).toBeUndefined();
    expect(range.rawPayload.length).toBe(100);
    await app.close();
  });
});
