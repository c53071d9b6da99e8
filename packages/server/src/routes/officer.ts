import type { FastifyReply, FastifyRequest } from 'fastify';
import { officerApplication, officerQueue, officerTransition } from '../applications/officer-desk.js';
import { officerWorkload } from '../applications/officer-workload.js';
import { formatCode } from '../applications/secrets.js';
import type { Officer } from '../applications/security.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { pickLang } from '../http/lang.js';
import { officerDeliveries } from '../notifications/delivery-log.js';
import type { AppContext, OperationRequest } from './context.js';

/** The officer set by the officerToken security handler (glue runs it before every officer handler). */
function officerOf(request: FastifyRequest): Officer {
  if (!request.officer) throw new Error('officer handler reached without the officerToken security handler');
  return request.officer;
}

/** Personal data: never kept by browsers or shared caches. */
const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

/** The officer API. The rules and the SQL are in applications/officer-desk.ts and officer-queue.ts. */
export function officerHandlers(ctx: AppContext) {
  return {
    async listOfficerApplications(request: OperationRequest<'listOfficerApplications'>, reply: FastifyReply) {
      const officer = officerOf(request);
      const lang = pickLang(request);
      const { query } = request;
      const filter = {
        status: query.status,
        service: query.service,
        overdue: query.overdue,
        due_before: query.due_before,
      };
      const offset = decodeCursor(query.cursor, { officer: officer.id, ...filter });
      const { data, total, counts } = await officerQueue(ctx.db, officer, filter, {
        limit: query.limit,
        offset,
        lang,
        now: ctx.now(),
      });
      const next = offset + data.length;
      noStore(reply);
      return {
        lang,
        data,
        total,
        counts,
        page: {
          limit: query.limit,
          next_cursor:
            data.length > 0 && next < total ? encodeCursor(next, { officer: officer.id, ...filter }) : null,
        },
      };
    },

    async getOfficerApplication(request: OperationRequest<'getOfficerApplication'>, reply: FastifyReply) {
      const options = { lang: pickLang(request), now: ctx.now() };
      const { application, etag } = await officerApplication(
        ctx.db,
        officerOf(request),
        request.params.code,
        options,
      );
      noStore(reply).header('etag', etag);
      return application;
    },

    async transitionApplication(request: OperationRequest<'transitionApplication'>, reply: FastifyReply) {
      const { params, body, headers } = request;
      const ifMatch = typeof headers['if-match'] === 'string' ? headers['if-match'] : undefined;
      const options = { lang: pickLang(request), now: ctx.now(), ifMatch };
      const { application, etag } = await officerTransition(
        ctx.db,
        officerOf(request),
        params.code,
        body,
        options,
      );
      noStore(reply).header('etag', etag);
      return application;
    },

    async listApplicationDeliveries(
      request: OperationRequest<'listApplicationDeliveries'>,
      reply: FastifyReply,
    ) {
      const data = await officerDeliveries(ctx.db, officerOf(request), request.params.code, ctx.now());
      noStore(reply);
      return { lang: pickLang(request), data };
    },

    async getOfficerWorkload(request: OperationRequest<'getOfficerWorkload'>, reply: FastifyReply) {
      const lang = pickLang(request);
      const name = (row: { name_id: string; name_en: string }) => (lang === 'en' ? row.name_en : row.name_id);
      const { today, officers, services, overdue } = await officerWorkload(
        ctx.db,
        officerOf(request),
        ctx.now(),
      );
      noStore(reply);
      return {
        lang,
        as_of: today,
        officers,
        services: services.map(({ service, name_id, name_en, ...counts }) => ({
          service: { id: service, name: name({ name_id, name_en }) },
          ...counts,
        })),
        overdue: overdue.map((row) => ({
          code: formatCode(row.code),
          service: { id: row.service, name: name(row) },
          status: row.status,
          due_date: row.due_date,
          officer: row.officer,
        })),
        overdue_total: officers.reduce((sum, o) => sum + o.overdue, 0),
      };
    },
  } satisfies Record<string, (request: FastifyRequest<never>, reply: FastifyReply) => Promise<unknown>>;
}
