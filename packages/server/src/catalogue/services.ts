import type { Queryable } from '../db/index.js';
import { buildServiceSearch } from './search.js';

type Localized = { id: string; en: string };

/** A service with the requested region's overrides applied (see `effective` below). */
export interface ServiceRow {
  id: string;
  region_code: string | null;
  category_id: string;
  category_name_id: string;
  category_name_en: string;
  agency_id: string;
  agency_name_id: string;
  agency_name_en: string;
  agency_level: 'central' | 'provincial' | 'regency' | 'bumn' | 'private';
  name_id: string;
  name_en: string;
  aliases: string[];
  requirements: Localized[];
  procedure: Localized[];
  duration_days: number | null;
  duration_text: Localized | null;
  fee_amount_idr: number | null;
  fee_legal_basis: string | null;
  /** English of the national fee_legal_basis; null when a region's override replaced the fee. */
  fee_legal_basis_en: string | null;
  fee_variants: { label: string; label_en?: string; amount_idr: number | null }[];
  output: Localized;
  channels: ('mpp' | 'online' | 'agency_office')[];
  online_url: string | null;
  legal_basis: string[];
  life_events: string[];
  complaint_channels: {
    name: string;
    url: string | null;
    scope: 'agency' | 'region';
    legal_basis?: string[];
  }[];
  confidence: 'high' | 'medium' | 'low';
  sources: string[];
  notes: string | null;
  /** English of the national notes; null when a region's override replaced them. */
  notes_en: string | null;
  override_region: string | null;
  override_fields: string[];
  override_sources: string[];
  /** A form definition exists, so GET /v1/services/{slug}/form serves it. */
  form_available: boolean;
}

/** Where a query stands: no region (national services only), or a province / kabupaten-kota scope. */
export interface Scope {
  province: string | null;
  regency: string | null;
  codes: string[] | null;
}

export const nationalScope: Scope = { province: null, regency: null, codes: null };

/**
 * The one place that decides what a region sees: national services plus its own (without a
 * region, national services only), with the province's overrides and then the kabupaten/kota's
 * (the more local one wins field by field — fee and duration as whole groups; a null override
 * column keeps the national value). $1 province, $2 regency, $3 codes.
 */
const from = `
  from service s
  join category c on c.id = s.category_id
  join agency a on a.id = s.agency_id
  left join service_override p on p.service_id = s.id and p.region_code = $1::text
  left join service_override r on r.service_id = s.id and r.region_code = $2::text
  where (s.region_code is null or s.region_code = any(coalesce($3::text[], '{}'::text[])))`;

const o = (column: string) => `coalesce(r.${column}, p.${column})`;

// A fee (amount, legal basis, variants) and a duration (days, text) are facts that belong
// together: each comes whole from the most local level that sets any part of it, so an amount
// is never shown with another level's legal basis.
const hasFee = (t: string) =>
  `(${t}.fee_amount_idr is not null or ${t}.fee_legal_basis is not null or ${t}.fee_variants is not null)`;
const hasDuration = (t: string) => `(${t}.duration_days is not null or ${t}.duration_text is not null)`;
const grouped = (has: (t: string) => string, column: string, empty = 'null') =>
  `case when ${has('r')} then coalesce(r.${column}, ${empty}) when ${has('p')} then coalesce(p.${column}, ${empty})
    else s.${column} end`;

