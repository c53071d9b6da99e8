/**
 * The day picker's model: a month as weeks of dates (Monday first, as Indonesian calendars are
 * printed), and where the arrow keys move (the ARIA APG date picker's grid). Dates are
 * `YYYY-MM-DD` strings, calendar days with no time or zone, computed in UTC so that the
 * browser's own zone never shifts a day.
 */

export type IsoDate = string;

const toDate = (iso: IsoDate) => new Date(`${iso}T00:00:00Z`);
const toIso = (d: Date): IsoDate => d.toISOString().slice(0, 10);

export function addDays(iso: IsoDate, n: number): IsoDate {
  const d = toDate(iso);
  d.setUTCDate(d.getUTCDate() + n);
  return toIso(d);
}

/** The same day `n` months later, or the month's last day when it has fewer (31 Jan + 1 → 28 Feb). */
export function addMonths(iso: IsoDate, n: number): IsoDate {
  const d = toDate(iso);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + n);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return toIso(d);
}

/** `YYYY-MM-01` of the month of `iso`. */
export const monthOf = (iso: IsoDate): IsoDate => `${iso.slice(0, 7)}-01`;

/** 0 = Monday … 6 = Sunday. */
export const weekdayIndex = (iso: IsoDate) => (toDate(iso).getUTCDay() + 6) % 7;

/** The month of `iso` as full weeks, Monday to Sunday; days of the months around it are `null`. */
export function monthWeeks(iso: IsoDate): (IsoDate | null)[][] {
  const first = monthOf(iso);
  const days: (IsoDate | null)[] = Array(weekdayIndex(first)).fill(null);
  for (let day = first; day.slice(0, 7) === first.slice(0, 7); day = addDays(day, 1)) days.push(day);
  while (days.length % 7) days.push(null);
  const weeks: (IsoDate | null)[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
  return weeks;
}

/** Where a key moves the focused day in the grid (APG), or null for a key the grid leaves alone. */
export function moveFocus(iso: IsoDate, key: string, shift = false): IsoDate | null {
  switch (key) {
    case 'ArrowLeft':
      return addDays(iso, -1);
    case 'ArrowRight':
      return addDays(iso, 1);
    case 'ArrowUp':
      return addDays(iso, -7);
    case 'ArrowDown':
      return addDays(iso, 7);
    case 'Home':
      return addDays(iso, -weekdayIndex(iso));
    case 'End':
      return addDays(iso, 6 - weekdayIndex(iso));
    case 'PageUp':
      return addMonths(iso, shift ? -12 : -1);
    case 'PageDown':
      return addMonths(iso, shift ? 12 : 1);
    default:
      return null;
  }
}

/** `date` kept within `[min, max]`. */
export const clampDate = (date: IsoDate, min: IsoDate, max: IsoDate) =>
  date < min ? min : date > max ? max : date;

/** Today in `timeZone` (a booking day is the location's day, not the phone's). */
export function todayIn(timeZone: string, now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
