import { krejcieMorgan, SKM_UNSUR, skmIndex } from '@loket/sdk/rules';
import type { Queryable } from '../db/index.js';
import type { Lang } from '../messages/index.js';
import { jakartaMidnight, type Period } from './period.js';

export type Dimension = 'service' | 'agency' | 'location' | 'region' | 'month';

/** What the index is taken over: a region with its kabupaten/kota, a period, optional filters. */
export interface Scope {
  region: string;
  /** The region and its kabupaten/kota (regionCodes): compared by equality, so the index serves it. */
  codes: string[];
  period: Period;
  service?: string | undefined;
  agency?: string | undefined;
  location?: string | undefined;
}

export interface Cell {
  key: string | null;
  label: string | null;
  published: boolean;
  respondents: number | null;
  ikm: number | null;
  band: { mutu: 'A' | 'B' | 'C' | 'D'; kinerja: string } | null;
  unsur: { no: number; name: string; nrr: number; score: number }[] | null;
  served: number | null;
  sample_required: number | null;
  sample_reached: boolean | null;
}

interface Sums {
  key: string | null;
  n: number;
  sums: number[];
}

const column: Record<Exclude<Dimension, 'month'>, string> = {
  service: 'service_id',
  agency: 'agency_id',
  location: 'location_id',
  region: 'region_code',
};

/** The key of a cell of the running sums (their `month` is its first day). */
const tallyKey = (by: Dimension | null) =>
  by === 'month' ? "to_char(month, 'YYYY-MM')" : by ? `nullif(${column[by]}, '')` : 'null::text';

/** A region's code with those of its kabupaten/kota (for a province), from the region table. */
export async function regionCodes(db: Queryable, region: string): Promise<string[]> {
  const rows = await db.query<{ code: string }>(
    'select code from region where code = $1 or province_code = $1 order by code',
    [region],
  );
  return rows.map((r) => r.code);
}

/** The WHERE of a scope over a table with region_code (and service/agency/location columns). */
export function scopeWhere(
  scope: Scope,
  params: unknown[],
  columns: { region: string; service: string; agency: string; location?: string },
): string {
  const $ = (value: unknown) => `$${params.push(value)}`;
  const parts = [`${columns.region} = any(${$(scope.codes)}::text[])`];
  if (scope.service) parts.push(`${columns.service} = ${$(scope.service)}`);
  if (scope.agency) parts.push(`${columns.agency} = ${$(scope.agency)}`);
  if (scope.location && columns.location) parts.push(`${columns.location} = ${$(scope.location)}`);
  return parts.join(' and ');
}

/**
 * The sums per cell from the running sums (a row per region and month, or per service, location and
 * month with those filters or splits; never the responses): one row for the whole scope, or one
 * per value of `by`.
 */
export async function tallySums(
  db: Queryable,
  scope: Scope,
  by: Dimension | null,
  options: { synthetic?: boolean } = {},
): Promise<Sums[]> {
  const params: unknown[] = [];
  // A whole region (or one split by kabupaten/kota) reads the per-region sums: a row per month.
  const regional =
    !scope.service && !scope.agency && !scope.location && (by === null || by === 'region' || by === 'month');
  const filter = scopeWhere(scope, params, {
    region: 'region_code',
    service: 'service_id',
    agency: 'agency_id',
    location: 'location_id',
  });
  params.push(scope.period.start, scope.period.until, options.synthetic ?? false);
  const n = params.length;
  const rows = await db.query<Record<string, string | number | null>>(
    `select ${tallyKey(by)} as key, sum(n)::bigint as n, ${SKM_UNSUR.map((u) => `sum(s${u.no})::bigint as s${u.no}`).join(', ')}
     from ${regional ? 'survey_tally_region' : 'survey_tally'}
     where ${filter} and month >= $${n - 2}::date and month < $${n - 1}::date and synthetic = $${n}
     group by 1 order by 1`,
    params,
  );
  return rows.map((row) => ({
    key: row.key === null ? null : String(row.key),
    n: Number(row.n),
    sums: SKM_UNSUR.map((u) => Number(row[`s${u.no}`])),
  }));
}

/**
 * The people served per cell: applications decided (completed or rejected) in the period, from
 * their history. Not known per location (applications have none): absent there.
 */
export async function servedCounts(
  db: Queryable,
  scope: Scope,
  by: Dimension | null,
): Promise<Map<string | null, number>> {
  if (scope.location || by === 'location') return new Map();
  const params: unknown[] = [];
  const filter = scopeWhere(scope, params, {
    region: 'a.region_code',
    service: 'a.service_id',
    agency: 'a.agency_id',
  });
  params.push(jakartaMidnight(scope.period.start), jakartaMidnight(scope.period.until));
  const n = params.length;
  const key =
    by === 'month'
      ? "to_char(e.at at time zone 'Asia/Jakarta', 'YYYY-MM')"
      : by
        ? `a.${column[by]}`
        : 'null::text';
  const rows = await db.query<{ key: string | null; served: number }>(
    `select ${key} as key, count(distinct a.id)::int as served
     from application_event e join application a on a.id = e.application_id
     where e.to_status in ('completed', 'rejected') and e.at >= $${n - 1} and e.at < $${n} and ${filter}
     group by 1`,
    params,
  );
  return new Map(rows.map((r) => [r.key, Number(r.served)]));
}

/** One cell as published: figures only from `minResponses` respondents on. */
export function presentCell(
  sums: Sums | undefined,
  key: string | null,
  label: string | null,
  served: number | null,
  minResponses: number,
  lang: Lang,
): Cell {
  const respondents = sums?.n ?? 0;
  const sample = served === null ? null : krejcieMorgan(served);
  const base = { key, label, served, sample_required: sample };
  const index = respondents >= Math.max(1, minResponses) ? skmIndex(sums?.sums ?? [], respondents) : null;
  if (!index) {
    return {
      ...base,
      published: false,
      respondents: null,
      ikm: null,
      band: null,
      unsur: null,
      sample_reached: null,
    };
  }
  return {
    ...base,
    published: true,
    respondents,
    ikm: index.score,
    band: index.band,
    unsur: SKM_UNSUR.map((u, i) => {
      const nrr = index.nrr[i] ?? 0;
      return { no: u.no, name: u.name[lang], nrr, score: Math.round(nrr * 2500) / 100 };
    }),
    sample_reached: sample === null ? null : respondents >= sample,
  };
}
