import type { Queryable } from '../db/index.js';
import { encodeQuery, parseQuery } from './search/query.js';

export { normalize, type ParsedQuery, parseQuery, type Term } from './search/query.js';

/** SQL fragments over the table alias `s` (service) for one search, and the parameters they use. */
export interface ServiceSearch {
  /** A boolean expression: the service matches the query. */
  where: string;
  /** A double precision expression, higher is better: order by it descending. */
  rank: string;
  /** Values for $firstParamIndex, $firstParamIndex + 1, … (today exactly one: a text[]). */
  params: unknown[];
  /** The query names a complaint topic ("lampu jalan", "sampah"): when nothing matches, it is a complaint. */
  complaint: boolean;
}

export interface ServiceSearchOptions {
  /**
   * The regions the caller shows (null/absent: all). Optional: the caller still filters by
   * region itself; with it, a query whose words no visible service has all together falls back
   * to any of them, instead of matching only services of other regions.
   */
  regionCodes?: readonly string[] | null;
}

/** Weights of D, C, B, A in ts_rank: requirements and output (C) count little, names and aliases (A) most. */
const WEIGHTS = `'{0.02,0.1,0.3,1}'::real[]`;

/**
 * Turns the user's `q` into SQL the list query composes:
 *
 *   select … from service s where (visibility) and (${where}) order by ${rank} desc, s.name_id
 *
 * Both expressions reference only the alias `s` and the parameters from `$firstParamIndex` on
 * (`params.length` of them). Use them together or apart (facet counts use `where` only), always
 * with all of `params`. Null when `q` holds nothing to search for (empty, only punctuation, only
 * fillers like "bikin", "cara", "urus"): then list without a search.
 * User text never reaches the SQL text: it is normalized to a-z/0-9 words and sent as a parameter.
 */
export function buildServiceSearch(
  q: string,
  firstParamIndex: number,
  options: ServiceSearchOptions = {},
): ServiceSearch | null {
  if (!Number.isInteger(firstParamIndex) || firstParamIndex < 1) {
    throw new RangeError(`firstParamIndex must be a positive integer, got ${firstParamIndex}`);
  }
  const parsed = parseQuery(q);
  if (!parsed) return null;
  const spec = `$${firstParamIndex}::text[]`;
  return {
    where: `s.search_doc @@ (select loket_search_query(${spec}, false))`,
    rank: `(coalesce(ts_rank(${WEIGHTS}, s.search_doc, (select loket_search_query(${spec}, true)), 0), 0)::float8
      + case when s.search_keys && (select loket_search_keys(${spec})) then 1 else 0 end)`,
    params: [encodeQuery(parsed, options.regionCodes)],
    complaint: parsed.complaint,
  };
}

export interface SearchOptions {
  /** null or absent: every service; otherwise the national services and those of these regions. */
  regionCodes?: string[] | null;
  /** At most this many results (default 20, at most 1000). */
  limit?: number;
}

/**
 * The best matches for `q`, best first (ties by name). Empty when `q` holds nothing to search for.
 * For tests and benchmarks; the API composes buildServiceSearch into its list query.
 */
export async function searchServices(
  db: Queryable,
  q: string,
  options: SearchOptions = {},
): Promise<{ id: string; rank: number }[]> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 20), 0), 1000);
  const regionCodes = options.regionCodes ?? null;
  const search = buildServiceSearch(q, 1, { regionCodes });
  if (!search || !(limit > 0)) return [];
  const params = [...search.params];
  let region = '';
  if (regionCodes !== null) {
    params.push(regionCodes);
    region = `and (s.region_code is null or s.region_code = any($${params.length}::text[]))`;
  }
  params.push(limit);
  const rows = await db.query<{ id: string; rank: number }>(
    `select s.id, ${search.rank} as rank
     from service s
     where (${search.where}) ${region}
     order by 2 desc, s.name_id, s.id
     limit $${params.length}`,
    params,
  );
  return rows.map((r) => ({ id: r.id, rank: Number(r.rank) }));
}
