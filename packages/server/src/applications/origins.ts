import type { Queryable } from '../db/index.js';
import { say } from '../messages/index.js';
import { problem } from '../problem.js';

/** The origin as browsers send it: scheme://host[:port], lower case, no path. */
export function normalizeOrigin(input: string): string | null {
  try {
    const url = new URL(input);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) return null;
    return url.origin;
  } catch {
    return null;
  }
}

/**
 * An origin exactly as browsers send it in the Origin header, or an error that says why the
 * input is not one. Wildcards and paths are refused: each site is allowed by name.
 */
export function parseOrigin(input: string): { origin: string } | { error: string } {
  const given = input.trim();
  if (given.includes('*')) {
    return {
      error: `"${given}" contains a wildcard: allow each origin by name (e.g. https://layanan.semarangkota.go.id)`,
    };
  }
  if (!/^https?:\/\//i.test(given)) {
    return { error: `"${given}" must start with https:// (or http://), e.g. https://semarangkota.go.id` };
  }
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    return { error: `"${given}" is not a valid URL origin` };
  }
  if (url.username || url.password) return { error: `"${given}" must not contain a user name or password` };
  if (url.pathname !== '/' || /[?#]/.test(given) || /^https?:\/\/[^/]+\/./i.test(given)) {
    return {
      error: `"${given}" has a path, query or fragment: an origin is only scheme://host[:port], e.g. ${url.origin}`,
    };
  }
  const origin = normalizeOrigin(given);
  if (!origin) return { error: `"${given}" is not a valid origin` };
  return { origin };
}

/** Is this origin allowed by any region (for CORS preflights, which carry no region)? */
export async function originAllowedAnywhere(db: Queryable, origin: string): Promise<boolean> {
  return (await db.query('select 1 from region_origin where origin = $1 limit 1', [origin])).length > 0;
}

/**
 * A browser request from another origin reaches a region's applications only when that region
 * (or its province) allowed the origin. Requests without Origin (server to server, curl, same
 * origin navigation) are not cross-origin and pass.
 */
export async function checkOrigin(
  db: Queryable,
  origin: string | undefined,
  regionCode: string,
): Promise<void> {
  if (origin === undefined) return;
  const province = regionCode.slice(0, 2);
  const allowed = await db.query(
    'select 1 from region_origin where origin = $1 and region_code in ($2, $3) limit 1',
    [origin, regionCode, province],
  );
  if (allowed.length === 0) {
    throw problem('origin-not-allowed', 403, say('originNotAllowed', origin, regionCode));
  }
}

export async function addOrigin(db: Queryable, regionCode: string, origin: string): Promise<void> {
  await db.query('insert into region_origin (region_code, origin) values ($1, $2) on conflict do nothing', [
    regionCode,
    origin,
  ]);
}

export async function removeOrigin(db: Queryable, regionCode: string, origin: string): Promise<boolean> {
  const rows = await db.query(
    'delete from region_origin where region_code = $1 and origin = $2 returning 1',
    [regionCode, origin],
  );
  return rows.length > 0;
}

export async function listOrigins(
  db: Queryable,
  regionCode?: string,
): Promise<{ region_code: string; origin: string }[]> {
  return db.query(
    'select region_code, origin from region_origin where ($1::text is null or region_code = $1) order by region_code, origin',
    [regionCode ?? null],
  );
}
