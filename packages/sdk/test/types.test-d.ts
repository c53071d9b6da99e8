import { describe, expectTypeOf, it } from 'vitest';
import {
  type CategoryList,
  type Conditional,
  createLoketClient,
  isLoketApiError,
  type ListServicesQuery,
  type LoketApiError,
  type Region,
  type RegionDetail,
  type Service,
  type ServiceList,
  type ServiceSummary,
} from '../src/index.js';

const client = createLoketClient({ baseUrl: 'http://localhost:8080', region: '33.74', locale: 'id' });

describe('return types', () => {
  it('resolve to the contract schemas', () => {
    expectTypeOf(client.getService('skck')).resolves.toEqualTypeOf<Service>();
    expectTypeOf(client.listServices({ q: 'ktp' })).resolves.toEqualTypeOf<ServiceList>();
    expectTypeOf(
      client.getRegion('33.74', {}, { signal: AbortSignal.timeout(1000) }),
    ).resolves.toEqualTypeOf<RegionDetail>();
    expectTypeOf<Service['fee']['amount_idr']>().toEqualTypeOf<number | null>();
  });

  it('become a Conditional only when ifNoneMatch is given', () => {
    expectTypeOf(client.getService('skck', {}, { ifNoneMatch: '"v1"' })).resolves.toEqualTypeOf<
      Conditional<Service>
    >();
    expectTypeOf(client.getService('skck', {}, { ifNoneMatch: null })).resolves.toEqualTypeOf<
      Conditional<Service>
    >();
    const etag: string | null = null;
    expectTypeOf(client.listServices({}, { ifNoneMatch: etag })).resolves.toEqualTypeOf<
      Conditional<ServiceList>
    >();
    // An etag that may be undefined gives either shape, as at runtime: narrow it, or pass null.
    const maybe = undefined as string | undefined;
    expectTypeOf(client.getService('skck', {}, { ifNoneMatch: maybe })).resolves.toEqualTypeOf<
      Service | Conditional<Service>
    >();
    const options: { signal?: AbortSignal; ifNoneMatch?: string } = {};
    expectTypeOf(client.listCategories({}, options)).resolves.toEqualTypeOf<
      CategoryList | Conditional<CategoryList>
    >();
    expectTypeOf(
      client.listCategories({}, { ifNoneMatch: undefined }),
    ).resolves.toEqualTypeOf<CategoryList>();
    // @ts-expect-error the health checks are not cacheable
    client.getLiveness({ ifNoneMatch: '"v1"' });
  });

  it('narrow a Conditional by notModified', async () => {
    const result = await client.getService('skck', {}, { ifNoneMatch: '"v1"' });
    if (result.notModified) expectTypeOf(result.data).toEqualTypeOf<undefined>();
    else expectTypeOf(result.data).toEqualTypeOf<Service>();
  });

  it('yield items from the paginators', () => {
    expectTypeOf(client.paginate.services()).toEqualTypeOf<AsyncGenerator<ServiceSummary, void, undefined>>();
    expectTypeOf(client.paginate.regions()).toEqualTypeOf<AsyncGenerator<Region, void, undefined>>();
  });
});

describe('ListServicesQuery', () => {
  it('takes the contract parameters, with limit as a number', () => {
    expectTypeOf<ListServicesQuery['limit']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ListServicesQuery['channel']>().toEqualTypeOf<
      'mpp' | 'online' | 'agency_office' | undefined
    >();
    expectTypeOf<ListServicesQuery['region']>().toEqualTypeOf<string | null | undefined>();
    client.listServices({
      q: 'bikin ktp',
      region: null,
      channel: 'online',
      limit: 10,
      lang: 'en',
      cursor: 'x',
    });
  });

  it('rejects unknown parameters and wrong values', () => {
    // @ts-expect-error not a parameter of listServices
    client.listServices({ search: 'ktp' });
    // @ts-expect-error not a Channel
    client.listServices({ channel: 'fax' });
    // @ts-expect-error limit is a number
    client.listServices({ limit: '20' });
    // @ts-expect-error lang is id or en
    client.listServices({ lang: 'fr' });
    // @ts-expect-error listRegions has no region filter
    client.listRegions({ region: '33' });
  });

  it('rejects unknown call options', () => {
    // @ts-expect-error not a call option
    client.getService('skck', {}, { cache: true });
  });
});

describe('client options', () => {
  it('require a baseUrl and a known locale', () => {
    // @ts-expect-error baseUrl is required
    createLoketClient({});
    // @ts-expect-error locale is id or en
    createLoketClient({ baseUrl: 'http://x', locale: 'fr' });
  });
});

describe('isLoketApiError', () => {
  it('narrows unknown to LoketApiError', () => {
    const error: unknown = null;
    if (isLoketApiError(error)) {
      expectTypeOf(error).toEqualTypeOf<LoketApiError>();
      expectTypeOf(error.status).toEqualTypeOf<number>();
      expectTypeOf(error.errors).toEqualTypeOf<{ pointer: string; detail: string }[]>();
    }
  });
});
