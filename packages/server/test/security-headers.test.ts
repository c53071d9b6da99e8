import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/app.js';

let server: TestServer;
let behindProxy: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  behindProxy = await startTestServer({ trustProxy: ['127.0.0.1'] });
  await server.db.query(
    "insert into region_origin (region_code, origin) values ('33.74', 'https://semarangkota.go.id') on conflict do nothing",
  );
}, 180_000); // a busy machine makes the first seeded database slow
afterAll(async () => {
  await server?.close();
  await behindProxy?.close();
});

const get = (s: TestServer, path: string, headers: Record<string, string> = {}) =>
  fetch(s.url + path, { headers });

describe('security headers', () => {
  it.each(['/v1/categories', '/v1/services/tidak-ada', '/v1/applications/LKT-0000-0000-0000/status'])(
    'the API sends nosniff, a CSP that allows nothing, no referrer and no framing (%s)',
    async (path) => {
      const response = await get(server, path);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toBe(
        "default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'none'",
      );
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      // Read from other origins by design (CORS decides which).
      expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      expect(response.headers.get('strict-transport-security')).toBeNull();
    },
  );

  it('the docs page gets a CSP that lets Swagger UI run from this server only', async () => {
    for (const path of ['/docs/', '/docs/static/swagger-initializer.js']) {
      const response = await get(server, path);
      expect(response.status, path).toBe(200);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("frame-ancestors 'none';");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('HSTS only over HTTPS as reported by a trusted proxy', async () => {
    const https = { 'x-forwarded-proto': 'https' };
    expect((await get(behindProxy, '/v1/categories', https)).headers.get('strict-transport-security')).toBe(
      'max-age=31536000; includeSubDomains',
    );
    expect((await get(behindProxy, '/v1/categories')).headers.get('strict-transport-security')).toBeNull();
    // Not trusted: anyone could claim HTTPS.
    expect((await get(server, '/v1/categories', https)).headers.get('strict-transport-security')).toBeNull();
  });
});

describe('Vary', () => {
  it('keeps Origin (CORS) beside Accept-Language on the citizen endpoints', async () => {
    const response = await get(server, '/v1/applications/LKT-0000-0000-0000/status', {
      origin: 'https://semarangkota.go.id',
    });
    const vary = (response.headers.get('vary') ?? '').split(',').map((v) => v.trim().toLowerCase());
    expect(vary).toEqual(expect.arrayContaining(['origin', 'accept-language']));
  });

  it('names Accept-Language once on catalogue responses, fresh or from the cache', async () => {
    for (let i = 0; i < 2; i++) {
      const response = await get(server, '/v1/categories');
      const vary = (response.headers.get('vary') ?? '').split(',').map((v) => v.trim().toLowerCase());
      expect(vary.filter((v) => v === 'accept-language')).toHaveLength(1);
    }
  });
});
