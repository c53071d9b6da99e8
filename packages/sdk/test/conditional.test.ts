import { describe, expect, it } from 'vitest';
import { createLoketClient, isLoketApiError } from '../src/index.js';
import { fakeFetch, json } from './fake-fetch.js';

const service = { lang: 'id', id: 'skck', name: 'SKCK' };
const etag = '"svc-skck-v2-id"';

/** A server that answers 304 when If-None-Match matches its current ETag. */
const server = () =>
  fakeFetch((request) =>
    request.headers.get('if-none-match') === etag
      ? new Response(null, { status: 304, headers: { etag } })
      : json(service, { headers: { etag } }),
  );

describe('conditional requests', () => {
  it('resolves a 304 to notModified (never an error) and sends If-None-Match', async () => {
    const fake = server();
    const client = createLoketClient({ baseUrl: 'http://api.test', fetch: fake.fetch });
    const result = await client.getService('skck', {}, { ifNoneMatch: etag });
    expect(result).toEqual({ notModified: true, data: undefined, etag });
    expect(fake.requests[0]?.headers.get('if-none-match')).toBe(etag);
    expect(fake.requests).toHaveLength(1);
  });

  it('returns the new body and its etag when the copy is stale', async () => {
    const client = createLoketClient({ baseUrl: 'http://api.test', fetch: server().fetch });
    const result = await client.getService('skck', {}, { ifNoneMatch: '"svc-skck-v1-id"' });
    expect(result).toEqual({ notModified: false, data: service, etag });
  });

  it('with ifNoneMatch: null sends no validator but returns the etag to keep', async () => {
    const fake = server();
    const client = createLoketClient({ baseUrl: 'http://api.test', fetch: fake.fetch });
    const first = await client.listServices({}, { ifNoneMatch: null });
    expect(first).toEqual({ notModified: false, data: service, etag });
    expect(fake.requests[0]?.headers.has('if-none-match')).toBe(false);
    const second = await client.listServices({}, { ifNoneMatch: first.etag });
    expect(second.notModified).toBe(true);
  });

  it('returns the plain body when ifNoneMatch is not given', async () => {
    const client = createLoketClient({ baseUrl: 'http://api.test', fetch: server().fetch });
    await expect(client.getService('skck')).resolves.toEqual(service);
  });

  it('reports a 304 the caller did not ask for as an error instead of an empty body', async () => {
    const fake = fakeFetch(() => new Response(null, { status: 304 }));
    const client = createLoketClient({ baseUrl: 'http://api.test', fetch: fake.fetch, retry: 0 });
    const error = await client.getRegion('33').catch((e: unknown) => e);
    expect(isLoketApiError(error) && error.status).toBe(304);
  });
});
