import { type Core, get, type RequestOptions, readJson, send } from '../core.js';
import { followPages } from '../pagination.js';
import type {
  ListOfficerApplicationsQuery,
  OfficerApplication,
  OfficerApplicationList,
  TrackingCode,
  TransitionRequest,
} from '../types.js';

// The officer API. The client's ky instance sends `Authorization: Bearer <token>`; nothing here
// takes a citizen's secret. The server refuses these endpoints to any request with an `Origin`
// (a browser page): they are for agency systems and scripts.

type SignalOnly = Pick<RequestOptions, 'signal'>;

/** A downloaded attachment. */
export interface DownloadedAttachment {
  blob: Blob;
  /** The type the server detected from the content (`application/pdf`, `image/jpeg`, `image/png`). */
  contentType: string;
  /** The name from `Content-Disposition`, without any directory part; a label, `null` when absent. */
  filename: string | null;
}

const officerPath = (code: TrackingCode, rest = '') =>
  `v1/officer/applications/${encodeURIComponent(code)}${rest}`;

/** `GET /v1/officer/applications`: one page of the officer's queue, oldest due first. */
export function listOfficerApplications(
  core: Core,
  query?: ListOfficerApplicationsQuery,
  options?: SignalOnly,
): Promise<OfficerApplicationList> {
  return get<OfficerApplicationList, RequestOptions>(core, 'v1/officer/applications', query, options);
}

/** `GET /v1/officer/applications/{code}`: answers, attachments and the full history. */
export function getOfficerApplication(
  core: Core,
  code: TrackingCode,
  options?: SignalOnly,
): Promise<OfficerApplication> {
  return get<OfficerApplication, RequestOptions>(core, officerPath(code), undefined, options);
}

/** `GET /v1/officer/applications/{code}/attachments/{id}`: the file, as a `Blob`. */
export async function downloadOfficerAttachment(
  core: Core,
  code: TrackingCode,
  id: string,
  options: SignalOnly = {},
): Promise<DownloadedAttachment> {
  const path = officerPath(code, `/attachments/${encodeURIComponent(id)}`);
  const response = await send(core, path, { headers: { accept: '*/*' }, ...options });
  const contentType = response.headers.get('content-type') ?? 'application/octet-stream';
  const filename = filenameFrom(response.headers.get('content-disposition'));
  return { blob: await response.blob(), contentType, filename };
}

/**
 * `POST /v1/officer/applications/{code}/transitions`: the next status, following the state
 * machine (`409` otherwise). Not retried: a repeat after a lost answer would be a `409`.
 */
export async function transitionApplication(
  core: Core,
  code: TrackingCode,
  transition: TransitionRequest,
  options: SignalOnly = {},
): Promise<OfficerApplication> {
  const response = await send(core, officerPath(code, '/transitions'), {
    method: 'post',
    json: transition,
    ...options,
  });
  return readJson(response, options.signal);
}

/** Every application of the queue matching `query`, page by page, like `paginateServices`. */
export function paginateOfficerApplications(
  client: {
    listApplications(
      query?: ListOfficerApplicationsQuery,
      options?: SignalOnly,
    ): Promise<OfficerApplicationList>;
  },
  query: ListOfficerApplicationsQuery = {},
  options?: SignalOnly,
): AsyncGenerator<OfficerApplication, void, undefined> {
  return followPages((pageQuery) => client.listApplications(pageQuery, options), query);
}

/** The filename of a `Content-Disposition` header: `filename*` (RFC 8187) first, then `filename`. */
export function filenameFrom(header: string | null): string | null {
  if (!header) return null;
  const extended = /\bfilename\*\s*=\s*([\w!#$%&+^`{}~-]*)'[^']*'([^;\s]+)/i.exec(header);
  let name: string | undefined;
  if (extended?.[2] && /^utf-8$/i.test(extended[1] ?? '')) {
    try {
      name = decodeURIComponent(extended[2]);
    } catch {
      // a malformed percent-encoding: fall back to the plain filename
    }
  }
  if (name === undefined) {
    const plain = /\bfilename\s*=\s*(?:"((?:\\.|[^"\\])*)"|([^;\s]+))/i.exec(header);
    name = plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2];
  }
  const base = name?.replace(/^.*[\\/]/, '').trim();
  return base ? base : null;
}
