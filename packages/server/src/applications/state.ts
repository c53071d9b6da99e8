import { type Actor, canTransition } from '@loket/sdk/rules';
import type { Queryable } from '../db/index.js';
import { say } from '../messages/index.js';
import { recordEvent } from '../notifications/outbox.js';
import { type ProblemError, problem } from '../problem.js';
import type { Due } from './calendar.js';
import type { ApplicationRow } from './security.js';

export type Status = ApplicationRow['status'];
// The state machine (who may move an application from which status to which) is the shared one.
export { type Actor, canTransition };

export function invalidTransition(from: Status, to: Status): ProblemError {
  return problem('invalid-transition', 409, say('invalidTransition', from, to));
}

export interface TransitionEvent {
  actor: string; // 'citizen' or 'officer:<name>'
  /** When it happens (the app's clock): the event's time and the application's `updated_at`. */
  at: Date;
  note?: string | null;
  public_note?: string | null;
  fields?: string[];
  /** Completion with a result document attached (the notification says it can be downloaded). */
  document?: boolean;
}

/** What a status change may set besides the status: typed values, never SQL. */
export interface TransitionChanges {
  /** The fields the citizen must fix (`[]` clears them). */
  revision_fields?: string[];
  /** The first submission: kept when the application already has one. */
  submitted_at?: Date;
  due?: Due;
  form_version?: number;
  /** The answers as submitted (normalized). */
  answers?: Record<string, unknown>;
  /** SHA-256 of the files the officer asked to replace (needs_revision), by field. */
  rejected_files?: Record<string, string[]>;
}

const assignments: {
  [K in keyof TransitionChanges]-?: (value: TransitionChanges[K], $: Placeholder) => string;
} = {
  revision_fields: (v, $) => `revision_fields = ${$(v)}::text[]`,
  submitted_at: (v, $) => `submitted_at = coalesce(submitted_at, ${$(v)}::timestamptz)`,
  due: (v, $) =>
    `due_date = ${$(v?.date)}::date, due_working_days = ${$(v?.working_days)}::int, due_calendar = ${$(v?.calendar)}`,
  form_version: (v, $) => `form_version = ${$(v)}::int`,
  answers: (v, $) => `answers = ${$(JSON.stringify(v))}::text::jsonb`,
  rejected_files: (v, $) => `rejected_files = ${$(JSON.stringify(v))}::text::jsonb`,
};

type Placeholder = (value: unknown) => string;

/** A note as a text column can hold it: without NUL (as a citizen's withdrawal reason is kept). */
const storable = (note: string | null | undefined) => note?.replaceAll('\u0000', '') ?? null;

/**
 * Moves an application to `to` inside the caller's transaction, sets `changes`, appends the
 * event, and writes it to the notification outbox (in the same transaction: a status change and
 * its notification commit or roll back together). Fails with 409 if the application changed since it was read (its version), so
 * concurrent transitions cannot both win.
 */
export async function transition(
  tx: Queryable,
  application: Pick<ApplicationRow, 'id' | 'status' | 'version'>,
  actor: Actor,
  to: Status,
  event: TransitionEvent,
  changes: TransitionChanges = {},
): Promise<void> {
  if (!canTransition(actor, application.status, to)) throw invalidTransition(application.status, to);
  const params: unknown[] = [to, event.at, application.id, application.version];
  const $: Placeholder = (value) => `$${params.push(value ?? null)}`;
  const set = Object.entries(changes)
    .filter(([, value]) => value !== undefined)
    .map(([column, value]) =>
      (assignments[column as keyof TransitionChanges] as (v: unknown, p: Placeholder) => string)(value, $),
    );
  const rows = await tx.query(
    `update application set status = $1, version = version + 1, updated_at = $2${set.map((s) => `, ${s}`).join('')}
     where id = $3 and version = $4 returning id`,
    params,
  );
  if (rows.length === 0) throw invalidTransition(application.status, to);
  await tx.query(
    `insert into application_event (application_id, from_status, to_status, actor, note, public_note, fields, at)
     values ($1, $2, $3, $4, $5, $6, $7::text[], $8)`,
    [
      application.id,
      application.status,
      to,
      event.actor,
      storable(event.note),
      storable(event.public_note),
      event.fields ?? [],
      event.at,
    ],
  );
  await recordEvent(tx, application, to, event);
}
