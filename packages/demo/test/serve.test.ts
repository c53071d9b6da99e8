import { describe, expect, test } from 'vitest';
import { buildDemo } from '../serve.mjs';

// The demo server without a browser: which API each page is told to call, and the headers.
const metaApiBase = (html: string) => /<meta name="loket-api-base" content="([^"]*)">/.exec(html)?.[1];
const metaNonce = (html: string) => /<meta name="csp-nonce" content="([^"]*)">/.exec(html)?.[1];

describe('the demo server', () => {
  test("derives the API from the hostname the browser used, with the API's port", async () => {
    const app = await buildDemo({ apiPort: 8080 });
    const res = await app.inject({ url: '/', headers: { host: 'portal.surabaya.example:8081' } });
    expect(res.statusCode).toBe(200);
    expect(metaApiBase(res.body)).toBe('http://portal.surabaya.example:8080');
    expect(res.headers['content-security-policy']).toContain(
      'connect-src http://portal.surabaya.example:8080;',
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
    expect(res.headers['content-security-policy']).toContain('connect-src https://layanan.example.go.id;');
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
});
