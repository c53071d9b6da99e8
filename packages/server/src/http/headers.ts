import type { IncomingMessage, ServerResponse } from 'node:http';
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
export const hsts = 'max-age=31536000; includeSubDomains';

/**
 * The headers helmet sets, taken once from its middleware (every one is the same on every
 * response: nothing in this configuration depends on the request). @fastify/helmet built the
 * middleware again for every request, and even built once it set eleven headers one by one on the
 * raw response; a copy of this object costs a fraction of that.
 */
function helmetHeaders(): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: unknown) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives: apiPolicy },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    strictTransportSecurity: false,
  })({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return Object.freeze(headers);
}

/**
 * Security headers on every response (helmet's): nosniff, a CSP (the API's, or the docs' where the
 * docs plugin sets its own), `Referrer-Policy: no-referrer`, frame protection
 * (`X-Frame-Options: DENY` and `frame-ancestors 'none'`), and HSTS only over HTTPS, as seen
 * through a trusted proxy (`request.protocol` follows Fastify's `trustProxy`): over plain HTTP
 * HSTS is ignored by browsers anyway, and a proxy that is not trusted could claim HTTPS.
 * `Cross-Origin-Resource-Policy: cross-origin`: the catalogue and the citizen endpoints are
 * meant to be read by pages on other origins (CORS decides which).
 */
export const securityHeaders = helmetHeaders();

export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(securityHeaders);
    done();
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', hsts);
    done(null, payload);
  });
}
