import type { FastifyRequest } from 'fastify';
import { findRegion, type RegionRow, scopeOf } from '../catalogue/regions.js';
import { nationalScope, type Scope } from '../catalogue/services.js';
import type { Queryable } from '../db/index.js';
import { say } from '../messages/index.js';
import { problem } from '../problem.js';

/** The scope of `?region=`: national without it, a clear 400 for a code that doesn't exist. */
export async function scopeFromQuery(
  db: Queryable,
  request: FastifyRequest,
): Promise<{ scope: Scope; region: RegionRow | null }> {
  const code = (request.query as { region?: string }).region;
  if (code === undefined) return { scope: nationalScope, region: null };
  const region = await findRegion(db, code);
  if (!region) {
    throw problem('unknown-region', 400, say('unknownRegion', code), '/query/region');
  }
  return { scope: scopeOf(region), region };
}
