import type { FastifyReply, FastifyRequest } from 'fastify';
import type { components } from '@loket/sdk/contract';
import { jakartaDate } from '../applications/calendar.js';
import { loadForm } from '../applications/forms.js';
import {
  findForOfficer,
  listQueue,
  loadDetails,
  type OfficerApplicationRow,
  presentOfficerApplication,
  type QueueFilter,
} from '../applications/officers.js';
import { normalizeCode } from '../applications/secrets.js';
import type { Officer } from '../applications/security.js';
import { canTransition, invalidTransition, transition } from '../applications/state.js';
import type { Queryable } from '../db/index.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { type Lang, pickLang } from '../http/lang.js';
import { type FieldError, ProblemError } from '../http/problems.js';
import type { AppContext } from './context.js';

type TransitionRequest = components['schemas']['TransitionRequest'];

interface QueueQuery extends QueueFilter {
  cursor?: string;
  limit: number;
}

const messages = {
  notFound: {
    id: (code: string) => `Tidak ada permohonan terkirim dengan kode "${code}".`,
    en: (code: string) => `There is no submitted application with code "${code}".`,
  },
  outOfScope: {
    id: (code: string, o: Officer) =>
      `Permohonan "${code}" milik instansi atau wilayah lain: token ini hanya untuk instansi ${o.agency_id} di wilayah ${o.region_code}.`,
    en: (code: string, o: Officer) =>
      `Application "${code}" belongs to another agency or region: this token is for agency ${o.agency_id} in region ${o.region_code} only.`,
  },
  fieldsRequired: {
    id: () => 'Sebutkan kolom yang harus diperbaiki pemohon ("fields") saat meminta perbaikan.',
    en: () => 'Name the fields the citizen must fix ("fields") when asking for a revision.',
  },
  fieldsOnlyForRevision: {
    id: () => '"fields" hanya dipakai untuk status "needs_revision".',
    en: () => '"fields" is only used with "needs_revision".',
  },
  unknownFields: {
    id: (n: number) => `${n} kolom tidak ada dalam formulir layanan ini.`,
    en: (n: number) => `${n} field${n === 1 ? ' is' : 's are'} not in this service's form.`,
  },
  unknownField: {
    id: (field: string, service: string) => `"${field}" bukan kolom formulir layanan ${service}.`,
    en: (field: string, service: string) => `"${field}" is not a field of the ${service} form.`,
  },
} satisfies Record<string, Record<Lang, (...args: never[]) => string>>;

const notFound = (code: string) => new ProblemError('not-found', 404, (l) => messages.notFound[l](code));

/** The officer set by the officerToken security handler (glue runs it before every officer handler). */
function officerOf(request: FastifyRequest): Officer {
  if (!request.officer) throw new Error('officer handler reached without the officerToken security handler');
  return request.officer;
}

/** Unknown code: 404. Known but outside the token's agency/region: 403. */
function assertInScope<T extends { in_scope: boolean }>(
  row: T | null,
  code: string,
  officer: Officer,
): asserts row is T {
  if (!row) throw notFound(code);
  if (!row.in_scope) throw new ProblemError('forbidden', 403, (l) => messages.outOfScope[l](code, officer));
}

/** needs_revision must name fields, each a field of the service's form (422 otherwise). */
async function checkRevisionFields(tx: Queryable, serviceId: string, fields: string[] | undefined) {
  if (!fields || fields.length === 0) {
    throw new ProblemError(
      'invalid-request',
      422,
      (l) => messages.fieldsRequired[l](),
      (l) => [{ pointer: '/fields', detail: messages.fieldsRequired[l]() }],
    );
  }
  const form = await loadForm(tx, serviceId);
  const known = new Set(form?.steps.flatMap((step) => step.fields.map((f) => f.id)) ?? []);
  const unknown = fields.flatMap((field, i) => (known.has(field) ? [] : [{ field, i }]));
  if (unknown.length > 0) {
    throw new ProblemError(
      'invalid-request',
      422,
      (l) => messages.unknownFields[l](unknown.length),
      (l): FieldError[] =>
        unknown.map(({ field, i }) => ({
          pointer: `/fields/${i}`,
          detail: messages.unknownField[l](field, serviceId),
        })),
    );
  }
}

