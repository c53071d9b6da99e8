import { seed } from '../../src/catalogue/seed.js';
import { migrate } from '../../src/db/index.js';
import { openPGlite } from '../../src/db/pglite.js';

/** The name under which the run's PGlite template file is provided to test workers. */
export const PGLITE_TEMPLATE = 'pgliteTemplate';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A tar of a migrated, seeded PGlite data directory (pglite-template.ts, helpers/db.ts). */
    pgliteTemplate: string;
  }
}

/** A migrated, seeded in-memory PGlite's data directory, as an uncompressed tar. */
export async function seededPGliteDump(): Promise<Blob> {
  const { db, pg } = await openPGlite();
  await migrate(db);
  await seed(db);
  const dump = await pg.dumpDataDir('none');
  await db.close();
  return dump;
}
