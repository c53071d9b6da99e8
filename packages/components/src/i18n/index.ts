// What every component's strings share: the locale, the dictionary (one per component, in
// components/<tag>/messages/: id.ts, en.ts, types.ts, index.ts), fill, plural and date. In the
// script-tag build this module sits in a chunk shared by every component, and whatever it holds
// is part of each one's first load: a component's own strings never live here, and the Intl
// helpers that only some first loads need have a module each (money.ts, list.ts).

export type Locale = 'id' | 'en';

/** Plural forms picked by `Intl.PluralRules` (Indonesian only uses `other`). */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export { type Dictionary, dictionary } from './dictionary';

/**
 * The locale of `el`: its own `lang`, else the closest ancestor's (crossing shadow roots, so a
 * component inside another still follows the page). Indonesian unless the language is English.
 */
export function localeOf(el: Element): Locale {
  let node: Element | null = el;
  while (node) {
    const lang = node.getAttribute('lang');
    if (lang) return lang.toLowerCase().startsWith('en') ? 'en' : 'id';
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
  }
  return 'id';
}

export const intlLocale: Record<Locale, string> = { id: 'id-ID', en: 'en-ID' };

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (all, key: string) => (key in values ? String(values[key]) : all));
}

/** Picks the plural form for `n` with `Intl.PluralRules`, then fills `{n}` (formatted) and `values`. */
export function plural(locale: Locale, forms: Plural, n: number, values: Record<string, string> = {}) {
  const rule = new Intl.PluralRules(intlLocale[locale]).select(n);
  return fill(forms[rule] ?? forms.other, {
    ...values,
    n: new Intl.NumberFormat(intlLocale[locale]).format(n),
  });
}

/** A calendar date ("23 November 2026"); date-only strings are read as that day, not UTC midnight. */
export function date(locale: Locale, value: string | Date, options?: Intl.DateTimeFormatOptions): string {
  const d =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? new Date(`${value}T12:00:00`)
      : new Date(value);
  return new Intl.DateTimeFormat(intlLocale[locale], options ?? { dateStyle: 'long' }).format(d);
}
