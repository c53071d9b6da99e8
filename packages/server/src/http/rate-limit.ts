import { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sweepCounters } from '../db/counters.js';
import type { Queryable } from '../db/index.js';
import type { Limit, Limits } from '../limits.js';
import { tooManyRequests } from '../problem.js';
import { memo } from './memo.js';
import { type Place, ReservingCounter } from './rate-store.js';

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

/** The first limit a request went over: which, its maximum, and when it may try again. */
export interface Refusal {
  kind: Kind;
  max: number;
  seconds: number;
}

/**
 * Counts a request against each of its limits (kindsOf): null when it may go on, else the first
 * limit it went over. Synchronous while this instance holds places in memory for its keys (the
 * common case, see ReservingCounter); a promise when a key needs the database.
 */
export type RateCheck = (request: FastifyRequest) => Refusal | null | Promise<Refusal | null>;

declare module 'fastify' {
  interface FastifyRequest {
    /** This request's count, when it was taken before the rate-limit hook (http/cached-hits.ts). */
    rateChecked?: Refusal | null;
  }
}

/**
 * Rate limits per client address on every route, 404s included, counted in the database through
 * `counters.ts` (so instances on one PostgreSQL share the counts; a ReservingCounter writes there
 * once per run of hits, not once per hit). The client address is `request.ip`: the connection's,
 * or the one the trusted reverse proxy put in X-Forwarded-For (Fastify's `trustProxy`). IPv6
 * addresses count per /64 (@fastify/rate-limit's normalizeIP). A request over a limit gets `429`
 * problem+json with `Retry-After`; if the counter cannot be reached the request is let through
 * (as @fastify/rate-limit's `skipOnError` did). Register after CORS (so the 429 carries CORS
 * headers) and before the catalogue cache (so cached answers are counted too). The cached
 * answers' short way (cached-hits.ts) counts with the same check before this hook, and leaves its
 * result in `request.rateChecked`.
 */
export function rateCheck(app: FastifyInstance, db: Queryable, limits: Limits): RateCheck {
  const counter = new ReservingCounter(db);
  sweepCountersNowAndThen(app, db, counter);
  const address = memo((ip) => normalizeIP(ip), 1024);
  const allowed = new Set(limits.allow.map((ip) => address(ip)));

  const refusal = (kind: Kind, limit: Limit, place: Place | null): Refusal | null =>
    place && place.current > limit.max
      ? { kind, max: limit.max, seconds: Math.max(1, Math.ceil(place.ttl / 1000)) }
      : null;

  const check: RateCheck = (request) => {
    const ip = address(request.ip);
    if (allowed.has(ip)) return null;
    const kinds = kindsOf(request);
    for (let i = 0; i < kinds.length; i++) {
      const kind = kinds[i] as Kind;
      const limit = limits[kind];
      if (limit.max <= 0) continue;
      const key = `ip:${kind}:${ip}`;
      const held = counter.hitHeld(key);
      if (!held) return checkFrom(i, kinds, ip);
      const refused = refusal(kind, limit, held);
      if (refused) return refused;
    }
    return null;
  };
  // The rest of the kinds from `i` on, waiting for the database where needed.
  const checkFrom = async (i: number, kinds: Kind[], ip: string): Promise<Refusal | null> => {
    for (const kind of kinds.slice(i)) {
      const limit = limits[kind];
      if (limit.max <= 0) continue;
      const place = await counter.hit(`ip:${kind}:${ip}`, limit.windowMs, limit.max).catch(() => null);
      const refused = refusal(kind, limit, place);
      if (refused) return refused;
    }
    return null;
  };
  return check;
}

/** The rate-limit hook: the check's refusal becomes a 429 (see rateCheck). */
export function registerRateLimits(app: FastifyInstance, check: RateCheck): void {
  app.addHook('onRequest', (request, reply, done) => {
    const refuse = (refused: Refusal | null) => {
      if (!refused) return done();
      reply.header('x-ratelimit-limit', refused.max);
      reply.header('x-ratelimit-remaining', 0);
      reply.header('x-ratelimit-reset', refused.seconds);
      request.log.info({ kind: refused.kind, limit: refused.max }, 'rate limit reached');
      done(tooManyRequests(refused.seconds));
    };
    const checked = request.rateChecked !== undefined ? request.rateChecked : check(request);
    if (checked instanceof Promise) checked.then(refuse, done);
    else refuse(checked);
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
