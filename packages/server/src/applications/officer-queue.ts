import type { Queryable } from '../db/index.js';
import type { AttachmentRow as StoredAttachment } from './present.js';
import type { ApplicationRow, Officer } from './security.js';

// The officer's scope and queue, as SQL: what an officer may see, one page of the queue, one
// application by its code, and the attachments and history of a page.

/**
 * THE scope rule, as SQL over an application alias: the officer's agency, and the officer's
 * region — or, for a province token ('33'), any kabupaten/kota inside it ('33.xx'). `agency` and
 * `region` are the placeholders ($n) holding the officer's agency_id and region_code. Every
 * officer query (queue, lookup, transition) goes through this one predicate.
 */
export function officerScopeSql(alias: string, agency: string, region: string): string {
  return `(${alias}.agency_id = ${agency}::text and (${alias}.region_code = ${region}::text
    or (char_length(${region}::text) = 2 and left(${alias}.region_code, 3) = ${region}::text || '.')))`;
}

/**
 * Officers never see drafts, nor anything never submitted (a draft the citizen withdrew): the
 * answers of an unsubmitted application are the citizen's work in progress.
 */
export function officerVisibleSql(alias: string): string {
  return `(${alias}.status <> 'draft' and ${alias}.submitted_at is not null)`;
}

/**
 * Overdue: the due date has passed in Jakarta and the agency still owes a decision — not once
 * completed, rejected or withdrawn, nor while the application waits for the citizen
 * (`needs_revision`; the due date is counted again from the resubmission). The same rule as
 * `isOverdue` in present.ts (the citizen's status), written as SQL so the queue can filter on it.
 */
export function overdueSql(alias: string, today: string): string {
  return `coalesce(${alias}.due_date < ${today}::date
    and ${alias}.status in ('submitted', 'in_review'), false)`;
}

export interface OfficerApplicationRow extends ApplicationRow {
  service_name_id: string;
  service_name_en: string;
  overdue: boolean;
}

const rowColumns = `a.id, a.code, a.service_id, s.name_id as service_name_id, s.name_en as service_name_en,
  a.region_code, a.agency_id, a.form_version, a.status, a.answers, a.revision_fields, a.version,
  a.created_at, a.updated_at, a.submitted_at, a.due_date::text as due_date, a.due_working_days, a.due_calendar`;

export interface QueueFilter {
  status?: ApplicationRow['status'] | undefined;
  service?: string | undefined;
  overdue?: boolean | undefined;
  /** Still owed a decision and due on or before this date (YYYY-MM-DD). */
  due_before?: string | undefined;
}

/** What the queue's tabs count: the whole scope, whatever the filters (see listQueue). */
export interface QueueCounts {
  status: Partial<Record<ApplicationRow['status'], number>>;
  overdue: number;
  due: number;
}

