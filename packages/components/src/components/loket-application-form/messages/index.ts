import { dictionary } from '../../../i18n';
import { id } from './id';

export type { FormMessages, LaterMessages } from './types';

/** The form's own strings: Indonesian in the first load, English fetched when a page asks for it. */
export const formText = dictionary(id, async () => (await import('./en')).en);
