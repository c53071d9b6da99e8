import {
  type AnyRequestOptions,
  type Core,
  get,
  invalidResponse,
  type LoketResult,
  type RequestOptions,
  readJson,
  send,
} from '../core.js';
import { idempotentRetry, newIdempotencyKey } from '../idempotency.js';
import { secretHeader } from '../secret.js';
import type {
  AnswerPatch,
  Application,
  ApplicationStatus,
  Attachment,
  CreateApplicationInput,
  CreatedApplication,
  FieldId,
  FormDefinition,
  GetServiceFormQuery,
  Slug,
  SubmitApplicationRequest,
  TrackingCode,
} from '../types.js';
import { postMultipart, type UploadOptions, uploadBody } from '../upload.js';

// The citizen's operations. Each sends the application's secret as `Loket-Secret` (never in the
// URL). Only GETs and submit are retried automatically: see SubmitOptions and the README.

type SignalOnly = Pick<RequestOptions, 'signal'>;

/** An application with its `ETag`: keep it, and send it back to `saveAnswers`. */
export interface ApplicationResult<A extends Application = Application> {
  application: A;
  /** The application's version, for `If-Match`; every write changes it. */
  etag: string;
}

/** An uploaded file, and the application's new `ETag` (an upload changes the application). */
export interface AttachmentResult {
  attachment: Attachment;
  etag: string;
}

/** Per-call options of `submitApplication`. */
export interface SubmitOptions {
  signal?: AbortSignal;
  /**
   * The key of this logical submission; default: a new one. Pass the `idempotencyKey` of an
   * earlier attempt whose outcome is unknown (a network error, a timeout, a 5xx, a reload while
   * waiting), so the server answers it instead of submitting twice.
   */
  idempotencyKey?: string;
  /** Retries after a network error, a timeout, 408, 429 or 5xx; default: the client's `retry` limit (2). */
  retry?: number;
}

export interface SubmitResult {
  status: ApplicationStatus;
  /** The key that was sent. */
  idempotencyKey: string;
  /** True when the server answered from an earlier request with the same key. */
  replayed: boolean;
}

/** The response's `ETag`; a response without one cannot be saved against, so that is an error. */
function requireEtag(response: Response): string {
  const etag = response.headers.get('etag');
  if (etag) return etag;
  const detail = `No ETag in the response from ${response.url || 'the API'}; a proxy may drop it, or a cross-origin API may not expose it (Access-Control-Expose-Headers).`;
  throw invalidResponse(detail, { response });
}

async function withEtag<A extends Application>(
  response: Response,
  signal: AbortSignal | undefined,
): Promise<ApplicationResult<A>> {
  const etag = requireEtag(response);
  return { application: await readJson<A>(response, signal), etag };
}

/** `GET /v1/services/{slug}/form`: the online form of a service (`404` when it has none). */
export function getServiceForm<O extends AnyRequestOptions = RequestOptions>(
  core: Core,
  slug: Slug,
  query?: GetServiceFormQuery,
  options?: O,
): Promise<LoketResult<FormDefinition, O>> {
  return get(core, '/v1/services/{slug}/form', query, options, { path: { slug } });
}

/** `POST /v1/applications`: a new draft, with its secret (shown only here). Never retried. */
export async function createApplication(
  core: Core,
  input: CreateApplicationInput,
  options: SignalOnly = {},
): Promise<ApplicationResult<CreatedApplication>> {
  const region = input.region ?? core.region;
  if (!region) throw new TypeError('createApplication needs a region: pass one, or give the client one.');
  const json = { ...input, region };
  const response = await send(core, '/v1/applications', { method: 'post', json, signal: options.signal });
  return withEtag(response, options.signal);
}

/** `GET /v1/applications/{code}`: the whole application, to resume it. */
export async function getApplication(
  core: Core,
  code: TrackingCode,
  secret: string,
  options: SignalOnly = {},
): Promise<ApplicationResult> {
  const headers = secretHeader(secret);
  const response = await send(core, '/v1/applications/{code}', {
    path: { code },
    headers,
    ...options,
  });
  return withEtag(response, options.signal);
}

/**
 * `PATCH /v1/applications/{code}`: merges `answers` (a `null` removes one) if the application
 * still has `etag`; otherwise rejects with status `412` and saves nothing. Not retried.
 */
export async function saveAnswers(
  core: Core,
  code: TrackingCode,
  secret: string,
  answers: AnswerPatch,
  etag: string,
  options: SignalOnly = {},
): Promise<ApplicationResult> {
  const headers = { ...secretHeader(secret), 'if-match': etag };
  const json = { answers };
  const route = '/v1/applications/{code}';
  const response = await send(core, route, { method: 'patch', path: { code }, json, headers, ...options });
  return withEtag(response, options.signal);
}

/** `POST /v1/applications/{code}/attachments`: one file for a `file` field. Not retried. */
export async function uploadAttachment(
  core: Core,
  code: TrackingCode,
  secret: string,
  field: FieldId,
  file: Blob,
  options: UploadOptions = {},
): Promise<AttachmentResult> {
  const body = uploadBody(field, file, options.filename);
  const route = '/v1/applications/{code}/attachments';
  const request = { path: { code }, body, headers: secretHeader(secret) };
  const response = await postMultipart(core, route, request, options);
  const etag = requireEtag(response);
  return { attachment: await readJson<Attachment>(response, options.signal), etag };
}

/** `DELETE /v1/applications/{code}/attachments/{id}`: resolves to the application's new `ETag`. */
export async function deleteAttachment(
  core: Core,
  code: TrackingCode,
  secret: string,
  id: string,
  options: SignalOnly = {},
): Promise<{ etag: string }> {
  const route = '/v1/applications/{code}/attachments/{attachmentId}';
  const path = { code, attachmentId: id };
  const response = await send(core, route, {
    method: 'delete',
    path,
    headers: secretHeader(secret),
    ...options,
  });
  return { etag: requireEtag(response) };
}

/**
 * `POST /v1/applications/{code}/submit` with an `Idempotency-Key`, retried on a network error,
 * a timeout, 408, 429 and 5xx with the same key (never on another 4xx).
 */
export async function submitApplication(
  core: Core,
  code: TrackingCode,
  secret: string,
  body: SubmitApplicationRequest,
  options: SubmitOptions = {},
): Promise<SubmitResult> {
  const { signal, idempotencyKey = newIdempotencyKey() } = options;
  const headers = { ...secretHeader(secret), 'idempotency-key': idempotencyKey };
  const retry = idempotentRetry(options.retry);
  const route = '/v1/applications/{code}/submit';
  const response = await send(core, route, {
    method: 'post',
    path: { code },
    json: body,
    headers,
    signal,
    retry,
  });
  const status = await readJson<ApplicationStatus>(response, signal);
  return { status, idempotencyKey, replayed: response.headers.get('idempotent-replayed') === 'true' };
}
