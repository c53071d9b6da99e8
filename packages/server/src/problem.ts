import type { components } from '@loket/sdk/contract';
import { type Lang, type ProblemKind, say, type Text } from './messages/index.js';

export type { ProblemKind } from './messages/index.js';

/** One entry of a problem's `errors`: where (a JSON pointer), and what is wrong there. */
export type FieldError = components['schemas']['ProblemFieldError'];

export const problemType = (kind: ProblemKind) => `urn:loket:problem:${kind}`;

/**
 * An expected failure, thrown by the domain and the routes alike; http/problems.ts turns it into
 * one problem+json response in the request's language. Knows nothing of HTTP beyond the status.
 */
export class ProblemError extends Error {
  /** Seconds after which trying again may succeed (`Retry-After`), for 429 and 503. */
  retryAfter?: number;

  constructor(
    readonly kind: ProblemKind,
    readonly status: number,
    readonly detailFor: Text,
    readonly errors?: (lang: Lang) => FieldError[],
  ) {
    super(kind);
    this.name = 'ProblemError';
  }
}

/** A problem whose detail is also said, when `pointer` is given, as the one error at that pointer. */
export function problem(kind: ProblemKind, status: number, detail: Text, pointer?: string): ProblemError {
  return new ProblemError(
    kind,
    status,
    detail,
    pointer === undefined ? undefined : (lang) => [{ pointer, detail: detail(lang) }],
  );
}

/** `429 Too Many Requests` with `Retry-After`: a rate limit or a locked tracking code. */
export function tooManyRequests(seconds: number): ProblemError {
  return Object.assign(problem('too-many-requests', 429, say('tooManyRequests', seconds)), {
    retryAfter: seconds,
  });
}
