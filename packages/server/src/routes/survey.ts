import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApplicationRow } from '../applications/security.js';
import { answerApplicationSurvey, surveyState } from '../survey/application-survey.js';
import { answerKioskSurvey } from '../survey/kiosk.js';
import type { AppContext, OperationRequest } from './context.js';

function applicationOf(request: FastifyRequest): ApplicationRow {
  if (!request.application) throw new Error('applicationSecret did not run for this route');
  return request.application;
}

/** The satisfaction survey: once per decided application, and on a location's kiosks (src/survey/). */
export function surveyHandlers(ctx: AppContext) {
  return {
    async getApplicationSurvey(request: OperationRequest<'getApplicationSurvey'>, reply: FastifyReply) {
      reply.header('cache-control', 'no-store');
      return { state: await surveyState(ctx.db, applicationOf(request)) };
    },

    async answerApplicationSurvey(request: OperationRequest<'answerApplicationSurvey'>, reply: FastifyReply) {
      await answerApplicationSurvey(ctx.db, applicationOf(request), request.body, ctx.now());
      reply.header('cache-control', 'no-store').code(201);
      return { received: true as const, channel: 'application' as const };
    },

    async answerKioskSurvey(request: OperationRequest<'answerKioskSurvey'>, reply: FastifyReply) {
      const device = request.kiosk;
      if (!device) throw new Error('kioskToken did not run for this route');
      await answerKioskSurvey(ctx.db, device, request.body, {
        now: ctx.now(),
        limits: { perMinute: ctx.limits.kioskPerMinute, perDay: ctx.limits.kioskPerDay },
      });
      reply.header('cache-control', 'no-store').code(201);
      return { received: true as const, channel: 'kiosk' as const };
    },
  } satisfies Record<string, (request: FastifyRequest<never>, reply: FastifyReply) => Promise<unknown>>;
}