function noStore(reply: FastifyReply) {
  // Personal data: never kept by browsers or shared caches.
  reply.header('cache-control', 'no-store');
}

export function officerHandlers(ctx: AppContext) {
  /** Applications of one page with their attachments and history (two queries for the whole page). */
  async function present(db: Queryable, rows: OfficerApplicationRow[], lang: Lang) {
    const { attachments, history } = await loadDetails(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((row) =>
      presentOfficerApplication(
        row,
        { attachments: attachments.get(row.id) ?? [], history: history.get(row.id) ?? [] },
        lang,
      ),
    );
  }

  async function getVisible(officer: Officer, raw: string, lang: Lang) {
    const code = normalizeCode(raw);
    if (!code) throw notFound(raw);
    const row = await findForOfficer(ctx.db, officer, code, jakartaDate(ctx.now()));
    assertInScope(row, raw, officer);
    if (!row.visible) throw notFound(raw);
    const [application] = await present(ctx.db, [row], lang);
    return application;
  }

  return {
    async listOfficerApplications(request: FastifyRequest, reply: FastifyReply) {
      const officer = officerOf(request);
      const lang = pickLang(request);
      const query = request.query as QueueQuery;
      const filter = { status: query.status, service: query.service, overdue: query.overdue };
      const offset = decodeCursor(query.cursor, { officer: officer.id, ...filter });
      const page = await listQueue(ctx.db, officer, filter, {
        limit: query.limit,
        offset,
        today: jakartaDate(ctx.now()),
      });
      const next = offset + page.rows.length;
      noStore(reply);
      return {
        lang,
        data: await present(ctx.db, page.rows, lang),
        total: page.total,
        page: {
          limit: query.limit,
          next_cursor:
            page.rows.length > 0 && next < page.total
              ? encodeCursor(next, { officer: officer.id, ...filter })
              : null,
        },
      };
    },

    async getOfficerApplication(request: FastifyRequest<{ Params: { code: string } }>, reply: FastifyReply) {
      const application = await getVisible(officerOf(request), request.params.code, pickLang(request));
      noStore(reply);
      return application;
    },

    async transitionApplication(
      request: FastifyRequest<{ Params: { code: string }; Body: TransitionRequest }>,
      reply: FastifyReply,
    ) {
      const officer = officerOf(request);
      const lang = pickLang(request);
      const raw = request.params.code;
      const { to, note, public_note, fields } = request.body;
      const code = normalizeCode(raw);
      if (!code) throw notFound(raw);
      await ctx.db.transaction(async (tx) => {
        // Locked: a concurrent transition waits, then sees the new status and gets 409.
        const row = await findForOfficer(tx, officer, code, jakartaDate(ctx.now()), { lock: true });
        assertInScope(row, raw, officer);
        // The status decides first: an impossible move is 409 whatever the body says.
        if (!canTransition('officer', row.status, to)) throw invalidTransition(row.status, to);
        if (to === 'needs_revision') await checkRevisionFields(tx, row.service_id, fields);
        else if (fields !== undefined) {
          throw new ProblemError(
            'invalid-request',
            422,
            (l) => messages.fieldsOnlyForRevision[l](),
            (l) => [{ pointer: '/fields', detail: messages.fieldsOnlyForRevision[l]() }],
          );
        }
        const revisionFields = to === 'needs_revision' ? (fields ?? []) : [];
        await transition(
          tx,
          row,
          'officer',
          to,
          {
            actor: `officer:${officer.name}`,
            note: note ?? null,
            public_note: public_note ?? null,
            fields: revisionFields,
          },
          { sql: 'revision_fields = $3::text[]', params: [revisionFields] },
        );
      });
      const application = await getVisible(officer, raw, lang);
      noStore(reply);
      return application;
    },
  } satisfies Record<string, (request: FastifyRequest<never>, reply: FastifyReply) => Promise<unknown>>;
}
