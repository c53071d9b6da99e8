import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { fold, localStamp, type VisitEvent, visitCalendar } from './ics';

const visit: VisitEvent = {
  uid: 'KNJ-7Q4M-2WXD@loket',
  start: '2026-01-12T02:30:00Z',
  end: '2026-01-12T02:45:00+00:00',
  timeZone: 'Asia/Jakarta',
  summary: 'Perekaman KTP-el, loket Dukcapil',
  location: 'Mal Pelayanan Publik Siola, Jl. Tunjungan; Genteng\\Surabaya',
  description:
    'Nomor antrean A-012.\nBawa: Kartu Keluarga (asli), surat pengantar RT/RW, pas foto 3×4 berlatar merah — dan semua yang tertulis di daftar persyaratan layanan ini.',
};

/** What a calendar application reads from the file (ical.js, Mozilla's RFC 5545 parser). */
function parsed(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const zone = calendar.getFirstSubcomponent('vtimezone');
  if (zone) ICAL.TimezoneService.register(zone);
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent') ?? undefined);
  return { calendar, event };
}

describe('visitCalendar', () => {
  it('is an event at the visit’s wall-clock time in Asia/Jakarta, at the right instant', () => {
    const { event } = parsed(visitCalendar(visit, new Date('2026-01-05T00:00:00Z')));
    expect(event.startDate.toString()).toBe('2026-01-12T09:30:00');
    expect(event.startDate.zone?.tzid).toBe('Asia/Jakarta');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-01-12T02:30:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-01-12T02:45:00.000Z');
    expect(event.uid).toBe(visit.uid);
  });

  it('links to the booking page with the code alone, as the visit e-mails do', () => {
    const url = 'https://layanan.example.go.id/antrean.html#kode=ANT-7K4M-Q2XP';
    const { calendar } = parsed(visitCalendar({ ...visit, url }));
    expect(calendar.getFirstSubcomponent('vevent')?.getFirstPropertyValue('url')).toBe(url);
  });

  it('keeps commas, semicolons, backslashes, new lines and non-ASCII text through folding', () => {
    const ics = visitCalendar(visit);
    const { event } = parsed(ics);
    expect(event.summary).toBe(visit.summary);
    expect(event.location).toBe(visit.location);
    expect(event.description).toBe(visit.description);
    for (const line of ics.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it('writes WITA and WIT locations in their own zone', () => {
    const { event } = parsed(visitCalendar({ ...visit, timeZone: 'Asia/Makassar' }));
    expect(event.startDate.toString()).toBe('2026-01-12T10:30:00');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-01-12T02:30:00.000Z');
    expect(localStamp('2026-01-12T02:30:00Z', 'Asia/Jayapura')).toBe('20260112T113000');
  });

  it('ends every line with CRLF and reminds an hour before', () => {
    const ics = visitCalendar(visit);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const alarm = parsed(ics).event.component.getFirstSubcomponent('valarm');
    expect(alarm?.getFirstPropertyValue('trigger')?.toString()).toBe('-PT1H');
  });
});

describe('fold', () => {
  it('never splits a multi-byte character', () => {
    const folded = fold(`DESCRIPTION:${'é'.repeat(80)}`);
    expect(folded.split('\r\n ').join('')).toBe(`DESCRIPTION:${'é'.repeat(80)}`);
  });
});
