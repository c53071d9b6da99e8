import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/index.js';

// Complaint events go through the notifications outbox (migration 021): `complaint.received`
// when it is filed, `complaint.answered` when the agency answers (again).

export type ComplaintTopic = 'complaint.received' | 'complaint.answered';

/** What a complaint event says: its status; never the secret (the answer is read in the tracker). */
export interface ComplaintPayload {
  status: 'received' | 'answered' | 'closed';
}

/** Writes a complaint event to the outbox in the caller's transaction. */
export async function recordComplaintEvent(
  tx: Queryable,
  complaint: { id: string; status: ComplaintPayload['status'] },
  topic: ComplaintTopic,
  at: Date,
): Promise<void> {
  const payload: ComplaintPayload = { status: complaint.status };
  await tx.query(
    `insert into outbox_event (id, complaint_id, topic, payload, created_at) values ($1, $2, $3, $4::text::jsonb, $5)`,
    [randomUUID(), complaint.id, topic, JSON.stringify(payload), at],
  );
}
