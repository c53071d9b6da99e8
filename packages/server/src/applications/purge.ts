import type { Queryable } from '../db/index.js';
import { idempotencyTtlHours } from './submit.js';

export interface PurgeReport {
  /** Drafts deleted (with their history, attachments rows and idempotency keys, by cascade). */
  drafts: number;
  /** Attachment files removed from storage. */
  files: number;
  /** Files whose removal failed (their rows are gone; the files are orphans to clean by hand). */
  failedFiles: string[];
  /** Stored submission answers older than the idempotency window. */
  idempotencyKeys: number;
}

/**
 * Deletes drafts — and drafts the citizen withdrew before ever submitting — untouched
 * (`updated_at`) for more than `olderThanDays` days before `now`, and idempotency keys older than
 * 24 hours. Applications that were ever submitted are never touched. The draft rows
 * and the storage keys of their attachments go in one statement (every part of a WITH sees the
 * same snapshot, so the attachments deleted by cascade are still listed); the files are removed
 * after the commit, so a failure there leaves an orphan file, never a row pointing at nothing.
 */
export async function purgeDrafts(
  db: Queryable,
  olderThanDays: number,
  now: Date,
  storage?: { remove(key: string): Promise<void> },
): Promise<PurgeReport> {
  if (!Number.isFinite(olderThanDays) || olderThanDays < 0) {
    throw new RangeError(`olderThanDays must be a non-negative number, got ${olderThanDays}`);
  }
  const cutoff = new Date(now.getTime() - olderThanDays * 86_400_000);
  const rows = await db.query<{ id: string; storage_key: string | null }>(
    `with gone as (
       delete from application
       where (status = 'draft' or (status = 'withdrawn' and submitted_at is null))
         and updated_at < $1::timestamptz returning id
     )
     select gone.id, a.storage_key from gone left join attachment a on a.application_id = gone.id`,
    [cutoff.toISOString()],
  );
  const drafts = new Set(rows.map((r) => r.id)).size;
  const keys = rows.flatMap((r) => (r.storage_key ? [r.storage_key] : []));
  let files = 0;
  const failedFiles: string[] = [];
  if (storage) {
    for (const key of keys) {
      try {
        await storage.remove(key);
        files++;
      } catch {
        failedFiles.push(key);
      }
    }
  }
  const expired = await db.query(
    'delete from idempotency_key where created_at < $1::timestamptz returning 1',
    [new Date(now.getTime() - idempotencyTtlHours * 3_600_000).toISOString()],
  );
  return { drafts, files, failedFiles, idempotencyKeys: expired.length };
}
