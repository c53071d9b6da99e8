import { date, type Locale } from '../i18n';
import { zoneName } from './location-format';

type Zone = 'Asia/Jakarta' | 'Asia/Pontianak' | 'Asia/Makassar' | 'Asia/Jayapura';

/** "09.30" in Indonesian, "09:30" in English (a local `HH:MM` from the API). */
export const clockText = (locale: Locale, hhmm: string) => (locale === 'id' ? hhmm.replace(':', '.') : hhmm);

/** "Selasa, 12 Januari 2027, 09.30 WIB": a visit's local day and time, as the location keeps them. */
export function visitWhen(locale: Locale, day: string, hhmm: string, timeZone: string): string {
  const dayText = date(locale, day, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  return `${dayText}, ${clockText(locale, hhmm)} ${zoneName(timeZone as Zone)}`;
}
