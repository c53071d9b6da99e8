import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';

/** The extensions every Loket PGlite loads (search: trigrams and accent folding). */
export const pgliteExtensions = { pg_trgm, unaccent };
