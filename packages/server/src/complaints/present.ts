import type { components } from '@loket/sdk/contract';
import { iso } from '../applications/present.js';
import { formatCode } from '../applications/secrets.js';
import type { Queryable } from '../db/index.js';
import type { Lang } from '../messages/index.js';
import { maskTarget } from '../notifications/delivery-log.js';
import { formatBookingCode } from '../visits/present.js';

type Schemas = components['schemas'];

// A complaint as stored and as the citizen and the officer see it.

/** A complaint's code as shown: `ADU-XXXX-XXXX`. */
export const formatComplaintCode = (code: string) => `ADU-${code.slice(0, 4)}-${code.slice(4, 8)}`;

/** What a person may type: any case, dashes optional, the prefix optional; null if it cannot be a code. */
export function normalizeComplaintCode(input: string): string | null {
  const bare = input.trim().toUpperCase().replace(/[-\s]/g, '').replace(/^ADU/, '');
  return /^[0-9A-HJKMNP-TV-Z]{8}$/.test(bare) ? bare : null;
}

export interface ComplaintRow {
  id: string;
  code: string;
  kind: 'application' | 'visit' | 'service';
  application_code: string | null;
  visit_code: string | null;
  service_id: string;
  service_name_id: string;
  service_name_en: string;
  region_code: string;
  agency_id: string;
  agency_name_id: string;
  agency_name_en: string;
  category: Schemas['ComplaintCategory'];
  description: string;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  notify: string[];
  lang: Lang;
  status: Schemas['ComplaintStatus'];
  filed_at: Date | string;
  due_date: string | null;
  due_working_days: number;
  due_calendar: Schemas['ComplaintDue']['calendar'];
  due_basis: Schemas['ComplaintDue']['basis'];
  answer: string | null;
  answered_at: Date | string | null;
  answered_by: string | null;
  closed_at: Date | string | null;
  close_note: string | null;
  notifications_stopped_at: Date | string | null;
}

/** The select list and joins every complaint query uses (alias `c`). */
export const complaintSelect = `select c.id, c.code, c.kind, a.code as application_code, t.code as visit_code,
    c.service_id, s.name_id as service_name_id, s.name_en as service_name_en, c.region_code, c.agency_id,
    g.name_id as agency_name_id, g.name_en as agency_name_en, c.category, c.description, c.contact_name,
    c.contact_email, c.contact_phone, c.notify, c.lang, c.status, c.filed_at, c.due_date::text as due_date,
    c.due_working_days, c.due_calendar, c.due_basis, c.answer, c.answered_at, c.answered_by, c.closed_at,
    c.close_note, c.notifications_stopped_at
  from complaint c join service s on s.id = c.service_id join agency g on g.id = c.agency_id
    left join application a on a.id = c.application_id left join visit_ticket t on t.id = c.ticket_id`;

export async function complaintById(db: Queryable, id: string): Promise<ComplaintRow> {
  const [row] = await db.query<ComplaintRow>(`${complaintSelect} where c.id = $1`, [id]);
  if (!row) throw new Error(`complaint ${id} vanished`);
  return row;
}

const notifyOf = (row: ComplaintRow) =>
  row.notify.filter((c): c is 'email' | 'phone' => c === 'email' || c === 'phone');

function common(row: ComplaintRow, lang: Lang) {
  const en = lang === 'en';
  return {
    lang,
    code: formatComplaintCode(row.code),
    status: row.status,
    category: row.category,
    about: {
      kind: row.kind,
      service: { id: row.service_id, name: en ? row.service_name_en : row.service_name_id },
      region: row.region_code,
      agency: { id: row.agency_id, name: en ? row.agency_name_en : row.agency_name_id },
      application: row.application_code ? formatCode(row.application_code) : null,
      visit: row.visit_code ? formatBookingCode(row.visit_code) : null,
    },
    description: row.description,
    filed_at: iso(row.filed_at),
    due: {
      date: row.due_date === null ? null : String(row.due_date).slice(0, 10),
      working_days: row.due_working_days,
      calendar: row.due_calendar,
      basis: row.due_basis,
    },
    closed_at: row.closed_at === null ? null : iso(row.closed_at),
    notify: notifyOf(row),
  };
}

/** The citizen's view: the answer without who wrote it, contacts masked, and the national channels. */
export function presentComplaint(
  row: ComplaintRow,
  lang: Lang,
  channels: Schemas['NationalComplaintChannel'][],
): Schemas['FiledComplaint'] {
  return {
    ...common(row, lang),
    answer:
      row.answer !== null && row.answered_at !== null ? { text: row.answer, at: iso(row.answered_at) } : null,
    contact: {
      email: row.contact_email ? maskTarget(row.contact_email) : null,
      phone: row.contact_phone ? maskTarget(row.contact_phone) : null,
    },
    channels,
  };
}

/** The officer's view: the contact in full (to reply), who answered, the internal note, overdue. */
export function presentOfficerComplaint(
  row: ComplaintRow & { overdue: boolean },
  lang: Lang,
): Schemas['OfficerComplaint'] {
  return {
    ...common(row, lang),
    contact: { name: row.contact_name, email: row.contact_email, phone: row.contact_phone },
    overdue: row.overdue,
    answer:
      row.answer !== null && row.answered_at !== null
        ? { text: row.answer, at: iso(row.answered_at), by: row.answered_by ?? '' }
        : null,
    close_note: row.close_note,
  };
}
