import { describe, expect, it } from 'vitest';
import {
  createLoketClient,
  type LoketApiError,
  type LoketClientOptions,
  NETWORK_PROBLEM,
  newIdempotencyKey,
  TIMEOUT_PROBLEM,
} from '../src/index.js';
import { fakeFetch, hang, json, noDelay, problem } from './fake-fetch.js';

const code = 'LKT-7K4M-Q2XP-9ZTR';
const secret = 's3cr3t-xyz';
const submitted = { code, status: 'submitted', status_text: 'Diajukan' };
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ok = () => json(submitted, { headers: { etag: '"app-1-v3"' } });
const networkError = () => Promise.reject(new TypeError('fetch failed'));

/** The fake fetch, also keeping each request's JSON body (ky cancels a body once a call is over). */
const setup = (
  respond: NonNullable<Parameters<typeof fakeFetch>[0]>,
  options: Partial<LoketClientOptions> = {},
) => {
  const bodies: unknown[] = [];
  const fake = fakeFetch(async (request, call) => {
    bodies.push(await request.clone().json());
    return respond(request, call);
  });
  const client = createLoketClient({
    baseUrl: 'http://api.test',
    fetch: fake.fetch,
    retry: noDelay(),
    ...options,
  });
  const keys = () => fake.requests.map((request) => request.headers.get('idempotency-key'));
  return { client, keys, bodies, ...fake };
};

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('the call should have failed'),
    (error: unknown) => error as LoketApiError,
  );

