import { intlLocale, type Locale } from './index';

// Only the finder's detail view lists things, and it is loaded on demand: kept out of index.ts,
// whose chunk is part of every component's first load.

/** "a, b dan c" / "a, b and c". */
export function list(locale: Locale, items: string[]): string {
  return new Intl.ListFormat(intlLocale[locale], { type: 'conjunction' }).format(items);
}
