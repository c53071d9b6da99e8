import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * The API serves JSON only: nothing in it may run, load, be framed or submit anywhere. (A JSON
 * response opened in a tab, or an error page, then stays inert.)
 */
const apiPolicy = {
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/**
 * The API reference at /docs (Swagger UI): its own scripts and styles from this server, inline
 * style attributes (Swagger UI sets them from script), `data:` images and fonts from its CSS,
 * and "Try it out" requests to this server (or its public URL).
 */
export function docsPolicy(publicUrl?: string): Record<string, string[]> {
  const api = publicUrl ? new URL(publicUrl).origin : undefined;
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'connect-src': ["'self'", ...(api ? [api] : [])],
    'font-src': ["'self'", 'data:'],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'img-src': ["'self'", 'data:'],
    'object-src': ["'none'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
  };
}

/** HSTS for a year, sent only on requests that arrived over HTTPS (through a trusted proxy). */
const hsts = 'max-age=31536000; includeSubDomains';

/**
 * Security headers on every response (helmet): nosniff, a CSP (the API's, or the docs' where the
 * docs plugin sets its own), `Referrer-Policy: no-referrer`, frame protection
 * (`X-Frame-Options: DENY` and `frame-ancestors 'none'`), and HSTS only over HTTPS, as seen
 * through a trusted proxy (`request.protocol` follows Fastify's `trustProxy`): over plain HTTP
 * HSTS is ignored by browsers anyway, and a proxy that is not trusted could claim HTTPS.
 * `Cross-Origin-Resource-Policy: cross-origin`: the catalogue and the citizen endpoints are
 * meant to be read by pages on other origins (CORS decides which).
 * helmet's middleware is built once here: @fastify/helmet built it again for every request (its
 * CSP parsed anew each time), a quarter of a cached catalogue GET's time.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  const secure = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: apiPolicy },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', (request, reply, done) => {
    secure(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', hsts);
  });
}
