import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import postgres from 'postgres';
import { inject } from 'vitest';
import type { Db } from '../../src/db/index.js';
import { openPGliteFromDump } from '../../src/db/pglite.js';
import { openPostgres } from '../../src/db/postgres.js';
import { TEMPLATE, withDatabase } from '../global-setup.js';
import { PGLITE_TEMPLATE, sharedSeededPGliteDump } from './pglite-provided.js';

export const engine = process.env.LOKET_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';

let template: Promise<Blob> | undefined;

/**
 * The migrated, seeded data directory the run's global setup made (pglite-template.ts), or, when
 * a file runs without it, one made here.
 */
function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const file = templateFile();
    return file ? new Blob([await readFile(file)]) : sharedSeededPGliteDump();
  })();
  return template;
}

/** inject() answers only inside a test worker; vitest's own process (global setups) has no template. */
function templateFile(): string | undefined {
  try {
    return inject(PGLITE_TEMPLATE);
  } catch {
    return undefined;
  }
}

/**
 * A fresh database with the real catalogue seeded, on the engine this test project runs on:
 * PGlite in memory, or a copy of the seeded template on the throw-away PostgreSQL cluster.
 * Close it in afterAll.
 */
export async function createTestDb(): Promise<Db & { url?: string }> {
  if (engine === 'pglite') {
    return (await openPGliteFromDump(await pgliteTemplate())).db;
  }
  const url = process.env.LOKET_TEST_DATABASE_URL;
  if (!url) throw new Error('LOKET_TEST_DATABASE_URL is not set for the postgres test project');
  const name = `loket_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${TEMPLATE}`);
  await admin.end();
  const db = openPostgres(withDatabase(url, name), { max: 5 });
  return {
    ...db,
    /** This database's URL, for a second connection pool (another instance). */
    url: withDatabase(url, name),
    async close() {
      await db.close();
      const cleanup = postgres(url, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
