import { dictionary } from '../../../i18n';
import { id } from './id';

export type { VisitMessages } from './types';

/** The booking's own strings: Indonesian in the first load, English fetched when a page asks for it. */
export const visitText = dictionary(id, async () => (await import('./en')).en);
