import type { Options } from 'ky';
import { type Core, type RouteRequest, send } from './core.js';
import type { PathOf } from './routes.js';

/** How much of an upload's request body has been sent. */
export interface UploadProgress {
  /** From 0 to 1; 0 while the total is unknown. */
  percent: number;
  transferredBytes: number;
  /** The size of the whole multipart body (a little more than the file); 0 when unknown. */
  totalBytes: number;
}

/** Per-call options of an upload. */
export interface UploadOptions {
  /**
   * Called as the body is sent, ending with `percent: 1`. Needs `XMLHttpRequest` (browsers);
   * where there is none (Node, Deno, Bun, workers) the upload still works but is never called.
   */
  onProgress?: (progress: UploadProgress) => void;
  /** Cancels the upload; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** The name sent with the file, a label only; default: the `File`'s name, or `upload`. */
  filename?: string;
  /**
   * Milliseconds before a `urn:loket:problem:timeout` error, for the whole upload. Default
   * `false` (none): the client's `timeout` is meant for small JSON requests, not for 10 MB on a
   * slow phone network. Cancel with `signal` instead, or set one that fits your files.
   */
  timeout?: number | false;
}

/** The multipart body: the text part `field` FIRST, then `file` (the server reads them in order). */
export function uploadBody(field: string, file: Blob, filename?: string): FormData {
  const form = new FormData();
  form.append('field', field);
  form.append('file', file, filename ?? nameOf(file));
  return form;
}

const nameOf = (file: Blob) =>
  typeof File !== 'undefined' && file instanceof File && file.name ? file.name : 'upload';

/**
 * POSTs a multipart body through the client's ky instance: headers, timeout, error mapping and
 * cancellation are those of every other request. Never retried (a repeat would store the file
 * twice). With `onProgress` where `XMLHttpRequest` exists, ky's `fetch` is replaced by one over
 * XMLHttpRequest, the only portable way to observe upload progress.
 */
export function postMultipart<P extends PathOf<'post'>>(
  core: Core,
  path: P,
  request: Omit<RouteRequest<'post', P>, 'method'> & { body: FormData },
  options: UploadOptions,
): Promise<Response> {
  const { onProgress, signal, timeout = false } = options;
  const XHR = globalThis.XMLHttpRequest;
  const transport =
    onProgress && typeof XHR === 'function' ? { fetch: xhrFetch(XHR, request.body, onProgress) } : {};
  const post = { ...request, method: 'post', signal, timeout, retry: 0, ...transport } as const;
  return send(core, path, post as RouteRequest<'post', P>);
}

/**
 * A `fetch` for one request, over XMLHttpRequest: it takes the URL, method, headers and signal
 * of the `Request` ky built, sends `body` itself (a `Request`'s body is a stream, which
 * XMLHttpRequest cannot send) and resolves to a `Response` like fetch: any HTTP status resolves,
 * only a failed connection rejects (with a `TypeError`, as fetch does).
 */
function xhrFetch(
  XHR: typeof XMLHttpRequest,
  body: FormData,
  onProgress: (progress: UploadProgress) => void,
): NonNullable<Options['fetch']> {
  return (input) =>
    new Promise<Response>((resolve, reject) => {
      const request = input instanceof Request ? input : new Request(input);
      const { signal } = request;
      const xhr = new XHR();
      const abort = () => xhr.abort();
      const settle = (result: () => void) => {
        signal.removeEventListener('abort', abort);
        result();
      };
      let sent = progress(0, 0);
      xhr.open(request.method, request.url);
      // XMLHttpRequest writes its own multipart Content-Type, with the boundary of what it sends.
      for (const [name, value] of request.headers) {
        if (name !== 'content-type') xhr.setRequestHeader(name, value);
      }
      xhr.upload.onprogress = (event) => {
        sent = progress(event.loaded, event.lengthComputable ? event.total : 0);
        onProgress(sent);
      };
      xhr.upload.onload = () => onProgress({ ...sent, percent: 1 });
      xhr.onload = () =>
        settle(() => (validStatus(xhr.status) ? resolve(toResponse(xhr)) : reject(failed())));
      xhr.onerror = () => settle(() => reject(failed()));
      xhr.onabort = () => settle(() => reject(signal.aborted ? signal.reason : failed()));
      if (signal.aborted) {
        reject(signal.reason);
        return;
      }
      signal.addEventListener('abort', abort, { once: true });
      xhr.send(body);
    });
}

const progress = (transferredBytes: number, totalBytes: number): UploadProgress => ({
  percent: totalBytes > 0 ? Math.min(transferredBytes / totalBytes, 1) : 0,
  transferredBytes,
  totalBytes,
});

const failed = () => new TypeError('Network request failed');

const validStatus = (status: number) => status >= 200 && status <= 599;

function toResponse(xhr: XMLHttpRequest): Response {
  const headers = new Headers();
  for (const line of xhr.getAllResponseHeaders().split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  const noBody = [204, 205, 304].includes(xhr.status);
  return new Response(noBody ? null : xhr.responseText, {
    status: xhr.status,
    statusText: xhr.statusText,
    headers,
  });
}
