import { type Core, get, type RequestOptions, readJson, send } from '../core.js';
import { idempotentRetry, newIdempotencyKey } from '../idempotency.js';
import { secretHeader } from '../secret.js';
import type {
  ComplaintChannelList,
  ComplaintCode,
  CreateComplaintRequest,
  CreatedComplaint,
  FiledComplaint,
} from '../types.js';

// Complaints: about an application, a visit or a service in a region. The complaint's secret goes
// as `Loket-Secret` (never in the URL), like an application's. SP4N-LAPOR! has no public API: the
// channels tell the citizen how to file there too.

type SignalOnly = Pick<RequestOptions, 'signal'>;

/** `GET /v1/complaint-channels`: the categories, and the national channels (SP4N-LAPOR! first) with every way to reach them. */
export function listComplaintChannels(core: Core, options?: SignalOnly): Promise<ComplaintChannelList> {
  return get(core, '/v1/complaint-channels', undefined, options);
}

/** Per-call options of `createComplaint`. */
export interface ComplaintOptions {
  signal?: AbortSignal;
  /** The key of this complaint; default: a new one. Reuse it to retry a complaint whose outcome is unknown. */
  idempotencyKey?: string;
  /** Retries after a network error, a timeout, 408, 429 or 5xx; default: the client's `retry` limit. */
  retry?: number;
}

export interface ComplaintResult {
  complaint: CreatedComplaint;
  /** The key that was sent. */
  idempotencyKey: string;
  /** True when the server answered from an earlier request with the same key. */
  replayed: boolean;
}

/**
 * `POST /v1/complaints` with an `Idempotency-Key`, retried with the same key on a network error,
 * a timeout, 408, 429 and 5xx. The answer's `secret` is shown only once: keep it with the code.
 */
export async function createComplaint(
  core: Core,
  request: CreateComplaintRequest,
  options: ComplaintOptions = {},
): Promise<ComplaintResult> {
  const { signal, idempotencyKey = newIdempotencyKey() } = options;
  const response = await send(core, '/v1/complaints', {
    method: 'post',
    json: request,
    headers: { 'idempotency-key': idempotencyKey },
    signal,
    retry: idempotentRetry(options.retry),
  });
  const complaint = await readJson<CreatedComplaint>(response, signal);
  return { complaint, idempotencyKey, replayed: response.headers.get('idempotent-replayed') === 'true' };
}

/** `GET /v1/complaints/{code}`: the complaint, its status and the agency's answer. */
export async function getComplaint(
  core: Core,
  code: ComplaintCode,
  secret: string,
  options: SignalOnly = {},
): Promise<FiledComplaint> {
  const response = await send(core, '/v1/complaints/{code}', {
    path: { code },
    headers: secretHeader(secret),
    ...options,
  });
  return readJson(response, options.signal);
}
