import { dictionary } from '../../../i18n';
import { id } from './id';

export type { DetailMessages, FinderMessages } from './types';

/** The finder's own strings: Indonesian in the first load, English fetched when a page asks for it. */
export const finderText = dictionary(id, async () => (await import('./en')).en);
