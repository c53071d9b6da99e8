#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import { apiBaseFor } from './api-base.mjs';
import { createNonce, cspDirectives, serializeCsp } from './csp.mjs';
import { registerMailPages, renderMailbox } from './mail-pages.mjs';
import { loadPages, renderPage, siteOrigin } from './pages.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const siteDir = join(here, 'site');
/** The one-script-tag bundle of @loket/components (`pnpm build` writes it). */
export const componentsDir = join(here, 'node_modules', '@loket', 'components', 'dist', 'loket');

/**
 * @typedef {object} DemoOptions
 * @property {string} [apiUrl] the Loket API base URL for every page (env LOKET_API_URL); without
 *   it, the page's own hostname with `apiPort`
 * @property {number} [apiPort] the API's port when `apiUrl` is unset (env PORT, as the API reads it; 8080)
 * @property {(directives: Record<string, string[]>) => Record<string, string[]>} [csp] adjusts the
 *   policy (tests use it to prove the browser enforces it)
 * @property {boolean} [logger] log requests (pino JSON lines)
 * @property {import('./mail-catcher.mjs').MailCatcher} [mail] a mail catcher whose messages /surat.html
 *   and /surat.json show (mail-pages.mjs); without it those pages do not exist
 */

/**
 * The demo regional website as a Fastify app: its pages with the API URL filled in, its assets
 * under /assets/, the Loket components under /loket/, and a strict CSP on every response.
 *
 * @param {DemoOptions} [options]
 */
export async function buildDemo(options = {}) {
  const apiUrl = options.apiUrl ?? (process.env.LOKET_API_URL || undefined);
  const apiPort = options.apiPort ?? Number(process.env.PORT || 8080);
  const adjustCsp = options.csp ?? ((directives) => directives);
  if (apiUrl && !URL.canParse(apiUrl)) throw new Error(`LOKET_API_URL "${apiUrl}" is not a URL`);
  if (!existsSync(join(componentsDir, 'loket.esm.js'))) {
    throw new Error(`${componentsDir}/loket.esm.js is missing: run \`pnpm build\` first`);
  }
  const pages = await loadPages(siteDir, { '/assets/': join(siteDir, 'assets'), '/loket/': componentsDir });
  const app = Fastify({ logger: options.logger ?? false });
  // Brotli or gzip for the pages, the stylesheets, the components' JavaScript and the SVG logo;
  // files of other types (none yet) and range requests are sent as they are.
  await app.register(fastifyCompress, {
    global: true,
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    threshold: 1024,
    customTypes: /^(?:text\/|application\/(?:javascript|json)|image\/svg\+xml)/,
  });

  /** This response's API base and CSP nonce, for the page templates. */
  const perRequest = new WeakMap();
  app.addHook('onRequest', async (request, reply) => {
    const api = apiBaseFor({ host: request.headers.host, protocol: request.protocol }, { apiUrl, apiPort });
    const nonce = createNonce();
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    const origin = siteOrigin({ host: request.headers.host, protocol: request.protocol }, 'http://127.0.0.1');
    perRequest.set(request, { apiBase: api.base, apiOrigin: api.origin, nonce, origin, query });
    reply.header(
      'content-security-policy',
      serializeCsp(adjustCsp(cspDirectives({ apiOrigin: api.origin, nonce }))),
    );
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    reply.header('cross-origin-opener-policy', 'same-origin');
    // Geolocation for this site only: the visit booking sorts MPPs nearest first when asked.
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(self)');
  });

  /**
   * @param {string} name
   * @param {import('fastify').FastifyRequest} request
   * @param {import('fastify').FastifyReply} reply
   */
  const sendPage = (name, request, reply, status = 200) =>
    reply
      .code(status)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(renderPage(/** @type {string} */ (pages.get(name)), perRequest.get(request)));

  app.get('/', (request, reply) => sendPage('index.html', request, reply));
  if (options.mail) {
    const catcher = options.mail;
    const mailPages = await loadPages(join(here, 'mail'), { '/assets/': join(siteDir, 'assets') });
    registerMailPages(app, catcher, (request, reply) => {
      const values = perRequest.get(request);
      // The page frames each mail's HTML part from this site (sandboxed, see mail-pages.mjs).
      const directives = { ...cspDirectives({ apiOrigin: values.apiOrigin, nonce: values.nonce }) };
      directives['frame-src'] = ["'self'"];
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-security-policy', serializeCsp(adjustCsp(directives)))
        .send(
          renderMailbox(renderPage(/** @type {string} */ (mailPages.get('surat.html')), values), catcher),
        );
    });
  }
  // Every page may be crawled (Lighthouse's SEO audit reads this file).
  app.get('/robots.txt', (_request, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send('User-agent: *\nAllow: /\n'),
  );
  app.get('/:page', (request, reply) => {
    const { page } = /** @type {{ page: string }} */ (request.params);
    if (page === '404.html' || !pages.has(page)) return sendPage('404.html', request, reply, 404);
    return sendPage(page, request, reply);
  });
  app.setNotFoundHandler((request, reply) => sendPage('404.html', request, reply, 404));

  await app.register(fastifyStatic, { root: join(siteDir, 'assets'), prefix: '/assets/', index: false });
  await app.register(fastifyStatic, {
    root: componentsDir,
    prefix: '/loket/',
    index: false,
    decorateReply: false,
  });
  return app;
}

/**
 * Starts the demo site. `port` 0 picks a free port.
 *
 * @param {DemoOptions & { host?: string, port?: number }} [options]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startDemo(options = {}) {
  const app = await buildDemo(options);
  const host = options.host ?? (process.env.DEMO_HOST || process.env.HOST || '127.0.0.1');
  const port = options.port ?? Number(process.env.DEMO_PORT || 8081);
  const url = await app.listen({ host, port });
  return { url, close: () => app.close() };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  startDemo({ logger: true }).then(
    ({ url }) => console.log(`Loket demo site: ${url}/`),
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exitCode = 1;
    },
  );
}
