import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { cpsvCatalogue } from '../catalogue/cpsv-ap.js';
import { locationsOffering } from '../catalogue/locations.js';
import { presentService, presentServiceList } from '../catalogue/present.js';
import { findRegion, listRegions, type RegionRow, scopeOf } from '../catalogue/regions.js';
import { findService, listServices } from '../catalogue/services.js';
import { buildCache, buildFile } from '../http/desk.js';
import type { Lang } from '../messages/index.js';
import { ProblemError } from '../problem.js';
import type { AppContext } from '../routes/context.js';
import { storable } from '../text.js';
import { applyPage } from './apply-page.js';
import { isLang, originOf, paths, SITE, sendPage } from './layout.js';
import { notFoundPage, PAGE_SIZE, regionPage, tooManyPage } from './region-page.js';
import { servicePage } from './service-page.js';
import { regionSitemap, robots, sitemapIndex } from './sitemap.js';
import { siteCss } from './style.js';
import { trackerHandlers } from './tracker.js';

type Params = { lang: string; region: string; slug: string; file: string; name: string };
type Request = FastifyRequest<{ Params: Params; Querystring: { q?: unknown; halaman?: unknown } }>;

const regionFile = (file: string, ext: string) => {
  const match = new RegExp(`^(\\d{2}(?:\\.\\d{2})?)\\.${ext}$`).exec(file);
  return match?.[1] ?? null;
};

/** Text a person typed, as the search can take it: no NUL, no lone surrogate, bounded. */
const typed = (value: unknown) =>
  typeof value === 'string' ? storable(value).trim().slice(0, 200) || null : null;

/** Where `pnpm build` writes the citizen components' lazy loader, in the repository. */
export const citizenDir = fileURLToPath(new URL('../../../components/dist/loket/', import.meta.url));

const publicCache = 'public, max-age=300, stale-while-revalidate=86400';

/**
 * The catalogue as pages anyone can read without JavaScript, under /katalog/ (docs/seo.md): a
 * region's list and search, each service's page with schema.org JSON-LD, the tracker as a form,
 * sitemaps and robots.txt, and the CPSV-AP export. Every fact comes from the functions the JSON
 * API uses (catalogue/services.ts, present.ts, locations.ts): there is no second copy of the
 * catalogue's rules here, only markup.
 */
