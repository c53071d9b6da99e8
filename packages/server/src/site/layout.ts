import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Lang } from '../messages/index.js';
import { Html, html, jsonInScript } from './html.js';
import { words } from './text.js';

/** Where the pages live; a regional site may link here or proxy this prefix. */
export const SITE = '/katalog';
export const langs: readonly Lang[] = ['id', 'en'];
export const isLang = (value: string): value is Lang => value === 'id' || value === 'en';

export const paths = {
  region: (lang: Lang, region: string) => `${SITE}/${lang}/${region}`,
  service: (lang: Lang, region: string, slug: string) =>
    `${SITE}/${lang}/${region}/${encodeURIComponent(slug)}`,
  track: (lang: Lang) => `${SITE}/${lang}/lacak`,
  sitemap: (region: string) => `${SITE}/sitemap/${region}.xml`,
  sitemapIndex: `${SITE}/sitemap.xml`,
  cpsv: (region: string) => `${SITE}/cpsv-ap/${region}.jsonld`,
  css: `${SITE}/site.css`,
};

/**
 * The absolute origin links are made with: LOKET_PUBLIC_URL when set (the address people and
 * crawlers use), else this request's (its Host, or X-Forwarded-Host through a trusted proxy).
 */
export function originOf(request: FastifyRequest, publicUrl: string | undefined): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, '');
  return `${request.protocol}://${request.host}`;
}

/**
 * The pages' policy: no script at all (JSON-LD is data, not script), styles from this origin,
 * forms only to this origin, never framed.
 */
export const siteCsp =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export interface PageParts {
  lang: Lang;
  title: string;
  description?: string | undefined;
  origin: string;
  /** The page's path in each language (hreflang); the canonical is this page's own. */
  paths?: Record<Lang, string> | undefined;
  /** Search results and the tracker are not for an index. */
  noindex?: boolean;
  jsonLd?: unknown;
  body: Html;
}

export function page(parts: PageParts): string {
  const { lang, origin } = parts;
  const t = words[lang];
  const alternates = parts.paths;
  const other: Lang = lang === 'id' ? 'en' : 'id';
  const head = html`<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${parts.title} · ${t.siteName}</title>
${parts.description ? html`<meta name="description" content="${parts.description}">\n` : ''}${
  parts.noindex ? html`<meta name="robots" content="noindex, follow">\n` : ''
}${
  alternates
    ? html`<link rel="canonical" href="${origin + alternates[lang]}">
<link rel="alternate" hreflang="id" href="${origin + alternates.id}">
<link rel="alternate" hreflang="en" href="${origin + alternates.en}">
<link rel="alternate" hreflang="x-default" href="${origin + alternates.id}">
`
    : ''
}<link rel="stylesheet" href="${paths.css}">
${parts.jsonLd ? html`<script type="application/ld+json">${jsonInScript(parts.jsonLd)}</script>\n` : ''}`;
  return `<!doctype html>
<html lang="${lang}">
<head>
${head.value}</head>
<body>
<header class="site"><a href="${paths.track(lang)}">${html`${t.track}`.value}</a>${
    alternates
      ? html` <a href="${alternates[other]}" hreflang="${other}" lang="${other}">${t.otherLanguage}</a>`.value
      : ''
  }</header>
<main>
${parts.body.value}
</main>
</body>
</html>
`;
}

/**
 * An HTML page: its policy, its language, and how long it may be kept. `Referrer-Policy:
 * same-origin` instead of the API's `no-referrer`: under `no-referrer` a browser sends
 * `Origin: null` with the tracker's form, which the same-origin check must refuse; other
 * sites still get no referrer, and no address here holds a secret.
 */
export function sendPage(reply: FastifyReply, lang: Lang, body: string, cache: 'public' | 'no-store') {
  return reply
    .header('content-security-policy', siteCsp)
    .header('referrer-policy', 'same-origin')
    .header('content-language', lang)
    .header(
      'cache-control',
      cache === 'public' ? 'public, max-age=300, stale-while-revalidate=86400' : 'no-store',
    )
    .type('text/html; charset=utf-8')
    .send(body);
}

export { Html };
