import { dictionary } from '../../../../i18n';
import { id } from './id';

export type { BrowseMessages } from './types';

/** The browse view's strings: Indonesian in the view's own chunk, English fetched when a page asks for it. */
export const browseText = dictionary(id, async () => (await import('./en')).en);
