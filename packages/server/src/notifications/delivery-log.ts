import type { components } from '@loket/sdk/contract';
import { jakartaDate } from '../applications/calendar.js';
import { assertVisible } from '../applications/officer-desk.js';
import { findForOfficer } from '../applications/officer-queue.js';
import { iso } from '../applications/present.js';
import { normalizeCode } from '../applications/secrets.js';
import type { Officer } from '../applications/security.js';
import type { Queryable } from '../db/index.js';
import { listDeliveries } from './deliveries.js';

type Delivery = components['schemas']['Delivery'];

/** `s***@example.com`, `+62***890`: enough for an officer to recognise the address, not to copy it. */
export function maskTarget(target: string): string {
  const at = target.lastIndexOf('@');
  if (/^\+\d{8,}$/.test(target)) return `${target.slice(0, 3)}***${target.slice(-3)}`; // a phone
  if (at < 1) return '***';
  return `${target[0]}***${target.slice(at)}`;
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
  return (await listDeliveries(db, row.id)).map((d) => ({
    id: d.id,
    topic: d.topic,
    channel: d.channel,
    target: d.channel === 'email' ? maskTarget(d.target) : d.target,
    status: d.status,
    attempts: d.attempts,
    last_error: d.last_error,
    next_attempt_at: iso(d.next_attempt_at),
    delivered_at: d.delivered_at === null ? null : iso(d.delivered_at),
    created_at: iso(d.created_at),
  }));
}
