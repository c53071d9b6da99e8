import type { Coordinates, Location, OpeningDay } from '@loket/sdk';
import { date, type Locale } from '../i18n';

type Weekday = OpeningDay['day'];
const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** The weekday it is now where the location is (its hours are in its own time zone). */
export function weekdayIn(timeZone: Location['timezone'], now: Date = new Date()): Weekday {
  const name = new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone }).format(now).toLowerCase();
  return WEEKDAYS.find((day) => name.startsWith(day)) ?? 'mon';
}

/** Today's entry of the location's hours, or null when no source gives hours at all. */
export function today(location: Location, now: Date = new Date()): OpeningDay | null {
  const day = weekdayIn(location.timezone, now);
  return location.opening_hours?.days.find((d) => d.day === day) ?? null;
}

/** WIB, WITA or WIT: how Indonesians name the time zone of the hours. */
export function zoneName(timeZone: string): string {
  return timeZone === 'Asia/Makassar' ? 'WITA' : timeZone === 'Asia/Jayapura' ? 'WIT' : 'WIB';
}

/** "07.30–16.00 WIB" in Indonesian, "07:30–16:00 WIB" in English. */
export function hoursText(locale: Locale, day: OpeningDay, timeZone: Location['timezone']): string {
  const time = (t: string | null) => (locale === 'id' ? (t ?? '').replace(':', '.') : (t ?? ''));
  return `${time(day.opens)}–${time(day.closes)} ${zoneName(timeZone)}`;
}

/** A date as precise as the source: "2017", "November 2017" or "17 April 2024". */
export function asOfText(locale: Locale, asOf: string): string {
  const [year, month, dayOfMonth] = asOf.split('-');
  if (!month) return year ?? asOf;
  if (!dayOfMonth) return date(locale, `${asOf}-15`, { month: 'long', year: 'numeric' });
  return date(locale, asOf);
}

/** A tel: link for a number as written in Indonesia ("1500164", "031-123 456"). */
export const telHref = (number: string) => `tel:${number.replace(/[^\d+]/g, '')}`;

/** OpenStreetMap at the location (only ever called with sourced coordinates). */
export const mapHref = ({ lat, lng }: Coordinates) =>
  `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=18/${lat}/${lng}`;