const select = `
  select s.id, s.region_code, s.category_id, c.name_id as category_name_id, c.name_en as category_name_en,
    s.agency_id, coalesce(${o('agency_name')} ->> 'id', a.name_id) as agency_name_id,
    coalesce(${o('agency_name')} ->> 'en', a.name_en) as agency_name_en, a.level as agency_level,
    s.name_id, s.name_en, s.aliases,
    coalesce(${o('requirements')}, s.requirements) as requirements,
    coalesce(${o('procedure')}, s.procedure) as procedure,
    ${grouped(hasDuration, 'duration_days')} as duration_days,
    ${grouped(hasDuration, 'duration_text')} as duration_text,
    (${grouped(hasFee, 'fee_amount_idr')})::float8 as fee_amount_idr,
    ${grouped(hasFee, 'fee_legal_basis')} as fee_legal_basis,
    case when ${hasFee('r')} or ${hasFee('p')} then null else s.fee_legal_basis_en end as fee_legal_basis_en,
    ${grouped(hasFee, 'fee_variants', "'[]'::jsonb")} as fee_variants,
    s.output,
    coalesce(${o('channels')}, s.channels) as channels,
    coalesce(${o('online_url')}, s.online_url) as online_url,
    s.legal_basis, s.life_events,
    coalesce(${o('complaint_channels')}, s.complaint_channels) as complaint_channels,
    s.confidence, s.sources,
    coalesce(${o('notes')}, s.notes) as notes,
    case when ${o('notes')} is not null then null else s.notes_en end as notes_en,
    coalesce(r.region_code, p.region_code) as override_region,
    array_remove(array[
      case when ${o('agency_name')} is not null then 'agency' end,
      case when ${o('requirements')} is not null then 'requirements' end,
      case when ${o('procedure')} is not null then 'procedure' end,
      case when ${hasDuration('r')} or ${hasDuration('p')} then 'duration' end,
      case when ${hasFee('r')} or ${hasFee('p')} then 'fee' end,
      case when ${o('channels')} is not null then 'channels' end,
      case when ${o('online_url')} is not null then 'online_url' end,
      case when ${o('complaint_channels')} is not null then 'complaint' end,
      case when ${o('notes')} is not null then 'notes' end
    ], null) as override_fields,
    coalesce(p.sources, '{}'::text[]) || coalesce(r.sources, '{}'::text[]) as override_sources,
    -- cheap: form_definition is keyed by service_id, and this select builds the page's rows only, not every match
    exists (select 1 from form_definition fd where fd.service_id = s.id) as form_available`;

const scopeParams = (scope: Scope) => [scope.province, scope.regency, scope.codes];

export async function findService(db: Queryable, slug: string, scope: Scope): Promise<ServiceRow | null> {
  const rows = await db.query<ServiceRow>(`${select} ${from} and s.id = $4`, [...scopeParams(scope), slug]);
  return rows[0] ?? null;
}

/** The region of a regional service with this slug, whatever the scope asked (404 wording). */
export async function regionOfService(db: Queryable, slug: string): Promise<string | null> {
  const rows = await db.query<{ region_code: string | null }>(
    'select region_code from service where id = $1',
    [slug],
  );
  return rows[0]?.region_code ?? null;
}

export interface ServiceQuery {
  q?: string | undefined;
  category?: string | undefined;
  agency?: string | undefined;
  channel?: string | undefined;
  limit: number;
  offset: number;
}

export interface FacetRow {
  kind: 'category' | 'agency';
  id: string;
  name_id: string;
  name_en: string;
  count: number;
}

export interface ServicePage {
  rows: ServiceRow[];
  total: number;
  facets: FacetRow[];
  /** `q` was searched and no service in the scope matches it (filters aside); `complaint`: it names a complaint topic. */
  noMatch: { complaint: boolean } | null;
}

/**
 * Search or list. Facets count per category and agency over the search and region only, so a
 * filter UI can offer every option; `total` and the page honour the filters too.
 */
