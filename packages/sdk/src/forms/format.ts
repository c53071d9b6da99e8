// Locale-aware formatting for messages, through Intl only (no dependencies).
import type { FormLang } from './types.js';

const locales: Record<FormLang, string> = { id: 'id-ID', en: 'en-GB' };
const cache = new Map<string, Intl.PluralRules | Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>();

function cached<T extends Intl.PluralRules | Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>(
  key: string,
  make: () => T,
): T {
  let value = cache.get(key);
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value as T;
}

/** Picks the plural form of `count` by `Intl.PluralRules` (Indonesian has only `other`). */
export function plural(lang: FormLang, count: number, forms: { one?: string; other: string }): string {
  const rule = cached(`plural:${lang}`, () => new Intl.PluralRules(locales[lang])).select(count);
  return rule === 'one' && forms.one !== undefined ? forms.one : forms.other;
}

export function formatNumber(lang: FormLang, value: number): string {
  return cached(`number:${lang}`, () => new Intl.NumberFormat(locales[lang])).format(value);
}

/** `2025-08-17` → `17 Agustus 2025` / `17 August 2025`. */
export function formatDate(lang: FormLang, ymd: string): string {
  const format = cached(
    `date:${lang}`,
    () => new Intl.DateTimeFormat(locales[lang], { dateStyle: 'long', timeZone: 'UTC' }),
  );
  return format.format(new Date(`${ymd}T00:00:00Z`));
}

/** `2097152` → `2 MB`; `512000` → `500 KB` (1 MB = 1024 × 1024 bytes, as file pickers show). */
export function formatBytes(lang: FormLang, bytes: number): string {
  const mb = bytes >= 1024 * 1024;
  const unit = mb ? 'megabyte' : 'kilobyte';
  const amount = bytes / (mb ? 1024 * 1024 : 1024);
  return cached(
    `bytes:${lang}:${unit}`,
    () => new Intl.NumberFormat(locales[lang], { style: 'unit', unit, maximumFractionDigits: 1 }),
  ).format(amount);
}

const typeNames: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
};

/** `['application/pdf', 'image/jpeg']` → `PDF atau JPG` / `PDF or JPG`. */
export function formatTypes(lang: FormLang, types: readonly string[]): string {
  const names = types.map((type) => typeNames[type] ?? type);
  return cached(
    `list:${lang}`,
    () => new Intl.ListFormat(locales[lang], { type: 'disjunction', style: 'long' }),
  ).format(names);
}
