import { randomBytes } from 'node:crypto';
import { access, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from './data-dir-lock.js';
import { pgliteExtensions } from './pglite-extensions.js';
import { makePrivate } from './private-dir.js';

/** Where PGlite mounts its data directory inside its WASM file system. */
const PGDATA = '/pglite/data';

/**
 * What lives in LOKET_DATA_DIR besides the database, and is never part of a backup or replaced by
 * a restore: the uploads, the server's control socket (`run/`, see control.ts) and the lock.
 */
const hidden = ['uploads', 'run'];
const notDatabase = new Set([...hidden, 'loket.pid']);

interface EmscriptenFs {
  analyzePath(path: string): { exists: boolean };
  mount(type: unknown, options: object, path: string): void;
  unmount(path: string): void;
}

/**
 * The embedded database as a gzip'd tar of its data directory (PGlite's `dumpDataDir`, which
 * runs between two queries: a point-in-time copy that PostgreSQL opens like after a crash, with
 * every committed transaction). The uploads and the control socket, kept in the same directory,
 * are hidden from it (an empty in-memory directory mounted over each inside PGlite's file system):
 * back the uploads up as files.
 */
export async function dumpPGlite(pg: PGlite): Promise<Blob> {
  const { FS, MEMFS } = pg.Module as unknown as { FS: EmscriptenFs; MEMFS: unknown };
  const mounted = hidden.map((name) => `${PGDATA}/${name}`).filter((path) => FS.analyzePath(path).exists);
  for (const path of mounted) FS.mount(MEMFS, {}, path);
  try {
    return await pg.dumpDataDir('gzip');
  } finally {
    for (const path of mounted) FS.unmount(path);
  }
}

/** Writes a backup to `file` (mode 0600), whole or not at all (a temporary file, then a rename). */
export async function writeBackup(file: string, data: Blob | Buffer): Promise<number> {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(await data.arrayBuffer());
  const temporary = join(dirname(resolve(file)), `.${basename(file)}.${randomBytes(4).toString('hex')}.part`);
  try {
    await writeFile(temporary, bytes, { mode: 0o600, flag: 'wx' });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return bytes.length;
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

export interface RestoreReport {
  /** Where the database that was replaced went (null when the directory held none). */
  previous: string | null;
  /** Applications in the restored database. */
  applications: number;
}

/**
 * Replaces the embedded database in `dataDir` by a backup, with the server stopped (the data
 * directory's lock is taken, so a running server refuses it). The backup is first loaded and
 * opened in a directory beside it, so a damaged file changes nothing; then the database files
 * in `dataDir` move aside to `<dataDir>.before-restore-<time>` and the restored ones take their
 * place. The uploads stay where they are.
 */
export async function restorePGlite(file: string, dataDir: string): Promise<RestoreReport> {
  const target = resolve(dataDir);
  const release = await lockDataDir(target);
  const staging = `${target}.restore-${randomBytes(4).toString('hex')}`;
  try {
    // Unpacked here, so that a damaged file fails now, as one clear error.
    const tar = gunzipSync(await readFile(file));
    const backup = new File([tar], 'pgdata.tar', { type: 'application/x-tar' });
    await makePrivate(staging);
    const pg = await PGlite.create(staging, { loadDataDir: backup, extensions: pgliteExtensions });
    let applications: number;
    try {
      const [row] = (await pg.query<{ n: number }>('select count(*)::int as n from application')).rows;
      applications = row?.n ?? 0;
    } finally {
      await pg.close();
    }
    for (const name of notDatabase) await rm(join(staging, name), { recursive: true, force: true });

    let previous: string | null = null;
    if (await exists(join(target, 'PG_VERSION'))) {
      previous = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      await mkdir(previous, { mode: 0o700 });
      for (const name of await readdir(target)) {
        if (!notDatabase.has(name)) await rename(join(target, name), join(previous, name));
      }
    }
    for (const name of await readdir(staging)) await rename(join(staging, name), join(target, name));
    await makePrivate(target);
    return { previous, applications };
  } finally {
    await rm(staging, { recursive: true, force: true });
    await release();
  }
}
