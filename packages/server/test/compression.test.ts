import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
