import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Officer } from '../applications/security.js';
import { pickLang } from '../http/lang.js';
import { callNext, checkIn, closeCounter, hall, recordOutcome, walkIn } from '../visits/hall.js';
import type { AppContext, OperationRequest } from './context.js';

function officerOf(request: FastifyRequest): Officer {
  if (!request.officer) throw new Error('hall handler reached without the officerToken security handler');
  return request.officer;
}

/** Names and queue state: never kept by browsers or shared caches. */
const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

/** The officer's hall. The rules and the SQL are in visits/hall.ts. */
export function hallHandlers(ctx: AppContext) {
  return {
    async getHall(request: OperationRequest<'getHall'>, reply: FastifyReply) {
      const lang = pickLang(request);
      noStore(reply);
      return hall(ctx.db, officerOf(request), request.params.id, request.query.date, lang, ctx.now());
    },

    async checkInBooking(request: OperationRequest<'checkInBooking'>, reply: FastifyReply) {
      const lang = pickLang(request);
      noStore(reply);
      return checkIn(ctx.db, officerOf(request), request.params.id, request.body.code, lang, ctx.now());
    },

    async createWalkIn(request: OperationRequest<'createWalkIn'>, reply: FastifyReply) {
      const lang = pickLang(request);
      const ticket = await walkIn(
        ctx.db,
        officerOf(request),
        request.params.id,
        request.body,
        lang,
        ctx.now(),
      );
      noStore(reply).code(201);
      return ticket;
    },

    async callNext(request: OperationRequest<'callNext'>, reply: FastifyReply) {
      const { id, counter } = request.params;
      noStore(reply);
      return callNext(ctx.db, officerOf(request), id, counter, pickLang(request), ctx.now());
    },

    async recordTicketOutcome(request: OperationRequest<'recordTicketOutcome'>, reply: FastifyReply) {
      const { id, ticket } = request.params;
      const { outcome } = request.body;
      noStore(reply);
      return recordOutcome(ctx.db, officerOf(request), id, ticket, outcome, pickLang(request), ctx.now());
    },

    async closeCounter(request: OperationRequest<'closeCounter'>, reply: FastifyReply) {
      const { id, counter } = request.params;
      noStore(reply);
      return closeCounter(
        ctx.db,
        officerOf(request),
        id,
        counter,
        request.body,
        pickLang(request),
        ctx.now(),
      );
    },
  } satisfies Record<string, (request: FastifyRequest<never>, reply: FastifyReply) => Promise<unknown>>;
}
