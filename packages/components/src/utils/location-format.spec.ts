import type { Location, OpeningDay } from '@loket/sdk';
import { describe, expect, it } from 'vitest';
import { asOfText, hoursText, mapHref, telHref, today, weekdayIn, zoneName } from './location-format';

const days = (statuses: Partial<Record<OpeningDay['day'], [string, string] | 'closed'>>): OpeningDay[] =>
  (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => {
    const value = statuses[day];
    if (value === undefined) return { day, status: 'unknown', opens: null, closes: null };
    if (value === 'closed') return { day, status: 'closed', opens: null, closes: null };
    return { day, status: 'open', opens: value[0], closes: value[1] };
  });

const location = (changes: Partial<Location>): Location => ({
  id: 'uji',
  kind: 'mpp',
  name: 'MPP Uji',
  region_code: '75.71',
  address: null,
  timezone: 'Asia/Jakarta',
  opening_hours: null,
  phone: null,
  coordinates: null,
  tenants: [],
  opened: null,
  confidence: 'low',
  sources: [],
  notes: null,
  ...changes,
});

describe('today', () => {
  // Monday 2026-12-07 00:30 in Jakarta is still Sunday 2026-12-06 17:30 UTC.
  const mondayInJakarta = new Date('2026-12-06T17:30:00Z');

  it('reads the weekday where the location is, not where the browser is', () => {
    expect(weekdayIn('Asia/Jakarta', mondayInJakarta)).toBe('mon');
    expect(weekdayIn('Asia/Jayapura', new Date('2026-12-06T15:30:00Z'))).toBe('mon');
    expect(weekdayIn('Asia/Jakarta', new Date('2026-12-06T15:30:00Z'))).toBe('sun');
  });

  it('gives today’s entry, unknown days included, and null without any hours', () => {
    const hours = {
      days: days({ mon: ['07:30', '16:00'], sun: 'closed' }),
      as_of: '2017-11',
      sources: ['x'],
      confidence: 'low' as const,
      days_stated: true,
      note: null,
    };
    expect(today(location({ opening_hours: hours }), mondayInJakarta)).toMatchObject({
      status: 'open',
      opens: '07:30',
    });
    const tuesday = new Date('2026-12-08T03:00:00Z');
    expect(today(location({ opening_hours: hours }), tuesday)?.status).toBe('unknown');
    expect(today(location({}), tuesday)).toBeNull();
  });
});

describe('formats', () => {
  it('writes times the Indonesian way and names the zone', () => {
    const day: OpeningDay = { day: 'mon', status: 'open', opens: '07:30', closes: '16:00' };
    expect(hoursText('id', day, 'Asia/Jakarta')).toBe('07.30–16.00 WIB');
    expect(hoursText('en', day, 'Asia/Makassar')).toBe('07:30–16:00 WITA');
    expect(zoneName('Asia/Pontianak')).toBe('WIB');
    expect(zoneName('Asia/Jayapura')).toBe('WIT');
  });

  it('says a date as precisely as its source', () => {
    expect(asOfText('id', '2017')).toBe('2017');
    expect(asOfText('id', '2017-11')).toBe('November 2017');
    expect(asOfText('en', '2024-04-17')).toBe('17 April 2024');
  });

  it('links a phone number and a map position', () => {
    expect(telHref('021-1500 164')).toBe('tel:0211500164');
    expect(mapHref({ lat: -6.2, lng: 106.83, sources: [] })).toBe(
      'https://www.openstreetmap.org/?mlat=-6.2&mlon=106.83#map=18/-6.2/106.83',
    );
  });
});
