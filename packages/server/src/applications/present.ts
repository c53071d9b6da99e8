import type { components } from '@loket/sdk/contract';
import type { Queryable } from '../db/index.js';
import type { Lang } from '../http/lang.js';
import { type Due, jakartaDate } from './calendar.js';
import type { StoredForm } from './forms.js';
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

/** Statuses in which the agency no longer owes anything (never overdue). */
const closed: ReadonlySet<Status> = new Set(['completed', 'rejected', 'withdrawn']);

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
  if (!due || closed.has(app.status) || app.status === 'needs_revision' || app.status === 'draft')
    return false;
  return due < jakartaDate(now);
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
  content_type: 'application/pdf' | 'image/jpeg' | 'image/png';
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
  };
}

// ---------------------------------------------------------------------------------------------
// The status in plain words
// ---------------------------------------------------------------------------------------------

type Words = Record<Lang, string>;

const formatDate = (date: string, lang: Lang) =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));

export const statusTexts: Record<Status, Words> = {
  draft: {
    id: 'Masih draf: permohonan belum dikirim.',
    en: 'Draft: the application has not been sent yet.',
  },
  submitted: {
    id: 'Terkirim: permohonan sudah diterima dan menunggu diperiksa petugas.',
    en: 'Sent: the application was received and is waiting for an officer to check it.',
  },
  in_review: {
    id: 'Sedang diperiksa petugas.',
    en: 'An officer is checking the application.',
  },
  needs_revision: {
    id: 'Perlu diperbaiki: petugas meminta Anda memperbaiki beberapa isian.',
    en: 'Needs changes: the officer asked you to fix some answers.',
  },
  completed: {
    id: 'Selesai: permohonan sudah diproses.',
    en: 'Done: the application has been processed.',
  },
  rejected: {
    id: 'Ditolak: permohonan tidak dapat diproses.',
    en: 'Rejected: the application cannot be processed.',
  },
  withdrawn: {
    id: 'Dibatalkan: Anda sudah menarik permohonan ini.',
    en: 'Withdrawn: you cancelled this application.',
  },
};

export const nextSteps: Record<Status, Words> = {
  draft: {
    id: 'Lengkapi isian dan berkas, lalu kirim permohonan. Draf yang tidak diubah lama akan dihapus.',
    en: 'Complete the answers and files, then send the application. Drafts left untouched for long are deleted.',
  },
  submitted: {
    id: 'Tunggu petugas memeriksa permohonan. Simpan kode pelacakan untuk melihat perkembangannya.',
    en: 'Wait for an officer to check the application. Keep the tracking code to follow its progress.',
  },
  in_review: {
    id: 'Tunggu hasil pemeriksaan. Jika ada yang perlu diperbaiki, Anda akan melihatnya di sini.',
    en: 'Wait for the result. If something needs fixing, you will see it here.',
  },
  needs_revision: {
    id: 'Perbaiki isian yang diminta, lalu kirim ulang permohonan.',
    en: 'Fix the answers asked for, then send the application again.',
  },
  completed: {
    id: 'Ikuti petunjuk petugas untuk mengambil atau menerima hasil layanan.',
    en: "Follow the officer's instructions to collect or receive the result.",
  },
  rejected: {
    id: 'Baca catatan petugas. Anda dapat mengajukan permohonan baru, atau menyampaikan pengaduan bila tidak setuju.',
    en: "Read the officer's note. You can apply again, or file a complaint if you disagree.",
  },
  withdrawn: {
    id: 'Tidak ada langkah lagi. Anda dapat mengajukan permohonan baru kapan saja.',
    en: 'Nothing more to do. You can start a new application at any time.',
  },
};

/** The status text, with what the due date means when the agency owes a decision. */
export function statusText(status: Status, due: Due, overdue: boolean, lang: Lang): string {
  const base = statusTexts[status][lang];
  if (!(status === 'submitted' || status === 'in_review') || !due.date) return base;
  const date = formatDate(due.date, lang);
  const parts = [base];
  if (lang === 'en') {
    parts.push(
      overdue
        ? `It was due by ${date} (${due.working_days} working days) and is overdue.`
        : `Expected by ${date} (${due.working_days} working days).`,
    );
    if (due.calendar === 'provisional')
      parts.push('Some holidays in that period are not decreed yet, so the date may change.');
    if (due.calendar === 'estimate')
      parts.push('The holidays of that period are not known yet (only weekends were skipped): an estimate.');
  } else {
    parts.push(
      overdue
        ? `Seharusnya selesai paling lambat ${date} (${due.working_days} hari kerja) dan kini sudah terlambat.`
        : `Perkiraan selesai paling lambat ${date} (${due.working_days} hari kerja).`,
    );
    if (due.calendar === 'provisional')
      parts.push('Sebagian hari libur pada periode itu belum ditetapkan, jadi tanggalnya dapat berubah.');
    if (due.calendar === 'estimate')
      parts.push(
        'Hari libur pada periode itu belum diketahui (hanya Sabtu dan Minggu yang dilewati): tanggal ini perkiraan.',
      );
  }
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
  const [service, history] = await Promise.all([
    serviceRef(db, app.service_id, lang),
    publicHistory(db, app.id),
  ]);
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
    next_step: nextSteps[app.status][lang],
    revision_fields: app.status === 'needs_revision' ? fieldLabels(form, app.revision_fields, lang) : [],
  };
}
