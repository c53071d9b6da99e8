import { openPGlite } from './pglite.js';
import { openPostgres } from './postgres.js';
import type { Db } from './types.js';

export { isMigrated, migrate } from './migrate.js';
export type { Db, Engine, Queryable } from './types.js';

/** PostgreSQL when a URL is given, otherwise embedded PGlite (file-backed in `dataDir`, or in memory). */
export async function openDatabase(options: { databaseUrl?: string; dataDir?: string }): Promise<Db> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return (await openPGlite(options.dataDir)).db;
}
