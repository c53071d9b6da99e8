import { describe, expect, it } from 'vitest';
import {
  createLoketClient,
  createLoketCore,
  getApplicationStatus,
  getService,
  getServiceForm,
  type LoketClient,
  listRegionLocations,
  listServices,
} from '../src/index.js';
import { fakeFetch, json } from './fake-fetch.js';

const setup = (options: { baseUrl?: string; region?: string; locale?: 'id' | 'en' } = {}) => {
  const fake = fakeFetch();
  const client = createLoketClient({ baseUrl: 'http://api.test', ...options, fetch: fake.fetch });
  return { client, ...fake };
};

describe('URLs', () => {
  it.each([
    ['http://api.test', 'http://api.test/v1/services'],
    ['http://api.test/', 'http://api.test/v1/services'],
    ['http://api.test/api', 'http://api.test/api/v1/services'],
    ['http://api.test/api/', 'http://api.test/api/v1/services'],
    ['https://pemkot.example.go.id/layanan/loket', 'https://pemkot.example.go.id/layanan/loket/v1/services'],
  ])('joins baseUrl %s and the operation path', async (baseUrl, expected) => {
    const { client, requests } = setup({ baseUrl });
    await client.listServices();
    expect(requests[0]?.url).toBe(expected);
  });

  const calls: [string, (client: LoketClient) => Promise<unknown>, string][] = [
    ['listServices', (c) => c.listServices(), '/v1/services'],
    ['getService', (c) => c.getService('ktp-el-baru'), '/v1/services/ktp-el-baru'],
    ['listCategories', (c) => c.listCategories(), '/v1/categories'],
    ['listAgencies', (c) => c.listAgencies(), '/v1/agencies'],
    ['listLifeEvents', (c) => c.listLifeEvents(), '/v1/life-events'],
    ['getLifeEvent', (c) => c.getLifeEvent('kelahiran'), '/v1/life-events/kelahiran'],
    ['listRegions', (c) => c.listRegions(), '/v1/regions'],
    ['getRegion', (c) => c.getRegion('33.74'), '/v1/regions/33.74'],
    ['listRegionLocations', (c) => c.listRegionLocations('33.74'), '/v1/regions/33.74/locations'],
    [
      'getNewsChannels',
      (c) => c.getNewsChannels({ region: '35.78', agency: 'dukcapil' }),
      '/v1/news-channels',
    ],
    ['getLiveness', (c) => c.getLiveness(), '/health/live'],
    ['getReadiness', (c) => c.getReadiness(), '/health/ready'],
  ];
  it.each(calls)('%s sends GET %s under the path prefix', async (_, call, path) => {
    const { client, requests } = setup({ baseUrl: 'http://api.test/api' });
    await call(client);
    expect(requests[0]?.method).toBe('GET');
    expect(new URL(requests[0]?.url ?? '').pathname).toBe(`/api${path}`);
  });

  it('encodes path parameters so that they cannot leave their segment', async () => {
    const { client, urls } = setup();
    await client.getService('../../health/live?x=1');
    expect(urls()[0]?.pathname).toBe('/v1/services/..%2F..%2Fhealth%2Flive%3Fx%3D1');
    expect(urls()[0]?.search).toBe('');
  });

  it('serializes the query and returns the parsed body', async () => {
    const body = { lang: 'id', data: [], total: 0, page: { limit: 5, next_cursor: null } };
    const fake = fakeFetch(() => json(body));
    const client = createLoketClient({ baseUrl: 'http://api.test', fetch: fake.fetch });
    const list = await client.listServices({ q: 'bikin ktp', limit: 5, channel: 'mpp', category: undefined });
    expect(list).toEqual(body);
    expect(Object.fromEntries(fake.urls()[0]?.searchParams ?? [])).toEqual({
      q: 'bikin ktp',
      limit: '5',
      channel: 'mpp',
    });
  });

  it('rejects an invalid baseUrl when the client is created', () => {
    expect(() => createLoketClient({ baseUrl: 'not a url' })).toThrow(TypeError);
  });
});

