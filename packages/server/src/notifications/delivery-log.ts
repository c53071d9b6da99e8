import type { components } from '@loket/sdk/contract';
import { jakartaDate } from '../applications/calendar.js';
import { assertVisible } from '../applications/officer-desk.js';
import { findForOfficer } from '../applications/officer-queue.js';
import { iso } from '../applications/present.js';
import { normalizeCode } from '../applications/secrets.js';
import type { Officer } from '../applications/security.js';
import { findInScope } from '../complaints/inbox.js';
import type { Queryable } from '../db/index.js';
import { type DeliveryRow, listDeliveries } from './deliveries.js';

type Delivery = components['schemas']['Delivery'];

/** `s***@example.com`, `+62***890`: enough for an officer to recognise the address, not to copy it. */
export function maskTarget(target: string): string {
  const at = target.lastIndexOf('@');
  if (/^\+\d{8,}$/.test(target)) return `${target.slice(0, 3)}***${target.slice(-3)}`; // a phone
  if (at < 1) return '***';
  return `${target[0]}***${target.slice(at)}`;
}

/** An e-mail address or a `+62…` phone number anywhere in a text (an SMTP server's refusal quotes them). */
const addresses = /[^\s@<>(),;:"']+@[^\s@<>(),;:"']+|\+\d{8,}/g;

/**
 * One delivery as the officer sees it: the recipient masked (an e-mail address, a phone; a
 * webhook endpoint's id as it is), addresses in the last error masked too, never the message.
 */
function present(d: DeliveryRow & { topic: string }): Delivery {
  return {
    id: d.id,
    topic: d.topic,
    channel: d.channel,
    target: d.channel === 'webhook' ? d.target : maskTarget(d.target),
    status: d.status,
    attempts: d.attempts,
    last_error: d.last_error === null ? null : d.last_error.replace(addresses, maskTarget),
    next_attempt_at: iso(d.next_attempt_at),
    delivered_at: d.delivered_at === null ? null : iso(d.delivered_at),
    created_at: iso(d.created_at),
  };
}

/** The delivery log of one application the officer may see (same 404/403 as the application). */
export async function officerDeliveries(
  db: Queryable,
  officer: Officer,
  raw: string,
  now: Date,
): Promise<Delivery[]> {
  const code = normalizeCode(raw);
  const row = code ? await findForOfficer(db, officer, code, jakartaDate(now)) : null;
  assertVisible(row, raw, officer);
  return (await listDeliveries(db, { application_id: row.id })).map(present);
}

/** The delivery log of one complaint in the officer's inbox (same 404/403 as the complaint). */
export async function officerComplaintDeliveries(
  db: Queryable,
  officer: Officer,
  raw: string,
  now: Date,
): Promise<Delivery[]> {
  const complaint = await findInScope(db, officer, raw, now);
  return (await listDeliveries(db, { complaint_id: complaint.id })).map(present);
}
