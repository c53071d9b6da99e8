import { intlLocale, type Locale } from './index';

/** Rupiah without decimals, as people in Indonesia read it: "Rp 30.000" (both locales format it the Indonesian way). */
export function money(locale: Locale, amount: number): string {
  return new Intl.NumberFormat(intlLocale[locale], {
    style: 'currency',
    currency: 'IDR',
    maximumFractionDigits: 0,
    minimumFractionDigits: 0,
  }).format(amount);
}
