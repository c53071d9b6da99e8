import { dictionary } from '../../../../i18n';
import { id } from './id';

/** The withdraw step's strings: Indonesian in its own chunk, English fetched when a page asks for it. */
export const withdrawText = dictionary(id, async () => (await import('./en')).en);
