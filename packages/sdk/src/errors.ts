import type { HTTPError } from 'ky';
import type { components } from './openapi.js';

type Problem = components['schemas']['Problem'];
type ProblemFieldError = components['schemas']['ProblemFieldError'];

/**
 * Problem types the SDK produces itself when it got no usable answer from the API. They always
 * come with `status: 0`; the server's own types (`urn:loket:problem:not-found`, …) are listed in
 * the contract's `Problem` schema.
 */
export const NETWORK_PROBLEM = 'urn:loket:problem:network';
/** The API did not answer within `timeout` milliseconds (`status: 0`). */
export const TIMEOUT_PROBLEM = 'urn:loket:problem:timeout';
/** A success response whose body is not JSON, e.g. a captive portal's HTML page (`status: 0`). */
export const INVALID_RESPONSE_PROBLEM = 'urn:loket:problem:invalid-response';

// A registered symbol is the same in every realm (iframe, vm context, worker-bundled copy of the
// SDK), unlike the class itself, so the guard below does not depend on `instanceof`.
const BRAND: unique symbol = Symbol.for('loket.api-error');

/**
 * The statuses that say nothing final about the request: it may not have been processed, or may
 * succeed when sent again. The same list drives the automatic retries.
 */
export const RETRYABLE_STATUSES: readonly number[] = [408, 429, 500, 502, 503, 504];

/** Everything the SDK throws for a failed request, except the caller's own cancellation. */
export class LoketApiError extends Error {
  override readonly name = 'LoketApiError';
  /** The HTTP status, or `0` when no usable HTTP answer arrived (network, timeout, invalid response). */
  readonly status: number;
  /** A stable URI for the kind of problem; `about:blank` when the response was not problem+json. */
  readonly type: string;
  /** A short, localized summary of the kind of problem. */
  readonly title: string;
  /** A localized explanation of this occurrence, when the server gave one. */
  readonly detail: string | undefined;
  /** The request id to quote to support, when the server gave one. */
  readonly instance: string | undefined;
  /** One entry per invalid input (`pointer` is e.g. `/query/limit`); empty otherwise. */
  readonly errors: ProblemFieldError[];
  /** The HTTP response, when there was one (its body has already been read). */
  readonly response: Response | undefined;
  /**
   * True when no definitive answer arrived: no usable response (`status` 0), or 408, 429, 500,
   * 502, 503, 504. The same request may succeed later; for a submission the outcome is unknown,
   * so retry it with the same idempotency key. False for every other 4xx: fix the request first.
   */
  readonly retryable: boolean;
  declare readonly [BRAND]: true;

  constructor(problem: Problem, options: { response?: Response; cause?: unknown } = {}) {
    const message = problem.detail ? `${problem.title}: ${problem.detail}` : problem.title;
    super(message, 'cause' in options ? { cause: options.cause } : undefined);
    this.status = problem.status;
    this.type = problem.type;
    this.title = problem.title;
    this.detail = problem.detail;
    this.instance = problem.instance;
    this.errors = problem.errors ?? [];
    this.response = options.response;
    this.retryable = problem.status === 0 || RETRYABLE_STATUSES.includes(problem.status);
    // Not enumerable, so a spread or JSON copy (which loses `message` and `stack`) is not branded.
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * True for a `LoketApiError`, including one created by another copy of the SDK or in another
 * realm (iframe, `node:vm` context), where `instanceof LoketApiError` is false.
 */
export function isLoketApiError(value: unknown): value is LoketApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { [BRAND]?: unknown })[BRAND] === true &&
    (value as { name?: unknown }).name === 'LoketApiError'
  );
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

const fieldErrors = (value: unknown): ProblemFieldError[] =>
  Array.isArray(value)
    ? value
        .filter((item) => typeof item?.pointer === 'string' && typeof item?.detail === 'string')
        .map(({ pointer, detail }) => ({ pointer, detail }))
    : [];

/**
 * The error for a non-2xx response: the problem+json body when there is one, otherwise
 * `about:blank` with the status (a proxy's HTML 502, say). The HTTP status always wins over the
 * body's `status` member.
 */
export async function problemFromResponse(response: Response): Promise<LoketApiError> {
  const isProblem = /^application\/problem\+json\b/i.test(response.headers.get('content-type') ?? '');
  const body: unknown = isProblem ? await response.json().catch(() => null) : null;
  if (!isProblem) await response.body?.cancel().catch(() => {});
  const member = (key: string): unknown =>
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[key] : undefined;
  return new LoketApiError(
    {
      type: text(member('type')) ?? 'about:blank',
      title: text(member('title')) ?? (response.statusText || `HTTP ${response.status}`),
      status: response.status,
      detail: text(member('detail')),
      instance: text(member('instance')),
      errors: fieldErrors(member('errors')),
    },
    { response },
  );
}

/**
 * ky's own `isHTTPError` and `isTimeoutError` test the error's name too (an error from another
 * copy of ky): these test only that, so the code loaded with a page holds none of ky, which a web
 * page loads with its first request (`deferredCore`).
 */
export const isKyHttpError = (error: unknown): error is HTTPError =>
  (error as Error | null)?.name === 'HTTPError';
export const isKyTimeoutError = (error: unknown): boolean => (error as Error | null)?.name === 'TimeoutError';
