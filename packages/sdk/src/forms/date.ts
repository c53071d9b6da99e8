// Calendar dates as `YYYY-MM-DD` strings: no Date parsing, no time zones.

const ymd = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in a month of the proleptic Gregorian calendar (`month` 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether `value` is `YYYY-MM-DD` and a real calendar date (no 30 February). */
export function isCalendarDate(value: string): boolean {
  const match = ymd.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Today in Asia/Jakarta (WIB, UTC+7 all year, no daylight saving) as `YYYY-MM-DD`. */
export function todayInJakarta(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** `today` as given (checked), or today in Jakarta. */
export function resolveToday(today: string | undefined): string {
  if (today === undefined) return todayInJakarta();
  if (!isCalendarDate(today))
    throw new RangeError(`today must be a YYYY-MM-DD date, got ${JSON.stringify(today)}`);
  return today;
}
