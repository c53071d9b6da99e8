import type { components } from '@loket/sdk/contract';
import type { RegionRow } from '../catalogue/regions.js';
import type { Lang } from '../messages/index.js';
import { type Html, html, safeUrl } from './html.js';
import { governmentService } from './json-ld.js';
import { page, paths, takeOver } from './layout.js';
import { rupiah, words } from './text.js';

type Schemas = components['schemas'];

const link = (url: string | null | undefined, text: string) => {
  const href = safeUrl(url);
  return href ? html`<a href="${href}">${text}</a>` : html`${text}`;
};

const list = (items: string[], ordered = false) =>
  ordered
    ? html`<ol>${items.map((i) => html`<li>${i}</li>`)}</ol>`
    : html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`;

/** The fee as the finder says it: free, an amount, or not known (never a guess). */
export function feeText(fee: { amount_idr: number | null; free: boolean }, lang: Lang): string {
  const t = words[lang];
  if (fee.free) return t.free;
  return fee.amount_idr === null ? t.unknown : rupiah(fee.amount_idr, lang);
}

function feeSection(service: Schemas['Service'], lang: Lang): Html {
  const t = words[lang];
  const { fee } = service;
  return html`<section><h2>${t.fee}</h2><p>${feeText(fee, lang)}</p>${
    fee.variants.length
      ? html`<h3>${t.feeVariants}</h3><ul>${fee.variants.map(
          (v) => html`<li>${v.label}: ${v.amount_idr === null ? t.unknown : rupiah(v.amount_idr, lang)}</li>`,
        )}</ul>`
      : ''
  }${fee.legal_basis ? html`<p>${t.legalBasis}: ${fee.legal_basis}</p>` : ''}</section>`;
}

function locationItem(location: Schemas['Location']): Html {
  return html`<li><strong>${location.name}</strong>${location.address ? html`<br>${location.address}` : ''}${
    location.phone?.number ? html`<br>${location.phone.number}` : ''
  }</li>`;
}

/** One service as a region sees it: the JSON API's `Service`, the same facts on a page. */
export function servicePage(
  service: Schemas['Service'],
  region: RegionRow,
  locations: Schemas['Location'][],
  origin: string,
): string {
  const { lang } = service;
  const t = words[lang];
  const own = {
    id: paths.service('id', region.code, service.id),
    en: paths.service('en', region.code, service.id),
  };
  const days = service.duration.days;
  const article = html`<article>
<p class="agency">${t.agency}: ${service.agency.name}</p>
${service.aliases.length ? html`<p class="aliases">${service.aliases.join(', ')}</p>` : ''}
<section><h2>${t.requirements}</h2>${service.requirements.length ? list(service.requirements) : html`<p>${t.unknown}</p>`}</section>
<section><h2>${t.procedure}</h2>${service.procedure.length ? list(service.procedure, true) : html`<p>${t.unknown}</p>`}</section>
<section><h2>${t.duration}</h2><p>${days === null ? (service.duration.text ?? t.unknown) : t.days(days)}</p>${
    days !== null && service.duration.text ? html`<p>${service.duration.text}</p>` : ''
  }</section>
${feeSection(service, lang)}
<section><h2>${t.output}</h2><p>${service.output}</p></section>
<section><h2>${t.where}</h2>${locations.length ? html`<ul>${locations.map(locationItem)}</ul>` : html`<p>${t.noLocation}</p>`}${
    safeUrl(service.online_url)
      ? html`<p>${t.online}: ${link(service.online_url, service.online_url ?? '')}</p>`
      : ''
  }</section>
<section><h2>${t.complaint}</h2><ul>${service.complaint.channels.map((c) => html`<li>${link(c.url, c.name)}</li>`)}</ul></section>
${service.legal_basis.length ? html`<section><h2>${t.legalBasis}</h2>${list(service.legal_basis)}</section>` : ''}
${service.notes ? html`<section><h2>${t.notes}</h2><p>${service.notes}</p></section>` : ''}
${service.override ? html`<p>${t.localRule}${service.override.fields.join(', ')}</p>` : ''}
<section><h2>${t.sources}</h2><ul>${[...service.sources, ...(service.override?.sources ?? [])].map(
    (s) => html`<li>${link(s, s)}</li>`,
  )}</ul></section>
</article>`;
  // The page is the service's own: its h1 and breadcrumb stand for the finder's heading and way
  // back (`own-page`); "Ajukan secara daring" leads to the form on this server (apply-page.ts).
  const finder = {
    region: region.code,
    lang,
    'api-base': origin,
    service: service.id,
    'own-page': '',
    'apply-href': service.form_available ? paths.apply(lang, region.code, service.id) : null,
  };
  const body = html`<nav aria-label="${t.breadcrumb}"><a href="${paths.region(lang, region.code)}">${t.catalogueOf(region.name)}</a></nav>
<h1>${service.name}</h1>
${takeOver('loket-service-finder', finder, article)}`;
  return page({
    lang,
    title: `${service.name} — ${region.name}`,
    description: `${service.name}: ${t.requirements.toLowerCase()}, ${t.fee.toLowerCase()}, ${t.duration.toLowerCase()} — ${service.agency.name}, ${region.name}.`,
    origin,
    paths: own,
    jsonLd: governmentService(service, region, locations, origin + own[lang]),
    body,
    components: true,
  });
}