export async function listServices(db: Queryable, scope: Scope, query: ServiceQuery): Promise<ServicePage> {
  const params: unknown[] = scopeParams(scope);
  const search = query.q
    ? buildServiceSearch(query.q, params.length + 1, { regionCodes: scope.codes })
    : null;
  if (search) params.push(...search.params);
  const matching = search ? ` and (${search.where})` : '';

  const filters: string[] = [];
  const add = (sql: (n: number) => string, value: unknown) => {
    params.push(value);
    filters.push(sql(params.length));
  };
  if (query.category) add((n) => `category_id = $${n}`, query.category);
  if (query.agency) add((n) => `agency_id = $${n}`, query.agency);
  if (query.channel) add((n) => `$${n} = any(channels)`, query.channel);
  const filtered = filters.length ? `where ${filters.join(' and ')}` : '';
  const limit = params.length + 1;

  // One statement, one evaluation of the search: the matches (narrow rows, ranked), then the
  // filtered page and total, and the facets over the unfiltered matches. Full rows with every
  // field are built afterwards for the page only.
  const [page] = await db.query<{ total: number; ids: string[]; facets: FacetRow[] }>(
    `with base as materialized (
       select s.id, s.name_id, s.category_id, s.agency_id, coalesce(${o('channels')}, s.channels) as channels,
              ${search ? search.rank : '0'} as rank
       from service s
       left join service_override p on p.service_id = s.id and p.region_code = $1::text
       left join service_override r on r.service_id = s.id and r.region_code = $2::text
       where (s.region_code is null or s.region_code = any(coalesce($3::text[], '{}'::text[])))${matching}),
     m as (select id, name_id, rank from base ${filtered}),
     page as (select id, rank, name_id from m order by rank desc, name_id, id limit $${limit} offset $${limit + 1}),
     f as (select case when grouping(category_id) = 0 then 'category' else 'agency' end as kind,
                  coalesce(category_id, agency_id) as id, count(*)::int as count
           from base group by grouping sets ((category_id), (agency_id)))
     select (select count(*)::int from m) as total,
            coalesce((select json_agg(id order by rank desc, name_id, id) from page), '[]'::json) as ids,
            coalesce((select json_agg(json_build_object('kind', f.kind, 'id', f.id, 'count', f.count,
                        'name_id', coalesce(c.name_id, a.name_id), 'name_en', coalesce(c.name_en, a.name_en))
                        order by f.count desc, f.id)
                      from f
                      left join category c on f.kind = 'category' and c.id = f.id
                      left join agency a on f.kind = 'agency' and a.id = f.id), '[]'::json) as facets`,
    [...params, query.limit, query.offset],
  );
  const rows = await findServices(db, page?.ids ?? [], scope);
  const facets = page?.facets ?? [];
  // No facet: nothing matched the search itself, before the filters.
  const noMatch = search && facets.length === 0 ? { complaint: search.complaint } : null;
  return { rows, total: page?.total ?? 0, facets, noMatch };
}

/** These services as `scope` sees them, in the order given; those it does not offer are left out. */
export async function findServices(db: Queryable, ids: string[], scope: Scope): Promise<ServiceRow[]> {
  if (ids.length === 0) return [];
  const found = await db.query<ServiceRow>(`${select} ${from} and s.id = any($4::text[])`, [
    ...scopeParams(scope),
    ids,
  ]);
  const byId = new Map(found.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export interface CountRow {
  id: string;
  name_id: string;
  name_en: string;
  level?: string;
  service_count: number;
}

export async function listCategories(db: Queryable, scope: Scope): Promise<CountRow[]> {
  return db.query<CountRow>(
    `select c.id, c.name_id, c.name_en, coalesce(n.count, 0)::int as service_count
     from category c
     left join (select s.category_id, count(*) as count ${from} group by s.category_id) n on n.category_id = c.id
     order by c.position, c.id`,
    scopeParams(scope),
  );
}

export async function listAgencies(db: Queryable, scope: Scope): Promise<CountRow[]> {
  return db.query<CountRow>(
    `select a.id, a.name_id, a.name_en, a.level, coalesce(n.count, 0)::int as service_count
     from agency a
     left join (select s.agency_id, count(*) as count ${from} group by s.agency_id) n on n.agency_id = a.id
     order by a.name_id, a.id`,
    scopeParams(scope),
  );
}
