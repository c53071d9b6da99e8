import type { FastifyReply, FastifyRequest } from 'fastify';
import { presentAgency, presentCategory, presentService, presentServiceList } from '../catalogue/present.js';
import {
  findService,
  listAgencies,
  listCategories,
  listServices,
  regionOfService,
} from '../catalogue/services.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { pickLang } from '../http/lang.js';
import { say } from '../messages/index.js';
import { problem } from '../problem.js';
import type { AppContext, OperationRequest } from './context.js';
import { scopeFromQuery } from './scope.js';

export function catalogueHandlers(ctx: AppContext) {
  return {
    async listServices(request: OperationRequest<'listServices'>) {
      const lang = pickLang(request);
      const { query } = request;
      const q = query.q?.trim() || undefined;
      const identity = {
        q,
        region: query.region,
        category: query.category,
        agency: query.agency,
        channel: query.channel,
      };
      const offset = decodeCursor(query.cursor, identity);
      const { scope } = await scopeFromQuery(ctx.db, request);
      const page = await listServices(ctx.db, scope, { ...identity, limit: query.limit, offset });
      const next = offset + page.rows.length;
      return presentServiceList(
        page,
        lang,
        {
          q: q ?? null,
          region: query.region ?? null,
          category: query.category ?? null,
          agency: query.agency ?? null,
          channel: query.channel ?? null,
        },
        { limit: query.limit, next_cursor: next < page.total ? encodeCursor(next, identity) : null },
        ctx.nationalComplaintChannels,
      );
    },

    async getService(request: OperationRequest<'getService'>) {
      const lang = pickLang(request);
      const { slug } = request.params;
      const { scope } = await scopeFromQuery(ctx.db, request);
      const row = await findService(ctx.db, slug, scope);
      if (!row) {
        const offeredIn = await regionOfService(ctx.db, slug);
        throw problem(
          'not-found',
          404,
          offeredIn ? say('serviceOnlyIn', slug, offeredIn) : say('serviceNotFound', slug),
        );
      }
      return presentService(row, lang, ctx.nationalComplaintChannels);
    },

    async listCategories(request: FastifyRequest) {
      const lang = pickLang(request);
      const { scope } = await scopeFromQuery(ctx.db, request);
      const rows = await listCategories(ctx.db, scope);
      return { lang, data: rows.map((row) => presentCategory(row, lang)) };
    },

    async listAgencies(request: FastifyRequest) {
      const lang = pickLang(request);
      const { scope } = await scopeFromQuery(ctx.db, request);
      const rows = await listAgencies(ctx.db, scope);
      return { lang, data: rows.map((row) => presentAgency(row, lang)) };
    },
  } satisfies Record<string, (request: FastifyRequest<never>, reply: FastifyReply) => Promise<unknown>>;
}
