import { describe, expect, it } from 'vitest';
import {
  createLoketClient,
  INVALID_RESPONSE_PROBLEM,
  isLoketApiError,
  LoketApiError,
  NETWORK_PROBLEM,
  TIMEOUT_PROBLEM,
} from '../src/index.js';
import { fakeFetch, hang, json, problem } from './fake-fetch.js';

const clientFor = (fake: ReturnType<typeof fakeFetch>, timeout?: number) =>
  createLoketClient({ baseUrl: 'http://api.test', fetch: fake.fetch, retry: 0, ...(timeout && { timeout }) });

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('the call should have failed'),
    (error: unknown) => error,
  );

describe('problem+json', () => {
  it('becomes a LoketApiError with every member of the problem', async () => {
    const body = {
      type: 'urn:loket:problem:invalid-request',
      title: 'Permintaan tidak valid',
      status: 400,
      detail: 'Ada 2 masalah pada permintaan.',
      instance: 'req-7f3a',
      errors: [
        { pointer: '/query/limit', detail: 'Nilai harus paling besar 100.' },
        { pointer: '/query/region', detail: 'Kode wilayah tidak dikenal.' },
      ],
    };
    const fake = fakeFetch(() => problem(body));
    const error = await rejection(clientFor(fake).listServices({ limit: 500 }));

    expect(error).toBeInstanceOf(LoketApiError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'LoketApiError', ...body });
    expect((error as LoketApiError).message).toBe('Permintaan tidak valid: Ada 2 masalah pada permintaan.');
    expect((error as LoketApiError).response?.status).toBe(400);
    expect(isLoketApiError(error)).toBe(true);
  });

  it('keeps the HTTP status and fills what the body leaves out', async () => {
    const fake = fakeFetch(() =>
      problem({ type: 'urn:loket:problem:not-found', title: 'Tidak ditemukan' }, 404),
    );
    const error = (await rejection(clientFor(fake).getService('ktp-hilang-x'))) as LoketApiError;
    expect(error).toMatchObject({
      status: 404,
      type: 'urn:loket:problem:not-found',
      detail: undefined,
      errors: [],
    });
    expect(error.instance).toBeUndefined();
  });

  it('maps a readiness 503 to urn:loket:problem:not-ready without retrying', async () => {
    const fake = fakeFetch(() =>
      problem({ type: 'urn:loket:problem:not-ready', title: 'Layanan belum siap', status: 503 }),
    );
    const client = createLoketClient({ baseUrl: 'http://api.test', fetch: fake.fetch });
    const error = await rejection(client.getReadiness());
    expect(error).toMatchObject({ status: 503, type: 'urn:loket:problem:not-ready' });
    expect(fake.requests).toHaveLength(1);
  });
});

describe('responses that are not problem+json', () => {
  it("turns a proxy's HTML 502 into about:blank with the status", async () => {
    const html = '<html><body><h1>502 Bad Gateway</h1></body></html>';
    const fake = fakeFetch(
      () =>
        new Response(html, {
          status: 502,
          statusText: 'Bad Gateway',
          headers: { 'content-type': 'text/html' },
        }),
    );
    const error = await rejection(clientFor(fake).listServices());
    expect(error).toMatchObject({
      name: 'LoketApiError',
      status: 502,
      type: 'about:blank',
      title: 'Bad Gateway',
    });
    expect(error).toMatchObject({ detail: undefined, errors: [] });
  });

  it('names the status when there is no status text either', async () => {
    const fake = fakeFetch(() => json({ message: 'nope' }, { status: 500 }));
    const error = await rejection(clientFor(fake).listServices());
    expect(error).toMatchObject({ status: 500, type: 'about:blank', title: 'HTTP 500' });
  });

  it('survives a problem+json body that is not JSON', async () => {
    const fake = fakeFetch(
      () => new Response('{oops', { status: 400, headers: { 'content-type': 'application/problem+json' } }),
    );
    const error = await rejection(clientFor(fake).listServices());
    expect(error).toMatchObject({ status: 400, type: 'about:blank', errors: [] });
  });

  it('reports a 200 that is not JSON (a captive portal) as invalid-response with status 0', async () => {
    const fake = fakeFetch(
      () => new Response('<html>Login to Wi-Fi</html>', { headers: { 'content-type': 'text/html' } }),
    );
    const error = await rejection(clientFor(fake).getService('skck'));
    expect(error).toMatchObject({ status: 0, type: INVALID_RESPONSE_PROBLEM });
    expect((error as LoketApiError).response?.status).toBe(200);
    expect((error as LoketApiError).cause).toBeInstanceOf(SyntaxError);
  });
});

describe('no answer', () => {
  it('turns a network failure into status 0 and urn:loket:problem:network', async () => {
    const failure = new TypeError('fetch failed');
    const fake = fakeFetch(() => Promise.reject(failure));
    const error = await rejection(clientFor(fake).listServices());
    expect(error).toMatchObject({
      name: 'LoketApiError',
      status: 0,
      type: NETWORK_PROBLEM,
      detail: 'fetch failed',
    });
    expect((error as LoketApiError).cause).toBe(failure);
    expect((error as LoketApiError).response).toBeUndefined();
  });

  it('turns a timeout into status 0 and urn:loket:problem:timeout, and aborts the request', async () => {
    const fake = fakeFetch(hang);
    const error = await rejection(clientFor(fake, 20).listServices());
    expect(error).toMatchObject({ status: 0, type: TIMEOUT_PROBLEM });
    expect(fake.requests[0]?.signal.aborted).toBe(true);
  });
});

describe('cancellation', () => {
  it('aborts the request and rejects with the AbortError, not a LoketApiError', async () => {
    const fake = fakeFetch(hang);
    const controller = new AbortController();
    const pending = rejection(clientFor(fake).listServices({}, { signal: controller.signal }));
    await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    const error = await pending;
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(isLoketApiError(error)).toBe(false);
    expect(fake.requests[0]?.signal.aborted).toBe(true);
  });

  it('rejects with the reason given to abort()', async () => {
    const fake = fakeFetch(hang);
    const controller = new AbortController();
    const reason = new Error('user left the page');
    const pending = rejection(clientFor(fake).getService('skck', {}, { signal: controller.signal }));
    controller.abort(reason);
    expect(await pending).toBe(reason);
  });

  it('cancels a retry that is waiting for its backoff', async () => {
    const fake = fakeFetch(() => json({}, { status: 503 }));
    const client = createLoketClient({
      baseUrl: 'http://api.test',
      fetch: fake.fetch,
      retry: { delay: () => 60_000 },
    });
    const controller = new AbortController();
    const pending = rejection(client.listServices({}, { signal: controller.signal }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    expect(await pending).toMatchObject({ name: 'AbortError' });
    expect(fake.requests).toHaveLength(1);
  });
});
