import ky, { type KyInstance, type Options, type RetryOptions } from 'ky';
import type { AnyRequestOptions, Core, LoketResult, RequestOptions } from './core.js';
import { getService, listAgencies, listCategories, listServices } from './operations/catalogue.js';
import { getLiveness, getReadiness } from './operations/health.js';
import { getRegion, listRegionLocations, listRegions } from './operations/regions.js';
import { paginateRegions, paginateServices } from './pagination.js';
import type {
  AgencyList,
  CategoryList,
  GetRegionQuery,
  GetServiceQuery,
  Health,
  Lang,
  ListAgenciesQuery,
  ListCategoriesQuery,
  ListRegionLocationsQuery,
  ListRegionsQuery,
  ListServicesQuery,
  LocationList,
  Region,
  RegionCode,
  RegionDetail,
  RegionList,
  Service,
  ServiceList,
  ServiceSummary,
  Slug,
} from './types.js';

export interface LoketClientOptions {
  /** Where the API lives; a path prefix is kept (`https://example.go.id/loket` → `…/loket/v1/services`). */
  baseUrl: string | URL;
  /** Default `region` for the catalogue operations that accept one; override per call, `null` for none. */
  region?: RegionCode;
  /** Sent as `Accept-Language`; a per-call `lang` query parameter wins. The server defaults to `id`. */
  locale?: Lang;
  /** The `fetch` to use (a test fake, an instrumented fetch…); ky always calls it with a `Request`. */
  fetch?: Options['fetch'];
  /** Milliseconds per attempt before a `urn:loket:problem:timeout` error; `false` for none. Default 10 000. */
  timeout?: number | false;
  /**
   * Retries of GET requests on 408, 429, 500, 502, 503, 504 and network errors, with ky's
   * exponential backoff (0.3 s, 0.6 s…) and `Retry-After` (at most 10 s). Default 2; `0` disables;
   * an object is ky's `RetryOptions`, merged over these defaults.
   */
  retry?: number | RetryOptions;
  /** Extra headers for every request (custom ones cost a CORS preflight in browsers). */
  headers?: HeadersInit;
}

type SignalOnly = Pick<RequestOptions, 'signal'>;

/**
 * One method per operation of openapi/loket.yaml. Every method takes an optional `{ signal }`;
 * the catalogue and region methods also take `{ ifNoneMatch }` for a conditional request.
 */
export interface LoketClient {
  listServices<O extends AnyRequestOptions = RequestOptions>(
    query?: ListServicesQuery,
    options?: O,
  ): Promise<LoketResult<ServiceList, O>>;
  getService<O extends AnyRequestOptions = RequestOptions>(
    slug: Slug,
    query?: GetServiceQuery,
    options?: O,
  ): Promise<LoketResult<Service, O>>;
  listCategories<O extends AnyRequestOptions = RequestOptions>(
    query?: ListCategoriesQuery,
    options?: O,
  ): Promise<LoketResult<CategoryList, O>>;
  listAgencies<O extends AnyRequestOptions = RequestOptions>(
    query?: ListAgenciesQuery,
    options?: O,
  ): Promise<LoketResult<AgencyList, O>>;
  listRegions<O extends AnyRequestOptions = RequestOptions>(
    query?: ListRegionsQuery,
    options?: O,
  ): Promise<LoketResult<RegionList, O>>;
  getRegion<O extends AnyRequestOptions = RequestOptions>(
    code: RegionCode,
    query?: GetRegionQuery,
    options?: O,
  ): Promise<LoketResult<RegionDetail, O>>;
  listRegionLocations<O extends AnyRequestOptions = RequestOptions>(
    code: RegionCode,
    query?: ListRegionLocationsQuery,
    options?: O,
  ): Promise<LoketResult<LocationList, O>>;
  getLiveness(options?: SignalOnly): Promise<Health>;
  getReadiness(options?: SignalOnly): Promise<Health>;
  /** Async iterators over every item of the paginated lists. */
  readonly paginate: {
    services(
      query?: ListServicesQuery,
      options?: SignalOnly,
    ): AsyncGenerator<ServiceSummary, void, undefined>;
    regions(query?: ListRegionsQuery, options?: SignalOnly): AsyncGenerator<Region, void, undefined>;
  };
}

const defaultRetry = {
  limit: 2,
  methods: ['get'],
  statusCodes: [408, 429, 500, 502, 503, 504],
  maxRetryAfter: 10_000,
} satisfies RetryOptions;

function createHttp(options: LoketClientOptions): KyInstance {
  const { baseUrl, fetch, timeout, retry = {} } = options;
  return ky.create({
    prefixUrl: new URL(baseUrl), // an invalid baseUrl throws here, not on the first call
    headers: defaultHeaders(options),
    retry: typeof retry === 'number' ? { ...defaultRetry, limit: retry } : { ...defaultRetry, ...retry },
    throwHttpErrors: (status) => status !== 304, // a 304 is an answer, handled in core.get
    ...(fetch && { fetch }),
    ...(timeout !== undefined && { timeout }),
  });
}

/** `Accept` and `Accept-Language` are CORS-safelisted: plain calls need no preflight. */
function defaultHeaders({ headers, locale }: LoketClientOptions): Headers {
  const result = new Headers(headers);
  if (!result.has('accept')) result.set('accept', 'application/json, application/problem+json');
  if (locale) result.set('accept-language', locale);
  return result;
}

/** Creates a client for the Loket API at `options.baseUrl`. */
export function createLoketClient(options: LoketClientOptions): LoketClient {
  const core: Core = { http: createHttp(options), region: options.region };
  const client: LoketClient = {
    listServices: (query, callOptions) => listServices(core, query, callOptions),
    getService: (slug, query, callOptions) => getService(core, slug, query, callOptions),
    listCategories: (query, callOptions) => listCategories(core, query, callOptions),
    listAgencies: (query, callOptions) => listAgencies(core, query, callOptions),
    listRegions: (query, callOptions) => listRegions(core, query, callOptions),
    getRegion: (code, query, callOptions) => getRegion(core, code, query, callOptions),
    listRegionLocations: (code, query, callOptions) => listRegionLocations(core, code, query, callOptions),
    getLiveness: (callOptions) => getLiveness(core, callOptions),
    getReadiness: (callOptions) => getReadiness(core, callOptions),
    paginate: {
      services: (query, callOptions) => paginateServices(client, query, callOptions),
      regions: (query, callOptions) => paginateRegions(client, query, callOptions),
    },
  };
  return client;
}
