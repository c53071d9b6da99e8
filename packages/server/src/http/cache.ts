import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pickLang } from './lang.js';

/** Does an If-None-Match header (a list, weak or strong, or `*`) match this ETag? RFC 9110 §13.1.2. */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === opaque);
}

/**
 * Catalogue responses: a strong ETag over the exact bytes sent (so it covers the language and
 * every fact), Cache-Control for browsers and CDNs, Content-Language, and 304 when it matches.
 * Only for successful GET/HEAD; errors are never cached.
 */
export function registerCatalogueCaching(app: FastifyInstance, maxAge: number): void {
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (reply.getHeader('content-language') === undefined)
      reply.header('content-language', pickLang(request));
    reply.header('vary', 'Accept-Language');
    const cacheable = (request.method === 'GET' || request.method === 'HEAD') && reply.statusCode === 200;
    if (!cacheable || !request.routeOptions.config?.catalogue || typeof payload !== 'string') return payload;
    const etag = `"${createHash('sha256').update(payload).digest('base64url').slice(0, 32)}"`;
    reply.header('etag', etag);
    reply.header('cache-control', `public, max-age=${maxAge}, stale-while-revalidate=86400`);
    if (ifNoneMatchHits(request.headers['if-none-match'], etag)) {
      reply.code(304);
      reply.removeHeader('content-type');
      reply.removeHeader('content-length');
      return '';
    }
    return payload;
  });
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Public, cacheable catalogue data (ETag + Cache-Control + 304). */
    catalogue?: boolean;
  }
}
