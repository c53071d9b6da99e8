import { type Core, type RequestOptions, readJson, send } from '../core.js';
import { secretHeader } from '../secret.js';
import type { ApplicationStatus, TrackingCode } from '../types.js';

// What a status page needs, in a module of its own: a bundle that only tracks applications (the
// status tracker) then carries none of the drafting, upload and submission code.

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

/** `GET /v1/applications/{code}/status`: where it stands, in plain words; no personal data. */
export async function getApplicationStatus(
  core: Core,
  code: TrackingCode,
  secret: string,
  options: SignalOnly = {},
): Promise<ApplicationStatus> {
  const headers = secretHeader(secret);
  const route = '/v1/applications/{code}/status';
  const response = await send(core, route, { path: { code }, headers, ...options });
  return readJson(response, options.signal);
}
