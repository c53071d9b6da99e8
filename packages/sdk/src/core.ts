import type { Options } from 'ky';
import {
  INVALID_RESPONSE_PROBLEM,
  isKyHttpError,
  isKyTimeoutError,
  LoketApiError,
  NETWORK_PROBLEM,
  problemFromResponse,
  TIMEOUT_PROBLEM,
} from './errors.js';
import {
  expand,
  type JsonAnswer,
  type JsonBody,
  type Method,
  type PathOf,
  type PathOption,
  type PathParams,
  type QueryParams,
} from './routes.js';
import type { RegionCode } from './types.js';

/**
 * How a core sends a request: a ky instance (`createHttp`), or anything called the same way that
 * resolves to the `Response` (the components load ky only when the first request is made).
 */
export type Http = (input: string, options: Options) => PromiseLike<Response>;

/** What every operation shares: the one HTTP client and the client's defaults. */
export interface Core {
  readonly http: Http;
  readonly region: RegionCode | undefined;
}

/**
 * A core whose HTTP client is made by `load` when the first request is sent (once; a failed load
 * is tried again on the next request). A page can render before the client's code arrives:
 * `load` is typically `() => import('…').then((m) => m.createHttp(options))`.
 */
export function deferredCore(region: RegionCode | undefined, load: () => Promise<Http>): Core {
  let loading: Promise<Http> | undefined;
  const http: Http = async (input, options) => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return (await loading)(input, options);
  };
  return { http, region };
}

/** Per-call options of every operation. */
export interface RequestOptions {
  /** Cancels the request (and any pending retry); the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  ifNoneMatch?: undefined;
}

/** Per-call options of a conditional request: see {@link Conditional}. */
export interface ConditionalRequestOptions {
  signal?: AbortSignal;
  /**
   * The `ETag` of the copy you hold, sent as `If-None-Match`; `null` when you hold none yet
   * (nothing is sent, but you still get the `etag` to keep).
   */
  ifNoneMatch: string | null;
}

export type AnyRequestOptions = RequestOptions | ConditionalRequestOptions;

/** What a conditional request resolves to: a `304` is `notModified: true`, never an error. */
export type Conditional<T> =
  | { notModified: false; data: T; etag: string | null }
  | { notModified: true; data: undefined; etag: string | null };

/**
 * The body for a plain call; a {@link Conditional} when `ifNoneMatch` is a string or `null`;
 * either, to be narrowed, when the type of `ifNoneMatch` also allows `undefined`.
 */
export type LoketResult<T, O> = 'ifNoneMatch' extends keyof O
  ? ByValidator<T, O['ifNoneMatch' & keyof O]>
  : T;

type ByValidator<T, V> = [V] extends [undefined]
  ? T
  : [V] extends [string | null]
    ? Conditional<T>
    : T | Conditional<T>;

/**
 * What a request carries: its `method` (GET when absent), its path parameters (`path`), a `json`
 * body of the contract's shape, and any other ky option (`headers`, `signal`, `retry`, `body`…).
 */
export type RouteRequest<M extends Method, P extends PathOf<M>> = Omit<Options, 'method' | 'json'> &
  PathOption<M, P> & { json?: JsonBody<M, P> } & ('get' extends M ? { method?: M } : { method: M });

/** The request as an argument: required when the path has parameters, optional otherwise. */
type RequestArgument<M extends Method, P extends PathOf<M>> = [PathParams<M, P>] extends [never]
  ? [request?: RouteRequest<M, P>]
  : [request: RouteRequest<M, P>];

/**
 * The one way every request is sent: `path` (`'/v1/applications/{code}/submit'`) with
 * `request.method`, typed against the contract, through the client's ky instance, with every
 * failure mapped by {@link toLoketApiError}.
 */
export async function send<P extends PathOf<M>, M extends Method = 'get'>(
  core: Core,
  path: P,
  { path: params, ...options }: RouteRequest<M, P>,
): Promise<Response> {
  try {
    return await core.http(expand(path, params), options);
  } catch (error) {
    throw await toLoketApiError(error, options.signal);
  }
}

/**
 * GET a JSON resource with its `query`, following the conditional-request contract of
 * {@link LoketResult}; `request` adds the path parameters and other ky options.
 */
export async function get<P extends PathOf<'get'>, O extends AnyRequestOptions = RequestOptions>(
  core: Core,
  path: P,
  query: QueryParams<'get', P> | undefined,
  options?: O,
  ...[request]: RequestArgument<'get', P>
): Promise<LoketResult<JsonAnswer<'get', P>, O>> {
  type T = JsonAnswer<'get', P>;
  const { signal, ifNoneMatch } = options ?? {};
  const headers = ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {};
  const searchParams = defined(query);
  const all = { ...request, headers, searchParams, signal } as RouteRequest<'get', P>;
  const response = await send(core, path, all);
  if (ifNoneMatch === undefined) {
    if (response.status === 304) throw await problemFromResponse(response);
    return (await readJson<T>(response, signal)) as LoketResult<T, O>;
  }
  const etag = response.headers.get('etag');
  const result: Conditional<T> =
    response.status === 304
      ? { notModified: true, data: undefined, etag: etag ?? ifNoneMatch }
      : { notModified: false, data: await readJson<T>(response, signal), etag };
  return result as LoketResult<T, O>;
}

/** Drops `undefined` entries; ky would otherwise leave a bare `?` on the URL (a different cache key). */
function defined(params: object = {}): URLSearchParams {
  // URLSearchParams turns each value into a string (`20`, `true`).
  return new URLSearchParams(Object.entries(params).filter(([, value]) => value !== undefined));
}

export async function readJson<T>(response: Response, signal: AbortSignal | undefined): Promise<T> {
  try {
    return (await response.json()) as T;
  } catch (error) {
    if (signal?.aborted) throw error;
    const detail = `Expected JSON from ${response.url || 'the API'}, got ${response.headers.get('content-type') ?? 'no content type'}.`;
    throw invalidResponse(detail, { response, cause: error });
  }
}

/** A `urn:loket:problem:invalid-response` error: an answer the SDK cannot use (`status` 0). */
export const invalidResponse = (detail: string, options: { response: Response; cause?: unknown }) =>
  new LoketApiError(
    { type: INVALID_RESPONSE_PROBLEM, title: 'Invalid response', status: 0, detail },
    options,
  );

/** The caller's own cancellation stays as it is (an `AbortError`); everything else becomes a LoketApiError. */
async function toLoketApiError(error: unknown, signal: AbortSignal | null | undefined): Promise<unknown> {
  if (signal?.aborted) return error;
  if (isKyHttpError(error)) return problemFromResponse(error.response);
  const detail = error instanceof Error ? error.message : String(error);
  const [type, title] = isKyTimeoutError(error)
    ? [TIMEOUT_PROBLEM, 'Request timed out']
    : [NETWORK_PROBLEM, 'Network error'];
  return new LoketApiError({ type, title, status: 0, detail }, { cause: error });
}
