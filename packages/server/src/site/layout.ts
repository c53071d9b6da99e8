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
  /** A service's application form (the finder's "Ajukan secara daring" on the service's page). */
  apply: (lang: Lang, region: string, slug: string) =>
    `${SITE}/${lang}/${region}/${encodeURIComponent(slug)}/ajukan`,
  track: (lang: Lang) => `${SITE}/${lang}/lacak`,
  sitemap: (region: string) => `${SITE}/sitemap/${region}.xml`,
  sitemapIndex: `${SITE}/sitemap.xml`,
  cpsv: (region: string) => `${SITE}/cpsv-ap/${region}.jsonld`,
  css: `${SITE}/site.css`,
  /** The citizen components' lazy loader (packages/components/dist/loket), served by routes.ts. */
  loader: `${SITE}/loket/loket.esm.js`,
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
 * The pages' policy: scripts only from this origin (the components' loader and its chunks; the
 * JSON-LD is data, not script), requests only to this origin and the API's (`origin`, the
 * components' `api-base`), styles from this origin (the components' shadow roots use
 * constructable stylesheets), `blob:` images (docs/embedding.md's strict recipe), forms only to
 * this origin, never framed, no HTML written by script (Trusted Types with no policy).
 */
export const siteCsp = (origin: string) =>
  [
    "default-src 'none'",
    "script-src 'self'",
    `connect-src 'self' ${origin}`,
    "style-src 'self'",
    "img-src 'self' blob:",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
  ].join('; ');

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
  /** The page has a component to take over its content: load the components' loader. */
  components?: boolean;
}

/**
 * Server-rendered content inside a citizen component, as its light DOM: what people without
 * JavaScript and crawlers read. When the loader runs, the component renders in its shadow root,
 * which has no <slot>, so this fallback is no longer shown (docs/seo.md).
 */
export function takeOver(
  tag: 'loket-service-finder' | 'loket-status-tracker' | 'loket-application-form',
  attributes: Record<string, string | null>,
  content: Html,
): Html {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([name, value]) => html` ${name}="${value}"`);
  return html`<${new Html(tag)}${attrs}>
${content}
</${new Html(tag)}>`;
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
${parts.components ? html`<script type="module" src="${paths.loader}"></script>\n` : ''}${parts.jsonLd ? html`<script type="application/ld+json">${jsonInScript(parts.jsonLd)}</script>\n` : ''}`;
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
export function sendPage(
  reply: FastifyReply,
  lang: Lang,
  body: string,
  cache: 'public' | 'no-store',
  origin: string,
) {
  return reply
    .header('content-security-policy', siteCsp(origin))
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
