import { date, type Locale, plural } from '../src/i18n';
import type { DeskMessages } from './messages';

const day = 24 * 60 * 60 * 1000;

/** Today in Jakarta (the due dates' calendar) as YYYY-MM-DD. */
export function jakartaToday(now = new Date()): string {
  return new Date(now.getTime() + 7 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** The last day of this week (Sunday) in Jakarta, for "due this week". */
export function endOfWeek(now = new Date()): string {
  const today = new Date(`${jakartaToday(now)}T00:00:00Z`);
  const untilSunday = (7 - today.getUTCDay()) % 7;
  return new Date(today.getTime() + untilSunday * day).toISOString().slice(0, 10);
}

/** Days from today to `due` (negative: late). */
export const daysLeft = (due: string, now = new Date()) =>
  Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${jakartaToday(now)}T00:00:00Z`)) / day);

/** "23 Maret 2026 · terlambat 3 hari". */
export function dueText(
  locale: Locale,
  t: DeskMessages,
  due: string | null,
  owed: boolean,
  now = new Date(),
) {
  if (!due) return t.due.none;
  const when = date(locale, due, { dateStyle: 'medium' });
  if (!owed) return when;
  const left = daysLeft(due, now);
  const how =
    left < 0
      ? plural(locale, t.due.late, -left)
      : left === 0
        ? t.due.today
        : plural(locale, t.due.left, left);
  return `${when} · ${how}`;
}
