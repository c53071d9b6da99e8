import type { components } from '@loket/sdk/contract';
import type { Db, Queryable } from '../db/index.js';
import { type Lang, say } from '../messages/index.js';
import { ProblemError, problem } from '../problem.js';
import { jakartaDate } from './calendar.js';
import { ifMatchHits, staleError } from './drafts.js';
import { loadForm } from './forms.js';
import {
  type AttachmentRow,
  type EventRow,
  findForOfficer,
  listQueue,
  loadDetails,
  type OfficerApplicationRow,
  type QueueCounts,
  type QueueFilter,
} from './officer-queue.js';
import { etagOf, iso } from './present.js';
import { presentResultDocument, type ResultDocumentRow, resultDocumentsOf } from './result-document.js';
import { formatCode, normalizeCode } from './secrets.js';
import type { Officer } from './security.js';
import { canTransition, invalidTransition, transition } from './state.js';

// The officer's desk: the queue, one application, and the officer's status changes, each in the
// shape the contract gives it (OfficerApplication).

type OfficerApplication = components['schemas']['OfficerApplication'];
type TransitionRequest = components['schemas']['TransitionRequest'];

export const notSubmitted = (code: string) => problem('not-found', 404, say('notSubmitted', code));
const outOfScope = (code: string, officer: Officer) =>
  problem('forbidden', 403, say('outOfScope', code, officer));

/** Unknown code: 404. Known but outside the token's agency/region: 403. Never submitted: 404. */
export function assertVisible<T extends { in_scope: boolean; visible: boolean }>(
  row: T | null | undefined,
  code: string,
  officer: Officer,
): asserts row is T {
  if (!row) throw notSubmitted(code);
  if (!row.in_scope) throw outOfScope(code, officer);
  if (!row.visible) throw notSubmitted(code);
}

export function presentOfficerApplication(
  row: OfficerApplicationRow,
  details: { attachments: AttachmentRow[]; history: EventRow[]; result?: ResultDocumentRow | undefined },
  lang: Lang,
): OfficerApplication {
  return {
    lang,
    code: formatCode(row.code),
    service: { id: row.service_id, name: lang === 'en' ? row.service_name_en : row.service_name_id },
    region: row.region_code,
    status: row.status,
    form_version: row.form_version,
    answers: row.answers as OfficerApplication['answers'],
    attachments: details.attachments.map((f) => ({
      id: f.id,
      field: f.field,
      filename: f.filename,
      content_type: f.content_type,
      size: f.size,
      sha256: f.sha256,
      created_at: iso(f.created_at),
    })),
    revision_fields: row.revision_fields,
    submitted_at: row.submitted_at === null ? null : iso(row.submitted_at),
    due: {
      date: row.due_date === null ? null : String(row.due_date).slice(0, 10),
      working_days: row.due_working_days,
      calendar: row.due_calendar,
    },
    overdue: row.overdue,
    history: details.history.map((e) => ({
      from: e.from_status,
      to: e.to_status,
      at: iso(e.at),
      actor: e.actor,
      note: e.note,
      public_note: e.public_note,
      fields: e.fields,
    })),
    result_document: details.result ? presentResultDocument(details.result) : null,
  };
}

/** Applications of one page with their attachments and history (two queries for the whole page). */
async function present(db: Queryable, rows: OfficerApplicationRow[], lang: Lang) {
  const ids = rows.map((r) => r.id);
  const [{ attachments, history }, results] = await Promise.all([
    loadDetails(db, ids),
    resultDocumentsOf(db, ids),
  ]);
  return rows.map((row) =>
    presentOfficerApplication(
      row,
      {
        attachments: attachments.get(row.id) ?? [],
        history: history.get(row.id) ?? [],
        result: results.get(row.id),
      },
      lang,
    ),
  );
}

/** One page of the officer's queue, presented; `total` counts every matching application. */
export async function officerQueue(
  db: Queryable,
  officer: Officer,
  filter: QueueFilter,
  page: { limit: number; offset: number; lang: Lang; now: Date },
): Promise<{ data: OfficerApplication[]; total: number; counts: QueueCounts }> {
  const { rows, total, counts } = await listQueue(db, officer, filter, {
    limit: page.limit,
    offset: page.offset,
    today: jakartaDate(page.now),
  });
  return { data: await present(db, rows, page.lang), total, counts };
}

