import { dictionary } from '../../../i18n';
import { id } from './id';

export type { PerformanceMessages } from './types';

/** The transparency page's own strings: Indonesian in the first load, English fetched when a page asks for it. */
export const performanceText = dictionary(id, async () => (await import('./en')).en);
