import { dictionary } from '../../../i18n';
import { id } from './id';

export type { TrackerMessages, WithdrawMessages } from './types';

/** The tracker's own strings: Indonesian in the first load, English fetched when a page asks for it. */
export const trackerText = dictionary(id, async () => (await import('./en')).en);
