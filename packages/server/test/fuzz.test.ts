import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/app.js';
import { checkResponse } from './helpers/contract.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const hostile = fc.constantFrom(
  "'; drop table service; --",
  '%',
  '_',
  '\\',
  '"',
  ':*',
  '!(ktp & sim) | <->',
  '🪪 ktp 🙏',
  'ＫＴＰ',
  '\u0000',
  '\u202e',
  'a'.repeat(201),
  '..',
  '../etc/passwd',
  '33.74',
  '',
);
/** A value that might be anything a client sends: plausible, hostile, or arbitrary unicode. */
const anyText = fc.oneof(
  hostile,
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const serviceQuery = fc.record({
  q: maybe(fc.oneof(anyText, fc.constantFrom('bikin ktp', 'pasport', 'sim c', 'akte kelahiran'))),
  region: maybe(fc.oneof(anyText, fc.constantFrom('33', '33.74', '31.71', '99', '99.99', '3374'))),
  category: maybe(fc.oneof(anyText, fc.constantFrom('civil-registration', 'tax', 'no-such'))),
  agency: maybe(fc.oneof(anyText, fc.constantFrom('dukcapil', 'polri-satpas'))),
  channel: maybe(fc.oneof(anyText, fc.constantFrom('mpp', 'online', 'agency_office'))),
  limit: maybe(fc.oneof(fc.integer({ min: -5, max: 150 }).map(String), anyText)),
  cursor: maybe(fc.oneof(anyText, fc.base64String({ maxLength: 40 }))),
  lang: maybe(fc.oneof(anyText, fc.constantFrom('id', 'en'))),
});

const headers = fc.record({
  'accept-language': maybe(fc.oneof(anyText, fc.constantFrom('en', 'id-ID,id;q=0.9', 'en;q=abc'))),
  'if-none-match': maybe(fc.oneof(anyText, fc.constant('*'))),
});

function toUrl(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.append(key, value);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** Headers that HTTP itself can carry (no control characters); the rest can't reach a server. */
const sendable = (h: Record<string, string | undefined>) =>
  Object.fromEntries(
    Object.entries(h).filter(([, v]) => v !== undefined && /^[\t\x20-\x7e]*$/.test(v)),
  ) as Record<string, string>;

async function expectWellBehaved(url: string, h: Record<string, string | undefined>) {
  const response = await server.app.inject({ method: 'GET', url, headers: sendable(h) });
  expect(response.statusCode, `${url} → ${response.body}`).toBeLessThan(500);
  const type = response.headers['content-type'];
  const body = response.body ? JSON.parse(response.body) : '';
  expect(
    checkResponse(
      'GET',
      url.split('?')[0] ?? url,
      response.statusCode,
      typeof type === 'string' ? type : null,
      body,
    ),
  ).toEqual([]);
}

describe('any query a client can send', () => {
  it('never gets a 5xx on listServices, and every answer matches the contract', async () => {
    await fc.assert(
      fc.asyncProperty(serviceQuery, headers, (query, h) =>
        expectWellBehaved(toUrl('/v1/services', query), h),
      ),
      { numRuns: 500 },
    );
  });

  it('never gets a 5xx on getService, regions and locations', async () => {
    const slug = fc.oneof(anyText, fc.constantFrom('skck', 'ktp-el-hilang', 'tidak-ada'));
    const code = fc.oneof(anyText, fc.constantFrom('33', '33.74', '99.99'));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc
            .tuple(slug, maybe(anyText))
            .map(([s, region]) => toUrl(`/v1/services/${encodeURIComponent(s)}`, { region })),
          fc
            .tuple(code, fc.boolean())
            .map(([c, locations]) => `/v1/regions/${encodeURIComponent(c)}${locations ? '/locations' : ''}`),
          fc
            .record({
              level: maybe(anyText),
              parent: maybe(anyText),
              q: maybe(anyText),
              limit: maybe(anyText),
              cursor: maybe(anyText),
            })
            .map((query) => toUrl('/v1/regions', query)),
        ),
        headers,
        // Empty path segments route elsewhere (404 outside the contract); skip them here.
        (url, h) =>
          url.includes('//') || /\/(services|regions)\/(\?|$|\/)/.test(url)
            ? Promise.resolve()
            : expectWellBehaved(url, h),
      ),
      { numRuns: 500 },
    );
  });
});