describe('region', () => {
  const regional: [string, (client: LoketClient, region?: string | null) => Promise<unknown>][] = [
    ['listServices', (c, region) => c.listServices(region === undefined ? {} : { region })],
    ['getService', (c, region) => c.getService('skck', region === undefined ? {} : { region })],
    ['listCategories', (c, region) => c.listCategories(region === undefined ? {} : { region })],
    ['listAgencies', (c, region) => c.listAgencies(region === undefined ? {} : { region })],
    ['listLifeEvents', (c, region) => c.listLifeEvents(region === undefined ? {} : { region })],
    ['getLifeEvent', (c, region) => c.getLifeEvent('pensiun', region === undefined ? {} : { region })],
  ];

  it.each(regional)(
    '%s sends the default region, a per-call region instead, and none for null',
    async (_, call) => {
      const { client, urls } = setup({ region: '33.74' });
      await call(client);
      await call(client, '31.71');
      await call(client, null);
      expect(urls().map((url) => url.searchParams.getAll('region'))).toEqual([['33.74'], ['31.71'], []]);
    },
  );

  it('sends no region when the client has none', async () => {
    const { client, urls } = setup();
    await client.listServices({ q: 'skck' });
    expect(urls()[0]?.searchParams.has('region')).toBe(false);
  });

  it('does not add the default region to the region and health operations', async () => {
    const { client, urls } = setup({ region: '33.74' });
    await client.listRegions({ level: 'province' });
    await client.getRegion('33');
    await client.listRegionLocations('33');
    await client.getReadiness();
    expect(urls().map((url) => url.searchParams.has('region'))).toEqual([false, false, false, false]);
  });
});

describe('language', () => {
  it('sends the locale as Accept-Language on every request', async () => {
    const { client, requests } = setup({ locale: 'en' });
    await client.getService('skck');
    await client.listRegions();
    expect(requests.map((request) => request.headers.get('accept-language'))).toEqual(['en', 'en']);
  });

  it('sends no Accept-Language without a locale (the server then answers in Indonesian)', async () => {
    const { client, requests } = setup();
    await client.listServices();
    expect(requests[0]?.headers.has('accept-language')).toBe(false);
  });

  it('sends a per-call lang as the lang query parameter, next to the locale header', async () => {
    const { client, requests, urls } = setup({ locale: 'en' });
    await client.getService('skck', { lang: 'id' });
    expect(urls()[0]?.searchParams.get('lang')).toBe('id');
    expect(requests[0]?.headers.get('accept-language')).toBe('en');
  });

  it('sends only CORS-safelisted headers by default, so browsers need no preflight', async () => {
    const { client, requests } = setup({ locale: 'en', region: '33.74' });
    await client.listServices({ q: 'ktp' });
    expect([...(requests[0]?.headers.keys() ?? [])].sort()).toEqual(['accept', 'accept-language']);
  });

  it('asks for JSON and problem+json, and sends the extra headers', async () => {
    const fake = fakeFetch();
    const client = createLoketClient({
      baseUrl: 'http://api.test',
      fetch: fake.fetch,
      headers: { 'x-site': 'semarang' },
    });
    await client.listCategories();
    expect(fake.requests[0]?.headers.get('accept')).toBe('application/json, application/problem+json');
    expect(fake.requests[0]?.headers.get('x-site')).toBe('semarang');
  });
});

describe('tree-shakable functions', () => {
  it('call the same URLs with the core’s region and locale as the client methods', async () => {
    const fake = fakeFetch();
    const options = {
      baseUrl: 'http://api.test/api',
      region: '35.78',
      locale: 'en',
      fetch: fake.fetch,
    } as const;
    const core = createLoketCore(options);
    await listServices(core, { q: 'ktp' });
    await getService(core, 'skck', { region: null });
    await listRegionLocations(core, '35.78');
    await createLoketClient(options).listServices({ q: 'ktp' });
    const urls = fake.requests.map((r) => r.url);
    expect(urls).toEqual([
      'http://api.test/api/v1/services?q=ktp&region=35.78',
      'http://api.test/api/v1/services/skck',
      'http://api.test/api/v1/regions/35.78/locations',
      'http://api.test/api/v1/services?q=ktp&region=35.78',
    ]);
    expect(fake.requests.every((r) => r.headers.get('accept-language') === 'en')).toBe(true);
  });

  it('include the citizen application operations, with the secret in a header and never in the URL', async () => {
    const fake = fakeFetch();
    const core = createLoketCore({ baseUrl: 'http://api.test', fetch: fake.fetch });
    await getServiceForm(core, 'ktp-el-hilang');
    await getApplicationStatus(core, 'LKT-7K4M-Q2XP', 's3cret');
    expect(fake.requests.map((r) => r.url)).toEqual([
      'http://api.test/v1/services/ktp-el-hilang/form',
      'http://api.test/v1/applications/LKT-7K4M-Q2XP/status',
    ]);
    expect(fake.requests.slice(1).map((r) => r.headers.get('loket-secret'))).toEqual(['s3cret']);
  });
});
