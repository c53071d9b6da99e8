import { fill, intlLocale, type Locale } from '../../i18n';
import type { PerformanceMessages } from './messages';

// The periods the API publishes (`2026`, `2026-S2`, `2026-Q4`, `2026-11`, Jakarta time), as the
// period filter offers them and as the page names them.

export interface PeriodGroup {
  label: string;
  options: { value: string; label: string }[];
}

/** Today's year and month (1–12) in Jakarta, where the API's periods are counted. */
export function jakartaMonth(now: Date): [number, number] {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' })
    .format(now)
    .split('-')
    .map(Number);
  return [year ?? 1970, month ?? 1];
}

/** The name of a period: "2026", "Triwulan 4 2026", "November 2026". */
export function periodName(locale: Locale, t: PerformanceMessages, period: string): string {
  const [year = '', part = ''] = period.split('-');
  if (!part) return year;
  const n = part.slice(1);
  if (part[0] === 'S') return fill(t.semesterLabel, { n, year });
  if (part[0] === 'Q') return fill(t.quarterLabel, { n, year });
  return monthName(locale, period, 'long');
}

/** `2026-11` as "November 2026" (`long`) or "Nov" (`short`, no year). */
export function monthName(locale: Locale, month: string, style: 'long' | 'short'): string {
  const date = new Date(`${month}-15T00:00:00Z`);
  const options: Intl.DateTimeFormatOptions =
    style === 'long'
      ? { month: 'long', year: 'numeric', timeZone: 'UTC' }
      : { month: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(intlLocale[locale], options).format(date);
}

/** The months of `period` (`YYYY-MM`), up to the current month when it is still going on. */
export function monthsOf(period: string, now: Date): string[] {
  const [year = '', part = ''] = period.split('-');
  const [first, count] = !part
    ? [1, 12]
    : part[0] === 'S'
      ? [Number(part[1]) * 6 - 5, 6]
      : part[0] === 'Q'
        ? [Number(part[1]) * 3 - 2, 3]
        : [Number(part), 1];
  const [thisYear, thisMonth] = jakartaMonth(now);
  const months: string[] = [];
  for (let m = first; m < first + count; m++) {
    if (Number(year) > thisYear || (Number(year) === thisYear && m > thisMonth)) break;
    months.push(`${year}-${String(m).padStart(2, '0')}`);
  }
  return months;
}

/**
 * What the period filter offers: this year and last, their halves and quarters begun so far, and
 * the last twelve months, newest first; `current` is added when it is none of them.
 */
export function periodGroups(
  locale: Locale,
  t: PerformanceMessages,
  now: Date,
  current: string,
): PeriodGroup[] {
  const [year, month] = jakartaMonth(now);
  const name = (value: string) => ({ value, label: periodName(locale, t, value) });
  const begun = (y: number, firstMonth: number) => y < year || firstMonth <= month;
  const parts = (prefix: 'S' | 'Q', size: number) =>
    [year, year - 1].flatMap((y) =>
      Array.from({ length: 12 / size }, (_, i) => 12 / size - i)
        .filter((n) => begun(y, n * size - size + 1))
        .map((n) => name(`${y}-${prefix}${n}`)),
    );
  const months = Array.from({ length: 12 }, (_, i) => {
    const total = year * 12 + (month - 1) - i;
    return name(`${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`);
  });
  const groups = [
    { label: t.year, options: [name(String(year)), name(String(year - 1))] },
    { label: t.semester, options: parts('S', 6) },
    { label: t.quarter, options: parts('Q', 3) },
    { label: t.month, options: months },
  ];
  if (!groups.some((g) => g.options.some((o) => o.value === current))) groups[0]?.options.push(name(current));
  return groups;
}
