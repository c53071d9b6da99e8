import type { components } from '@loket/sdk/contract';
import type { RegionRow } from '../catalogue/regions.js';
import { html } from './html.js';
import { page, paths, takeOver } from './layout.js';
import { words } from './text.js';

type Service = components['schemas']['Service'];

/**
 * A service's application form on the Loket server itself, where the finder's "Ajukan secara
 * daring" leads on the service's page: `<loket-application-form>` for the region, its confirmation
 * linking to the tracker's page. The page's `h1` says what the page is for; the service's name is in
 * the breadcrumb and the form's own heading (its title), so it is not said twice. The form needs JavaScript; without it the page says so and links
 * back to the service's requirements and places (an application in person).
 */
export function applyPage(service: Service, region: RegionRow, origin: string): string {
  const { lang } = service;
  const t = words[lang];
  const servicePath = paths.service(lang, region.code, service.id);
  const form = {
    region: region.code,
    lang,
    'api-base': origin,
    service: service.id,
    'tracker-href': paths.track(lang),
  };
  const fallback = html`<p>${t.applyNeedsScript} <a href="${servicePath}">${t.applyWhere}</a>.</p>`;
  const body = html`<nav aria-label="${t.breadcrumb}"><a href="${paths.region(lang, region.code)}">${t.catalogueOf(region.name)}</a> › <a href="${servicePath}">${service.name}</a></nav>
<h1>${t.apply}</h1>
${takeOver('loket-application-form', form, fallback)}`;
  return page({
    lang,
    title: `${t.applyFor(service.name)} — ${region.name}`,
    origin,
    paths: {
      id: paths.apply('id', region.code, service.id),
      en: paths.apply('en', region.code, service.id),
    },
    noindex: true,
    body,
    components: true,
  });
}
