import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDF, prepareThroughApi, submitOnce } from '../bench/lib/applications.js';
import { buildApp } from '../src/app.js';
import { loadNationalComplaintChannels } from '../src/complaints.js';
import { listenForControl } from '../src/control.js';
import { restorePGlite, writeBackup } from '../src/db/backup.js';
import type { Db } from '../src/db/index.js';
import { openPGlite } from '../src/db/pglite.js';
import { generousLimits } from './helpers/app.js';
import { createTestDb } from './helpers/db.js';

const run = promisify(execFile);
const serverDir = new URL('..', import.meta.url).pathname;
/** `loket-server …` from the sources, as a separate process. */
const cli = (args: string[], dataDir: string) =>
  run(process.execPath, ['--import', 'tsx', join(serverDir, 'src/cli.ts'), ...args], {
    cwd: serverDir,
    env: { ...process.env, LOKET_DATA_DIR: dataDir, DATABASE_URL: '' },
  });

let base: string;
let dataDir: string;
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'loket-backup-'));
  dataDir = join(base, 'data');
  // The seeded catalogue, restored into a data directory: restore's first use.
  const seeded = await createTestDb();
  const file = join(base, 'seeded.tar.gz');
  await writeBackup(file, (await seeded.dump?.()) as Blob);
  await seeded.close();
  await restorePGlite(file, dataDir);
}, 300_000);
afterAll(() => rm(base, { recursive: true, force: true }));

describe('backup and restore of the embedded database', () => {
  it('a backup taken under load, through the CLI from the running server, restores every acknowledged submission', async () => {
    const { db, pg } = await openPGlite(dataDir);
    let app: FastifyInstance | undefined;
    let stopControl = async () => {};
    const backupFile = join(base, 'under-load.tar.gz');
    const acknowledged: { code: string; at: number }[] = [];
    let backupStartedAt = 0;
    try {
      app = await buildApp({
        db,
        nationalComplaintChannels: await loadNationalComplaintChannels(),
        uploadsDir: join(dataDir, 'uploads'),
        limits: generousLimits,
      });
      const api = await app.listen({ host: '127.0.0.1', port: 0 });
      stopControl = await listenForControl(dataDir, () => (db as Required<Db>).dump(), app.log);
      expect(pg.closed).toBe(false);

      // Load: four clients preparing and submitting applications one after another until the
      // backup is done, while `loket-server backup` runs in another process.
      let backupDone = 0;
      const client = async () => {
        while (!backupDone) {
          const app = await prepareThroughApi(api, db, '33.74');
          await submitOnce(api, db, app);
          acknowledged.push({ code: app.code, at: Date.now() });
        }
      };
      const load = Promise.all([client(), client(), client(), client()]);
      while (acknowledged.length < 4) await new Promise((resolve) => setTimeout(resolve, 20));
      backupStartedAt = Date.now();
      const { stdout } = await cli(['backup', backupFile], dataDir);
      backupDone = Date.now();
      await load;
      expect(stdout).toMatch(/backed up the running server to .* \(\d+\.\d MB\) in \d+ ms/);
      // Submissions were acknowledged while the backup ran: it was taken under load.
      expect(acknowledged.filter((a) => a.at > backupStartedAt && a.at < backupDone).length).toBeGreaterThan(
        0,
      );
      console.info(`[backup] under load: ${stdout.trim()}`);
    } finally {
      await stopControl();
      await app?.close();
      await db.close();
    }

    const before = acknowledged.filter((a) => a.at < backupStartedAt);
    expect(before.length).toBeGreaterThanOrEqual(4);
    expect((await stat(backupFile)).mode & 0o777).toBe(0o600);
    // The uploads are not in it (the PDFs are files, never in the database).
    const tar = gunzipSync(await readFile(backupFile));
    expect(tar.includes(PDF.subarray(0, 24))).toBe(false);
    expect(tar.includes(Buffer.from('uploads/tmp'))).toBe(false);

    const uploadsBefore = await readdir(join(dataDir, 'uploads'));
    const { stdout } = await cli(['restore', backupFile], dataDir);
    console.info(`[backup] ${stdout.trim()}`);
    expect(stdout).toMatch(
      /restored .* \(\d+ applications\) in \d+ ms; the database it replaced is in .*before-restore-/,
    );
    expect(await readdir(join(dataDir, 'uploads'))).toEqual(uploadsBefore);

    const restored = await openPGlite(dataDir);
    try {
      const rows = await restored.db.query<{ code: string; status: string }>(
        'select code, status from application',
      );
      const status = new Map(rows.map((r) => [r.code, r.status]));
      const bare = (code: string) => code.replace(/^LKT-/, '').replace(/-/g, '');
      for (const { code } of before) expect(status.get(bare(code)), code).toBe('submitted');
      const [events] = await restored.db.query<{ n: number }>(
        `select count(*)::int as n from application_event e join application a on a.id = e.application_id
         where a.code = any($1) and e.to_status = 'submitted'`,
        [before.map((a) => bare(a.code))],
      );
      expect(events?.n).toBe(before.length);
    } finally {
      await restored.db.close();
    }
  }, 300_000);

  it('refuses to restore while the server runs, and leaves the database alone when the file is damaged', async () => {
    const { db } = await openPGlite(dataDir);
    const damaged = join(base, 'damaged.tar.gz');
    await writeBackup(damaged, Buffer.from('not a backup'));
    try {
      await expect(cli(['restore', damaged], dataDir)).rejects.toThrow(/in use by process/);
    } finally {
      await db.close();
    }
    const entries = await readdir(dataDir);
    await expect(restorePGlite(damaged, dataDir)).rejects.toThrow();
    expect(await readdir(dataDir)).toEqual(entries);
    expect((await readdir(base)).filter((name) => name.includes('.restore-'))).toEqual([]);
  }, 120_000);
});
