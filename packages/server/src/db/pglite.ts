import { PGlite, type PGliteInterface } from '@electric-sql/pglite';
import { dumpPGlite } from './backup.js';
import { lockDataDir } from './data-dir-lock.js';
import { pgliteExtensions } from './pglite-extensions.js';
import { makePrivate } from './private-dir.js';
import type { Db, Queryable } from './types.js';

function queryable(pg: Pick<PGliteInterface, 'query' | 'exec'>): Queryable {
  return {
    async query<T>(text: string, params: readonly unknown[] = []) {
      const result = await pg.query<T>(text, params as unknown[]);
      return result.rows;
    },
    async exec(script: string) {
      await pg.exec(script);
    },
  };
}

export function wrapPGlite(pg: PGlite, release: () => Promise<void> = async () => {}): Db {
  return {
    engine: 'pglite',
    dump: () => dumpPGlite(pg),
    ...queryable(pg),
    transaction: (fn) => pg.transaction((tx) => fn(queryable(tx))),
    close: async () => {
      await pg.close();
      await release();
    },
  };
}

/**
 * Embedded PostgreSQL (WASM). `dataDir` undefined means in memory.
 * Returns the raw PGlite too, so tests can clone a migrated template cheaply.
 * A data directory is this account's only (0700, files 0600), when opened and again when closed
 * (files PGlite created in between under a lax umask; the directory's mode kept them out of reach).
 */
export async function openPGlite(dataDir?: string): Promise<{ db: Db; pg: PGlite }> {
  const lock = dataDir ? await lockDataDir(dataDir) : async () => {};
  const release = async () => {
    if (dataDir) await makePrivate(dataDir);
    await lock();
  };
  try {
    if (dataDir) await makePrivate(dataDir);
    const pg = await PGlite.create(dataDir ?? 'memory://', { extensions: pgliteExtensions });
    return { db: wrapPGlite(pg, release), pg };
  } catch (error) {
    await release();
    throw error;
  }
}

/** An in-memory PGlite started from a dump of a data directory (`dumpDataDir`, uncompressed tar). */
export async function openPGliteFromDump(dump: Blob): Promise<{ db: Db; pg: PGlite }> {
  const pg = await PGlite.create({ loadDataDir: dump, extensions: pgliteExtensions });
  return { db: wrapPGlite(pg), pg };
}
