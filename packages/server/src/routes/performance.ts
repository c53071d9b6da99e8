import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { addVary, ifNoneMatchHits } from '../http/cache.js';
import { pickLang } from '../http/lang.js';
import { type Performance, performance, performanceCsv } from '../survey/performance.js';
import type { AppContext, OperationRequest } from './context.js';

const maxAgeSeconds = 300;
const memoMs = 60_000;
const memoEntries = 500;

/**
 * The published index and service performance (open data, any origin). Each answer is kept in
 * memory for a minute per language and query, and carries an ETag and Cache-Control, so a busy
 * transparency page costs the database a few small queries a minute.
 */
export function performanceHandlers(ctx: AppContext) {
  const memo = new Map<string, { at: number; value: Performance }>();

  async function compute(request: OperationRequest<'getPerformance'>): Promise<Performance> {
    const lang = pickLang(request);
    const q = request.query;
    const key = JSON.stringify([lang, q.region, q.period, q.service, q.agency, q.location, q.by]);
    const now = ctx.now();
    const hit = memo.get(key);
    if (hit && now.getTime() - hit.at < memoMs) return hit.value;
    const value = await performance(ctx.db, q, { lang, now, minResponses: ctx.skmMinResponses });
    if (memo.size >= memoEntries) memo.delete(memo.keys().next().value as string);
    memo.set(key, { at: now.getTime(), value });
    return value;
  }

  function send(request: FastifyRequest, reply: FastifyReply, body: string, type: string, lang: string) {
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    reply
      .header('etag', etag)
      .header('cache-control', `public, max-age=${maxAgeSeconds}`)
      .header('content-language', lang)
      .header('content-type', type);
    addVary(reply, 'Accept-Language');
    if (ifNoneMatchHits(request.headers['if-none-match'], etag)) return reply.code(304).send();
    return reply.send(body);
  }

  return {
    async getPerformance(request: OperationRequest<'getPerformance'>, reply: FastifyReply) {
      const value = await compute(request);
      return send(request, reply, JSON.stringify(value), 'application/json; charset=utf-8', value.lang);
    },

    async exportPerformance(request: OperationRequest<'exportPerformance'>, reply: FastifyReply) {
      const value = await compute(request as OperationRequest<'getPerformance'>);
      reply.header(
        'content-disposition',
        `attachment; filename="ikm-${value.region.code}-${value.period.label}.csv"`,
      );
      return send(request, reply, performanceCsv(value), 'text/csv; charset=utf-8', value.lang);
    },
  } satisfies Record<string, (request: FastifyRequest<never>, reply: FastifyReply) => Promise<unknown>>;
}
