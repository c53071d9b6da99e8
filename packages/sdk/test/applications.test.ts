import { describe, expect, it } from 'vitest';
import {
  createLoketClient,
  INVALID_RESPONSE_PROBLEM,
  isLoketApiError,
  type LoketApiError,
  type LoketClientOptions,
} from '../src/index.js';
import { fakeFetch, json, noDelay, problem } from './fake-fetch.js';

const code = 'LKT-7K4M-Q2XP-9ZTR';
const secret = 's3cr3t-xyz';
const application = { code, status: 'draft', answers: { nama_lengkap: 'Siti Aminah' } };
const withEtag = (body: unknown, etag = '"app-1-v1"', status = 200) =>
  json(body, { status, headers: { etag } });

type Responder = Parameters<typeof fakeFetch>[0];

/** The fake fetch, also keeping each request's JSON body (ky cancels a body once a call is over). */
const setup = (
  respond: Responder = () => withEtag(application),
  options: Partial<LoketClientOptions> = {},
) => {
  const bodies: unknown[] = [];
  const fake = fakeFetch(async (request, call) => {
    const text = await request.clone().text();
    bodies.push(text ? JSON.parse(text) : undefined);
    return respond(request, call);
  });
  const client = createLoketClient({ baseUrl: 'http://api.test/api', fetch: fake.fetch, ...options });
  return { client, bodies, ...fake };
};

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('the call should have failed'),
    (error: unknown) => error as LoketApiError,
  );

describe('citizen operations', () => {
  it('getServiceForm gets the form, without the default region, and can be conditional', async () => {
    const form = { lang: 'id', service: 'ktp-el-hilang', version: 1, steps: [] };
    const { client, requests, urls } = setup(() => json(form, { headers: { etag: '"form-v1"' } }), {
      region: '33.74',
    });
    await expect(client.getServiceForm('ktp-el-hilang', { lang: 'en' })).resolves.toEqual(form);
    await expect(client.getServiceForm('ktp-el-hilang', {}, { ifNoneMatch: null })).resolves.toEqual({
      notModified: false,
      data: form,
      etag: '"form-v1"',
    });
    expect(urls()[0]?.pathname).toBe('/api/v1/services/ktp-el-hilang/form');
    expect(urls()[0]?.search).toBe('?lang=en');
    expect(requests[0]?.headers.has('loket-secret')).toBe(false);
  });

  it('createApplication posts the service, the client region and the answers; returns the ETag', async () => {
    const created = { ...application, secret };
    const { client, requests, bodies } = setup(() => withEtag(created, '"app-1-v1"', 201), {
      region: '33.74',
    });
    const result = await client.createApplication({
      service: 'ktp-el-hilang',
      answers: { nama_lengkap: 'Siti Aminah' },
    });
    expect(result).toEqual({ application: created, etag: '"app-1-v1"' });
    expect(requests[0]?.method).toBe('POST');
    expect(new URL(requests[0]?.url ?? '').pathname).toBe('/api/v1/applications');
    expect(requests[0]?.headers.get('content-type')).toBe('application/json');
    expect(bodies[0]).toEqual({
      service: 'ktp-el-hilang',
      region: '33.74',
      answers: { nama_lengkap: 'Siti Aminah' },
    });
  });

  it('createApplication prefers the given region, and refuses to guess when there is none', async () => {
    const { client, bodies } = setup(() => withEtag({ ...application, secret }, '"v"', 201), {
      region: '33.74',
    });
    await client.createApplication({ service: 'ktp-el-hilang', region: '31.71' });
    expect(bodies[0]).toMatchObject({ region: '31.71' });

    const { client: noRegion, requests: none } = setup();
    await expect(noRegion.createApplication({ service: 'ktp-el-hilang' })).rejects.toThrow(TypeError);
    expect(none).toHaveLength(0);
  });

  it('getApplication sends the secret as Loket-Secret, never in the URL, and returns the ETag', async () => {
    const { client, requests } = setup();
    const result = await client.getApplication(code, secret);
    expect(result).toEqual({ application, etag: '"app-1-v1"' });
    expect(requests[0]?.headers.get('loket-secret')).toBe(secret);
    expect(requests[0]?.url).toBe(`http://api.test/api/v1/applications/${code}`);
    expect(requests[0]?.headers.has('authorization')).toBe(false);
  });

  it('reports a response without ETag as invalid-response (a proxy or CORS dropped it)', async () => {
    const { client } = setup(() => json(application));
    const error = await rejection(client.getApplication(code, secret));
    expect(error).toMatchObject({ status: 0, type: INVALID_RESPONSE_PROBLEM });
    expect(error.detail).toMatch(/Access-Control-Expose-Headers/);
  });

  it('saveAnswers patches the answers with If-Match and returns the new ETag', async () => {
    const { client, requests, bodies } = setup(() => withEtag(application, '"app-1-v2"'));
    const result = await client.saveAnswers(
      code,
      secret,
      { telepon: '081234567890', email: null },
      '"app-1-v1"',
    );
    expect(result.etag).toBe('"app-1-v2"');
    expect(requests[0]?.method).toBe('PATCH');
    expect(requests[0]?.headers.get('if-match')).toBe('"app-1-v1"');
    expect(requests[0]?.headers.get('loket-secret')).toBe(secret);
    expect(bodies[0]).toEqual({ answers: { telepon: '081234567890', email: null } });
  });

  it('saveAnswers on a stale ETag rejects with status 412, once, not retried', async () => {
    const stale = {
      type: 'urn:loket:problem:precondition-failed',
      title: 'Permohonan sudah berubah',
      status: 412,
    };
    const { client, requests } = setup(() => problem(stale), { retry: noDelay() });
    const error = await rejection(client.saveAnswers(code, secret, { telepon: '0812' }, '"app-1-v1"'));
    expect(isLoketApiError(error)).toBe(true);
    expect(error).toMatchObject({ status: 412, type: stale.type, retryable: false });
    expect(requests).toHaveLength(1);
  });

  it('deleteAttachment deletes by id and returns the new ETag', async () => {
    const { client, requests } = setup(() => new Response(null, { status: 204, headers: { etag: '"v3"' } }));
    const id = '0b7e1c2a-4f55-4c1e-9d8a-2f0e6b7c8d9e';
    await expect(client.deleteAttachment(code, secret, id)).resolves.toEqual({ etag: '"v3"' });
    expect(requests[0]?.method).toBe('DELETE');
    expect(new URL(requests[0]?.url ?? '').pathname).toBe(`/api/v1/applications/${code}/attachments/${id}`);
    expect(requests[0]?.headers.get('loket-secret')).toBe(secret);
  });

  it('withdrawApplication posts the reason, or an empty object', async () => {
    const status = { code, status: 'withdrawn' };
    const { client, requests, bodies } = setup(() => json(status));
    await expect(client.withdrawApplication(code, secret, 'Sudah ketemu')).resolves.toEqual(status);
    await client.withdrawApplication(code, secret);
    expect(new URL(requests[0]?.url ?? '').pathname).toBe(`/api/v1/applications/${code}/withdraw`);
    expect(bodies).toEqual([{ reason: 'Sudah ketemu' }, {}]);
  });

  it('getApplicationStatus gets the status with the secret', async () => {
    const status = { code, status: 'submitted', status_text: 'Diajukan' };
    const { client, requests } = setup(() => json(status));
    await expect(client.getApplicationStatus(code, secret)).resolves.toEqual(status);
    expect(new URL(requests[0]?.url ?? '').pathname).toBe(`/api/v1/applications/${code}/status`);
    expect(requests[0]?.headers.get('loket-secret')).toBe(secret);
  });

  it('encodes the tracking code so that it cannot leave its path segment', async () => {
    const { client, urls } = setup(() => json({}));
    await client.getApplicationStatus('../../officer/applications', secret);
    expect(urls()[0]?.pathname).toBe('/api/v1/applications/..%2F..%2Fofficer%2Fapplications/status');
  });
});

