import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/index.js';

// Complaint events go through the notifications outbox (migration 021): `complaint.received`
// when it is filed, `complaint.answered` when the agency answers (again).

export type ComplaintTopic = 'complaint.received' | 'complaint.answered';

/**
 * What a complaint event says: its status and, for `complaint.answered`, the answer as the agency
 * gave it then (a later answer is its own event); never the secret.
 */
export interface ComplaintPayload {
  status: 'received' | 'answered' | 'closed';
  answer?: string;
}

/** Writes a complaint event to the outbox in the caller's transaction. */
export async function recordComplaintEvent(
  tx: Queryable,
  complaint: { id: string; status: ComplaintPayload['status']; answer?: string | null },
  topic: ComplaintTopic,
  at: Date,
): Promise<void> {
  const payload: ComplaintPayload = {
    status: complaint.status,
    ...(complaint.answer ? { answer: complaint.answer.replaceAll('\u0000', '') } : {}),
  };
  await tx.query(
    `insert into outbox_event (id, complaint_id, topic, payload, created_at) values ($1, $2, $3, $4::text::jsonb, $5)`,
    [randomUUID(), complaint.id, topic, JSON.stringify(payload), at],
  );
}
