import { filenameFrom } from '../content-disposition.js';
import { type Core, type RequestOptions, readJson, send } from '../core.js';
import { secretHeader } from '../secret.js';
import type { ApplicationReceipt, TrackingCode } from '../types.js';
import type { DownloadedAttachment } from './officer.js';

// The receipt and the result document, for the citizen who holds the secret: a module of their
// own, so the form and the tracker load them only when the citizen asks for either.

type SignalOnly = Pick<RequestOptions, 'signal'>;

/**
 * `GET /v1/applications/{code}/receipt`: the submission receipt ("Bukti pengajuan") to print:
 * code, service, agency, when it was sent, the due date and what to bring to the counter.
 */
export async function getApplicationReceipt(
  core: Core,
  code: TrackingCode,
  secret: string,
  options: SignalOnly = {},
): Promise<ApplicationReceipt> {
  const route = '/v1/applications/{code}/receipt';
  const response = await send(core, route, { path: { code }, headers: secretHeader(secret), ...options });
  return readJson(response, options.signal);
}

/**
 * `GET /v1/applications/{code}/result`: the result document of a completed application (its
 * status has `result_document`), as a `Blob` with its type and filename; `404` when there is none.
 */
export async function downloadResultDocument(
  core: Core,
  code: TrackingCode,
  secret: string,
  options: SignalOnly = {},
): Promise<DownloadedAttachment> {
  const route = '/v1/applications/{code}/result';
  const headers = { ...secretHeader(secret), accept: '*/*' };
  const response = await send(core, route, { path: { code }, headers, ...options });
  const contentType = response.headers.get('content-type') ?? 'application/octet-stream';
  const filename = filenameFrom(response.headers.get('content-disposition'));
  return { blob: await response.blob(), contentType, filename };
}
