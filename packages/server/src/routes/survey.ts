import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApplicationRow } from '../applications/security.js';
import { pickLang } from '../http/lang.js';
import { answerKioskSurvey } from '../survey/kiosk.js';
import {
  answerSurvey,
  requireSubject,
  type SurveyAbout,
  type SurveySubject,
  surveyState,
} from '../survey/subject.js';
import type { AppContext, OperationRequest } from './context.js';

function applicationOf(request: FastifyRequest): SurveyAbout {
  const app: ApplicationRow | undefined = request.application;
  if (!app) throw new Error('applicationSecret did not run for this route');
  return { application: app.id };
}

function bookingOf(request: FastifyRequest): SurveyAbout {
  if (!request.booking) throw new Error('bookingSecret did not run for this route');
  return { ticket: request.booking.id };
}

function linkOf(request: FastifyRequest): SurveySubject {
  if (!request.surveyLink) throw new Error('surveyLink did not run for this route');
  return request.surveyLink;
}

/**
 * The satisfaction survey: once per decided application and per served visit (with the secret, or
 * an invitation's one-time link), and on a location's kiosks (src/survey/).
 */
export function surveyHandlers(ctx: AppContext) {
  const state = async (reply: FastifyReply, about: SurveyAbout) => {
    reply.header('cache-control', 'no-store');
    return { state: await surveyState(ctx.db, await requireSubject(ctx.db, about)) };
  };
  const answer = async (
    reply: FastifyReply,
    subject: SurveySubject,
    body: Parameters<typeof answerSurvey>[2],
  ) => {
    await answerSurvey(ctx.db, subject, body, ctx.now());
    reply.header('cache-control', 'no-store').code(201);
    return { received: true as const, channel: subject.kind };
  };

  return {
    getApplicationSurvey: (request: OperationRequest<'getApplicationSurvey'>, reply: FastifyReply) =>
      state(reply, applicationOf(request)),

    answerApplicationSurvey: async (
      request: OperationRequest<'answerApplicationSurvey'>,
      reply: FastifyReply,
    ) => answer(reply, await requireSubject(ctx.db, applicationOf(request)), request.body),

    getBookingSurvey: (request: OperationRequest<'getBookingSurvey'>, reply: FastifyReply) =>
      state(reply, bookingOf(request)),

    answerBookingSurvey: async (request: OperationRequest<'answerBookingSurvey'>, reply: FastifyReply) =>
      answer(reply, await requireSubject(ctx.db, bookingOf(request)), request.body),

    async getSurveyLink(request: OperationRequest<'getSurveyLink'>, reply: FastifyReply) {
      const subject = linkOf(request);
      const id = subject.where.serviceId ?? '';
      const [service] = await ctx.db.query<{ name: string }>(
        `select case when $2 = 'en' then name_en else name_id end as name from service where id = $1`,
        [id, pickLang(request)],
      );
      // A link is only made once its application is decided or its visit served: open or answered.
      const answered = (await surveyState(ctx.db, subject)) === 'answered';
      reply.header('cache-control', 'no-store');
      return {
        state: answered ? ('answered' as const) : ('open' as const),
        about: subject.kind,
        service: { id, name: service?.name ?? id },
      };
    },

    answerSurveyLink: (request: OperationRequest<'answerSurveyLink'>, reply: FastifyReply) =>
      answer(reply, linkOf(request), request.body),

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
