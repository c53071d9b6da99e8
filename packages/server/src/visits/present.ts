import type { components } from '@loket/sdk/contract';
import { formatCode } from '../applications/secrets.js';
import type { Queryable } from '../db/index.js';
import type { Lang } from '../messages/index.js';
import { localTime, type Zone } from './time.js';

type Schemas = components['schemas'];

/** A ticket as stored, with what its presentation needs from the location, counter and service. */
export interface TicketRow {
  id: string;
  location_id: string;
  counter_id: string;
  service_id: string;
  kind: 'booked' | 'walk_in';
  day: string;
  slot_time: string | null;
  starts_at: Date | string | null;
  ends_at: Date | string | null;
  prefix: string;
  number: number;
  status: Schemas['BookingStatus'];
  code: string | null;
  name: string | null;
  phone: string | null;
  email: string | null;
  lang: Lang;
  application_id: string | null;
  cancel_reason: string | null;
  checked_in_at: Date | string | null;
  called_at: Date | string | null;
  called_counter_id: string | null;
  passed_over: number;
  created_at: Date | string;
}

export const ticketColumns = `t.id, t.location_id, t.counter_id, t.service_id, t.kind, t.day::text as day, t.slot_time,
  t.starts_at, t.ends_at, t.prefix, t.number, t.status, t.code, t.name, t.phone, t.email, t.lang, t.application_id,
  t.cancel_reason, t.checked_in_at, t.called_at, t.called_counter_id, t.passed_over, t.created_at`;

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** `A-014`. */
export const ticketNumber = (t: { prefix: string; number: number }) =>
  `${t.prefix}-${String(t.number).padStart(3, '0')}`;

/** The booking code as shown: `ANT-XXXX-XXXX`. */
export const formatBookingCode = (code: string) => `ANT-${code.slice(0, 4)}-${code.slice(4, 8)}`;

/** What a person may type or the QR code holds: any case, dashes optional, prefixes optional. */
export function normalizeBookingCode(input: string): string | null {
  const bare = input
    .trim()
    .toUpperCase()
    .replace(/^LOKET-VISIT:/, '')
    .replace(/[-\s]/g, '')
    .replace(/^ANT/, '');
  return /^[0-9A-HJKMNP-TV-Z]{8}$/.test(bare) ? bare : null;
}

/** `s***@example.com`, `+62812****890`. */
function maskEmail(email: string | null): string | null {
  if (!email) return null;
  const [user = '', domain = ''] = email.split('@');
  return `${user.slice(0, 1)}***@${domain}`;
}
const maskPhone = (phone: string | null) => (phone ? `${phone.slice(0, 6)}****${phone.slice(-3)}` : null);

interface Context {
  location: { name: string; address: string | null; timezone: Zone };
  counter: { label: string; agency_id: string; agency_name: string };
  service: string;
}

/** The names a ticket's presentation needs, in one query. */
export async function contextOf(db: Queryable, t: TicketRow, lang: Lang): Promise<Context> {
  const [row] = await db.query<{
    name: string;
    address: string | null;
    timezone: Zone;
    label: string | null;
    agency_id: string | null;
    agency_name: string | null;
    service: string;
  }>(
    `select l.name, l.address, l.timezone, c.label, c.agency_id, c.agency_name,
       case when $4 = 'en' then s.name_en else s.name_id end as service
     from location l join service s on s.id = $3
     left join visit_counter c on c.location_id = l.id and c.id = $2
     where l.id = $1`,
    [t.location_id, t.counter_id, t.service_id, lang],
  );
  if (!row) throw new Error(`ticket ${t.id}: its location is gone`);
  return {
    location: { name: row.name, address: row.address, timezone: row.timezone },
    counter: {
      label: row.label ?? t.counter_id,
      agency_id: row.agency_id ?? t.counter_id,
      agency_name: row.agency_name ?? t.counter_id,
    },
    service: row.service,
  };
}

/** Where and when to come (a booked ticket only). */
export function presentVisit(t: TicketRow, c: Context): Schemas['Visit'] {
  const code = formatBookingCode(t.code ?? '');
  return {
    code,
    status: t.status,
    date: t.day,
    time: t.slot_time ?? '00:00',
    starts_at: iso(t.starts_at) ?? '',
    timezone: c.location.timezone,
    location: { id: t.location_id, name: c.location.name, address: c.location.address },
    counter: { id: t.counter_id, ...c.counter },
    service: { id: t.service_id, name: c.service },
    ticket: { number: ticketNumber(t), kind: t.kind, qr: `LOKET-VISIT:${code}` },
  };
}

export async function presentBooking(db: Queryable, t: TicketRow, lang: Lang): Promise<Schemas['Booking']> {
  const c = await contextOf(db, t, lang);
  const [app] = t.application_id
    ? await db.query<{ code: string }>('select code from application where id = $1', [t.application_id])
    : [];
  return {
    ...presentVisit(t, c),
    lang,
    end: t.ends_at ? localTime(new Date(t.ends_at), c.location.timezone) : (t.slot_time ?? '00:00'),
    name: t.name ?? '',
    contact: { phone: maskPhone(t.phone), email: maskEmail(t.email) },
    cancel_reason: t.cancel_reason,
    application: app ? formatCode(app.code) : null,
    created_at: iso(t.created_at) ?? '',
  };
}

/** A ticket as the officer's hall shows it. */
export function presentHallTicket(t: TicketRow, serviceName: string): Schemas['HallTicket'] {
  return {
    id: t.id,
    number: ticketNumber(t),
    kind: t.kind,
    status: t.status,
    service: { id: t.service_id, name: serviceName },
    counter_id: t.called_counter_id ?? t.counter_id,
    time: t.slot_time,
    code: t.code ? formatBookingCode(t.code) : null,
    name: t.name,
    checked_in_at: iso(t.checked_in_at),
    called_at: iso(t.called_at),
    passed_over: t.passed_over,
  };
}

/** The visit an application links to: its latest booking not cancelled, or null. */
export async function visitOfApplication(
  db: Queryable,
  applicationId: string,
  lang: Lang,
): Promise<Schemas['Visit'] | null> {
  const [t] = await db.query<TicketRow>(
    `select ${ticketColumns} from visit_ticket t where t.application_id = $1 and t.status <> 'cancelled'
     order by t.created_at desc limit 1`,
    [applicationId],
  );
  return t ? presentVisit(t, await contextOf(db, t, lang)) : null;
}
