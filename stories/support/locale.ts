import { fill } from '../../packages/components/src/i18n';

export { fill };

/**
 * The language a story runs in: its own `globals.locale`, else the Language toolbar's (Indonesian by
 * default). A play function that checks words takes them in this language (from the component's own
 * dictionaries, or `{ id, en }` pairs for the catalogue's data), so switching the toolbar to English
 * runs the same checks in English instead of waiting for Indonesian words that never come.
 */
export function storyLocale(globals: Record<string, unknown>): 'id' | 'en' {
  return globals.locale === 'en' ? 'en' : 'id';
}

/** The entry of `words` for the story's language. */
export function inLocale<T>(globals: Record<string, unknown>, words: { id: T; en: T }): T {
  return words[storyLocale(globals)];
}
