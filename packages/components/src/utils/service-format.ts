import type { Fee, FeeSummary } from '@loket/sdk';
import { type Locale, type Plural, plural } from '../i18n';
import { money } from '../i18n/money';

/** The words for fees and durations that each component's dictionary has (the finder's, the form's). */
export interface ServiceWords {
  fee: { free: string; variants: string; unknown: string; from: string };
  duration: { days: Plural; sameDay: string; unknown: string };
}

/**
 * The fee in a few words: "Gratis", "Rp 30.000", "Tergantung jenis", or honestly unknown. `t` is
 * any component's dictionary with these strings (the finder's, the form's).
 */
export function feeText(locale: Locale, t: Pick<ServiceWords, 'fee'>, fee: FeeSummary | Fee): string {
  if (fee.free) return t.fee.free;
  if (fee.amount_idr !== null) return money(locale, fee.amount_idr);
  const variants = 'variants' in fee ? fee.variants : [];
  const known = variants.flatMap((v) => (v.amount_idr === null ? [] : [v.amount_idr]));
  if (known.length > 0) return t.fee.from.replace('{amount}', money(locale, Math.min(...known)));
  if ('has_variants' in fee && fee.has_variants) return t.fee.variants;
  return t.fee.unknown;
}

/** Working days, "same day" for 0, or unknown for null (never a guess). */
export function durationText(locale: Locale, t: Pick<ServiceWords, 'duration'>, days: number | null): string {
  if (days === null) return t.duration.unknown;
  if (days === 0) return t.duration.sameDay;
  return plural(locale, t.duration.days, days);
}
