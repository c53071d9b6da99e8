import type { components } from '@loket/sdk/contract';
import type { Lang } from '../messages/index.js';
import type { RegionRow } from './regions.js';
import type { CountRow, FacetRow, ServicePage, ServiceRow } from './services.js';

type Schemas = components['schemas'];

/** SP4N-LAPOR!, listed for every service (loaded once from data/catalogue/complaint-channels.json). */
export type NationalChannel = Schemas['ComplaintChannel'];

const pick = (text: { id: string; en: string }, lang: Lang) => text[lang];
const name = (row: { name_id: string; name_en: string }, lang: Lang) =>
  lang === 'en' ? row.name_en : row.name_id;

export function presentSummary(row: ServiceRow, lang: Lang): Schemas['ServiceSummary'] {
  return {
    id: row.id,
    name: name(row, lang),
    category: { id: row.category_id, name: lang === 'en' ? row.category_name_en : row.category_name_id },
    agency: {
      id: row.agency_id,
      name: lang === 'en' ? row.agency_name_en : row.agency_name_id,
      level: row.agency_level,
    },
    region_code: row.region_code,
    fee: {
      amount_idr: row.fee_amount_idr,
      free: row.fee_amount_idr === 0,
      has_variants: row.fee_variants.length > 0,
    },
    duration_days: row.duration_days,
    channels: row.channels,
    online_url: row.online_url,
    form_available: row.form_available,
    confidence: row.confidence,
    overridden: row.override_fields.length > 0,
  };
}

export function presentService(row: ServiceRow, lang: Lang, national: NationalChannel[]): Schemas['Service'] {
  const summary = presentSummary(row, lang);
  return {
    lang,
    id: row.id,
    name: summary.name,
    aliases: row.aliases,
    category: summary.category,
    agency: summary.agency,
    region_code: row.region_code,
    requirements: row.requirements.map((r) => pick(r, lang)),
    procedure: row.procedure.map((p) => pick(p, lang)),
    duration: { days: row.duration_days, text: row.duration_text ? pick(row.duration_text, lang) : null },
    fee: {
      amount_idr: row.fee_amount_idr,
      free: row.fee_amount_idr === 0,
      legal_basis: lang === 'en' ? (row.fee_legal_basis_en ?? row.fee_legal_basis) : row.fee_legal_basis,
      variants: row.fee_variants.map((v) => ({
        label: lang === 'en' ? (v.label_en ?? v.label) : v.label,
        amount_idr: v.amount_idr,
      })),
    },
    output: pick(row.output, lang),
    complaint: {
      channels: [
        ...national,
        ...row.complaint_channels.map((c) => ({ ...c, legal_basis: c.legal_basis ?? [] })),
      ],
    },
    legal_basis: row.legal_basis,
    channels: row.channels,
    online_url: row.online_url,
    form_available: row.form_available,
    life_events: row.life_events,
    confidence: row.confidence,
    sources: row.sources,
    notes: lang === 'en' ? (row.notes_en ?? row.notes) : row.notes,
    override:
      row.override_region && row.override_fields.length > 0
        ? { region_code: row.override_region, fields: row.override_fields, sources: row.override_sources }
        : null,
  };
}

export function presentFacets(rows: FacetRow[], lang: Lang): Schemas['ServiceList']['facets'] {
  const facet = (kind: FacetRow['kind']) =>
    rows.filter((r) => r.kind === kind).map((r) => ({ id: r.id, name: name(r, lang), count: r.count }));
  return { categories: facet('category'), agencies: facet('agency') };
}

/** A page of a search or list (`listServices`), as the JSON API and the catalogue's pages show it. */
export function presentServiceList(
  page: ServicePage,
  lang: Lang,
  query: Schemas['ServiceList']['query'],
  paging: Schemas['ServiceList']['page'],
  national: NationalChannel[],
): Schemas['ServiceList'] {
  return {
    lang,
    query,
    data: page.rows.map((row) => presentSummary(row, lang)),
    total: page.total,
    page: paging,
    facets: presentFacets(page.facets, lang),
    ...(page.noMatch && {
      no_match: {
        kind: page.noMatch.complaint ? ('complaint' as const) : ('unknown' as const),
        complaint_channels: national,
      },
    }),
  };
}

export function presentCategory(row: CountRow, lang: Lang): Schemas['Category'] {
  return { id: row.id, name: name(row, lang), service_count: row.service_count };
}

export function presentAgency(row: CountRow, lang: Lang): Schemas['Agency'] {
  return {
    id: row.id,
    name: name(row, lang),
    level: row.level as Schemas['AgencyLevel'],
    service_count: row.service_count,
  };
}

export function presentRegion(row: RegionRow): Schemas['Region'] {
  return {
    code: row.code,
    code_system: row.code_system,
    level: row.level,
    kind: row.kind,
    name: row.name,
    province_code: row.province_code,
  };
}
