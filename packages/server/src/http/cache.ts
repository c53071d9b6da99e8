import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { COMPRESS_FROM_BYTES, preferredEncoding } from './compression.js';
import { pickLang } from './lang.js';
import type { ResponseCache } from './response-cache.js';

/** Does an If-None-Match header (a list, weak or strong, or `*`) match this ETag? RFC 9110 §13.1.2. */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === opaque);
}

/** Adds a field to Vary, keeping what is there (CORS's `Origin`). */
export function addVary(reply: FastifyReply, field: string): void {
  const current = reply.getHeader('vary');
  const fields = (Array.isArray(current) ? current.join(',') : String(current ?? ''))
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  if (fields.includes('*') || fields.some((f) => f.toLowerCase() === field.toLowerCase())) return;
  reply.header('vary', [...fields, field].join(', '));
}

const cacheable = (request: FastifyRequest) =>
  (request.method === 'GET' || request.method === 'HEAD') && request.routeOptions.config?.catalogue === true;

/** Validators and freshness headers, and 304 when the client already has these bytes. */
function finish(request: FastifyRequest, reply: FastifyReply, etag: string, maxAge: number): boolean {
  reply.header('etag', etag);
  reply.header('cache-control', `public, max-age=${maxAge}, stale-while-revalidate=86400`);
  if (!ifNoneMatchHits(request.headers['if-none-match'], etag)) return false;
  reply.code(304);
  reply.removeHeader('content-type');
  reply.removeHeader('content-length');
  return true;
}

/**
 * Catalogue responses: a strong ETag over the exact bytes sent (so it covers the language and
 * every fact), Cache-Control for browsers and CDNs, Content-Language, 304 when it matches, and
 * (with a ResponseCache) the same bytes served again without touching the database until the
 * catalogue changes. Only successful GET/HEAD; errors are never cached.
 */
export function registerCatalogueCaching(
  app: FastifyInstance,
  maxAge: number,
  cache: ResponseCache | null,
): void {
  const keyOf = (request: FastifyRequest) => `${pickLang(request)} ${request.url}`;

  if (cache) {
    app.addHook('onRequest', async (request, reply) => {
      if (!cacheable(request)) return;
      await cache.refresh();
      const hit = cache.get(keyOf(request));
      if (!hit) return;
      request.servedFromCache = true;
      reply.header('content-language', pickLang(request));
      addVary(reply, 'Accept-Language');
      if (finish(request, reply, hit.etag, maxAge)) return reply.send('');
      reply.type(hit.contentType);
      // Compressed bytes from the cache too (@fastify/compress leaves an encoded body alone).
      const encoding = preferredEncoding(request.headers['accept-encoding']);
      if (!encoding || Buffer.byteLength(hit.payload) < COMPRESS_FROM_BYTES) return reply.send(hit.payload);
      addVary(reply, 'Accept-Encoding');
      reply.header('content-encoding', encoding);
      return reply.send(cache.encoded(hit, encoding));
    });
  }

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (request.servedFromCache) return payload;
    if (reply.getHeader('content-language') === undefined)
      reply.header('content-language', pickLang(request));
    addVary(reply, 'Accept-Language');
    if (!cacheable(request) || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    const etag = `"${createHash('sha256').update(payload).digest('base64url').slice(0, 32)}"`;
    cache?.set(keyOf(request), { payload, etag, contentType: String(reply.getHeader('content-type')) });
    return finish(request, reply, etag, maxAge) ? '' : payload;
  });
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Public, cacheable catalogue data (ETag + Cache-Control + 304 + response cache). */
    catalogue?: boolean;
  }
  interface FastifyRequest {
    servedFromCache?: boolean;
  }
}
