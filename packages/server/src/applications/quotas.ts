import { statfs } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Queryable } from '../db/index.js';
import { say } from '../messages/index.js';
import { type ProblemError, problem } from '../problem.js';

/** Bytes the files of one application take together. */
export async function attachmentBytes(db: Queryable, applicationId: string): Promise<number> {
  const [row] = await db.query<{ bytes: number }>(
    'select coalesce(sum(size), 0)::bigint::float8 as bytes from attachment where application_id = $1',
    [applicationId],
  );
  return Number(row?.bytes ?? 0);
}

/** The files of one application would exceed `limit` bytes together: 413 problem+json. */
export function attachmentsFull(limit: number): ProblemError {
  const mb = String(+(limit / 1024 / 1024).toFixed(1));
  return problem('attachments-full', 413, say('attachmentsFull', mb), '/file');
}

/** Free bytes (for this unprivileged process) on the file system that holds `path`, or its nearest existing parent. */
export async function freeBytes(path: string): Promise<number> {
  let at = resolve(path);
  for (;;) {
    try {
      const info = await statfs(at);
      return info.bavail * info.bsize;
    } catch (error) {
      const parent = dirname(at);
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === at) throw error;
      at = parent;
    }
  }
}

/**
 * The global storage guard: refuses an upload (507 problem+json) when storing it could leave less
 * than `minFreeBytes` free on the uploads' file system, so the disk never fills (the database and
 * the logs need room too). `incoming` is what the upload may add at most.
 */
export async function refuseWhenStorageLow(uploadsDir: string, minFreeBytes: number, incoming: number) {
  if (minFreeBytes <= 0) return;
  if ((await freeBytes(uploadsDir)) - incoming >= minFreeBytes) return;
  throw problem('insufficient-storage', 507, say('insufficientStorage'));
}
