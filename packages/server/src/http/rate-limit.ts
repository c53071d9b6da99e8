import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sweepCounters } from '../db/counters.js';
import type { Queryable } from '../db/index.js';
import type { Limit, Limits } from '../limits.js';
import { tooManyRequests } from '../problem.js';
import { ReservingCounter } from './rate-store.js';

type Kind = 'reads' | 'writes' | 'lookups' | 'uploads' | 'drafts' | 'signIns';

const UPLOAD = '/v1/applications/:code/attachments';
// Every route a code and secret open (read with GET): guessing is limited per address too, not only per code.
const lookupRoutes = new Set([
  '/v1/applications/:code',
  '/v1/applications/:code/status',
  '/v1/applications/:code/receipt',
  '/v1/applications/:code/result',
  '/v1/applications/:code/survey',
  '/v1/bookings/:code',
  '/v1/bookings/:code/survey',
  '/v1/survey/link',
  '/v1/complaints/:code',
]);
// The tracker's plain HTML form (site/tracker.ts) POSTs a code and a secret: a lookup too; so does
// the complaint form asking which news channels reach the citizen about an application or a visit.
const lookupPosts = new Set(['POST /katalog/:lang/lacak', 'POST /v1/news-channels']);
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
// Officer sign-ins (a password, or the single sign-on's return): counted per address on their own too.
const signInRoutes = new Set(['POST /v1/officer/session', 'GET /v1/officer/session/oidc/callback']);

/**
 * The limits a request counts against: exactly one per request, plus `drafts` for a new draft and
 * `signIns` for an officer's sign-in.
 */
export function kindsOf(request: FastifyRequest): Kind[] {
  const url = request.routeOptions.url;
  if (signInRoutes.has(`${request.method} ${url}`))
    return [safeMethods.has(request.method) ? 'reads' : 'writes', 'signIns'];
  if (lookupPosts.has(`${request.method} ${url}`)) return ['lookups'];
  if (safeMethods.has(request.method)) {
    return request.method !== 'OPTIONS' && url && lookupRoutes.has(url) ? ['lookups'] : ['reads'];
  }
  if (request.method === 'POST' && url === UPLOAD) return ['uploads'];
  // A new draft and a new complaint each also count against the hourly limit of new things.
  if (request.method === 'POST' && (url === '/v1/applications' || url === '/v1/complaints')) {
    return ['writes', 'drafts'];
  }
  return ['writes'];
}

/**
 * Rate limits per client address on every route, 404s included (@fastify/rate-limit, counting in
 * the database through `counters.ts`, so instances on one PostgreSQL share the counts; a
 * ReservingCounter writes there once per run of hits, not once per hit). The
 * client address is `request.ip`: the connection's, or the one the trusted reverse proxy put in
 * X-Forwarded-For (Fastify's `trustProxy`). IPv6 addresses count per /64, like the plugin does.
 * A refused request gets `429` problem+json with `Retry-After`. Register after CORS (so the 429
 * carries CORS headers) and before the catalogue cache (so cached answers are counted too).
 */
export async function registerRateLimits(app: FastifyInstance, db: Queryable, limits: Limits): Promise<void> {
  const counter = new ReservingCounter(db);
  sweepCountersNowAndThen(app, db, counter);
  const store = class {
    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      windowMs: number,
      max: number,
    ) {
      counter.hit(`ip:${key}`, windowMs, max).then(
        (place) => callback(null, place),
        (error: Error) => callback(error),
      );
    }
    child() {
      return this;
    }
  };
  await app.register(rateLimit, { global: false, store, skipOnError: true });

  const allowed = new Set(limits.allow.map((address) => normalizeIP(address)));
  const limiter = (kind: Kind, limit: Limit) =>
    limit.max > 0
      ? app.createRateLimit({
          max: limit.max,
          timeWindow: limit.windowMs,
          keyGenerator: (request) => `${kind}:${normalizeIP(request.ip)}`,
          allowList: (request) => allowed.has(normalizeIP(request.ip)),
        })
      : null;
  const limiters = {
    reads: limiter('reads', limits.reads),
    writes: limiter('writes', limits.writes),
    lookups: limiter('lookups', limits.lookups),
    uploads: limiter('uploads', limits.uploads),
    drafts: limiter('drafts', limits.drafts),
    signIns: limiter('signIns', limits.signIns),
  };

  app.addHook('onRequest', async (request, reply) => {
    for (const kind of kindsOf(request)) {
      const check = limiters[kind];
      const result = check ? await check(request) : null;
      if (!result || result.isAllowed || !result.isExceeded) continue;
      const seconds = Math.max(1, result.ttlInSeconds);
      reply.header('x-ratelimit-limit', result.max);
      reply.header('x-ratelimit-remaining', 0);
      reply.header('x-ratelimit-reset', seconds);
      request.log.info({ kind, limit: result.max }, 'rate limit reached');
      throw tooManyRequests(seconds);
    }
  });
}

/**
 * Deletes ended counters once a minute while the app runs, in the database and in this instance's
 * memory (a failure is logged and tried again).
 */
function sweepCountersNowAndThen(
  app: FastifyInstance,
  db: Queryable,
  counter: ReservingCounter,
  everyMs = 60_000,
): void {
  const timer = setInterval(() => {
    counter.sweep();
    sweepCounters(db).catch((error: unknown) =>
      app.log.warn({ err: error }, 'could not sweep rate counters'),
    );
  }, everyMs);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
