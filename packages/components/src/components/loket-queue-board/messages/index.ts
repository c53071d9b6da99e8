import { dictionary } from '../../../i18n';
import { id } from './id';

export type { BoardMessages } from './types';

/** The board's own strings: Indonesian in the first load, English fetched when a page asks for it. */
export const boardText = dictionary(id, async () => (await import('./en')).en);
