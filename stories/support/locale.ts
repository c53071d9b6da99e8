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

/** `text` with the characters a RegExp reads as syntax escaped. */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A dictionary's template as a pattern of the text shown: `{n}` any whole number, the placeholders
 * in `values` as given, the rest as written; the whole text unless `partial`.
 */
export function shown(template: string, values: Record<string, string> = {}, partial = false): RegExp {
  const body = template
    .split(/(\{\w+\})/)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (name === undefined) return escapeRegExp(part);
      return name in values ? escapeRegExp(values[name] as string) : '\\d+';
    })
    .join('');
  return new RegExp(partial ? body : `^${body}$`);
}
