import { describe, expect, it } from 'vitest';
import { createLoketClient, type LoketClientOptions } from '../src/index.js';
import { fakeFetch, json, noDelay, problem } from './fake-fetch.js';

const unavailable = () => json({}, { status: 503 });
const ok = () => json({ lang: 'id', data: [] });

const clientWith = (fake: ReturnType<typeof fakeFetch>, retry?: LoketClientOptions['retry']) =>
  createLoketClient({ baseUrl: 'http://api.test', fetch: fake.fetch, ...(retry !== undefined && { retry }) });

describe('retry', () => {
  it('retries a GET on 503 twice by default, with backoff, then succeeds', async () => {
    const fake = fakeFetch((_, call) => (call < 3 ? unavailable() : ok()));
    const started = performance.now();
    await expect(clientWith(fake).listCategories()).resolves.toEqual({ lang: 'id', data: [] });
    expect(fake.requests).toHaveLength(3);
    expect(performance.now() - started).toBeGreaterThanOrEqual(850); // 0.3 s + 0.6 s
  });

  it('gives up after the retry limit and reports the last status', async () => {
    const fake = fakeFetch(unavailable);
    await expect(clientWith(fake, noDelay(3)).listCategories()).rejects.toMatchObject({
      name: 'LoketApiError',
      status: 503,
    });
    expect(fake.requests).toHaveLength(4);
  });

  it.each([408, 429, 500, 502, 504])('retries on %i', async (status) => {
    const fake = fakeFetch((_, call) => (call === 1 ? json({}, { status }) : ok()));
    await clientWith(fake, noDelay()).listAgencies();
    expect(fake.requests).toHaveLength(2);
  });

  it.each([400, 404, 406, 501])('does not retry %i', async (status) => {
    const fake = fakeFetch(() => problem({ type: 'about:blank', title: 'x', status }));
    await expect(clientWith(fake, noDelay()).getService('skck')).rejects.toMatchObject({ status });
    expect(fake.requests).toHaveLength(1);
  });

  it('retries network errors', async () => {
    const fake = fakeFetch((_, call) => (call < 3 ? Promise.reject(new TypeError('fetch failed')) : ok()));
    await clientWith(fake, noDelay()).listAgencies();
    expect(fake.requests).toHaveLength(3);
  });

  it('waits for Retry-After on 429', async () => {
    const fake = fakeFetch((_, call) =>
      call === 1 ? new Response(null, { status: 429, headers: { 'retry-after': '0.05' } }) : ok(),
    );
    const started = performance.now();
    await clientWith(fake, noDelay()).listAgencies();
    expect(fake.requests).toHaveLength(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('is disabled by retry: 0', async () => {
    const fake = fakeFetch(unavailable);
    await expect(clientWith(fake, 0).listServices()).rejects.toMatchObject({ status: 503 });
    expect(fake.requests).toHaveLength(1);
  });

  it('never retries the health checks', async () => {
    const fake = fakeFetch(unavailable);
    const client = clientWith(fake, noDelay(5));
    await expect(client.getLiveness()).rejects.toMatchObject({ status: 503 });
    await expect(client.getReadiness()).rejects.toMatchObject({ status: 503 });
    expect(fake.requests).toHaveLength(2);
  });
});
