import { describe, expect, it } from 'vitest';
import { createHttp } from '../src/http.js';
import {
  deferredCore,
  getService,
  isLoketApiError,
  listServices,
  NETWORK_PROBLEM,
  TIMEOUT_PROBLEM,
} from '../src/index.js';
import { fakeFetch, hang, json, problem } from './fake-fetch.js';

// A core whose HTTP client is made on the first request (the web components load ky that way):
// it must behave exactly like createLoketCore once loaded, load once, and survive a failed load.

const page = { data: [], total: 0, limit: 20, offset: 0, facets: { categories: [], agencies: [] } };

describe('deferredCore', () => {
  it('loads the client once, on the first request, and sends every request through it', async () => {
    const fake = fakeFetch(() => json(page));
    let loads = 0;
    const core = deferredCore('35.78', async () => {
      loads += 1;
      return createHttp({ baseUrl: 'http://api.test', fetch: fake.fetch, locale: 'en' });
    });
    expect(loads).toBe(0);
    await Promise.all([listServices(core, { q: 'ktp' }), listServices(core, { q: 'sim' })]);
    await listServices(core);
    expect(loads).toBe(1);
    expect(fake.urls().map((url) => url.searchParams.get('region'))).toEqual(['35.78', '35.78', '35.78']);
    expect(fake.requests[0]?.headers.get('accept-language')).toBe('en');
  });

  it('maps errors as a loaded core does: problem+json and timeouts become LoketApiErrors', async () => {
    const notFound = { type: 'urn:loket:problem:not-found', title: 'Tidak ditemukan', status: 404 };
    const answers = fakeFetch(() => problem(notFound));
    const core = deferredCore(undefined, async () =>
      createHttp({ baseUrl: 'http://api.test', fetch: answers.fetch, retry: 0 }),
    );
    const error = await getService(core, 'tidak-ada').catch((e: unknown) => e);
    expect(isLoketApiError(error) && error.status).toBe(404);

    const slow = fakeFetch(hang);
    const timing = deferredCore(undefined, async () =>
      createHttp({ baseUrl: 'http://api.test', fetch: slow.fetch, retry: 0, timeout: 20 }),
    );
    const timeout = await listServices(timing).catch((e: unknown) => e);
    expect(isLoketApiError(timeout) && timeout.type).toBe(TIMEOUT_PROBLEM);
  });

  it('tries the load again on the next request after it failed (a chunk lost on a bad network)', async () => {
    const fake = fakeFetch(() => json(page));
    let loads = 0;
    const core = deferredCore(undefined, async () => {
      loads += 1;
      if (loads === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return createHttp({ baseUrl: 'http://api.test', fetch: fake.fetch });
    });
    // A failed load is a network error to the caller, like a request that never got through.
    const error = await listServices(core).catch((e: unknown) => e);
    expect(isLoketApiError(error) && error.type).toBe(NETWORK_PROBLEM);
    await expect(listServices(core)).resolves.toEqual(page);
    expect(loads).toBe(2);
  });
});
