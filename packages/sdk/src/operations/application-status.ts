import { type Core, type RequestOptions, readJson, send } from '../core.js';
import { secretHeader } from '../secret.js';
import type { ApplicationStatus, TrackingCode } from '../types.js';

// What a status page needs, in a module of its own: a bundle that only tracks applications (the
// status tracker) then carries none of the drafting, upload and submission code. Withdrawing has
// its own module (withdraw.ts): the tracker loads it only when the citizen chooses to withdraw,
// and the form's session, which reads the status, never needs it.

type SignalOnly = Pick<RequestOptions, 'signal'>;

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
