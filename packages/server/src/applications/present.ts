import type { components } from '@loket/sdk/contract';
import { type AttachmentType, isWithAgency } from '@loket/sdk/rules';
import type { Queryable } from '../db/index.js';
import { type Lang, say } from '../messages/index.js';
import { visitOfApplication } from '../visits/present.js';
import { type Due, jakartaDate } from './calendar.js';
import type { StoredForm } from './forms.js';
import { presentResultDocument, resultDocumentsOf } from './result-document.js';
import { formatCode, sha256Hex } from './secrets.js';
import type { ApplicationRow } from './security.js';
import type { Status } from './state.js';

type Schemas = components['schemas'];

/**
 * The application's ETag: its version (bumped by every write: saves, uploads, status changes)
 * plus a short digest of its id, so a tag of one application never matches another. Strong.
 */
export function etagOf(app: Pick<ApplicationRow, 'id' | 'version'>): string {
  return `"v${app.version}-${sha256Hex(app.id).slice(0, 8)}"`;
}

/** A timestamp column as ISO 8601 (both drivers give Date; text is passed through). */
export function iso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

export function presentDue(app: Pick<ApplicationRow, 'due_date' | 'due_working_days' | 'due_calendar'>): Due {
  const date = app.due_date instanceof Date ? app.due_date.toISOString().slice(0, 10) : app.due_date;
  return { date: date ?? null, working_days: app.due_working_days ?? null, calendar: app.due_calendar };
}

/**
 * Overdue: the due date has passed in Jakarta and the agency still owes a decision. Not while the
 * application waits for the citizen (`needs_revision`: the due date is counted again from the
 * resubmission), nor once completed, rejected or withdrawn; never for a draft (no due date).
 */
export function isOverdue(
  app: Pick<ApplicationRow, 'status' | 'due_date' | 'due_working_days' | 'due_calendar'>,
  now: Date,
): boolean {
  const due = presentDue(app).date;
  return !!due && isWithAgency(app.status) && due < jakartaDate(now);
}

export interface ServiceName {
  id: string;
  name_id: string;
  name_en: string;
}

export async function serviceRef(
  db: Queryable,
  serviceId: string,
  lang: Lang,
): Promise<Schemas['CategoryRef']> {
  const rows = await db.query<ServiceName>('select id, name_id, name_en from service where id = $1', [
    serviceId,
  ]);
  const row = rows[0];
  return { id: serviceId, name: row ? (lang === 'en' ? row.name_en : row.name_id) : serviceId };
}

export interface AttachmentRow {
  id: string;
  field: string;
  filename: string;
  content_type: AttachmentType;
  size: number;
  sha256: string;
  created_at: Date | string;
  storage_key: string;
}

export async function listAttachments(db: Queryable, applicationId: string): Promise<AttachmentRow[]> {
  return db.query<AttachmentRow>(
    `select id, field, filename, content_type, size::float8 as size, sha256, created_at, storage_key
     from attachment where application_id = $1 order by created_at, id`,
    [applicationId],
  );
}

export function presentAttachment(row: AttachmentRow): Schemas['Attachment'] {
  return {
    id: row.id,
    field: row.field,
    filename: row.filename,
    content_type: row.content_type,
    size: Number(row.size),
    sha256: row.sha256,
    created_at: iso(row.created_at),
  };
}

/** The whole application, for the citizen who holds its secret. */
export async function presentApplication(
  db: Queryable,
  app: ApplicationRow,
  lang: Lang,
): Promise<Schemas['Application']> {
  const [service, attachments] = await Promise.all([
    serviceRef(db, app.service_id, lang),
    listAttachments(db, app.id),
  ]);
  return {
    lang,
    code: formatCode(app.code),
    service,
    region: app.region_code,
    status: app.status,
    form_version: app.form_version,
    answers: app.answers as Schemas['Answers'],
    attachments: attachments.map(presentAttachment),
    revision_fields: app.status === 'needs_revision' ? app.revision_fields : [],
    created_at: iso(app.created_at),
    updated_at: iso(app.updated_at),
    submitted_at: app.submitted_at === null ? null : iso(app.submitted_at),
    due: presentDue(app),
    notify: (app.notify ?? null) as Schemas['Application']['notify'],
  };
}

const formatDate = (date: string, lang: Lang) =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));

/** The status text, with what the due date means when the agency owes a decision. */
export function statusText(status: Status, due: Due, overdue: boolean, lang: Lang): string {
  const base = say(`status.${status}`)(lang);
  if (!isWithAgency(status) || !due.date) return base;
  const date = formatDate(due.date, lang);
  const parts = [base, say(overdue ? 'dueOverdue' : 'dueExpected', date, due.working_days)(lang)];
  if (due.calendar === 'provisional') parts.push(say('dueProvisional')(lang));
  if (due.calendar === 'estimate') parts.push(say('dueEstimate')(lang));
  return parts.join(' ');
}

/** Labels of form fields by id, in one language (ids of fields the form no longer has stay ids). */
export function fieldLabels(form: StoredForm | null, ids: readonly string[], lang: Lang) {
  const labels = new Map<string, string>();
  for (const step of form?.steps ?? [])
    for (const field of step.fields) labels.set(field.id, field.label[lang]);
  return ids.map((id) => ({ id, label: labels.get(id) ?? id }));
}

/** The public history: status changes with the officer's notes for the citizen, nothing else. */
export async function publicHistory(
  db: Queryable,
  applicationId: string,
): Promise<Schemas['PublicHistoryEntry'][]> {
  const rows = await db.query<{ to_status: Status; at: Date | string; public_note: string | null }>(
    'select to_status, at, public_note from application_event where application_id = $1 order by id',
    [applicationId],
  );
  return rows.map((r) => ({ status: r.to_status, at: iso(r.at), note: r.public_note }));
}

/** What the citizen may see of an application: no answers, no personal data. */
export async function presentStatus(
  db: Queryable,
  app: ApplicationRow,
  form: StoredForm | null,
  lang: Lang,
  now: Date,
): Promise<Schemas['ApplicationStatus']> {
  const [service, history, results, visit] = await Promise.all([
    serviceRef(db, app.service_id, lang),
    publicHistory(db, app.id),
    app.status === 'completed' ? resultDocumentsOf(db, [app.id]) : null,
    visitOfApplication(db, app.id, lang),
  ]);
  const result = results?.get(app.id);
  const due = presentDue(app);
  const overdue = isOverdue(app, now);
  return {
    lang,
    code: formatCode(app.code),
    service,
    status: app.status,
    status_text: statusText(app.status, due, overdue, lang),
    history,
    due,
    overdue,
    next_step: say(`next.${app.status}`)(lang),
    revision_fields: app.status === 'needs_revision' ? fieldLabels(form, app.revision_fields, lang) : [],
    ...(result ? { result_document: presentResultDocument(result) } : {}),
    // Only when the application links to a booking (its in-person step): "Datang ke loket …".
    ...(visit ? { visit } : {}),
  };
}
