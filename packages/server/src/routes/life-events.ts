import type { FastifyReply, FastifyRequest } from 'fastify';
import { findLifeEvent, listLifeEvents } from '../catalogue/life-events.js';
import { presentLifeEvent, presentLifeEventSummary } from '../catalogue/present-life-events.js';
import { pickLang } from '../http/lang.js';
import { say } from '../messages/index.js';
import { problem } from '../problem.js';
import type { AppContext, OperationRequest } from './context.js';
import { scopeFromQuery } from './scope.js';

/** Life events: thin handlers over catalogue/life-events.ts, region-scoped like /v1/services. */
export function lifeEventHandlers(ctx: AppContext) {
  return {
    async listLifeEvents(request: FastifyRequest) {
      const lang = pickLang(request);
      const { scope } = await scopeFromQuery(ctx.db, request);
      const rows = await listLifeEvents(ctx.db, scope);
      return { lang, data: rows.map((row) => presentLifeEventSummary(row, lang)) };
    },

    async getLifeEvent(request: OperationRequest<'getLifeEvent'>) {
      const lang = pickLang(request);
      const { id } = request.params;
      const { scope } = await scopeFromQuery(ctx.db, request);
      const event = await findLifeEvent(ctx.db, id, scope);
      if (!event) throw problem('not-found', 404, say('lifeEventNotFound', id));
      return presentLifeEvent(event, lang);
    },
  } satisfies Record<string, (request: FastifyRequest<never>, reply: FastifyReply) => Promise<unknown>>;
}
