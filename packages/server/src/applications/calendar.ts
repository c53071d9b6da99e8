import type { Queryable } from '../db/index.js';

/**
 * Working-day arithmetic for service deadlines (SLA), in Asia/Jakarta (WIB, UTC+7 all year, no
 * daylight saving).
 *
 * The rule:
 * - Day 0 is the calendar date in Jakarta on which the application was (re)submitted, whatever the
 *   time of day and whether or not it is a working day.
 * - A duration of N > 0 working days is due on the N-th working day *after* day 0 (the submission
 *   day itself never counts: an application sent on Friday afternoon with 1 working day is due on
 *   the next working day, Monday).
 * - A duration of 0 ("the same day") is due on day 0 if it is a working day, otherwise on the next
 *   working day.
 * - Non-working days: Saturdays, Sundays and every row of `holiday` — libur nasional and cuti
 *   bersama alike (government offices, MPP counters included, are closed on cuti bersama; see
 *   cuti_bersama_rules in data/catalogue/holidays.json).
 *
 * `calendar` tells how sure the date is, looking at every day counted (from the day after day 0,
 * or day 0 itself for a same-day service, to the due date):
 * `official` when all of them lie in years whose holiday calendar is decreed, `provisional` when
 * some lie in a year whose calendar is provisional (moveable holidays and cuti bersama may be
 * missing), `estimate` when some lie in a year with no calendar at all (only weekends skipped
 * there), and `none` with a null date when the duration is unknown.
 */
export type CalendarQuality = 'official' | 'provisional' | 'estimate' | 'none';

export interface Due {
  /** `YYYY-MM-DD` (Jakarta), or null when the duration is unknown. */
  date: string | null;
  working_days: number | null;
  calendar: CalendarQuality;
}

const dayMs = 86_400_000;
const wibOffsetMs = 7 * 3_600_000;

/** The calendar date in Asia/Jakarta of an instant, as `YYYY-MM-DD`. */
export function jakartaDate(instant: Date): string {
  return new Date(instant.getTime() + wibOffsetMs).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** What the counting needs of the stored calendar. */
export interface HolidayCalendar {
  /** Holiday dates (`YYYY-MM-DD`): libur nasional and cuti bersama. */
  holidays: ReadonlySet<string>;
  /** Status per year that has a calendar; years absent are unknown. */
  years: ReadonlyMap<number, 'official' | 'provisional'>;
}

/** The stored holidays from `from` (`YYYY-MM-DD`) on, and every year's calendar status. */
export async function loadCalendar(db: Queryable, from: string): Promise<HolidayCalendar> {
  const days = await db.query<{ date: string }>(
    'select date::text as date from holiday where date >= $1::date order by date',
    [from],
  );
  const years = await db.query<{ year: number; status: 'official' | 'provisional' }>(
    'select year, status from holiday_year',
  );
  return {
    holidays: new Set(days.map((d) => d.date)),
    years: new Map(years.map((y) => [Number(y.year), y.status])),
  };
}

export function isWorkingDay(calendar: HolidayCalendar, date: string): boolean {
  const day = weekday(date);
  return day !== 0 && day !== 6 && !calendar.holidays.has(date);
}

/** The due date of `workingDays` from the Jakarta date `start` (day 0), on a loaded calendar. */
export function countWorkingDays(calendar: HolidayCalendar, start: string, workingDays: number | null): Due {
  if (workingDays === null || !Number.isInteger(workingDays) || workingDays < 0) {
    return { date: null, working_days: null, calendar: 'none' };
  }
  let date = start;
  let counted = 0;
  if (workingDays === 0) {
    while (!isWorkingDay(calendar, date)) date = addDays(date, 1);
  } else {
    while (counted < workingDays) {
      date = addDays(date, 1);
      if (isWorkingDay(calendar, date)) counted++;
    }
  }
  let quality: CalendarQuality = 'official';
  // The days counted: from the day after day 0 (from day 0 itself for a same-day service).
  const first = Number((workingDays === 0 ? start : addDays(start, 1)).slice(0, 4));
  const last = Number(date.slice(0, 4));
  for (let year = first; year <= last; year++) {
    const status = calendar.years.get(year);
    if (status === undefined) {
      quality = 'estimate';
      break;
    }
    if (status === 'provisional') quality = 'provisional';
  }
  return { date, working_days: workingDays, calendar: quality };
}

/** When something of `workingDays` working days submitted at `from` is due (see the rule above). */
export async function dueDate(db: Queryable, from: Date, workingDays: number | null): Promise<Due> {
  const start = jakartaDate(from);
  if (workingDays === null) return { date: null, working_days: null, calendar: 'none' };
  return countWorkingDays(await loadCalendar(db, start), start, workingDays);
}
