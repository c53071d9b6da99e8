import type { FastifyReply, FastifyRequest } from 'fastify';
import { isMigrated } from '../db/index.js';
import { pickLang } from '../http/lang.js';
import { problemBody, sendProblem } from '../http/problems.js';
import { say } from '../messages/index.js';
import type { AppContext } from './context.js';

export function healthHandlers(ctx: AppContext) {
  return {
    async getLiveness() {
      return { status: 'ok' };
    },

    async getReadiness(request: FastifyRequest, reply: FastifyReply) {
      let ready = ctx.accepting;
      if (ready) {
        try {
          ready = await isMigrated(ctx.db);
        } catch (err) {
          request.log.warn({ err }, 'readiness check failed');
          ready = false;
        }
      }
      if (ready)
        return reply.header('cache-control', 'no-store').send({ status: 'ok', database: ctx.db.engine });
      const lang = pickLang(request);
      return sendProblem(reply, problemBody('not-ready', 503, lang, request, say('notReady')(lang)));
    },
  };
}
