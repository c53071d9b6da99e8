import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * The officer desk at /petugas/ (docs/desk.md): one page and the desk's own Stencil build
 * (packages/components/dist-desk, `pnpm build`), served by the API on its own origin, so that the
 * officer API's session cookie (SameSite=Strict) and CSRF header work and no other origin is
 * involved. Its policy allows nothing inline and nothing from elsewhere:
 * - scripts and styles from this origin only (components style their shadow roots with
 *   constructable stylesheets, which CSP does not restrict);
 * - `blob:` images: the attachment viewer shows an image's bytes (the hardened download's) as an
 *   object URL; a PDF is drawn on canvases by pdf.js, loaded from /petugas/build/ when one is opened;
 * - workers from this origin only: pdf.js's, started under the one Trusted Types policy,
 *   `loket-desk-pdf`, which allows that script URL and nothing else; the desk never writes HTML.
 */
export const deskPolicy: Record<string, string[]> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'blob:'],
  'worker-src': ["'self'"],
  'connect-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
  'require-trusted-types-for': ["'script'"],
  'trusted-types': ['loket-desk-pdf'],
};

export const deskCsp = Object.entries(deskPolicy)
  .map(([name, sources]) => [name, ...sources].join(' '))
  .join('; ');

/** Where `pnpm build` writes the desk, next to this package in the repository. */
export const defaultDeskDir = fileURLToPath(new URL('../../../components/dist-desk/', import.meta.url));

const page = `<!doctype html>
<html lang="id">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="robots" content="noindex">
    <title>Loket Petugas</title>
    <link rel="stylesheet" href="/petugas/desk.css">
    <script type="module" src="/petugas/build/loket-desk.esm.js"></script>
  </head>
  <body>
    <loket-desk></loket-desk>
  </body>
</html>
`;

/** The page around the desk: no margin, the system font, the desk's space kept until it renders. */
const pageCss = `html { color-scheme: light; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
loket-desk { display: block; min-height: 100vh; }
`;

const file = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*\.js$/;
/**
 * Chunks named by their content's hash, and pdf.js named by its version, never change: cached for
 * a year. The entry is revalidated.
 */
const hashed = /^(p-[A-Za-z0-9_-]+(\.entry)?|pdfjs(-worker)?-\d+\.\d+\.\d+)\.js$/;

/** A file of a Stencil build's `build/` folder (the desk's, the citizen loader's), or null. */
export const buildFile = (dir: string, name: string) =>
  file.test(name) ? readFile(`${dir}/${name}`).catch(() => null) : Promise.resolve(null);
/** Content-hashed chunks for a year; an entry (a stable name) revalidated each time. */
export const buildCache = (name: string) =>
  hashed.test(name) ? 'public, max-age=31536000, immutable' : 'no-cache';

const asPage = (reply: FastifyReply, type: string) =>
  reply.header('content-security-policy', deskCsp).header('cache-control', 'no-cache').type(type);

export function registerDesk(app: FastifyInstance, dir: string): void {
  app.get('/petugas', (_request, reply) => reply.redirect('/petugas/', 301));
  app.get('/petugas/', (_request, reply) => asPage(reply, 'text/html; charset=utf-8').send(page));
  app.get('/petugas/desk.css', (_request, reply) => asPage(reply, 'text/css; charset=utf-8').send(pageCss));
  app.get<{ Params: { name: string } }>('/petugas/build/:name', async (request, reply) => {
    const { name } = request.params;
    const bytes = await buildFile(`${dir}/build`, name);
    if (!bytes) return reply.callNotFound();
    return asPage(reply, 'text/javascript; charset=utf-8')
      .header('cache-control', buildCache(name))
      .send(bytes);
  });
}
