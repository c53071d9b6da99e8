import { dictionary } from './dictionary';
import { id } from './id';
import type { Locale } from './index';
import type { Messages } from './messages';

const finder = dictionary(id, async () => (await import('./en')).en);

/** The finder's strings in `locale`, or Indonesian while English is still loading. */
export const messages = (locale: Locale): Messages => finder.get(locale);

/** Loads the finder's strings in `locale`. */
export const loadMessages = (locale: Locale): Promise<Messages> => finder.load(locale);
