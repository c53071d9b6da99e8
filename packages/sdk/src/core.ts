import { isHTTPError, isTimeoutError, type KyInstance, type Options } from 'ky';
import {
  INVALID_RESPONSE_PROBLEM,
  LoketApiError,
  NETWORK_PROBLEM,
  problemFromResponse,
  TIMEOUT_PROBLEM,
} from './errors.js';
import type { RegionCode } from './types.js';

/** What every operation shares: the one ky instance and the client's defaults. */
export interface Core {
  readonly http: KyInstance;
  readonly region: RegionCode | undefined;
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

type SearchParams = Record<string, string | number | boolean | undefined>;

/** `region` from the call, else the client's default; `null` means "send none". */
export function withRegion<Q extends { region?: RegionCode | null }>(core: Core, query: Q = {} as Q) {
  return { ...query, region: query.region === null ? undefined : (query.region ?? core.region) };
}

/** GET a JSON resource, following the conditional-request contract of {@link LoketResult}. */
export async function get<T, O extends AnyRequestOptions>(
  core: Core,
  path: string,
  searchParams: SearchParams | undefined,
  options?: O,
  extra: Options = {},
): Promise<LoketResult<T, O>> {
  const { signal, ifNoneMatch } = options ?? {};
  const headers = ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {};
  const response = await send(core, path, { ...extra, headers, searchParams: defined(searchParams), signal });
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
function defined(params: SearchParams = {}): URLSearchParams {
  const entries = Object.entries(params).filter(([, value]) => value !== undefined);
  return new URLSearchParams(entries.map(([key, value]) => [key, String(value)]));
}

/**
 * The one way every request is sent: through the client's ky instance (`GET` unless
 * `options.method` says otherwise), with every failure mapped by {@link toLoketApiError}.
 */
export async function send(core: Core, path: string, options: Options): Promise<Response> {
  try {
    return await core.http(path, options);
  } catch (error) {
    throw await toLoketApiError(error, options.signal);
  }
}

/** The response's `ETag`; a response without one cannot be saved against, so that is an error. */
export function requireEtag(response: Response): string {
  const etag = response.headers.get('etag');
  if (etag) return etag;
  const detail = `No ETag in the response from ${response.url || 'the API'}; a proxy may drop it, or a cross-origin API may not expose it (Access-Control-Expose-Headers).`;
  throw new LoketApiError(
    { type: INVALID_RESPONSE_PROBLEM, title: 'Invalid response', status: 0, detail },
    { response },
  );
}

export async function readJson<T>(response: Response, signal: AbortSignal | undefined): Promise<T> {
  try {
    return (await response.json()) as T;
  } catch (error) {
    if (signal?.aborted) throw error;
    const detail = `Expected JSON from ${response.url || 'the API'}, got ${response.headers.get('content-type') ?? 'no content type'}.`;
    throw new LoketApiError(
      { type: INVALID_RESPONSE_PROBLEM, title: 'Invalid response', status: 0, detail },
      { response, cause: error },
    );
  }
}

/** The caller's own cancellation stays as it is (an `AbortError`); everything else becomes a LoketApiError. */
async function toLoketApiError(error: unknown, signal: AbortSignal | null | undefined): Promise<unknown> {
  if (signal?.aborted) return error;
  if (isHTTPError(error)) return problemFromResponse(error.response);
  const detail = error instanceof Error ? error.message : String(error);
  const [type, title] = isTimeoutError(error)
    ? [TIMEOUT_PROBLEM, 'Request timed out']
    : [NETWORK_PROBLEM, 'Network error'];
  return new LoketApiError({ type, title, status: 0, detail }, { cause: error });
}
