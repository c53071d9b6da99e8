import { createLoketClient, isLoketApiError, type LoketClient } from '@loket/sdk';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/app.js';
import { contractCheckingFetch } from './helpers/contract.js';

// The SDK against the real server over real HTTP; every response it receives is checked
// against openapi/loket.yaml, so server, contract and SDK cannot drift apart unnoticed.
let server: TestServer;
let client: LoketClient;
const violations: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  client = createLoketClient({
    baseUrl: server.url,
    region: '33.74',
    fetch: contractCheckingFetch(violations),
    retry: 0,
  });
});
afterEach(() => {
  expect(violations).toEqual([]);
});
afterAll(() => server?.close());

describe('SDK ⇄ server', () => {
  it('finds the KTP-el service first for "bikin ktp" in a kota', async () => {
    const list = await client.listServices({ q: 'bikin ktp' });
    expect(list.query.region).toBe('33.74');
    expect(list.data[0]?.id).toBe('ktp-el-baru');
  });

  it('gets a service in English with every Standar Pelayanan component', async () => {
    const en = createLoketClient({
      baseUrl: server.url,
      locale: 'en',
      fetch: contractCheckingFetch(violations),
    });
    const service = await en.getService('paspor-baru');
    expect(service.lang).toBe('en');
    expect(service.fee.variants.length).toBeGreaterThan(0);
    expect(service.complaint.channels.map((c) => c.name)).toContain('SP4N-LAPOR!');
  });

  it('iterates every page of a search', async () => {
    const ids: string[] = [];
    for await (const service of client.paginate.services({ limit: 7, category: 'civil-registration' }))
      ids.push(service.id);
    const { total } = await client.listServices({ category: 'civil-registration' });
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
  });

  it('iterates every kabupaten/kota of a province', async () => {
    const names: string[] = [];
    for await (const region of client.paginate.regions({ parent: '33', limit: 10 })) names.push(region.name);
    expect(names).toHaveLength(35);
    expect(names).toContain('Kota Semarang');
  });

  it('lists categories, agencies, a region and its locations', async () => {
    expect((await client.listCategories()).data).toHaveLength(16);
    expect((await client.listAgencies()).data.length).toBeGreaterThan(30);
    const region = await client.getRegion('31.74');
    expect(region.province?.code).toBe('31');
    const locations = await client.listRegionLocations('31.74');
    expect(locations.data.length).toBe(region.location_count);
    const offering = await client.listRegionLocations('31.74', { service: 'skck' });
    expect(offering.data.map((l) => [l.id, l.offer?.match])).toEqual([['mpp-dki-jakarta', 'service']]);
  });

  it('lists life events and gets one as ordered steps of the region’s services', async () => {
    const { data } = await client.listLifeEvents();
    expect(data.map((e) => e.id)).toContain('memulai-usaha');
    const event = await client.getLifeEvent('memulai-usaha');
    expect(event.steps[0]?.service.id).toBe('nib-oss');
    expect(event.steps.every((s) => s.why && s.produces)).toBe(true);
    expect(event.conditional.every((s) => s.when && s.produces)).toBe(true);
    const missing = await client.getLifeEvent('tidak-ada').catch((e: unknown) => e);
    expect(isLoketApiError(missing) && missing.status).toBe(404);
  });

  it('revalidates with an ETag and gets notModified instead of a body', async () => {
    const first = await client.getService('skck', {}, { ifNoneMatch: null });
    expect(first.etag).toBeTruthy();
    const again = await client.getService('skck', {}, { ifNoneMatch: first.etag });
    expect(again.notModified).toBe(true);
  });

  it('turns problems into LoketApiError with localized detail and field pointers', async () => {
    const error = await client.listServices({ limit: 500 }).catch((e: unknown) => e);
    expect(isLoketApiError(error)).toBe(true);
    if (!isLoketApiError(error)) return;
    expect(error.status).toBe(400);
    expect(error.type).toBe('urn:loket:problem:invalid-request');
    expect(error.errors.map((e) => e.pointer)).toContain('/query/limit');
    const missing = await client.getService('tidak-ada').catch((e: unknown) => e);
    expect(isLoketApiError(missing) && missing.status).toBe(404);
  });

  it('is healthy', async () => {
    expect(await client.getLiveness()).toEqual({ status: 'ok' });
    expect((await client.getReadiness()).status).toBe('ok');
  });
});
