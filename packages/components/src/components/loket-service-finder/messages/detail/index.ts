import { dictionary } from '../../../../i18n';
import { id } from './id';

/** The detail view's strings: Indonesian in the view's own chunk, English fetched when a page asks for it. */
export const detailText = dictionary(id, async () => (await import('./en')).en);
