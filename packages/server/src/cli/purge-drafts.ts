import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { purgeDrafts } from '../applications/purge.js';
import { createStorage } from '../applications/storage.js';
import type { CommandTools } from '../cli.js';

const usage = `loket-server purge-drafts [--older-than-days N]

Deletes drafts (never submitted applications) untouched for more than N days, with their
uploaded files, and the stored answers of submissions older than 24 hours (idempotency keys).
N defaults to $LOKET_DRAFT_RETENTION_DAYS (30). Meant to run daily (cron, systemd timer).

Exit status: 0 on success, 1 on any error (the message is on stderr).`;

/** `loket-server purge-drafts …` (dispatched by src/cli.ts). */
export async function run(
  args: string[],
  tools: Pick<CommandTools, 'withDb' | 'loadConfig'>,
): Promise<number> {
  let values: { 'older-than-days'?: string | undefined; help?: boolean | undefined };
  try {
    const parsed = parseArgs({
      args,
      allowPositionals: false,
      strict: true,
      options: {
        'older-than-days': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    values = parsed.values;
  } catch (err) {
    return fail(`${err instanceof Error ? err.message : String(err)}\n\n${usage}`);
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const config = tools.loadConfig();
  const raw = values['older-than-days'];
  const days = raw === undefined ? config.draftRetentionDays : Number(raw);
  if (!/^\d+$/.test(raw ?? String(days)) || !Number.isInteger(days) || days < 1) {
    return fail(`--older-than-days must be a whole number of days, at least 1, got "${raw ?? days}"`);
  }
  const storage = createStorage(join(config.dataDir, 'uploads'));
  const report = await tools.withDb((db) => purgeDrafts(db, days, new Date(), storage));
  console.log(
    `deleted ${report.drafts} draft(s) untouched for more than ${days} day(s), ${report.files} attached file(s), ` +
      `and ${report.idempotencyKeys} idempotency key(s) older than 24 hours`,
  );
  if (report.failedFiles.length > 0) {
    for (const key of report.failedFiles) console.error(`could not remove file ${key}`);
    return fail(`${report.failedFiles.length} file(s) could not be removed (their drafts are deleted)`);
  }
  return 0;
}

function fail(message: string): number {
  console.error(message);
  return 1;
}
