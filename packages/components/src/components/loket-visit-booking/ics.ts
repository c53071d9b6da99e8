/**
 * An "add to calendar" file (RFC 5545) for a visit, written in the browser: one event in the
 * location's own time zone (WIB, WITA or WIT, none of which has daylight saving time), so a phone
 * set to another zone still shows 09.30 in Surabaya as 09.30 there.
 */

/** The zones of Indonesian locations and their fixed UTC offsets. */
const OFFSETS = {
  'Asia/Jakarta': ['+0700', 'WIB'],
  'Asia/Pontianak': ['+0700', 'WIB'],
  'Asia/Makassar': ['+0800', 'WITA'],
  'Asia/Jayapura': ['+0900', 'WIT'],
} as const;

export type VisitZone = keyof typeof OFFSETS;

export interface VisitEvent {
  /** Unique and stable for the booking (a reschedule keeps it, so calendars update the event). */
  uid: string;
  /** Instants (ISO 8601 with an offset, as the API writes them). */
  start: string;
  end: string;
  timeZone: VisitZone;
  summary: string;
  location: string;
  description: string;
  /** Bumped on every reschedule so calendars take the new time. */
  sequence?: number;
  url?: string;
}

/** `20260112T093000`: the instant's wall-clock time in `zone`. */
export function localStamp(instant: string, zone: VisitZone): string {
  const offset = OFFSETS[zone][0];
  const shift =
    (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3)));
  const local = new Date(Date.parse(instant) + shift * 60_000);
  return utcStamp(local).slice(0, 15);
}

/** `20260112T023000Z`. */
const utcStamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** Text escaped as RFC 5545 §3.3.11 asks. */
const text = (value: string) =>
  value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Lines longer than 75 octets folded (§3.1), never inside a UTF-8 character. */
export function fold(line: string): string {
  const bytes = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const n = bytes.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (size + n > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** The whole `.ics` file, CRLF line ends. */
export function visitCalendar(event: VisitEvent, now: Date = new Date()): string {
  const [offset, name] = OFFSETS[event.timeZone];
  const zone = event.timeZone;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Loket//Kunjungan MPP//ID',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VTIMEZONE',
    `TZID:${zone}`,
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    `TZOFFSETFROM:${offset}`,
    `TZOFFSETTO:${offset}`,
    `TZNAME:${name}`,
    'END:STANDARD',
    'END:VTIMEZONE',
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${utcStamp(now)}`,
    `SEQUENCE:${event.sequence ?? 0}`,
    `DTSTART;TZID=${zone}:${localStamp(event.start, zone)}`,
    `DTEND;TZID=${zone}:${localStamp(event.end, zone)}`,
    `SUMMARY:${text(event.summary)}`,
    `LOCATION:${text(event.location)}`,
    `DESCRIPTION:${text(event.description)}`,
    ...(event.url ? [`URL:${event.url}`] : []),
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'TRIGGER:-PT1H',
    `DESCRIPTION:${text(event.summary)}`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** A `data:` URL is refused by some CSPs; an object URL of a Blob works under `blob:` or none. */
export function calendarHref(event: VisitEvent): string {
  return URL.createObjectURL(new Blob([visitCalendar(event)], { type: 'text/calendar;charset=utf-8' }));
}
