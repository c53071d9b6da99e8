import { dictionary } from '../../../i18n';
import { id } from './id';

export type { ComplaintMessages } from './types';

/** The form's own strings: Indonesian in its first load, English fetched when a page asks for it. */
export const complaintText = dictionary(id, async () => (await import('./en')).en);
