import type { Queryable } from '../db/index.js';
import { ProblemError } from '../http/problems.js';
import type { ApplicationRow } from './security.js';

export type Status = ApplicationRow['status'];
export type Actor = 'citizen' | 'officer';

/**
 * The one state machine: who may move an application from which status to which.
 * draft → submitted → in_review → needs_revision → submitted … → completed | rejected;
 * the citizen may withdraw anything not yet decided.
 */
const allowed: Record<Actor, Partial<Record<Status, Status[]>>> = {
  citizen: {
    draft: ['submitted', 'withdrawn'],
    submitted: ['withdrawn'],
    in_review: ['withdrawn'],
    needs_revision: ['submitted', 'withdrawn'],
  },
  officer: {
    submitted: ['in_review'],
    in_review: ['needs_revision', 'completed', 'rejected'],
  },
};

export function canTransition(actor: Actor, from: Status, to: Status): boolean {
  return allowed[actor][from]?.includes(to) ?? false;
}

export function invalidTransition(from: Status, to: Status): ProblemError {
  return new ProblemError('invalid-transition', 409, (lang) =>
    lang === 'en'
      ? `An application that is "${from}" cannot become "${to}".`
      : `Permohonan berstatus "${from}" tidak dapat menjadi "${to}".`,
  );
}

export interface TransitionEvent {
  actor: string; // 'citizen' or 'officer:<name>'
  note?: string | null;
  public_note?: string | null;
  fields?: string[];
}

/**
 * Moves an application to `to` inside the caller's transaction and appends the event. `set`
 * adds other column updates ($3… onward). Fails with 409 if the application changed since it was
 * read (its version), so concurrent transitions cannot both win.
 */
export async function transition(
  tx: Queryable,
  application: Pick<ApplicationRow, 'id' | 'status' | 'version'>,
  actor: Actor,
  to: Status,
  event: TransitionEvent,
  set: { sql: string; params: unknown[] } = { sql: '', params: [] },
): Promise<void> {
  if (!canTransition(actor, application.status, to)) throw invalidTransition(application.status, to);
  const extra = set.sql ? `, ${set.sql}` : '';
  const rows = await tx.query(
    `update application set status = $1, version = version + 1, updated_at = now()${extra}
     where id = $2 and version = $${set.params.length + 3} returning id`,
    [to, application.id, ...set.params, application.version],
  );
  if (rows.length === 0) throw invalidTransition(application.status, to);
  await tx.query(
    `insert into application_event (application_id, from_status, to_status, actor, note, public_note, fields)
     values ($1, $2, $3, $4, $5, $6, $7::text[])`,
    [
      application.id,
      application.status,
      to,
      event.actor,
      event.note ?? null,
      event.public_note ?? null,
      event.fields ?? [],
    ],
  );
}
