import type { FastifyInstance, FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';
import { say } from '../messages/index.js';
import { problem } from '../problem.js';
import { memo } from './memo.js';

const produced = ['application/json', 'application/problem+json'];
const downloads = /^\/v1\/officer\/applications\/[^/]+\/attachments\/[^/?]+/;
// The performance export is CSV (its errors stay problem+json).
const csv = /^\/v1\/performance\/export(\?|$)/;
// The queue board is a Server-Sent Events stream (EventSource asks for text/event-stream only).
const board = /^\/v1\/locations\/[^/]+\/board(\?|$)/;

const acceptsFrom = (types: string[]) =>
  memo((accept) => new Negotiator({ headers: { accept } }).mediaType(types) !== undefined);
const acceptsJson = acceptsFrom(produced);
const acceptsCsv = acceptsFrom(['text/csv', ...produced]);
const acceptsEvents = acceptsFrom(['text/event-stream', ...produced]);

/** Whether the request's Accept header (none accepts all) allows something the API produces for its URL. */
export function acceptable(request: FastifyRequest): boolean {
  const accept = request.headers.accept;
  // Attachment downloads produce the file's own type, not JSON.
  if (!accept || !request.url.startsWith('/v1/') || downloads.test(request.url)) return true;
  const accepts = csv.test(request.url) ? acceptsCsv : board.test(request.url) ? acceptsEvents : acceptsJson;
  return accepts(accept);
}

/** 406 for a client that accepts none of what the API produces (no Accept header accepts all). */
export function registerContentNegotiation(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    done(acceptable(request) ? undefined : problem('not-acceptable', 406, say('notAcceptable')));
  });
}
