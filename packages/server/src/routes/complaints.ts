import { SKM_UNSUR } from '@loket/sdk/rules';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Officer } from '../applications/security.js';
import { createComplaint } from '../complaints/file.js';
import { answerComplaint, closeComplaint, officerComplaint, officerInbox } from '../complaints/inbox.js';
import { type ComplaintRow, presentComplaint } from '../complaints/present.js';
import { nationalChannelsWithWays } from '../complaints.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { pickLang } from '../http/lang.js';
import { citizenOrigin } from '../http/security.js';
import { type Lang, say } from '../messages/index.js';
import { officerComplaintDeliveries } from '../notifications/delivery-log.js';
import type { AppContext, OperationRequest } from './context.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the complaintSecret security handler. */
    complaint?: ComplaintRow;
  }
}

/** The categories in the order of the nine SKM unsur (PermenPANRB 14/2017), then "other". */
const categoryIds = [
  'requirements',
  'procedure',
  'time',
  'cost',
  'product',
  'competence',
  'conduct',
  'complaint_handling',
  'facilities',
] as const;

const categories = (lang: Lang) => [
  ...categoryIds.map((id, i) => ({ id, name: SKM_UNSUR[i]?.name[lang] ?? id })),
  { id: 'other' as const, name: say('complaintOther')(lang) },
];

/** Complaints carry personal data: never stored by any cache. */
const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
};

function officerOf(request: FastifyRequest): Officer {
  if (!request.officer) throw new Error('officer handler reached without the officerToken security handler');
  return request.officer;
}

/** The citizen's and the officer's complaint endpoints; the rules are in src/complaints/*. */
export function complaintHandlers(ctx: AppContext) {
  return {
    async listComplaintChannels(request: OperationRequest<'listComplaintChannels'>, reply: FastifyReply) {
      const lang = pickLang(request);
      reply.header('cache-control', 'public, max-age=3600');
      return { lang, categories: categories(lang), data: await nationalChannelsWithWays(lang) };
    },

    async createComplaint(request: OperationRequest<'createComplaint'>, reply: FastifyReply) {
      const lang = pickLang(request);
      const result = await createComplaint(ctx.db, request.body, {
        key: header(request, 'idempotency-key'),
        lang,
        now: ctx.now(),
        origin: citizenOrigin(request, ctx.desk.publicUrl),
        lockout: ctx.limits.lockout,
        channels: await nationalChannelsWithWays(lang),
      });
      noStore(reply).code(result.status).header('location', `/v1/complaints/${result.body.code}`);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return result.body;
    },

    async getComplaint(request: OperationRequest<'getComplaint'>, reply: FastifyReply) {
      const row = request.complaint;
      if (!row) throw new Error('complaintSecret did not run for this route');
      const lang = pickLang(request);
      noStore(reply);
      return presentComplaint(row, lang, await nationalChannelsWithWays(lang));
    },

    async listOfficerComplaints(request: OperationRequest<'listOfficerComplaints'>, reply: FastifyReply) {
      const officer = officerOf(request);
      const lang = pickLang(request);
      const { query } = request;
      const filter = {
        status: query.status,
        service: query.service,
        category: query.category,
        overdue: query.overdue,
      };
      const offset = decodeCursor(query.cursor, { officer: officer.id, complaints: true, ...filter });
      const { data, total } = await officerInbox(ctx.db, officer, filter, {
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
        page: {
          limit: query.limit,
          next_cursor:
            data.length > 0 && next < total
              ? encodeCursor(next, { officer: officer.id, complaints: true, ...filter })
              : null,
        },
      };
    },

    async getOfficerComplaint(request: OperationRequest<'getOfficerComplaint'>, reply: FastifyReply) {
      const options = { lang: pickLang(request), now: ctx.now() };
      noStore(reply);
      return officerComplaint(ctx.db, officerOf(request), request.params.code, options);
    },

    async listComplaintDeliveries(request: OperationRequest<'listComplaintDeliveries'>, reply: FastifyReply) {
      const data = await officerComplaintDeliveries(
        ctx.db,
        officerOf(request),
        request.params.code,
        ctx.now(),
      );
      noStore(reply);
      return { lang: pickLang(request), data };
    },

    async answerComplaint(request: OperationRequest<'answerComplaint'>, reply: FastifyReply) {
      const options = { lang: pickLang(request), now: ctx.now() };
      const { params, body } = request;
      noStore(reply);
      return answerComplaint(ctx.db, officerOf(request), params.code, body.answer, options);
    },

    async closeComplaint(request: OperationRequest<'closeComplaint'>, reply: FastifyReply) {
      const options = { lang: pickLang(request), now: ctx.now() };
      const { params, body } = request;
      noStore(reply);
      return closeComplaint(ctx.db, officerOf(request), params.code, body?.note, options);
    },
  } satisfies Record<string, (request: FastifyRequest<never>, reply: FastifyReply) => Promise<unknown>>;
}
