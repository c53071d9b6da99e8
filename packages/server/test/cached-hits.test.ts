import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadNationalComplaintChannels } from '../src/complaints.js';
import { generousLimits, startTestServer, type TestServer } from './helpers/app.js';

// A catalogue answer served again from the response cache takes a short way (http/cached-hits.ts):
// it must send exactly what the whole pipeline sends, header for header and byte for byte.
let cached: TestServer;
let uncached: FastifyInstance;
let uncachedUrl: string;
beforeAll(async () => {
  cached = await startTestServer({ trustProxy: ['127.0.0.1'] });
  uncached = await buildApp({
    db: cached.db,
    nationalComplaintChannels: await loadNationalComplaintChannels(),
    responseCache: false,
    limits: generousLimits,
    trustProxy: ['127.0.0.1'],
  });
  uncachedUrl = await uncached.listen({ host: '127.0.0.1', port: 0 });
}, 180_000);
afterAll(async () => {
  await uncached?.close();
  await cached?.close();
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One request over a real socket, headers exactly as given (fetch would add Accept-Encoding). */
function send(base: string, path: string, headers: Record<string, string>, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, base), { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const decode = { br: brotliDecompressSync, gzip: gunzipSync } as Record<string, (b: Buffer) => Buffer>;

/**
 * What must be equal: every header but the request's own id (also a problem's `instance`) and the
 * clock. The cache compresses its bytes once, at a higher level than the stream: the decoded bytes
 * must be equal, not their length.
 */
const comparable = ({ status, headers, body }: Answer) => {
  const { date: _date, 'x-request-id': id, ...rest } = headers;
  const decoded = decode[String(headers['content-encoding'])]?.(body) ?? body;
  if (headers['content-encoding']) delete rest['content-length'];
  if (rest.vary) rest.vary = String(rest.vary).toLowerCase();
  return { status, headers: rest, body: decoded.toString().replaceAll(String(id), '<id>') };
};

const path = '/v1/services/ktp-el-baru?region=33.74';
const variants: [string, Record<string, string>, string?][] = [
  ['no headers at all (autocannon)', {}],
  ['a browser in Indonesian', { accept: 'application/json', 'accept-language': 'id-ID,id;q=0.9,en;q=0.8' }],
  ['English by header', { 'accept-language': 'en-US,en;q=0.9' }],
  ['gzip', { 'accept-encoding': 'gzip' }],
  ['brotli before gzip', { 'accept-encoding': 'gzip, deflate, br' }],
  ['a page on another origin', { origin: 'https://example.org', accept: '*/*' }],
  ['HTTPS through the trusted proxy', { 'x-forwarded-proto': 'https' }],
  ['a HEAD', {}, 'HEAD'],
  ['an Accept that allows no JSON', { accept: 'text/html' }],
];

describe('a catalogue answer from the response cache', () => {
  it.each(variants)('sends what the whole pipeline sends: %s', async (_name, headers, method = 'GET') => {
    const fresh = await send(uncachedUrl, path, headers, method);
    // The first fills the cache (or not, for a 406), the next ones are hits.
    for (let i = 0; i < 3; i++) {
      const hit = await send(cached.url, path, headers, method);
      expect(comparable(hit)).toEqual(comparable(fresh));
      expect(hit.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('answers 304 to a matching If-None-Match with the same headers as the whole pipeline', async () => {
    const { headers } = await send(cached.url, path, {});
    const etag = String(headers.etag);
    for (const given of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const fresh = await send(uncachedUrl, path, { 'if-none-match': given });
      const hit = await send(cached.url, path, { 'if-none-match': given });
      expect(hit.status).toBe(304);
      expect(comparable(hit)).toEqual(comparable(fresh));
    }
    const other = await send(cached.url, path, { 'if-none-match': '"other"' });
    expect(other.status).toBe(200);
  });

  it('keeps a request id the client sent', async () => {
    const hit = await send(cached.url, path, { 'x-request-id': 'client-42' });
    expect(hit.headers['x-request-id']).toBe('client-42');
  });
});

describe('the rate limit on answers from the response cache', () => {
  it('counts every one, and over the limit answers 429 problem+json with CORS headers', async () => {
    const limited = await buildApp({
      db: cached.db,
      nationalComplaintChannels: await loadNationalComplaintChannels(),
      limits: { ...generousLimits, reads: { max: 3, windowMs: 60_000 } },
    });
    try {
      const get = () =>
        limited.inject({
          method: 'GET',
          url: path,
          remoteAddress: '10.9.0.1',
          headers: { origin: 'https://example.org' },
        });
      const answers = [await get(), await get(), await get(), await get()];
      expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 429]);
      // The three 200s after the first came from the cache: each counted all the same.
      const refused = answers[3];
      expect(refused?.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(Number(refused?.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused?.headers['access-control-allow-origin']).toBe('*');
      expect(refused?.headers['x-content-type-options']).toBe('nosniff');
      expect(refused?.headers['x-ratelimit-limit']).toBe('3');
      // Another address is not affected.
      expect((await limited.inject({ method: 'GET', url: path, remoteAddress: '10.9.0.2' })).statusCode).toBe(
        200,
      );
    } finally {
      await limited.close();
    }
  });
});
