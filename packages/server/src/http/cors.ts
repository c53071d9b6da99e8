import cors, { type FastifyCorsOptions } from '@fastify/cors';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { originAllowedAnywhere } from '../applications/origins.js';
import type { Queryable } from '../db/index.js';

const catalogue = {
  origin: '*',
  methods: ['GET', 'HEAD'],
  allowedHeaders: ['Accept', 'Accept-Language', 'If-None-Match', 'X-Request-Id'],
  exposedHeaders: ['ETag', 'Content-Language', 'X-Request-Id'],
  maxAge: 86400,
} satisfies FastifyCorsOptions;

/**
 * What @fastify/cors adds to a catalogue GET or HEAD (not a preflight), whatever the Origin: any
 * origin may read, these headers too. (It also adds `Vary: Origin`, as for every policy chosen per
 * request.) The cached answers' short way sends these itself; test/cached-hits.test.ts holds it
 * to what the plugin sends.
 */
export const catalogueCorsHeaders: Readonly<Record<string, string>> = Object.freeze({
  'access-control-allow-origin': catalogue.origin,
  'access-control-expose-headers': catalogue.exposedHeaders.join(', '),
});

const citizen = (origin: boolean): FastifyCorsOptions => ({
  origin,
  methods: ['GET', 'POST', 'PATCH', 'DELETE'],
  allowedHeaders: [
    'Accept',
    'Accept-Language',
    'Content-Type',
    'Loket-Secret',
    'Loket-Kiosk',
    'Loket-Survey-Link',
    'If-Match',
    'Idempotency-Key',
    'X-Request-Id',
  ],
  // Content-Disposition: a page saves the result document under its name (downloadResultDocument).
  exposedHeaders: [
    'ETag',
    'Content-Language',
    'Location',
    'Idempotent-Replayed',
    'X-Request-Id',
    'Content-Disposition',
  ],
  maxAge: 600,
});

/**
 * Three CORS policies. The catalogue (with the published performance, visit slots and the queue
 * board, and the complaint channels) is public: any origin. The citizen application, booking,
 * complaint, survey kiosk and survey link endpoints, and the news channels (the application form's
 * question, and the complaint form's, which carries a secret)
 * answer only origins some region has allowed (the preflight carries no region; each request is
 * then checked against its own application's region). The officer API never answers CORS.
 */
export async function registerCors(app: FastifyInstance, db: Queryable): Promise<void> {
  await app.register(cors, {
    delegator: (request: FastifyRequest, callback) => {
      const path = request.url;
      const origin = request.headers.origin;
      if (path.startsWith('/v1/officer')) return callback(null, { origin: false });
      // Survey kiosks are pages of a region's site, allowed like the citizen endpoints.
      const citizenPath = [
        '/v1/applications',
        '/v1/bookings',
        '/v1/complaints',
        '/v1/kiosk/',
        '/v1/survey/',
        '/v1/news-channels',
      ].some((p) => path.startsWith(p));
      if (!citizenPath) return callback(null, catalogue);
      if (!origin) return callback(null, citizen(false));
      originAllowedAnywhere(db, origin).then(
        (allowed) => callback(null, citizen(allowed)),
        (err: Error) => callback(err, citizen(false)),
      );
    },
  });
}
