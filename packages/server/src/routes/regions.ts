import { countLocations, listLocations, locationsOffering } from '../catalogue/locations.js';
import { presentRegion } from '../catalogue/present.js';
import { findRegion, listRegions } from '../catalogue/regions.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { pickLang } from '../http/lang.js';
import { say } from '../messages/index.js';
import { problem } from '../problem.js';
import type { AppContext, OperationRequest } from './context.js';

export function regionHandlers(ctx: AppContext) {
  async function regionOr404(code: string) {
    const region = await findRegion(ctx.db, code);
    if (!region) throw problem('not-found', 404, say('regionNotFound', code));
    return region;
  }

  return {
    async listRegions(request: OperationRequest<'listRegions'>) {
      const lang = pickLang(request);
      const { query } = request;
      const q = query.q?.trim() || undefined;
      const identity = { level: query.level, parent: query.parent, q };
      const offset = decodeCursor(query.cursor, identity);
      const { rows, total } = await listRegions(ctx.db, { ...identity, limit: query.limit, offset });
      const next = offset + rows.length;
      return {
        lang,
        data: rows.map(presentRegion),
        total,
        page: { limit: query.limit, next_cursor: next < total ? encodeCursor(next, identity) : null },
      };
    },

    async getRegion(request: OperationRequest<'getRegion'>) {
      const lang = pickLang(request);
      const region = await regionOr404(request.params.code);
      const province = region.province_code ? await findRegion(ctx.db, region.province_code) : null;
      return {
        lang,
        ...presentRegion(region),
        province: province ? presentRegion(province) : null,
        location_count: await countLocations(ctx.db, region),
      };
    },

    async listRegionLocations(request: OperationRequest<'listRegionLocations'>) {
      const lang = pickLang(request);
      const region = await regionOr404(request.params.code);
      const service = request.query.service;
      if (service === undefined) {
        return { lang, region_code: region.code, data: await listLocations(ctx.db, region) };
      }
      const found = await locationsOffering(ctx.db, region, service);
      if (!found) throw problem('not-found', 404, say('serviceNotFound', service));
      return { lang, ...found };
    },
  };
}
