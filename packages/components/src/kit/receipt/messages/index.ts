import { dictionary } from '../../../i18n';
import { id } from './id';

export type { ReceiptMessages } from './types';

/** The receipt's strings: Indonesian in its chunk, English fetched when a page asks for it. */
export const receiptText = dictionary(id, async () => (await import('./en')).en);
