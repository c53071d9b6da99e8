import { dictionary } from '../../../../i18n';
import { id } from './id';

export type { ResultMessages } from './types';

/** The results' strings: Indonesian in their chunk, English fetched when a page asks for it. */
export const resultText = dictionary(id, async () => (await import('./en')).en);
