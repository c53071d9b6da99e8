import type { FastifyInstance } from 'fastify';
import Negotiator from 'negotiator';
import { say } from '../messages/index.js';
import { problem } from '../problem.js';

const produced = ['application/json', 'application/problem+json'];
const downloads = /^\/v1\/officer\/applications\/[^/]+\/attachments\/[^/?]+/;
// The performance export is CSV (its errors stay problem+json).
const csv = /^\/v1\/performance\/export(\?|$)/;
// The queue board is a Server-Sent Events stream (EventSource asks for text/event-stream only).
const board = /^\/v1\/locations\/[^/]+\/board(\?|$)/;

/** 406 for a client that accepts none of what the API produces (no Accept header accepts all). */
export function registerContentNegotiation(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const accept = request.headers.accept;
    // Attachment downloads produce the file's own type, not JSON.
    if (!accept || !request.url.startsWith('/v1/') || downloads.test(request.url)) return;
    const types = csv.test(request.url)
      ? ['text/csv', ...produced]
      : board.test(request.url)
        ? ['text/event-stream', ...produced]
        : produced;
    if (new Negotiator({ headers: { accept } }).mediaType(types) === undefined) {
      throw problem('not-acceptable', 406, say('notAcceptable'));
    }
  });
}
