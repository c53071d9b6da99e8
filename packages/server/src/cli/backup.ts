import { parseArgs } from 'node:util';
import type { CommandTools } from '../cli.js';
import { backupFromServer } from '../control.js';
import { dumpPGlite, restorePGlite, writeBackup } from '../db/backup.js';
import { openPGlite } from '../db/pglite.js';

const usage = `loket-server backup FILE | restore FILE

backup FILE    writes the embedded database ($LOKET_DATA_DIR) to FILE (a gzip'd tar, mode 0600):
               from the running server if there is one (it keeps serving), else directly.
restore FILE   replaces the embedded database by the backup in FILE, with the server stopped; the
               database it replaces is moved to $LOKET_DATA_DIR.before-restore-<time>.
Uploaded files ($LOKET_DATA_DIR/uploads) are in neither: copy them as files (docs/security.md).
For PostgreSQL (DATABASE_URL) use pg_dump and pg_restore instead.`;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** `loket-server backup FILE` and `loket-server restore FILE` (dispatched by src/cli.ts). */
export async function run(
  args: string[],
  tools: Pick<CommandTools, 'loadConfig'>,
  command: 'backup' | 'restore' = 'backup',
): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h', default: false } },
  });
  const [file, ...rest] = positionals;
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (!file || rest.length > 0) {
    console.error(usage);
    return 1;
  }
  const config = tools.loadConfig();
  if (config.databaseUrl) {
    console.error(`${command} is for the embedded database; with DATABASE_URL use pg_dump / pg_restore`);
    return 1;
  }
  const started = Date.now();
  if (command === 'restore') {
    const report = await restorePGlite(file, config.dataDir);
    console.log(
      `restored ${file} into ${config.dataDir} (${report.applications} applications) in ${Date.now() - started} ms` +
        (report.previous ? `; the database it replaced is in ${report.previous}` : ''),
    );
    return 0;
  }
  let bytes = await backupFromServer(config.dataDir);
  const from = bytes ? 'the running server' : config.dataDir;
  if (!bytes) {
    const { db, pg } = await openPGlite(config.dataDir);
    try {
      bytes = Buffer.from(await (await dumpPGlite(pg)).arrayBuffer());
    } finally {
      await db.close();
    }
  }
  await writeBackup(file, bytes);
  console.log(`backed up ${from} to ${file} (${mb(bytes.length)}) in ${Date.now() - started} ms`);
  return 0;
}

/** `loket-server restore FILE`. */
export const restore = (args: string[], tools: Pick<CommandTools, 'loadConfig'>) =>
  run(args, tools, 'restore');
