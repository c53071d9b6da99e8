import ky, { type KyInstance, type Options, type RetryOptions } from 'ky';
import type { AnyRequestOptions, Core, LoketResult, RequestOptions } from './core.js';
import { RETRYABLE_STATUSES } from './errors.js';
import { getApplicationStatus, withdrawApplication } from './operations/application-status.js';
import {
  type ApplicationResult,
  type AttachmentResult,
  createApplication,
  deleteAttachment,
  getApplication,
  getServiceForm,
  type SubmitOptions,
  type SubmitResult,
  saveAnswers,
  submitApplication,
  uploadAttachment,
} from './operations/applications.js';
import { getService, listAgencies, listCategories, listServices } from './operations/catalogue.js';
import { getLiveness, getReadiness } from './operations/health.js';
import {
  type DownloadedAttachment,
  downloadOfficerAttachment,
  getOfficerApplication,
  listOfficerApplications,
  paginateOfficerApplications,
  transitionApplication,
} from './operations/officer.js';
import { getRegion, listRegionLocations, listRegions } from './operations/regions.js';
import { paginateRegions, paginateServices } from './pagination.js';
import type {
  AgencyList,
  AnswerPatch,
  ApplicationStatus,
  CategoryList,
  CreateApplicationInput,
  CreatedApplication,
  FieldId,
  FormDefinition,
  GetRegionQuery,
  GetServiceFormQuery,
  GetServiceQuery,
  Health,
  Lang,
  ListAgenciesQuery,
  ListCategoriesQuery,
  ListOfficerApplicationsQuery,
  ListRegionLocationsQuery,
  ListRegionsQuery,
  ListServicesQuery,
  LocationList,
  OfficerApplication,
  OfficerApplicationList,
  Region,
  RegionCode,
  RegionDetail,
  RegionList,
  Service,
  ServiceList,
  ServiceSummary,
  Slug,
  SubmitApplicationRequest,
  TrackingCode,
  TransitionRequest,
} from './types.js';
import type { UploadOptions } from './upload.js';

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
   * an object is ky's `RetryOptions`, merged over these defaults. `submitApplication` is retried
   * the same way, and after timeouts too, thanks to its idempotency key; no other write is.
   */
  retry?: number | RetryOptions;
  /** Extra headers for every request (custom ones cost a CORS preflight in browsers). */
  headers?: HeadersInit;
}

type SignalOnly = Pick<RequestOptions, 'signal'>;

/**
 * One method per catalogue, region, health and citizen operation of openapi/loket.yaml (the
 * officer operations are on `createLoketOfficerClient`). Every method takes an optional
 * `{ signal }`; the catalogue, region and form methods also take `{ ifNoneMatch }` for a
 * conditional request.
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

  /** The online form of a service; `{ ifNoneMatch }` makes it conditional, like `getService`. */
  getServiceForm<O extends AnyRequestOptions = RequestOptions>(
    slug: Slug,
    query?: GetServiceFormQuery,
    options?: O,
  ): Promise<LoketResult<FormDefinition, O>>;
  /** Starts a draft in `region` (default: the client's); its `secret` is in this answer only. */
  createApplication(
    input: CreateApplicationInput,
    options?: SignalOnly,
  ): Promise<ApplicationResult<CreatedApplication>>;
  getApplication(code: TrackingCode, secret: string, options?: SignalOnly): Promise<ApplicationResult>;
  /**
   * Merges `answers` if the application is still at `etag` (sent as `If-Match`). When it changed
   * (another device, another tab), rejects with a `LoketApiError` with `status` 412 and saves
   * nothing: get it again, merge your unsaved answers into it, and save with the new `etag`.
   */
  saveAnswers(
    code: TrackingCode,
    secret: string,
    answers: AnswerPatch,
    etag: string,
    options?: SignalOnly,
  ): Promise<ApplicationResult>;
  /** Uploads one file for a `file` field, with progress in browsers (see `UploadOptions`). */
  uploadAttachment(
    code: TrackingCode,
    secret: string,
    field: FieldId,
    file: Blob,
    options?: UploadOptions,
  ): Promise<AttachmentResult>;
  deleteAttachment(
    code: TrackingCode,
    secret: string,
    id: string,
    options?: SignalOnly,
  ): Promise<{ etag: string }>;
  /** Submits once, however often the request is retried (see `SubmitOptions.idempotencyKey`). */
  submitApplication(
    code: TrackingCode,
    secret: string,
    body: SubmitApplicationRequest,
    options?: SubmitOptions,
  ): Promise<SubmitResult>;
  withdrawApplication(
    code: TrackingCode,
    secret: string,
    reason?: string,
    options?: SignalOnly,
  ): Promise<ApplicationStatus>;
  getApplicationStatus(code: TrackingCode, secret: string, options?: SignalOnly): Promise<ApplicationStatus>;

  /** Async iterators over every item of the paginated lists. */
  readonly paginate: {
    services(
      query?: ListServicesQuery,
      options?: SignalOnly,
    ): AsyncGenerator<ServiceSummary, void, undefined>;
    regions(query?: ListRegionsQuery, options?: SignalOnly): AsyncGenerator<Region, void, undefined>;
  };
}