describe('submitApplication', () => {
  it('posts the declaration with a new UUID Idempotency-Key and the secret, and returns the key', async () => {
    const { client, requests, bodies } = setup(ok);
    const result = await client.submitApplication(code, secret, { declaration: true });
    expect(result).toEqual({
      status: submitted,
      idempotencyKey: expect.stringMatching(uuid),
      replayed: false,
    });
    expect(requests[0]?.method).toBe('POST');
    expect(new URL(requests[0]?.url ?? '').pathname).toBe(`/v1/applications/${code}/submit`);
    expect(requests[0]?.headers.get('idempotency-key')).toBe(result.idempotencyKey);
    expect(requests[0]?.headers.get('loket-secret')).toBe(secret);
    expect(bodies).toEqual([{ declaration: true }]);
  });

  it('uses a new key for each call, and the one it is given (to resume after a reload)', async () => {
    const { client, keys } = setup(ok);
    const first = await client.submitApplication(code, secret, { declaration: true });
    const second = await client.submitApplication(code, secret, { declaration: true });
    const given = newIdempotencyKey();
    await client.submitApplication(code, secret, { declaration: true }, { idempotencyKey: given });
    expect(first.idempotencyKey).not.toBe(second.idempotencyKey);
    expect(keys()).toEqual([first.idempotencyKey, second.idempotencyKey, given]);
  });

  it('says when the answer is a replay of an earlier request with the same key', async () => {
    const { client } = setup(() => json(submitted, { headers: { 'idempotent-replayed': 'true' } }));
    const result = await client.submitApplication(code, secret, { declaration: true });
    expect(result.replayed).toBe(true);
  });

  it('retries after a network error with the SAME key', async () => {
    const { client, requests, keys, bodies } = setup((_, call) => (call === 1 ? networkError() : ok()));
    const result = await client.submitApplication(code, secret, { declaration: true });
    expect(requests).toHaveLength(2);
    expect(keys()).toEqual([result.idempotencyKey, result.idempotencyKey]);
    expect(bodies).toEqual([{ declaration: true }, { declaration: true }]);
  });

  it('stops after the bound (three attempts by default) with a retryable network error', async () => {
    const { client, requests, keys } = setup(networkError);
    const error = await rejection(client.submitApplication(code, secret, { declaration: true }));
    expect(error).toMatchObject({ name: 'LoketApiError', status: 0, type: NETWORK_PROBLEM, retryable: true });
    expect(requests).toHaveLength(3);
    expect(new Set(keys()).size).toBe(1);
  });

  it('takes its bound from the call, then from the client', async () => {
    const once = setup(networkError);
    await rejection(once.client.submitApplication(code, secret, { declaration: true }, { retry: 0 }));
    expect(once.requests).toHaveLength(1);
    const client0 = setup(networkError, { retry: 0 });
    await rejection(client0.client.submitApplication(code, secret, { declaration: true }));
    expect(client0.requests).toHaveLength(1);
  });

  it.each([408, 429, 500, 502, 503, 504])('retries on %i with the same key', async (status) => {
    const { client, keys } = setup((_, call) => (call === 1 ? json({}, { status }) : ok()));
    await client.submitApplication(code, secret, { declaration: true });
    expect(keys()).toHaveLength(2);
    expect(keys()[0]).toBe(keys()[1]);
  });

  it('retries after a timeout, unlike the other POSTs, with the same key', async () => {
    const { client, requests, keys } = setup((request, call) => (call === 1 ? hang(request) : ok()), {
      timeout: 20,
    });
    await client.submitApplication(code, secret, { declaration: true });
    expect(requests).toHaveLength(2);
    expect(requests[0]?.signal.aborted).toBe(true);
    expect(keys()[0]).toBe(keys()[1]);
  });

  it('reports the last timeout when every attempt times out', async () => {
    const { client, requests } = setup(hang, { timeout: 10 });
    const error = await rejection(client.submitApplication(code, secret, { declaration: true }));
    expect(error).toMatchObject({ status: 0, type: TIMEOUT_PROBLEM, retryable: true });
    expect(requests).toHaveLength(3);
  });

  it.each([
    [400, 'urn:loket:problem:invalid-request'],
    [409, 'urn:loket:problem:invalid-transition'],
    [413, 'about:blank'],
    [422, 'urn:loket:problem:invalid-answers'],
    [428, 'urn:loket:problem:precondition-required'],
  ])('never retries a %i', async (status, type) => {
    const { client, requests } = setup(() => problem({ type, title: 'x', status }));
    const error = await rejection(client.submitApplication(code, secret, { declaration: true }));
    expect(error).toMatchObject({ status, type, retryable: false });
    expect(requests).toHaveLength(1);
  });

  it('maps a 422 with its field errors', async () => {
    const errors = [{ pointer: '/answers/nik', detail: 'NIK harus 16 digit.' }];
    const { client } = setup(() =>
      problem({
        type: 'urn:loket:problem:invalid-answers',
        title: 'Jawaban belum lengkap',
        status: 422,
        errors,
      }),
    );
    const error = await rejection(client.submitApplication(code, secret, { declaration: true }));
    expect(error.errors).toEqual(errors);
  });

  it('stops retrying when the caller aborts, with the AbortError', async () => {
    const controller = new AbortController();
    const { client, requests } = setup(
      (_, call) => {
        if (call === 1) setTimeout(() => controller.abort(), 5);
        return networkError();
      },
      { retry: { limit: 5, delay: () => 50 } },
    );
    const error = await rejection(
      client.submitApplication(code, secret, { declaration: true }, { signal: controller.signal }),
    );
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(requests).toHaveLength(1);
  });
});

describe('newIdempotencyKey', () => {
  it('is a random version 4 UUID', () => {
    const keys = new Set(Array.from({ length: 100 }, newIdempotencyKey));
    expect(keys.size).toBe(100);
    for (const key of keys) expect(key).toMatch(uuid);
  });

  it('falls back to getRandomValues where randomUUID is missing (http:// pages)', () => {
    const original = globalThis.crypto.randomUUID;
    Object.defineProperty(globalThis.crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      expect(newIdempotencyKey()).toMatch(uuid);
    } finally {
      Object.defineProperty(globalThis.crypto, 'randomUUID', { value: original, configurable: true });
    }
  });
});