/** One application the officer may see, by its tracking code as given, with its ETag. */
export async function officerApplication(
  db: Queryable,
  officer: Officer,
  raw: string,
  options: { lang: Lang; now: Date },
): Promise<{ application: OfficerApplication; etag: string }> {
  const code = normalizeCode(raw);
  const row = code ? await findForOfficer(db, officer, code, jakartaDate(options.now)) : null;
  assertVisible(row, raw, officer);
  const [application] = await present(db, [row], options.lang);
  return { application: application as OfficerApplication, etag: etagOf(row) };
}

/** needs_revision must name fields, each a field of the service's form (422 otherwise). */
async function checkRevisionFields(tx: Queryable, serviceId: string, fields: string[] | undefined) {
  if (!fields || fields.length === 0) {
    throw problem('invalid-request', 422, say('fieldsRequired'), '/fields');
  }
  const form = await loadForm(tx, serviceId);
  const known = new Set(form?.steps.flatMap((step) => step.fields.map((f) => f.id)) ?? []);
  const unknown = fields.flatMap((field, i) => (known.has(field) ? [] : [{ field, i }]));
  if (unknown.length > 0) {
    throw new ProblemError('invalid-request', 422, say('unknownFields', unknown.length), (lang) =>
      unknown.map(({ field, i }) => ({
        pointer: `/fields/${i}`,
        detail: say('unknownField', field, serviceId)(lang),
      })),
    );
  }
}

/**
 * The officer moves an application to `to` (the state machine decides first: an impossible move is
 * 409 whatever the body says), with notes and, for `needs_revision`, the fields to fix. With
 * `ifMatch` (the ETag the officer's screen shows), a change made since by anyone is 412 and nothing
 * moves: two officers never overwrite each other. Returns the application as it is afterwards.
 */
export async function officerTransition(
  db: Db,
  officer: Officer,
  raw: string,
  request: TransitionRequest,
  options: { lang: Lang; now: Date; ifMatch?: string | undefined },
): Promise<{ application: OfficerApplication; etag: string }> {
  const { to, note, public_note, fields } = request;
  const code = normalizeCode(raw);
  if (!code) throw notSubmitted(raw);
  await db.transaction(async (tx) => {
    // Locked: a concurrent transition waits, then sees the new status and gets 409.
    const row = await findForOfficer(tx, officer, code, jakartaDate(options.now), { lock: true });
    if (!row) throw notSubmitted(raw);
    if (!row.in_scope) throw outOfScope(raw, officer);
    if (options.ifMatch !== undefined && !ifMatchHits(options.ifMatch, row)) throw staleError();
    if (!canTransition('officer', row.status, to)) throw invalidTransition(row.status, to);
    if (to === 'needs_revision') await checkRevisionFields(tx, row.service_id, fields);
    else if (fields !== undefined) {
      throw problem('invalid-request', 422, say('fieldsOnlyForRevision'), '/fields');
    }
    const revisionFields = to === 'needs_revision' ? (fields ?? []) : [];
    // The files of the fields to fix must be replaced, not sent back as they are.
    const rejected: Record<string, string[]> = {};
    for (const file of await tx.query<{ field: string; sha256: string }>(
      'select field, sha256 from attachment where application_id = $1 and field = any($2::text[])',
      [row.id, revisionFields],
    )) {
      rejected[file.field] = [...(rejected[file.field] ?? []), file.sha256];
    }
    await transition(
      tx,
      row,
      'officer',
      to,
      {
        actor: `officer:${officer.name}`,
        at: options.now,
        note: note ?? null,
        public_note: public_note ?? null,
        fields: revisionFields,
        document: to === 'completed' && (await resultDocumentsOf(tx, [row.id])).has(row.id),
      },
      { revision_fields: revisionFields, rejected_files: rejected },
    );
  });
  return officerApplication(db, officer, raw, options);
}
