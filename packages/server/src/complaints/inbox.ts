import type { components } from '@loket/sdk/contract';
import { jakartaDate } from '../applications/calendar.js';
import { officerScopeSql } from '../applications/officer-queue.js';
import type { Officer } from '../applications/security.js';
import type { Db, Queryable } from '../db/index.js';
import { type Lang, say } from '../messages/index.js';
import { problem } from '../problem.js';
import { recordComplaintEvent } from './events.js';
import {
  type ComplaintRow,
  complaintSelect,
  normalizeComplaintCode,
  presentOfficerComplaint,
} from './present.js';

type Schemas = components['schemas'];
type OfficerComplaint = Schemas['OfficerComplaint'];

// The officer's complaints inbox: the same scope as the application queue (officerScopeSql), the
// answer and the close.

/** Overdue: past its response date (Jakarta) and not yet answered. */
const overdueSql = (alias: string, today: string) =>
  `coalesce(${alias}.due_date::date < ${today}::date and ${alias}.status = 'received', false)`;

export interface InboxFilter {
  status?: Schemas['ComplaintStatus'] | undefined;
  service?: string | undefined;
  category?: Schemas['ComplaintCategory'] | undefined;
  overdue?: boolean | undefined;
}

/** One page of the inbox: open ones first (received, answered, closed), earliest response date first. */
export async function officerInbox(
  db: Queryable,
  officer: Officer,
  filter: InboxFilter,
  page: { limit: number; offset: number; lang: Lang; now: Date },
): Promise<{ data: OfficerComplaint[]; total: number }> {
  const where = `${officerScopeSql('c', '$1', '$2')}
    and ($3::text is null or c.status = $3) and ($4::text is null or c.service_id = $4)
    and ($5::text is null or c.category = $5) and ($6::boolean is null or ${overdueSql('c', '$7')} = $6)`;
  const params = [
    officer.agency_id,
    officer.region_code,
    filter.status ?? null,
    filter.service ?? null,
    filter.category ?? null,
    filter.overdue ?? null,
    jakartaDate(page.now),
  ];
  const [rows, count] = await Promise.all([
    db.query<ComplaintRow & { overdue: boolean }>(
      `select q.*, ${overdueSql('q', '$7')} as overdue from (${complaintSelect} where ${where}) q
       order by case q.status when 'received' then 0 when 'answered' then 1 else 2 end,
         q.due_date asc nulls last, q.filed_at, q.code
       limit $8 offset $9`,
      [...params, page.limit, page.offset],
    ),
    db.query<{ n: number }>(`select count(*)::int as n from complaint c where ${where}`, params),
  ]);
  return { data: rows.map((r) => presentOfficerComplaint(r, page.lang)), total: count[0]?.n ?? 0 };
}

/** A complaint in the officer's scope: 404 for an unknown code, 403 for another agency's or region's. */
export async function findInScope(
  db: Queryable,
  officer: Officer,
  raw: string,
  now: Date,
  lock = false,
): Promise<ComplaintRow & { overdue: boolean }> {
  const code = normalizeComplaintCode(raw);
  const [row] = code
    ? await db.query<ComplaintRow & { overdue: boolean; in_scope: boolean }>(
        `select q.*, ${overdueSql('q', '$4')} as overdue from (
           ${complaintSelect.replace('select ', `select ${officerScopeSql('c', '$2', '$3')} as in_scope, `)}
           where c.code = $1${lock ? ' for update of c' : ''}) q`,
        [code, officer.agency_id, officer.region_code, jakartaDate(now)],
      )
    : [];
  if (!row) throw problem('not-found', 404, say('complaintUnknown', raw));
  if (!row.in_scope) throw problem('forbidden', 403, say('complaintOutOfScope', raw, officer));
  const { in_scope: _scope, ...complaint } = row;
  return complaint;
}

export async function officerComplaint(
  db: Queryable,
  officer: Officer,
  code: string,
  options: { lang: Lang; now: Date },
): Promise<OfficerComplaint> {
  return presentOfficerComplaint(await findInScope(db, officer, code, options.now), options.lang);
}

/**
 * The agency's answer: received → answered (or a new answer to an answered one), told to the
 * citizen through the outbox (`complaint.answered`). A closed complaint is 409.
 */
export async function answerComplaint(
  db: Db,
  officer: Officer,
  code: string,
  answer: string,
  options: { lang: Lang; now: Date },
): Promise<OfficerComplaint> {
  return db.transaction(async (tx) => {
    const row = await findInScope(tx, officer, code, options.now, true);
    if (row.status === 'closed') throw problem('complaint-closed', 409, say('complaintClosed', code));
    const text = answer.trim();
    await tx.query(
      `update complaint set status = 'answered', answer = $2, answered_at = $3, answered_by = $4 where id = $1`,
      [row.id, text, options.now, officer.name],
    );
    await recordComplaintEvent(
      tx,
      { id: row.id, status: 'answered', answer: text },
      'complaint.answered',
      options.now,
    );
    return presentOfficerComplaint(await findInScope(tx, officer, code, options.now), options.lang);
  });
}

/** Ends the follow-up of an answered complaint (409 before an answer); closing twice changes nothing. */
export async function closeComplaint(
  db: Db,
  officer: Officer,
  code: string,
  note: string | undefined,
  options: { lang: Lang; now: Date },
): Promise<OfficerComplaint> {
  return db.transaction(async (tx) => {
    const row = await findInScope(tx, officer, code, options.now, true);
    if (row.status === 'received') throw problem('not-answered', 409, say('complaintNotAnswered', code));
    if (row.status === 'answered') {
      await tx.query(
        `update complaint set status = 'closed', closed_at = $2, close_note = $3 where id = $1`,
        [row.id, options.now, note?.trim() || null],
      );
    }
    return presentOfficerComplaint(await findInScope(tx, officer, code, options.now), options.lang);
  });
}
