import { type Core, type RequestOptions, readJson, send } from '../core.js';
import { secretHeader } from '../secret.js';
import type { ApplicationStatus, TrackingCode } from '../types.js';

// Withdrawing, apart from reading the status (application-status.ts): the tracker loads it with
// its withdraw step, and nothing else in a page needs it.

type SignalOnly = Pick<RequestOptions, 'signal'>;

/** `POST /v1/applications/{code}/withdraw`. Not retried (a repeat would be a `409`). */
export async function withdrawApplication(
  core: Core,
  code: TrackingCode,
  secret: string,
  reason?: string,
  options: SignalOnly = {},
): Promise<ApplicationStatus> {
  const json = reason === undefined ? {} : { reason };
  const headers = secretHeader(secret);
  const route = '/v1/applications/{code}/withdraw';
  const response = await send(core, route, { method: 'post', path: { code }, json, headers, ...options });
  return readJson(response, options.signal);
}
