import { dictionary } from '../../../i18n';
import { id } from './id';

export type { SurveyMessages } from './types';

/** The survey's own strings: Indonesian in its chunk, English fetched when a page asks for it. */
export const surveyText = dictionary(id, async () => (await import('./en')).en);