/** The Sunday ending the week of `today` (YYYY-MM-DD): "due this week" counts up to it. */
export function endOfWeek(today: string): string {
  const day = new Date(`${today}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + ((7 - day.getUTCDay()) % 7));
  return day.toISOString().slice(0, 10);
}

export const owedSql = (alias: string) => `${alias}.status in ('submitted', 'in_review')`;

/**
 * One page of the officer's queue: visible applications in scope, oldest due first (no due date
 * last), then by submission and code, so pages are stable. Three queries (page, total, and the
 * counts per status of the whole scope).
 */
export async function listQueue(
  db: Queryable,
  officer: Officer,
  filter: QueueFilter,
  page: { limit: number; offset: number; today: string },
): Promise<{ rows: OfficerApplicationRow[]; total: number; counts: QueueCounts }> {
  const where = `${officerScopeSql('a', '$1', '$2')} and ${officerVisibleSql('a')}
    and ($3::text is null or a.status = $3)
    and ($4::text is null or a.service_id = $4)
    and ($5::boolean is null or ${overdueSql('a', '$6')} = $5)
    and ($7::date is null or (a.due_date <= $7::date and ${owedSql('a')}))`;
  const params = [
    officer.agency_id,
    officer.region_code,
    filter.status ?? null,
    filter.service ?? null,
    filter.overdue ?? null,
    page.today,
    filter.due_before ?? null,
  ];
  const [rows, count, counts] = await Promise.all([
    db.query<OfficerApplicationRow>(
      `select ${rowColumns}, ${overdueSql('a', '$6')} as overdue
       from application a join service s on s.id = a.service_id
       where ${where}
       order by a.due_date asc nulls last, a.submitted_at asc nulls last, a.code
       limit $8 offset $9`,
      [...params, page.limit, page.offset],
    ),
    db.query<{ n: number }>(`select count(*)::int as n from application a where ${where}`, params),
    db.query<{ status: ApplicationRow['status']; n: number; overdue: number; due: number }>(
      `select a.status, count(*)::int as n,
         (count(*) filter (where ${overdueSql('a', '$3')}))::int as overdue,
         (count(*) filter (where a.due_date <= $4::date and ${owedSql('a')}))::int as due
       from application a where ${officerScopeSql('a', '$1', '$2')} and ${officerVisibleSql('a')}
       group by a.status`,
      [officer.agency_id, officer.region_code, page.today, endOfWeek(page.today)],
    ),
  ]);
  const tally: QueueCounts = { status: {}, overdue: 0, due: 0 };
  for (const c of counts) {
    tally.status[c.status] = c.n;
    tally.overdue += c.overdue;
    tally.due += c.due;
  }
  return { rows, total: count[0]?.n ?? 0, counts: tally };
}

/** An application by its (normalized) code with whether this officer may see it; null if there is none. */
export async function findForOfficer(
  db: Queryable,
  officer: Officer,
  code: string,
  today: string,
  options: { lock?: boolean } = {},
): Promise<(OfficerApplicationRow & { in_scope: boolean; visible: boolean }) | null> {
  const rows = await db.query<OfficerApplicationRow & { in_scope: boolean; visible: boolean }>(
    `select ${rowColumns}, ${overdueSql('a', '$4')} as overdue,
       ${officerScopeSql('a', '$2', '$3')} as in_scope, ${officerVisibleSql('a')} as visible
     from application a join service s on s.id = a.service_id
     where a.code = $1${options.lock ? ' for update of a' : ''}`,
    [code, officer.agency_id, officer.region_code, today],
  );
  return rows[0] ?? null;
}

/** An attachment of a page's application (where its bytes are stored is not the officer's business). */
export type AttachmentRow = Omit<StoredAttachment, 'storage_key'> & { application_id: string };

export interface EventRow {
  application_id: string;
  from_status: ApplicationRow['status'] | null;
  to_status: ApplicationRow['status'];
  at: Date | string;
  actor: string;
  note: string | null;
  public_note: string | null;
  fields: string[];
}

/** Attachments and history of a page of applications: one query each, whatever the page size. */
export async function loadDetails(
  db: Queryable,
  ids: string[],
): Promise<{ attachments: Map<string, AttachmentRow[]>; history: Map<string, EventRow[]> }> {
  const attachments = new Map<string, AttachmentRow[]>();
  const history = new Map<string, EventRow[]>();
  if (ids.length === 0) return { attachments, history };
  const [files, events] = await Promise.all([
    db.query<AttachmentRow>(
      `select id, application_id, field, filename, content_type, size::int as size, sha256, created_at
       from attachment where application_id = any($1::uuid[]) order by created_at, id`,
      [ids],
    ),
    db.query<EventRow>(
      `select application_id, from_status, to_status, at, actor, note, public_note, fields
       from application_event where application_id = any($1::uuid[]) order by id`,
      [ids],
    ),
  ]);
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const f of files) push(attachments, f.application_id, f);
  for (const e of events) push(history, e.application_id, e);
  return { attachments, history };
}
