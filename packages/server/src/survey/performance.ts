import { SKM_WEIGHT } from '@loket/sdk/rules';
import type { Queryable } from '../db/index.js';
import { type Lang, say } from '../messages/index.js';
import { problem } from '../problem.js';
import { type Period, parsePeriod } from './period.js';
import {
  type Cell,
  type Dimension,
  presentCell,
  regionCodes,
  type Scope,
  servedCounts,
  tallySums,
} from './satisfaction.js';
import { type ServicePerformance, servicePerformance } from './service-performance.js';

export interface PerformanceQuery {
  region: string;
  period: string;
  service?: string | undefined;
  agency?: string | undefined;
  location?: string | undefined;
  by?: Dimension | undefined;
}

export interface Performance {
  lang: Lang;
  region: { code: string; name: string };
  period: Omit<Period, 'until'>;
  by: Dimension | null;
  method: Record<string, string | number>;
  generated_at: string;
  satisfaction: Cell;
  cells: Cell[];
  services: ServicePerformance[];
}

const labelSql: Record<Exclude<Dimension, 'month'>, string> = {
  service: 'select id, name_id, name_en from service where id = any($1::text[])',
  agency: 'select id, name_id, name_en from agency where id = any($1::text[])',
  location: 'select id, name as name_id, name as name_en from location where id = any($1::text[])',
  region: 'select code as id, name as name_id, name as name_en from region where code = any($1::text[])',
};

async function labels(
  db: Queryable,
  by: Dimension,
  keys: string[],
  lang: Lang,
): Promise<Map<string, string>> {
  if (by === 'month') return new Map(keys.map((k) => [k, k])); // a month is its own label
  const rows = await db.query<{ id: string; name_id: string; name_en: string }>(labelSql[by], [keys]);
  return new Map(rows.map((r) => [r.id, lang === 'en' ? r.name_en : r.name_id]));
}

/** How every figure is made, stated with the figures (open data). */
function method(minResponses: number, lang: Lang): Record<string, string | number> {
  return {
    regulation: 'PermenPANRB 14/2017',
    formula: say('skm.formula')(lang),
    weight: SKM_WEIGHT,
    bands: 'A 88,31–100 Sangat Baik; B 76,61–88,30 Baik; C 65,00–76,60 Kurang Baik; D 25,00–64,99 Tidak Baik',
    min_responses: minResponses,
    sample: say('skm.sample')(lang),
    served: say('skm.served')(lang),
    excluded: say('skm.excluded', minResponses)(lang),
  };
}

/**
 * The published index of a region (with its kabupaten/kota) and period, split `by` a dimension if
 * asked, and the service performance beside it. 404 for an unknown region; 400 for a bad period.
 */
export async function performance(
  db: Queryable,
  query: PerformanceQuery,
  options: { lang: Lang; now: Date; minResponses: number },
): Promise<Performance> {
  const { lang, minResponses } = options;
  const period = parsePeriod(query.period);
  if (!period) throw problem('invalid-request', 400, say('skm.badPeriod', query.period), '/query/period');
  const [region] = await db.query<{ code: string; name: string }>(
    'select code, name from region where code = $1',
    [query.region],
  );
  if (!region) throw problem('unknown-region', 404, say('unknownRegion', query.region));
  const scope: Scope = {
    region: region.code,
    codes: await regionCodes(db, region.code),
    period,
    service: query.service,
    agency: query.agency,
    location: query.location,
  };
  const by = query.by ?? null;
  const [overall] = await tallySums(db, scope, null);
  const served = await servedCounts(db, scope, null);
  const servedAll = scope.location ? null : (served.get(null) ?? 0);
  const cells: Cell[] = [];
  if (by) {
    const sums = await tallySums(db, scope, by);
    const servedBy = await servedCounts(db, scope, by);
    const keys = [...new Set([...sums.map((s) => s.key), ...servedBy.keys()])].filter(
      (k): k is string => k !== null,
    );
    const names = await labels(db, by, keys, lang);
    for (const key of keys.sort()) {
      const cellServed = by === 'location' || scope.location ? null : (servedBy.get(key) ?? 0);
      cells.push(
        presentCell(
          sums.find((s) => s.key === key),
          key,
          names.get(key) ?? key,
          cellServed,
          minResponses,
          lang,
        ),
      );
    }
  }
  const { until: _until, ...shownPeriod } = period;
  return {
    lang,
    region,
    period: shownPeriod,
    by,
    method: method(minResponses, lang),
    generated_at: options.now.toISOString(),
    satisfaction: presentCell(overall, null, null, servedAll, minResponses, lang),
    cells,
    services: scope.location ? [] : await servicePerformance(db, scope, options),
  };
}

const csvField = (value: unknown) => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** The cells (the whole scope first) as CSV, the method in `#` lines above the header. */
export function performanceCsv(p: Performance): string {
  const head = [
    `# ${p.method.regulation}: ${p.method.formula}`,
    `# ${p.method.excluded}`,
    `# ${p.method.sample}`,
    `# ${p.method.served}`,
  ];
  const header = [
    'region',
    'period',
    'by',
    'key',
    'label',
    'published',
    'respondents',
    'served',
    'sample_required',
    'sample_reached',
    'ikm',
    'mutu',
    'kinerja',
    ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `nrr_u${i}`),
  ];
  const row = (cell: Cell) =>
    [
      p.region.code,
      p.period.label,
      p.by ?? '',
      cell.key,
      cell.label,
      cell.published,
      cell.respondents,
      cell.served,
      cell.sample_required,
      cell.sample_reached,
      cell.ikm,
      cell.band?.mutu,
      cell.band?.kinerja,
      ...Array.from({ length: 9 }, (_, i) => cell.unsur?.[i]?.nrr),
    ]
      .map(csvField)
      .join(',');
  return `${[...head.map((line) => line.replace(/[\r\n]+/g, ' ')), header.join(','), row(p.satisfaction), ...p.cells.map(row)].join('\r\n')}\r\n`;
}