describe('automatic retries of the citizen operations', () => {
  const unavailable = () => json({}, { status: 503 });
  type Call = [string, (client: ReturnType<typeof createLoketClient>) => Promise<unknown>];

  const writes: Call[] = [
    ['createApplication', (c) => c.createApplication({ service: 'ktp-el-hilang', region: '33.74' })],
    ['saveAnswers', (c) => c.saveAnswers(code, secret, { a: 'b' }, '"v1"')],
    ['deleteAttachment', (c) => c.deleteAttachment(code, secret, 'x')],
    ['withdrawApplication', (c) => c.withdrawApplication(code, secret)],
  ];
  it.each(writes)('%s is not retried on 503 (a repeat is not safe or would fail)', async (_, call) => {
    const { client, requests } = setup(unavailable, { retry: noDelay() });
    await expect(call(client)).rejects.toMatchObject({ status: 503, retryable: true });
    expect(requests).toHaveLength(1);
  });

  const reads: Call[] = [
    ['getApplication', (c) => c.getApplication(code, secret)],
    ['getApplicationStatus', (c) => c.getApplicationStatus(code, secret)],
  ];
  it.each(reads)('%s is retried on 503 like every GET, with the secret each time', async (_, call) => {
    const { client, requests } = setup((_, n) => (n === 1 ? unavailable() : withEtag(application)), {
      retry: noDelay(),
    });
    await call(client);
    expect(requests.map((request) => request.headers.get('loket-secret'))).toEqual([secret, secret]);
  });
});
