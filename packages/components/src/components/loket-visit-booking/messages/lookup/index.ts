import { dictionary } from '../../../../i18n';
import { id } from './id';

export type { LookupMessages } from './types';

/** "Lihat antrean Anda": Indonesian in the step's own chunk, English fetched when a page asks for it. */
export const lookupText = dictionary(id, async () => (await import('./en')).en);
