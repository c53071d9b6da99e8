import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Queryable } from '../db/index.js';
import { callsAfter, lastCallId, latestCalls } from '../visits/calls.js';
import type { Site } from '../visits/site.js';
import { localDate } from '../visits/time.js';

// The queue board's stream (text/event-stream). Each call is an event whose id is its row id in
// visit_call; ids of one location commit in order (see hall.ts callNext), so "every call after
// id n" is exactly what a reconnecting board missed. Polling the table (not an in-process emitter)
// lets every instance on one PostgreSQL serve every board.

export interface BoardOptions {
  pollMs: number;
  heartbeatMs: number;
}

const frame = (call: { id: string }) => `id: ${call.id}\nevent: call\ndata: ${JSON.stringify(call)}\n\n`;

/** The id a reconnecting client last saw: `Last-Event-ID`, else `?last_event_id=`. */
function resumeFrom(request: FastifyRequest): string | null {
  const header = request.headers['last-event-id'];
  const given = typeof header === 'string' && header.trim() !== '' ? header.trim() : undefined;
  const query = (request.query as { last_event_id?: string }).last_event_id;
  const id = given ?? query;
  return id !== undefined && /^[0-9]{1,18}$/.test(id) ? id : null;
}

/**
 * Serves one board until the client leaves or `stop` is called (the server closing). Returns the
 * function that ends it.
 */
export async function streamBoard(
  db: Queryable,
  site: Site,
  request: FastifyRequest,
  reply: FastifyReply,
  options: BoardOptions & { now: () => Date; onEnd: () => void },
): Promise<() => void> {
  const resume = resumeFrom(request);
  let cursor = resume ?? (await lastCallId(db, site.location_id));
  const first = resume
    ? []
    : (await latestCalls(db, site.location_id, localDate(options.now(), site.timezone))).filter(
        (c) => BigInt(c.id) <= BigInt(cursor),
      );
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    ...(reply.getHeaders() as Record<string, string>),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-accel-buffering': 'no',
    connection: 'keep-alive',
  });
  raw.write('retry: 2000\n\n');
  for (const call of first) raw.write(frame(call));

  let busy = false;
  let ended = false;
  const poll = setInterval(() => {
    if (busy || ended) return;
    busy = true;
    callsAfter(db, site.location_id, cursor)
      .then((calls) => {
        for (const call of calls) {
          if (ended) return;
          raw.write(frame(call));
          cursor = call.id;
        }
      })
      .catch((error: unknown) => request.log.warn({ err: error }, 'board: could not read calls'))
      .finally(() => {
        busy = false;
      });
  }, options.pollMs);
  const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), options.heartbeatMs);
  const end = () => {
    if (ended) return;
    ended = true;
    clearInterval(poll);
    clearInterval(heartbeat);
    raw.end();
    options.onEnd();
  };
  raw.on('close', end);
  return end;
}
