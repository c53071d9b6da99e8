/** The name under which the run's PGlite template file is provided to test workers. */
export const PGLITE_TEMPLATE = 'pgliteTemplate';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A tar of a migrated, seeded PGlite data directory (pglite-template.ts, helpers/db.ts). */
    pgliteTemplate: string;
  }
}
