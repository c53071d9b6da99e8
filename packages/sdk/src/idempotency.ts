import type { RetryOptions } from 'ky';
import { isKyHttpError, isLoketApiError, RETRYABLE_STATUSES } from './errors.js';

/**
 * A new `Idempotency-Key`: a random (version 4) UUID. Create one per logical submission and
 * send it with every retry of that submission, also after a page reload (keep it next to the
 * tracking code), so that the server submits once however often the request arrives.
 */
export function newIdempotencyKey(): string {
  const { crypto } = globalThis;
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID exists only in secure contexts (HTTPS, localhost); getRandomValues everywhere.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40; // version 4
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 9562 variant
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * ky's retry options for a POST that carries an `Idempotency-Key`: retried like a GET (network
 * errors, 408, 429, 500, 502, 503, 504, with the client's backoff and `Retry-After`), and also
 * after a timeout, because the server answers a repeated key with the first answer. Never after
 * any other 4xx. `limit` defaults to the client's `retry` limit (2: three attempts at most).
 */
export function idempotentRetry(limit: number | undefined): RetryOptions {
  return {
    ...(limit !== undefined && { limit }),
    methods: ['post'],
    retryOnTimeout: true,
    shouldRetry: ({ error }) =>
      isKyHttpError(error) && !RETRYABLE_STATUSES.includes(error.response.status) ? false : undefined,
  };
}

/**
 * After this failure of a request, is its outcome unknown: no definitive answer arrived (a
 * network error, a timeout, 408, 429, 5xx) or the caller cancelled? Then the same request may
 * work later: a save is sent again, and a submission must reuse its key. After a definitive
 * answer (a 4xx such as `422`), retrying changes nothing; the next submission is a new one with
 * a new key. The one rule of the SDK and the application session (`@loket/sdk/session`).
 */
export function outcomeUnknown(error: unknown): boolean {
  return !isLoketApiError(error) || error.retryable;
}
