import type { RegionRow } from '../catalogue/regions.js';
import { escapeHtml } from './html.js';
import { langs, paths } from './layout.js';

/** XML text: the same five escapes as HTML (sitemaps.org requires entity-escaped URLs). */
const xml = escapeHtml;

/**
 * A region's sitemap (https://www.sitemaps.org/protocol.html): its list and every service page,
 * each in both languages, with `xhtml:link` alternates as Google documents for hreflang
 * (https://developers.google.com/search/docs/specialty/international/localized-versions#sitemap).
 */
export function regionSitemap(origin: string, region: RegionRow, serviceIds: string[]): string {
  const entry = (byLang: Record<'id' | 'en', string>) =>
    langs
      .map(
        (lang) =>
          `<url><loc>${xml(origin + byLang[lang])}</loc>${langs
            .map(
              (other) =>
                `<xhtml:link rel="alternate" hreflang="${other}" href="${xml(origin + byLang[other])}"/>`,
            )
            .join(
              '',
            )}<xhtml:link rel="alternate" hreflang="x-default" href="${xml(origin + byLang.id)}"/></url>`,
      )
      .join('\n');
  const pages = [
    { id: paths.region('id', region.code), en: paths.region('en', region.code) },
    ...serviceIds.map((id) => ({
      id: paths.service('id', region.code, id),
      en: paths.service('en', region.code, id),
    })),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${pages.map(entry).join('\n')}
</urlset>
`;
}

/** One sitemap per region, listed in an index (sitemaps.org: up to 50 000 per index). */
export function sitemapIndex(origin: string, regionCodes: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${regionCodes.map((code) => `<sitemap><loc>${xml(origin + paths.sitemap(code))}</loc></sitemap>`).join('\n')}
</sitemapindex>
`;
}

/** robots.txt: the catalogue's pages may be crawled; the API, the desk and the tracker not. */
export function robots(origin: string): string {
  return `User-agent: *
Allow: /katalog/
Disallow: /katalog/id/lacak
Disallow: /katalog/en/lacak
Disallow: /v1/
Disallow: /petugas/
Sitemap: ${origin}${paths.sitemapIndex}
`;
}
