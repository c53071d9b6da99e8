import { dictionary } from '../../src/i18n';
import { id } from './id';

export type { DeskMessages } from './types';

/** The desk's strings: Indonesian in the first load, English fetched when the officer switches. */
export const deskText = dictionary(id, async () => (await import('./en')).en);
