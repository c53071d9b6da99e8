import type { components } from '@loket/sdk/contract';
import type { RegionRow } from '../catalogue/regions.js';
import type { Lang } from '../messages/index.js';
import { html, safeUrl } from './html.js';
import { page, paths, takeOver } from './layout.js';
import { feeText } from './service-page.js';
import { words } from './text.js';

type Schemas = components['schemas'];

export const PAGE_SIZE = 20;

export interface Results {
  q: string | null;
  /** 1-based. */
  pageNumber: number;
  list: Schemas['ServiceList'];
}

const query = (q: string | null, n: number) => {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (n > 1) params.set('halaman', String(n));
  const text = params.toString();
  return text ? `?${text}` : '';
};

/**
 * A region's catalogue: the finder's search as a plain GET form, and its results (the JSON
 * API's `ServiceList`, the same search and ranking), each linking to the service's page.
 */
export function regionPage(region: RegionRow, lang: Lang, results: Results, origin: string): string {
  const t = words[lang];
  const { q, pageNumber, list } = results;
  const own = { id: paths.region('id', region.code), en: paths.region('en', region.code) };
  const here = own[lang];
  const items = list.data.map(
    (s) => html`<li><a href="${paths.service(lang, region.code, s.id)}">${s.name}</a>
<span class="meta">${s.agency.name} · ${t.fee}: ${feeText(s.fee, lang)}${
      s.duration_days === null ? '' : html` · ${t.days(s.duration_days)}`
    }</span></li>`,
  );
  const pages = Math.ceil(list.total / PAGE_SIZE);
  const complaint = list.no_match?.kind === 'complaint' ? list.no_match.complaint_channels : [];
  const fallback = html`<form method="get" action="${here}" role="search">
<label for="q">${t.search}</label>
<p class="hint" id="q-hint">${t.searchHint}</p>
<input type="search" id="q" name="q" value="${q ?? ''}" aria-describedby="q-hint">
<button type="submit">${t.searchButton}</button>
</form>
<section aria-labelledby="results">
<h2 id="results">${q ? t.resultsFor(list.total, q) : t.allServices(list.total)}</h2>
${list.data.length ? html`<ul class="results">${items}</ul>` : q ? html`<p>${t.noMatch(q)}</p>` : ''}
${
  complaint.length
    ? html`<p>${t.noMatchComplaint}</p><ul>${complaint.map((c) => {
        const href = safeUrl(c.url);
        return html`<li>${href ? html`<a href="${href}">${c.name}</a>` : c.name}</li>`;
      })}</ul>`
    : ''
}
${
  pages > 1
    ? html`<nav class="pages" aria-label="${t.pages}">${
        pageNumber > 1 ? html`<a rel="prev" href="${here}${query(q, pageNumber - 1)}">${t.previous}</a> ` : ''
      }${pageNumber < pages ? html`<a rel="next" href="${here}${query(q, pageNumber + 1)}">${t.next}</a>` : ''}</nav>`
    : ''
}
</section>`;
  const finder = { region: region.code, lang, 'api-base': origin, query: q };
  const body = html`<h1>${t.catalogueOf(region.name)}</h1>
<p>${t.catalogueIntro(region.name)}</p>
${takeOver('loket-service-finder', finder, fallback)}`;
  return page({
    lang,
    title: q ? `${q} — ${region.name}` : t.catalogueOf(region.name),
    description: t.catalogueIntro(region.name),
    origin,
    paths: { id: own.id + query(q, pageNumber), en: own.en + query(q, pageNumber) },
    // A search's results are for people; the region's list (and its pages) is what an index gets.
    noindex: Boolean(q),
    body,
    components: true,
  });
}

/** 404 as a page, in the language asked for. */
export function notFoundPage(lang: Lang, origin: string): string {
  const t = words[lang];
  return page({
    lang,
    title: t.notFound,
    origin,
    noindex: true,
    body: html`<h1>${t.notFound}</h1><p>${t.notFoundText}</p>`,
  });
}

/** A refusal as a page: too many requests from this address, try again in `seconds`. */
export function tooManyPage(lang: Lang, origin: string, seconds: number): string {
  const t = words[lang];
  return page({
    lang,
    title: t.tooMany,
    origin,
    noindex: true,
    body: html`<h1>${t.tooMany}</h1><p>${t.trackLocked(seconds)}</p>`,
  });
}
