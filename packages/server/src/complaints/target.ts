import { type Due, dueDate } from '../applications/calendar.js';
import type { Queryable } from '../db/index.js';

/**
 * The response target of a complaint, in working days, when the agency set none of its own
 * (`loket-server complaints target`): 5. No regulation found in the research gives a deadline
 * for an agency's answer to a complaint filed outside SP4N-LAPOR!; the nearest rule is
 * SP4N-LAPOR!'s own, where the agency (K/L/D) has at most 5 working days to coordinate and
 * formulate its follow-up of a report forwarded to it (lapor.go.id "Tentang LAPOR!",
 * data/research/queues-and-complaints.md). Loket uses that as its default; docs/complaints.md.
 */
export const defaultComplaintDays = 5;

export interface ComplaintDue extends Due {
  working_days: number;
  basis: 'agency' | 'default';
}

/** When the agency should answer a complaint filed at `filedAt`: its own target, or the default. */
export async function complaintDue(db: Queryable, agencyId: string, filedAt: Date): Promise<ComplaintDue> {
  const [own] = await db.query<{ working_days: number }>(
    'select working_days from complaint_target where agency_id = $1',
    [agencyId],
  );
  const days = own?.working_days ?? defaultComplaintDays;
  const due = await dueDate(db, filedAt, days);
  return { ...due, working_days: days, basis: own ? 'agency' : 'default' };
}

/** Sets (or with `null` removes) an agency's own response target. */
export async function setComplaintTarget(
  db: Queryable,
  agencyId: string,
  workingDays: number | null,
  source: string | null,
): Promise<void> {
  if (workingDays === null) {
    await db.query('delete from complaint_target where agency_id = $1', [agencyId]);
    return;
  }
  await db.query(
    `insert into complaint_target (agency_id, working_days, source) values ($1, $2, $3)
     on conflict (agency_id) do update set working_days = excluded.working_days, source = excluded.source`,
    [agencyId, workingDays, source],
  );
}
