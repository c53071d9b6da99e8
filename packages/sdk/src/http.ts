// @loket/sdk/http — the HTTP client alone (ky with the SDK's defaults), for a page that loads it
// after its first render (see `deferredCore`); `createLoketCore` is this with the core around it.
import ky, { type KyInstance, type Options, type RetryOptions } from 'ky';
import type { Core } from './core.js';
import { RETRYABLE_STATUSES } from './errors.js';
import type { Lang, RegionCode } from './types.js';

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

export type HttpOptions = Omit<LoketClientOptions, 'region'>;

export interface LoketOfficerClientOptions extends HttpOptions {
  /**
   * An officer token (`loket-server officer create --agency … --region …`), sent as
   * `Authorization: Bearer`. A secret: keep it on servers. The API refuses the officer endpoints
   * to browsers (any request with an `Origin`), so never ship a token in a web page.
   */
  token: string;
}

const defaultRetry = {
  limit: 2,
  methods: ['get'],
  statusCodes: [...RETRYABLE_STATUSES],
  maxRetryAfter: 10_000,
} satisfies RetryOptions;

/** The one ky instance of a client. */
export function createHttp(options: HttpOptions): KyInstance {
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
