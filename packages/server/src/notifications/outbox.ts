import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/index.js';

type Status = 'draft' | 'submitted' | 'in_review' | 'needs_revision' | 'completed' | 'rejected' | 'withdrawn';

/**
 * What an event says, for every channel: never an answer, never the secret. `fields` are the ids
 * of the fields to fix (a channel shows them by their labels).
 */
export interface EventPayload {
  status: Status;
  from: Status;
  public_note: string | null;
  fields: string[];
  /** Set on completion when the officer attached a result document (downloaded with the secret). */
  document?: true;
}

/** A recovery link asked for ("Lupa kode rahasia?"): sent only to the contact that matched. */
export interface RecoveryPayload {
  to: 'email' | 'phone';
}

export const recoveryTopic = 'application.secret_recovery';

export interface OutboxEvent {
  id: string;
  application_id: string;
  topic: string;
  payload: EventPayload;
  created_at: Date | string;
}

/** The survey invitation's topic: written beside `application.completed` and `application.rejected`. */
export const SURVEY_INVITATION = 'survey.invitation';

/**
 * Writes the status change to the outbox in the caller's transaction (called by transition()).
 * Withdrawing a draft tells no one: it was never sent. A decision (completed or rejected) also
 * writes the invitation to the satisfaction survey (docs/assessment.md), as its own event.
 */
export async function recordEvent(
  tx: Queryable,
  application: { id: string; status: Status },
  to: Status,
  event: { at: Date; public_note?: string | null; fields?: string[]; document?: boolean },
): Promise<void> {
  if (application.status === 'draft' && to !== 'submitted') return;
  const payload: EventPayload = {
    status: to,
    from: application.status,
    public_note: event.public_note ?? null,
    fields: event.fields ?? [],
    ...(to === 'completed' && event.document ? { document: true as const } : {}),
  };
  await tx.query(
    `insert into outbox_event (id, application_id, topic, payload, created_at)
     values ($1, $2, $3, $4::text::jsonb, $5)`,
    [randomUUID(), application.id, `application.${to}`, JSON.stringify(payload), event.at],
  );
  if (to === 'completed' || to === 'rejected') {
    await tx.query(
      `insert into outbox_event (id, application_id, topic, payload, created_at)
       values ($1, $2, $3, $4::text::jsonb, $5)`,
      [
        randomUUID(),
        application.id,
        SURVEY_INVITATION,
        JSON.stringify({ ...payload, public_note: null, fields: [] }),
        event.at,
      ],
    );
  }
}

/** Writes a recovery request to the outbox: the link is made (and its token stored) when sent. */
export async function recordRecoveryEvent(
  db: Queryable,
  applicationId: string,
  to: RecoveryPayload['to'],
  at: Date,
): Promise<void> {
  const payload: RecoveryPayload = { to };
  await db.query(
    `insert into outbox_event (id, application_id, topic, payload, created_at)
     values ($1, $2, $3, $4::text::jsonb, $5)`,
    [randomUUID(), applicationId, recoveryTopic, JSON.stringify(payload), at],
  );
}
