// Local time at a location without a time-zone database: Indonesia's four zones keep one offset
// all year (no daylight saving), so a date and a wall-clock time map to one instant.

export type Zone = 'Asia/Jakarta' | 'Asia/Pontianak' | 'Asia/Makassar' | 'Asia/Jayapura';

const offsetHours: Record<Zone, number> = {
  'Asia/Jakarta': 7,
  'Asia/Pontianak': 7,
  'Asia/Makassar': 8,
  'Asia/Jayapura': 9,
};

/** The date (YYYY-MM-DD) at the location at `instant`. */
export function localDate(instant: Date, zone: Zone): string {
  return new Date(instant.getTime() + offsetHours[zone] * 3_600_000).toISOString().slice(0, 10);
}

/** The instant of a local date and time (HH:MM) at the location. */
export function instantOf(date: string, time: string, zone: Zone): Date {
  const [h = 0, m = 0] = time.split(':').map(Number);
  const [y = 0, mo = 1, d = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(y, mo - 1, d, h - offsetHours[zone], m));
}

/** `date` plus `days` (may be negative). */
export function plusDays(date: string, days: number): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b`. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

export const weekdayOf = (date: string): WeekdayKey =>
  WEEKDAY_KEYS[new Date(`${date}T00:00:00Z`).getUTCDay()] as WeekdayKey;

const minutes = (time: string) => {
  const [h = 0, m = 0] = time.split(':').map(Number);
  return h * 60 + m;
};
const hhmm = (total: number) =>
  `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;

/** The slots of a day open `opens`–`closes` ("HH:MM-HH:MM"), each `length` minutes, the last ending by closing. */
export function slotTimes(hours: string, length: number): { time: string; end: string }[] {
  const [opens = '00:00', closes = '00:00'] = hours.split('-');
  const slots: { time: string; end: string }[] = [];
  for (let start = minutes(opens); start + length <= minutes(closes); start += length) {
    slots.push({ time: hhmm(start), end: hhmm(start + length) });
  }
  return slots;
}

/** The wall-clock time (HH:MM) at the location at `instant`. */
export function localTime(instant: Date, zone: Zone): string {
  return new Date(instant.getTime() + offsetHours[zone] * 3_600_000).toISOString().slice(11, 16);
}
