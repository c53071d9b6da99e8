import { filenameFrom } from '../content-disposition.js';
import { type Core, get, type RequestOptions, readJson, send } from '../core.js';
import type {
  DeliveryList,
  ListOfficerApplicationsQuery,
  OfficerApplication,
  OfficerApplicationList,
  ResultDocument,
  TrackingCode,
  TransitionRequest,
} from '../types.js';

// The officer API: every export here is a method of `createLoketOfficerClient`'s client, under
// the same name. Its ky instance sends `Authorization: Bearer <token>`; nothing here takes a
// citizen's secret. The server refuses these endpoints to any request with an `Origin` (a
// browser page): they are for agency systems and scripts.

type SignalOnly = Pick<RequestOptions, 'signal'>;

/** A downloaded attachment. */
export interface DownloadedAttachment {
  blob: Blob;
  /** The type the server detected from the content (`application/pdf`, `image/jpeg`, `image/png`). */
  contentType: string;
  /** The name from `Content-Disposition`, without any directory part; a label, `null` when absent. */
  filename: string | null;
}

/** `GET /v1/officer/applications`: one page of the officer's queue, oldest due first. */
export function listApplications(
  core: Core,
  query?: ListOfficerApplicationsQuery,
  options?: SignalOnly,
): Promise<OfficerApplicationList> {
  return get(core, '/v1/officer/applications', query, options);
}

/** `GET /v1/officer/applications/{code}`: answers, attachments and the full history. */
export function getApplication(
  core: Core,
  code: TrackingCode,
  options?: SignalOnly,
): Promise<OfficerApplication> {
  return get(core, '/v1/officer/applications/{code}', undefined, options, { path: { code } });
}

/** An application as an officer's screen holds it: with the ETag to send back as `ifMatch`. */
export interface OfficerApplicationResult {
  application: OfficerApplication;
  etag: string;
}

/**
 * `GET /v1/officer/applications/{code}` with its `ETag`: what a screen opens before it moves the
 * application (`transition(core, code, request, { ifMatch: etag })`).
 */
export async function openApplication(
  core: Core,
  code: TrackingCode,
  options: SignalOnly = {},
): Promise<OfficerApplicationResult> {
  const route = '/v1/officer/applications/{code}';
  const response = await send(core, route, { path: { code }, ...options });
  return { application: await readJson(response, options.signal), etag: response.headers.get('etag') ?? '' };
}

/**
 * `GET /v1/officer/applications/{code}/deliveries`: the notifications sent (or being retried) about
 * the application, oldest first, recipients masked.
 */
export function listDeliveries(core: Core, code: TrackingCode, options?: SignalOnly): Promise<DeliveryList> {
  return get(core, '/v1/officer/applications/{code}/deliveries', undefined, options, { path: { code } });
}

/** `GET /v1/officer/applications/{code}/attachments/{id}`: the file, as a `Blob`. */
export async function downloadAttachment(
  core: Core,
  code: TrackingCode,
  id: string,
  options: SignalOnly = {},
): Promise<DownloadedAttachment> {
  const route = '/v1/officer/applications/{code}/attachments/{attachmentId}';
  const path = { code, attachmentId: id };
  const response = await send(core, route, { path, headers: { accept: '*/*' }, ...options });
  const contentType = response.headers.get('content-type') ?? 'application/octet-stream';
  const filename = filenameFrom(response.headers.get('content-disposition'));
  return { blob: await response.blob(), contentType, filename };
}

/**
 * `PUT /v1/officer/applications/{code}/result`: attaches the result document (PDF, JPEG or PNG,
 * at most 10 MB) while the application is in review, replacing any before; completing the
 * application then makes it the citizen's to download. Not retried.
 */
export async function attachResultDocument(
  core: Core,
  code: TrackingCode,
  file: Blob,
  options: SignalOnly & { filename?: string } = {},
): Promise<ResultDocument> {
  const body = new FormData();
  body.append('file', file, options.filename ?? (file instanceof File && file.name ? file.name : 'hasil'));
  const route = '/v1/officer/applications/{code}/result';
  const request = {
    method: 'put',
    path: { code },
    body,
    timeout: false,
    retry: 0,
    signal: options.signal,
  } as const;
  const response = await send<typeof route, 'put'>(core, route, request);
  return readJson(response, options.signal);
}

/**
 * `POST /v1/officer/applications/{code}/transitions`: moves the application to `to`, following
 * the state machine (`409` otherwise). With `ifMatch` (the ETag of `openApplication`), a change
 * made since by anyone is `412` and nothing moves. Not retried: a repeat after a lost answer would
 * be a `409`.
 */
export async function transition(
  core: Core,
  code: TrackingCode,
  request: TransitionRequest,
  options: SignalOnly & { ifMatch?: string } = {},
): Promise<OfficerApplication> {
  const route = '/v1/officer/applications/{code}/transitions';
  const { ifMatch, signal } = options;
  const headers = ifMatch ? { 'if-match': ifMatch } : {};
  const response = await send(core, route, {
    method: 'post',
    path: { code },
    json: request,
    headers,
    signal,
  });
  return readJson(response, options.signal);
}
export * from './hall.js';
export * from './officer-complaints.js';
export * from './officer-workload.js';
