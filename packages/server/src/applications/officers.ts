import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/index.js';
import type { Lang } from '../http/lang.js';
import { formatCode, newId, sha256Hex } from './secrets.js';
import type { ApplicationRow, Officer } from './security.js';

// ---------------------------------------------------------------------------------------------
// Officer tokens
// ---------------------------------------------------------------------------------------------

/** A problem with what an administrator asked for (unknown agency, bad name…); its message says what to do. */
export class OfficerInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OfficerInputError';
  }
}

export interface OfficerTokenInfo {
  id: string;
  name: string;
  agency_id: string;
  region_code: string;
  created_at: Date;
  revoked_at: Date | null;
}

const regionPattern = /^[0-9]{2}(\.[0-9]{2})?$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A region must be a known Kemendagri code; the error names the format when it is not even that. */
export async function assertRegionExists(db: Queryable, code: string): Promise<void> {
  if (!regionPattern.test(code)) {
    throw new OfficerInputError(
      `region "${code}" is not a Kemendagri code: use a province (33) or kabupaten/kota (33.74) code`,
    );
  }
  const rows = await db.query('select 1 from region where code = $1', [code]);
  if (rows.length === 0) throw new OfficerInputError(`there is no region with code "${code}"`);
}

async function assertAgencyExists(db: Queryable, id: string): Promise<void> {
  const rows = await db.query('select 1 from agency where id = $1', [id]);
  if (rows.length > 0) return;
  const known = await db.query<{ id: string }>('select id from agency order by id');
  throw new OfficerInputError(
    `there is no agency "${id}"; known agencies: ${known.map((a) => a.id).join(', ')}`,
  );
}

function cleanName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new OfficerInputError('the officer name must not be empty');
  if (trimmed.length > 100) throw new OfficerInputError('the officer name must be at most 100 characters');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) {
    throw new OfficerInputError('the officer name must not contain control characters');
  }
  return trimmed;
}

/**
 * Creates an officer token scoped to one agency and one region (a province code covers its
 * kabupaten/kota). Returns the token itself, which is never stored: only its SHA-256 is.
 */
export async function createOfficerToken(
  db: Queryable,
  input: { name: string; agency: string; region: string },
): Promise<OfficerTokenInfo & { token: string }> {
  const name = cleanName(input.name);
  await assertAgencyExists(db, input.agency);
  await assertRegionExists(db, input.region);
  const token = randomBytes(32).toString('base64url');
  const rows = await db.query<OfficerTokenInfo>(
    `insert into officer_token (id, name, token_hash, agency_id, region_code) values ($1, $2, $3, $4, $5)
     returning id, name, agency_id, region_code, created_at, revoked_at`,
    [newId(), name, sha256Hex(token), input.agency, input.region],
  );
  return { ...(rows[0] as OfficerTokenInfo), token };
}

/** Tokens (never their secrets), newest first, optionally of one agency and/or region. */
export async function listOfficerTokens(
  db: Queryable,
  filter: { agency?: string | undefined; region?: string | undefined } = {},
): Promise<OfficerTokenInfo[]> {
  return db.query<OfficerTokenInfo>(
    `select id, name, agency_id, region_code, created_at, revoked_at from officer_token
     where ($1::text is null or agency_id = $1) and ($2::text is null or region_code = $2)
     order by created_at desc, id`,
    [filter.agency ?? null, filter.region ?? null],
  );
}

/** Revokes a token at once (the next request with it is 401). Revoking twice is harmless. */
export async function revokeOfficerToken(
  db: Queryable,
  id: string,
): Promise<{ result: 'revoked' | 'already-revoked'; token: OfficerTokenInfo } | { result: 'not-found' }> {
  if (!uuidPattern.test(id)) return { result: 'not-found' };
  const revoked = await db.query<OfficerTokenInfo>(
    `update officer_token set revoked_at = now() where id = $1 and revoked_at is null
     returning id, name, agency_id, region_code, created_at, revoked_at`,
    [id],
  );
  if (revoked[0]) return { result: 'revoked', token: revoked[0] };
  const existing = await db.query<OfficerTokenInfo>(
    'select id, name, agency_id, region_code, created_at, revoked_at from officer_token where id = $1',
    [id],
  );
  return existing[0] ? { result: 'already-revoked', token: existing[0] } : { result: 'not-found' };
}

// ---------------------------------------------------------------------------------------------
// The officer's scope and queue
// ---------------------------------------------------------------------------------------------

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
function overdueSql(alias: string, today: string): string {
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
}

/**
 * One page of the officer's queue: visible applications in scope, oldest due first (no due date
 * last), then by submission and code, so pages are stable. Two queries (page, total).
 */
export async function listQueue(
  db: Queryable,
  officer: Officer,
  filter: QueueFilter,
  page: { limit: number; offset: number; today: string },
): Promise<{ rows: OfficerApplicationRow[]; total: number }> {
  const where = `${officerScopeSql('a', '$1', '$2')} and ${officerVisibleSql('a')}
    and ($3::text is null or a.status = $3)
    and ($4::text is null or a.service_id = $4)
    and ($5::boolean is null or ${overdueSql('a', '$6')} = $5)`;
  const params = [
    officer.agency_id,
    officer.region_code,
    filter.status ?? null,
    filter.service ?? null,
    filter.overdue ?? null,
    page.today,
  ];
  const [rows, count] = await Promise.all([
    db.query<OfficerApplicationRow>(
      `select ${rowColumns}, ${overdueSql('a', '$6')} as overdue
       from application a join service s on s.id = a.service_id
       where ${where}
       order by a.due_date asc nulls last, a.submitted_at asc nulls last, a.code
       limit $7 offset $8`,
      [...params, page.limit, page.offset],
    ),
    db.query<{ n: number }>(`select count(*)::int as n from application a where ${where}`, params),
  ]);
  return { rows, total: count[0]?.n ?? 0 };
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

export interface AttachmentRow {
  id: string;
  application_id: string;
  field: string;
  filename: string;
  content_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  size: number;
  sha256: string;
  created_at: Date | string;
}

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

// ---------------------------------------------------------------------------------------------
// Presentation (OfficerApplication in the contract)
// ---------------------------------------------------------------------------------------------

const iso = (value: Date | string) => new Date(value).toISOString();

export function presentOfficerApplication(
  row: OfficerApplicationRow,
  details: { attachments: AttachmentRow[]; history: EventRow[] },
  lang: Lang,
) {
  return {
    lang,
    code: formatCode(row.code),
    service: { id: row.service_id, name: lang === 'en' ? row.service_name_en : row.service_name_id },
    region: row.region_code,
    status: row.status,
    form_version: row.form_version,
    answers: row.answers,
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
  };
}
