import {
  type AnyRequestOptions,
  type Core,
  get,
  type LoketResult,
  type RequestOptions,
  readJson,
  requireEtag,
  send,
} from '../core.js';
import { idempotentRetry, newIdempotencyKey, outcomeUnknown } from '../idempotency.js';
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
import {
  applicationPath,
  getApplicationStatus,
  secretHeader,
  withdrawApplication,
} from './application-status.js';

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
  return get(core, `v1/services/${encodeURIComponent(slug)}/form`, query, options);
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
  const response = await send(core, 'v1/applications', { method: 'post', json, signal: options.signal });
  return withEtag(response, options.signal);
}

/** `GET /v1/applications/{code}`: the whole application, to resume it. */
export async function getApplication(
  core: Core,
  code: TrackingCode,
  secret: string,
  options: SignalOnly = {},
): Promise<ApplicationResult> {
  const response = await send(core, applicationPath(code), { headers: secretHeader(secret), ...options });
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
  const response = await send(core, applicationPath(code), { method: 'patch', json, headers, ...options });
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
  const response = await postMultipart(
    core,
    applicationPath(code, '/attachments'),
    body,
    secretHeader(secret),
    options,
  );
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
  const path = applicationPath(code, `/attachments/${encodeURIComponent(id)}`);
  const response = await send(core, path, { method: 'delete', headers: secretHeader(secret), ...options });
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
  const path = applicationPath(code, '/submit');
  const response = await send(core, path, { method: 'post', json: body, headers, signal, retry });
  const status = await readJson<ApplicationStatus>(response, signal);
  return { status, idempotencyKey, replayed: response.headers.get('idempotent-replayed') === 'true' };
}

/**
 * One application's operations with its code and secret bound, for a component that works on
 * one application. It keeps the last `ETag` it saw (so `save` needs none) and the key of a
 * submission whose outcome is unknown (so calling `submit` again retries the same submission).
 */
export interface ApplicationHandle {
  readonly code: TrackingCode;
  /** The `ETag` last received through this handle; `undefined` before the first read or write. */
  readonly etag: string | undefined;
  /**
   * The key of a submission whose outcome is unknown (it failed without a definitive answer, or
   * was cancelled); the next `submit` reuses it. Store it to survive a reload. `undefined` after
   * a definitive answer.
   */
  readonly idempotencyKey: string | undefined;
  get(options?: SignalOnly): Promise<Application>;
  /** `saveAnswers` with the handle's `etag`; rejects with a `TypeError` before the first `get`. */
  save(answers: AnswerPatch, options?: SignalOnly): Promise<Application>;
  upload(field: FieldId, file: Blob, options?: UploadOptions): Promise<Attachment>;
  deleteAttachment(id: string, options?: SignalOnly): Promise<void>;
  submit(body: SubmitApplicationRequest, options?: SubmitOptions): Promise<SubmitResult>;
  withdraw(reason?: string, options?: SignalOnly): Promise<ApplicationStatus>;
  status(options?: SignalOnly): Promise<ApplicationStatus>;
}

/** What a handle starts from: an `etag` you hold, the key of a pending submission. */
export interface ApplicationHandleInit {
  etag?: string;
  idempotencyKey?: string;
}

export function applicationHandle(
  core: Core,
  code: TrackingCode,
  secret: string,
  init: ApplicationHandleInit = {},
): ApplicationHandle {
  let { etag, idempotencyKey } = init;
  const seen = <R extends { etag: string }>(result: R): R => {
    etag = result.etag;
    return result;
  };
  return {
    code,
    get etag() {
      return etag;
    },
    get idempotencyKey() {
      return idempotencyKey;
    },
    get: async (options) => seen(await getApplication(core, code, secret, options)).application,
    save: async (answers, options) => {
      if (etag === undefined) throw new TypeError('No ETag for this application yet: call get() first.');
      return seen(await saveAnswers(core, code, secret, answers, etag, options)).application;
    },
    upload: async (field, file, options) =>
      seen(await uploadAttachment(core, code, secret, field, file, options)).attachment,
    deleteAttachment: async (id, options) => {
      seen(await deleteAttachment(core, code, secret, id, options));
    },
    submit: async (body, options = {}) => {
      const key = options.idempotencyKey ?? idempotencyKey ?? newIdempotencyKey();
      idempotencyKey = key;
      try {
        const result = await submitApplication(core, code, secret, body, { ...options, idempotencyKey: key });
        idempotencyKey = undefined;
        etag = undefined; // the application changed; get() it again before saving
        return result;
      } catch (error) {
        if (!outcomeUnknown(error)) idempotencyKey = undefined;
        throw error;
      }
    },
    withdraw: async (reason, options) => {
      const status = await withdrawApplication(core, code, secret, reason, options);
      etag = undefined;
      return status;
    },
    status: (options) => getApplicationStatus(core, code, secret, options),
  };
}