export function registerSite(
  app: FastifyInstance,
  ctx: AppContext,
  publicUrl: string | undefined,
  componentsDir = citizenDir,
): void {
  const origin = (request: FastifyRequest) => originOf(request, publicUrl);
  const tracker = trackerHandlers(ctx, origin);
  const missing = (request: FastifyRequest, reply: FastifyReply, lang: Lang) =>
    sendPage(reply.code(404), lang, notFoundPage(lang, origin(request)), 'no-store', origin(request));
  const region = async (code: string): Promise<RegionRow | null> =>
    code.length <= 20 ? findRegion(ctx.db, code) : null;

  app.register(async (site) => {
    // A refusal before any handler (the rate limits) as a page too, in the address's language.
    site.setErrorHandler((error, request, reply) => {
      if (!(error instanceof ProblemError) || error.status !== 429) throw error;
      const lang: Lang = request.url.startsWith(`${SITE}/en/`) ? 'en' : 'id';
      const seconds = error.retryAfter ?? 60;
      reply.code(429).header('retry-after', String(seconds));
      return sendPage(reply, lang, tooManyPage(lang, origin(request), seconds), 'no-store', origin(request));
    });
    site.get('/robots.txt', (request, reply) =>
      reply
        .header('cache-control', publicCache)
        .type('text/plain; charset=utf-8')
        .send(robots(origin(request))),
    );
    site.get(paths.css, (_request, reply) =>
      reply.header('cache-control', 'public, max-age=86400').type('text/css; charset=utf-8').send(siteCss),
    );
    // The citizen components' build (`pnpm build`), for the pages' takeover: the loader revalidated,
    // its content-hashed chunks kept for a year (http/desk.ts serves the desk's the same way).
    site.get(`${SITE}/loket/:name`, async (request: Request, reply) => {
      const bytes = await buildFile(componentsDir, request.params.name);
      if (!bytes) return reply.callNotFound();
      return reply
        .header('cache-control', buildCache(request.params.name))
        .header('x-content-type-options', 'nosniff')
        .type('text/javascript; charset=utf-8')
        .send(bytes);
    });
    site.get(paths.sitemapIndex, async (request, reply) => {
      const { rows } = await listRegions(ctx.db, { limit: 100_000, offset: 0 });
      const xml = sitemapIndex(
        origin(request),
        rows.map((r) => r.code),
      );
      return reply.header('cache-control', publicCache).type('application/xml; charset=utf-8').send(xml);
    });
    site.get(`${SITE}/sitemap/:file`, async (request: Request, reply) => {
      const code = regionFile(request.params.file, 'xml');
      const found = code ? await region(code) : null;
      if (!found) return reply.callNotFound();
      const { rows } = await listServices(ctx.db, scopeOf(found), { limit: 100_000, offset: 0 });
      const xml = regionSitemap(
        origin(request),
        found,
        rows.map((r) => r.id),
      );
      return reply.header('cache-control', publicCache).type('application/xml; charset=utf-8').send(xml);
    });
    site.get(`${SITE}/cpsv-ap/:file`, async (request: Request, reply) => {
      const code = regionFile(request.params.file, 'jsonld');
      const found = code ? await region(code) : null;
      if (!found) return reply.callNotFound();
      const base = origin(request);
      const document = await cpsvCatalogue(ctx.db, found, {
        documentIri: base + paths.cpsv(found.code),
        serviceIri: (slug) => `${base}${paths.service('id', found.code, slug)}#layanan`,
      });
      return reply
        .header('cache-control', publicCache)
        .header('access-control-allow-origin', '*')
        .type('application/ld+json; charset=utf-8')
        .send(JSON.stringify(document));
    });

    site.get(`${SITE}/:lang/lacak`, (request: Request, reply) => {
      const { lang } = request.params;
      return isLang(lang) ? tracker.show(request, reply, lang) : reply.callNotFound();
    });
    site.post(`${SITE}/:lang/lacak`, (request: Request, reply) => {
      const { lang } = request.params;
      return isLang(lang) ? tracker.lookUp(request, reply, lang) : reply.callNotFound();
    });

    site.get(`${SITE}/:lang/:region`, async (request: Request, reply) => {
      const { lang } = request.params;
      if (!isLang(lang)) return reply.callNotFound();
      const found = await region(request.params.region);
      if (!found) return missing(request, reply, lang);
      const q = typed(request.query.q);
      const pageNumber = Math.min(
        1000,
        Math.max(1, Number.parseInt(String(request.query.halaman ?? '1'), 10) || 1),
      );
      const result = await listServices(ctx.db, scopeOf(found), {
        q: q ?? undefined,
        limit: PAGE_SIZE,
        offset: (pageNumber - 1) * PAGE_SIZE,
      });
      const list = presentServiceList(
        result,
        lang,
        { q, region: found.code, category: null, agency: null, channel: null },
        { limit: PAGE_SIZE, next_cursor: null },
        ctx.nationalComplaintChannels,
      );
      const body = regionPage(found, lang, { q, pageNumber, list }, origin(request));
      return sendPage(reply, lang, body, 'public', origin(request));
    });

    site.get(`${SITE}/:lang/:region/:slug`, async (request: Request, reply) => {
      const { lang, slug } = request.params;
      if (!isLang(lang)) return reply.callNotFound();
      const found = await region(request.params.region);
      const row = found ? await findService(ctx.db, slug, scopeOf(found)) : null;
      if (!found || !row) return missing(request, reply, lang);
      const service = presentService(row, lang, ctx.nationalComplaintChannels);
      const locations = (await locationsOffering(ctx.db, found, row.id))?.data ?? [];
      const base = origin(request);
      return sendPage(reply, lang, servicePage(service, found, locations, base), 'public', base);
    });

    // The finder's "Ajukan secara daring" on a service's page: the form, here, for services that have one.
    site.get(`${SITE}/:lang/:region/:slug/ajukan`, async (request: Request, reply) => {
      const { lang, slug } = request.params;
      if (!isLang(lang)) return reply.callNotFound();
      const found = await region(request.params.region);
      const row = found ? await findService(ctx.db, slug, scopeOf(found)) : null;
      const service = row ? presentService(row, lang, ctx.nationalComplaintChannels) : null;
      if (!found || !service?.form_available) return missing(request, reply, lang);
      const base = origin(request);
      return sendPage(reply, lang, applyPage(service, found, base), 'public', base);
    });
  });
}
