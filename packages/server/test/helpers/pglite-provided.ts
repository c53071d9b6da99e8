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

const SHARED = Symbol.for('loket.test.seededPGliteDump');

/**
 * seededPGliteDump(), made once per process: vitest's own process runs the global setup of every
 * project that asks for the template (sdk, server-pglite, e2e, packages) and the components'
 * API servers, each through its own module graph, so the one copy is kept on globalThis
 * (about 7 s of CPU each time it was made again).
 */
export function sharedSeededPGliteDump(): Promise<Blob> {
  const holder = globalThis as { [SHARED]?: Promise<Blob> };
  holder[SHARED] ??= seededPGliteDump();
  return holder[SHARED];
}
