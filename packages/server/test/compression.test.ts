import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preferredEncoding } from '../src/http/compression.js';
import { startTestServer, type TestServer } from './helpers/app.js';

// Text responses are compressed (brotli or gzip, as the client accepts); validators and 304s keep
// working on the JSON bytes; small bodies and attachments are left alone.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 180_000);
afterAll(async () => {
  await server?.close();
});

const LIST = '/v1/services?region=33.74&limit=20';
const get = (url: string, headers: Record<string, string> = {}) =>
  server.app.inject({ method: 'GET', url, headers });
const decode = { br: brotliDecompressSync, gzip: gunzipSync } as const;

describe('compression', () => {
  it.each(['br', 'gzip'] as const)(
    'sends the catalogue %s-compressed, with the same ETag as uncompressed',
    async (encoding) => {
      const plain = await get(LIST, { 'accept-encoding': 'identity' });
      expect(plain.statusCode).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();

      const packed = await get(LIST, { 'accept-encoding': `${encoding}, deflate` });
      expect(packed.statusCode).toBe(200);
      expect(packed.headers['content-encoding']).toBe(encoding);
      expect(String(packed.headers.vary).toLowerCase()).toMatch(
        /accept-language.*accept-encoding|accept-encoding.*accept-language/,
      );
      expect(decode[encoding](packed.rawPayload).toString()).toBe(plain.body);
      expect(packed.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
      expect(packed.headers.etag).toBe(plain.headers.etag);
      // Security headers are still there.
      expect(packed.headers['x-content-type-options']).toBe('nosniff');

      const again = await get(LIST, {
        'accept-encoding': encoding,
        'if-none-match': String(packed.headers.etag),
      });
      expect(again.statusCode).toBe(304);
      expect(again.rawPayload.length).toBe(0);
    },
  );

  it('prefers brotli when both are accepted, and compresses the contract (YAML) too', async () => {
    const both = await get(LIST, { 'accept-encoding': 'gzip, br' });
    expect(both.headers['content-encoding']).toBe('br');
    const contract = await get('/openapi.yaml', { 'accept-encoding': 'gzip' });
    expect(contract.statusCode).toBe(200);
    expect(contract.headers['content-encoding']).toBe('gzip');
  });

  it('leaves small bodies (under 1 KiB) and clients that accept no encoding alone', async () => {
    const small = await get('/health/live', { 'accept-encoding': 'br, gzip' });
    expect(small.headers['content-encoding']).toBeUndefined();
    const none = await get(LIST);
    expect(none.headers['content-encoding']).toBeUndefined();
  });

  it('serves a cached catalogue answer compressed once, at the best brotli quality, honouring q=0', async () => {
    const url = '/v1/services?region=35.78&limit=30';
    const first = await get(url, { 'accept-encoding': 'br' }); // made and compressed per request
    const cached = await get(url, { 'accept-encoding': 'br' }); // from the response cache
    expect(cached.headers['content-encoding']).toBe('br');
    expect(decode.br(cached.rawPayload).toString()).toBe(decode.br(first.rawPayload).toString());
    expect(cached.rawPayload.length).toBeLessThanOrEqual(first.rawPayload.length);
    expect(cached.headers.etag).toBe(first.headers.etag);
    expect(String(cached.headers.vary)).toMatch(/Accept-Encoding/i);
    const gzip = await get(url, { 'accept-encoding': 'br;q=0, gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(decode.gzip(gzip.rawPayload).toString()).toBe(decode.br(first.rawPayload).toString());
    const refused = await get(url, { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
  });
});

describe('preferredEncoding', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['identity', null],
    ['gzip', 'gzip'],
    ['gzip, br', 'br'],
    ['br;q=0, gzip;q=0.5', 'gzip'],
    ['gzip;q=1, br;q=0.5', 'gzip'],
    ['BR', 'br'],
    ['*', 'br'],
    ['*;q=0, gzip', 'gzip'],
    ['deflate', null],
  ] as const)('%s → %s', (header, expected) => {
    expect(preferredEncoding(header)).toBe(expected);
  });
});
