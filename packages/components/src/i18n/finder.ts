import { dictionary } from './dictionary';
import { id } from './id';
import type { Locale } from './index';
import type { Messages } from './messages';

// The finder's dictionary lives in a module of its own: in the script-tag build, i18n/index.ts
// sits in a chunk shared by every component, and whatever it holds is part of each one's first load.
const finder = dictionary(id, async () => (await import('./en')).en);

/** The finder's strings in `locale`, or Indonesian while English is still loading. */
export const messages = (locale: Locale): Messages => finder.get(locale);

/** Loads the finder's strings in `locale`. */
export const loadMessages = (locale: Locale): Promise<Messages> => finder.load(locale);
