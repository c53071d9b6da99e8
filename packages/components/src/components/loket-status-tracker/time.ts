import { date, type Locale } from '../../i18n';

/** Times are shown in Jakarta time with its zone ("14.05 WIB"), wherever the reader is. */
export const JAKARTA: Intl.DateTimeFormatOptions = {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Asia/Jakarta',
  timeZoneName: 'short',
};
export const timeOfDay = (locale: Locale, at: Date) => date(locale, at, JAKARTA);
