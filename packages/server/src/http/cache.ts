import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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

export const cacheable = (request: FastifyRequest) =>
  (request.method === 'GET' || request.method === 'HEAD') && request.routeOptions.config?.catalogue === true;

export const cacheControl = (maxAge: number) => `public, max-age=${maxAge}, stale-while-revalidate=86400`;

/** The response cache's key: the language and the URL (with its query). */
export const cacheKey = (request: FastifyRequest) => `${pickLang(request)} ${request.url}`;

/** Validators and freshness headers, and 304 when the client already has these bytes. */
function finish(request: FastifyRequest, reply: FastifyReply, etag: string, maxAge: number): boolean {
  reply.header('etag', etag);
  reply.header('cache-control', cacheControl(maxAge));
  if (!ifNoneMatchHits(request.headers['if-none-match'], etag)) return false;
  reply.code(304);
  reply.removeHeader('content-type');
  reply.removeHeader('content-length');
  return true;
}

/**
 * Catalogue responses: a strong ETag over the exact bytes sent (so it covers the language and
 * every fact), Cache-Control for browsers and CDNs, Content-Language, 304 when it matches, and
 * (with a ResponseCache) the bytes kept, to be served again without touching the database until
 * the catalogue changes (http/cached-hits.ts sends them). Only successful GET/HEAD; errors are
 * never cached.
 */
export function registerCatalogueCaching(
  app: FastifyInstance,
  maxAge: number,
  cache: ResponseCache | null,
): void {
  app.addHook('onSend', (request: FastifyRequest, reply: FastifyReply, payload: unknown, done) => {
    if (reply.getHeader('content-language') === undefined)
      reply.header('content-language', pickLang(request));
    addVary(reply, 'Accept-Language');
    if (!cacheable(request) || reply.statusCode !== 200 || typeof payload !== 'string')
      return done(null, payload);
    const etag = `"${createHash('sha256').update(payload).digest('base64url').slice(0, 32)}"`;
    cache?.set(cacheKey(request), {
      payload,
      length: Buffer.byteLength(payload),
      etag,
      contentType: String(reply.getHeader('content-type')),
    });
    done(null, finish(request, reply, etag, maxAge) ? '' : payload);
  });
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Public, cacheable catalogue data (ETag + Cache-Control + 304 + response cache). */
    catalogue?: boolean;
  }
}