type HttpOptions = Omit<LoketClientOptions, 'region'>;

const defaultRetry = {
  limit: 2,
  methods: ['get'],
  statusCodes: [...RETRYABLE_STATUSES],
  maxRetryAfter: 10_000,
} satisfies RetryOptions;

function createHttp(options: HttpOptions): KyInstance {
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
function defaultHeaders({ headers, locale }: HttpOptions): Headers {
  const result = new Headers(headers);
  if (!result.has('accept')) result.set('accept', 'application/json, application/problem+json');
  if (locale) result.set('accept-language', locale);
  return result;
}

/**
 * The HTTP core alone, for the tree-shakable functions (`listServices(core, …)` and the others
 * exported by name): a bundle then carries only the operations it calls. The web components use
 * this; apps usually want `createLoketClient`, which is the same functions bound to one core.
 */
export function createLoketCore(options: LoketClientOptions): Core {
  return { http: createHttp(options), region: options.region };
}

/** Creates a client for the Loket API at `options.baseUrl`. */
export function createLoketClient(options: LoketClientOptions): LoketClient {
  const core = createLoketCore(options);
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
    getServiceForm: (slug, query, callOptions) => getServiceForm(core, slug, query, callOptions),
    createApplication: (input, callOptions) => createApplication(core, input, callOptions),
    getApplication: (code, secret, callOptions) => getApplication(core, code, secret, callOptions),
    saveAnswers: (code, secret, answers, etag, callOptions) =>
      saveAnswers(core, code, secret, answers, etag, callOptions),
    uploadAttachment: (code, secret, field, file, callOptions) =>
      uploadAttachment(core, code, secret, field, file, callOptions),
    deleteAttachment: (code, secret, id, callOptions) =>
      deleteAttachment(core, code, secret, id, callOptions),
    submitApplication: (code, secret, body, callOptions) =>
      submitApplication(core, code, secret, body, callOptions),
    withdrawApplication: (code, secret, reason, callOptions) =>
      withdrawApplication(core, code, secret, reason, callOptions),
    getApplicationStatus: (code, secret, callOptions) =>
      getApplicationStatus(core, code, secret, callOptions),
    paginate: {
      services: (query, callOptions) => paginateServices(client, query, callOptions),
      regions: (query, callOptions) => paginateRegions(client, query, callOptions),
    },
  };
  return client;
}

export interface LoketOfficerClientOptions extends HttpOptions {
  /**
   * An officer token (`loket-server officer create --agency … --region …`), sent as
   * `Authorization: Bearer`. A secret: keep it on servers. The API refuses the officer endpoints
   * to browsers (any request with an `Origin`), so never ship a token in a web page.
   */
  token: string;
}

/** The officer API: the queue of one agency in one region, and status transitions. */
export interface LoketOfficerClient {
  listApplications(
    query?: ListOfficerApplicationsQuery,
    options?: SignalOnly,
  ): Promise<OfficerApplicationList>;
  getApplication(code: TrackingCode, options?: SignalOnly): Promise<OfficerApplication>;
  downloadAttachment(code: TrackingCode, id: string, options?: SignalOnly): Promise<DownloadedAttachment>;
  /** Moves the application to `to`; a transition the state machine forbids is a `409`. Not retried. */
  transition(
    code: TrackingCode,
    request: TransitionRequest,
    options?: SignalOnly,
  ): Promise<OfficerApplication>;
  readonly paginate: {
    applications(
      query?: ListOfficerApplicationsQuery,
      options?: SignalOnly,
    ): AsyncGenerator<OfficerApplication, void, undefined>;
  };
}

/**
 * Creates a client for the officer API, separate from `createLoketClient` so that an officer's
 * token never travels with a citizen's requests. Same options, plus `token`, minus `region`.
 */
export function createLoketOfficerClient(options: LoketOfficerClientOptions): LoketOfficerClient {
  const { token } = options;
  if (typeof token !== 'string' || token.trim() === '') {
    throw new TypeError('createLoketOfficerClient needs a token (loket-server officer create).');
  }
  const headers = new Headers(options.headers);
  headers.set('authorization', `Bearer ${token}`);
  const core: Core = { http: createHttp({ ...options, headers }), region: undefined };
  const client: LoketOfficerClient = {
    listApplications: (query, callOptions) => listOfficerApplications(core, query, callOptions),
    getApplication: (code, callOptions) => getOfficerApplication(core, code, callOptions),
    downloadAttachment: (code, id, callOptions) => downloadOfficerAttachment(core, code, id, callOptions),
    transition: (code, request, callOptions) => transitionApplication(core, code, request, callOptions),
    paginate: {
      applications: (query, callOptions) => paginateOfficerApplications(client, query, callOptions),
    },
  };
  return client;
}
