import { dictionary } from '../../../../i18n';
import { id } from './id';

/** "Lupa kode rahasia?": Indonesian in its own chunk, English fetched when a page asks for it. */
export const recoveryText = dictionary(id, async () => (await import('./en')).en);
