import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { cacheable, cacheControl, ifNoneMatchHits } from './cache.js';
import { COMPRESS_FROM_BYTES, preferredEncoding } from './compression.js';
import { catalogueCorsHeaders } from './cors.js';
import { hsts, securityHeaders } from './headers.js';
import { pickLang } from './lang.js';
import { acceptable } from './negotiate.js';
import type { RateCheck, Refusal } from './rate-limit.js';
import type { CachedResponse, ResponseCache } from './response-cache.js';

/**
 * A catalogue answer the response cache holds, sent the short way: the first onRequest hook
 * answers it with the headers the whole pipeline would send, built from what never changes
 * (helmet's headers, the catalogue's CORS, Cache-Control) plus the entry's, without the other
 * hooks (helmet, content negotiation, CORS, rate limit, cache, compression, x-request-id), each of
 * which cost a cached GET more than the writing of its answer did.
 *
 * What each of those does for a cached catalogue answer is done here too:
 * - the request counts against the rate limit, once (`check`, the same as the rate-limit hook's);
 *   over the limit, this way steps aside and the hooks answer the 429 (with CORS headers);
 * - an Accept that allows no JSON steps aside before counting (the hooks answer 406 and count);
 * - security headers, HSTS over HTTPS, CORS with `Vary: Origin`, `Vary: Accept-Language`,
 *   Content-Language, ETag and Cache-Control, 304 for a matching If-None-Match, brotli or gzip as
 *   the client accepts (`Vary: Accept-Encoding`), `X-Request-Id`.
 * onResponse hooks (logging among them) still run. test/cached-hits.test.ts compares every
 * header and the bytes with the same app without a response cache, for several kinds of client.
 */
export function registerCachedHits(
  app: FastifyInstance,
  cache: ResponseCache,
  maxAge: number,
  check: RateCheck,
): void {
  const fixed = Object.freeze({
    ...securityHeaders,
    ...catalogueCorsHeaders,
    'cache-control': cacheControl(maxAge),
  });

  const answer = (request: FastifyRequest, reply: FastifyReply, hit: CachedResponse, lang: string) => {
    const headers: Record<string, string | number> = {
      ...fixed,
      'content-language': lang,
      etag: hit.etag,
      'x-request-id': request.id,
      vary: 'Origin, Accept-Language',
    };
    if (request.protocol === 'https') headers['strict-transport-security'] = hsts;
    reply.hijack();
    const raw = reply.raw;
    if (ifNoneMatchHits(request.headers['if-none-match'], hit.etag)) {
      headers['content-length'] = 0;
      raw.writeHead(304, headers);
      raw.end();
      return;
    }
    headers['content-type'] = hit.contentType;
    const encoding =
      request.headers['x-no-compression'] === undefined
        ? preferredEncoding(request.headers['accept-encoding'])
        : null;
    const length = hit.length;
    if (!encoding || length < COMPRESS_FROM_BYTES) {
      headers['content-length'] = length;
      raw.writeHead(200, headers);
      raw.end(request.method === 'HEAD' ? undefined : hit.payload);
      return;
    }
    const body = cache.encoded(hit, encoding);
    headers.vary = 'Origin, Accept-Language, Accept-Encoding';
    headers['content-encoding'] = encoding;
    headers['content-length'] = body.length;
    raw.writeHead(200, headers);
    raw.end(request.method === 'HEAD' ? undefined : body);
  };

  const counted = (
    request: FastifyRequest,
    reply: FastifyReply,
    done: (error?: Error) => void,
    hit: CachedResponse,
    lang: string,
    refused: Refusal | null,
  ) => {
    request.rateChecked = refused;
    if (refused) done();
    else answer(request, reply, hit, lang);
  };

  const serve = (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
    const lang = pickLang(request);
    const hit = cache.get(`${lang} ${request.url}`);
    if (!hit) return done();
    const checked = check(request);
    if (!(checked instanceof Promise)) return counted(request, reply, done, hit, lang, checked);
    // (The check never fails: a counter it cannot reach lets the request through.)
    checked.then(
      (refused) => counted(request, reply, done, hit, lang, refused),
      () => done(),
    );
  };

  app.addHook('onRequest', (request, reply, done) => {
    if (!cacheable(request) || !acceptable(request)) return done();
    const refreshing = cache.refreshIfDue();
    // A failed version check steps aside: the whole pipeline answers (and reports) it.
    if (refreshing)
      refreshing.then(
        () => serve(request, reply, done),
        () => done(),
      );
    else serve(request, reply, done);
  });
}
