import { dictionary, type Locale } from '../../../../i18n';
import type { FormMessages, LaterMessages } from '../types';
import { id } from './id';

/** The end views' strings: Indonesian in their own chunk, English fetched when a page asks for it. */
export const laterText = dictionary(id, async () => (await import('./en')).en);

/** The form's strings with the end views' own: what those views read as `t`. */
export type EndMessages = FormMessages & LaterMessages;

export function endText(t: FormMessages, locale: Locale): EndMessages {
  const later = laterText.get(locale);
  return { ...t, check: { ...t.check, ...later.check }, done: { ...t.done, ...later.done } };
}
