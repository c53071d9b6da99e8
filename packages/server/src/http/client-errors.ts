import { type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionError, FastifyInstance } from 'fastify';
import { type Lang, type ProblemKind, problemTitles, say } from '../messages/index.js';
import { problemType } from '../problem.js';

/** The language asked for, read from what arrived of the request (no routing has happened). */
function langOf(request: IncomingMessage | undefined, raw: Buffer | undefined): Lang {
  const text = request
    ? `${request.url ?? ''}\n${request.headers['accept-language'] ?? ''}`
    : (raw?.subarray(0, 8192).toString('latin1') ?? '');
  if (/[?&]lang=en(&|\s|$)/.test(text)) return 'en';
  if (/[?&]lang=id(&|\s|$)/.test(text)) return 'id';
  const accept = request
    ? String(request.headers['accept-language'] ?? '')
    : /^accept-language:(.*)$/im.exec(text)?.[1];
  return accept?.trim().toLowerCase().startsWith('en') ? 'en' : 'id';
}

/**
 * Errors Node's HTTP parser raises before Fastify sees a request (a control character or NUL in
 * a header, headers too large, a request not received in time) as problem+json on the raw
 * socket, which is then closed: Fastify's own answer is plain JSON. Set as `clientErrorHandler`.
 */
export function clientErrorHandler(this: FastifyInstance, error: ConnectionError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const response = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
  // Typed as JSON by Fastify, but Node gives the bytes that arrived as a Buffer.
  const raw: unknown = error.rawPacket;
  const lang = langOf(response?.req, Buffer.isBuffer(raw) ? raw : undefined);
  let status = 400;
  let kind: ProblemKind = 'invalid-request';
  let detail = say('badHeader')(lang);
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    status = 408;
    kind = 'request-timeout';
    const ms = response?.req.complete === false ? this.server.requestTimeout : this.server.headersTimeout;
    detail = say('requestTimeout', Math.round(ms / 1000))(lang);
  } else if (error.code === 'HPE_HEADER_OVERFLOW') {
    status = 431;
    kind = 'headers-too-large';
    detail = say('headersTooLarge')(lang);
  }
  this.log.info({ code: error.code, status }, 'refused a request the HTTP parser could not take');
  if (socket.writable && !response?.headersSent) {
    const body = JSON.stringify({
      type: problemType(kind),
      title: problemTitles[kind][lang],
      status,
      detail,
    });
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        'Content-Type: application/problem+json\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Language: ${lang}\r\n` +
        'Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy(error);
}
