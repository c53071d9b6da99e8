import { dictionary } from '../../../../i18n';
import { id } from './id';

export type { NoMatchMessages } from './types';

/** The no-result view's strings: Indonesian in the view's own chunk, English fetched when a page asks for it. */
export const noMatchText = dictionary(id, async () => (await import('./en')).en);
