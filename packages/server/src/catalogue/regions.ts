import type { Queryable } from '../db/index.js';

export interface RegionRow {
  code: string;
  code_system: 'kemendagri';
  level: 'province' | 'regency';
  kind: 'provinsi' | 'kabupaten' | 'kota';
  name: string;
  province_code: string | null;
}

const columns = 'code, code_system, level, kind, name, province_code';

export async function findRegion(db: Queryable, code: string): Promise<RegionRow | null> {
  const rows = await db.query<RegionRow>(`select ${columns} from region where code = $1`, [code]);
  return rows[0] ?? null;
}

/** The codes whose services and overrides apply in a region: its province, then itself. */
export function scopeOf(region: RegionRow): { province: string; regency: string | null; codes: string[] } {
  if (region.level === 'province') return { province: region.code, regency: null, codes: [region.code] };
  const province = region.province_code as string;
  return { province, regency: region.code, codes: [province, region.code] };
}

export interface RegionQuery {
  level?: 'province' | 'regency' | undefined;
  parent?: string | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

export async function listRegions(
  db: Queryable,
  query: RegionQuery,
): Promise<{ rows: RegionRow[]; total: number }> {
  const where = [
    '($1::text is null or level = $1)',
    '($2::text is null or province_code = $2)',
    "($3::text is null or name ilike '%' || $3 || '%')",
  ].join(' and ');
  const escaped = query.q?.replace(/[\\%_]/g, (c) => `\\${c}`) || null;
  const params = [query.level ?? null, query.parent ?? null, escaped];
  const [count] = await db.query<{ n: number }>(
    `select count(*)::int as n from region where ${where}`,
    params,
  );
  const rows = await db.query<RegionRow>(
    `select ${columns} from region where ${where} order by code limit $4 offset $5`,
    [...params, query.limit, query.offset],
  );
  return { rows, total: count?.n ?? 0 };
}
