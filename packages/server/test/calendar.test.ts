import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays, dueDate, jakartaDate } from '../src/applications/calendar.js';
import { checkHolidaysFile, run } from '../src/cli/calendar.js';
import type { Db } from '../src/db/index.js';
import { createTestDb } from './helpers/db.js';

// Every expected date below was worked out by hand from data/catalogue/holidays.json (2025,
// 2026 and 2027 official, 2028 absent) and a calendar; a provisional year comes from an import below.
let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db?.close());

/** An instant at a time of day in Jakarta (WIB, UTC+7). */
const wib = (date: string, time = '10:00') => new Date(`${date}T${time}:00+07:00`);

describe('dueDate', () => {
  it('skips Nyepi, Idul Fitri and their cuti bersama in March 2026', async () => {
    // Day 0 Fri 13 Mar; Sat 14, Sun 15 weekend; Mon 16 (1), Tue 17 (2); Wed 18 cuti bersama Nyepi,
    // Thu 19 Nyepi, Fri 20 cuti bersama Idul Fitri, Sat 21 + Sun 22 Idul Fitri, Mon 23 + Tue 24
    // cuti bersama; Wed 25 (3).
    expect(await dueDate(db, wib('2026-03-13'), 3)).toEqual({
      date: '2026-03-25',
      working_days: 3,
      calendar: 'official',
    });
    expect(await dueDate(db, wib('2026-03-13'), 2)).toEqual({
      date: '2026-03-17',
      working_days: 2,
      calendar: 'official',
    });
    // Thu 26 (4), Fri 27 (5), Mon 30 (6), Tue 31 (7), Wed 1 Apr (8), Thu 2 Apr (9); Fri 3 Apr Good
    // Friday; Mon 6 Apr (10).
    expect((await dueDate(db, wib('2026-03-13'), 10)).date).toBe('2026-04-06');
  });

  it('counts from the calendar day in Jakarta, not in UTC', async () => {
    // 23:59 on Thursday 12 March in Jakarta (16:59 UTC): day 0 is Thursday, 1 day is Friday 13.
    expect((await dueDate(db, new Date('2026-03-12T16:59:00Z'), 1)).date).toBe('2026-03-13');
    // 00:00 on Friday 13 March in Jakarta (17:00 UTC the day before): 1 day is Monday 16.
    expect((await dueDate(db, new Date('2026-03-12T17:00:00Z'), 1)).date).toBe('2026-03-16');
    expect(jakartaDate(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });

  it('does not count the submission day, even on a holiday; 0 days is the same working day', async () => {
    // Submitted on Fri 28 Mar 2025 (cuti bersama Nyepi): Sat 29 Nyepi, Sun 30, Mon 31 + Tue 1 Apr
    // Idul Fitri, Wed 2 – Fri 4 and Mon 7 cuti bersama, Sat 5 + Sun 6 weekend: Tue 8 Apr (1).
    expect(await dueDate(db, wib('2025-03-28'), 1)).toEqual({
      date: '2025-04-08',
      working_days: 1,
      calendar: 'official',
    });
    expect((await dueDate(db, wib('2026-03-13'), 0)).date).toBe('2026-03-13');
    expect((await dueDate(db, wib('2026-03-14'), 0)).date).toBe('2026-03-16');
    // Wed 18 Mar 2026 is cuti bersama; the next working day is Wed 25.
    expect(await dueDate(db, wib('2026-03-18'), 0)).toEqual({
      date: '2026-03-25',
      working_days: 0,
      calendar: 'official',
    });
  });

  it('stays official across 2025 → 2026, both decreed', async () => {
    // Wed 24 Dec 2025; Thu 25 Christmas, Fri 26 cuti bersama, weekend; Mon 29 (1), Tue 30 (2),
    // Wed 31 (3); Thu 1 Jan 2026 New Year; Fri 2 Jan (4).
    expect(await dueDate(db, wib('2025-12-24'), 3)).toEqual({
      date: '2025-12-31',
      working_days: 3,
      calendar: 'official',
    });
    expect(await dueDate(db, wib('2025-12-24'), 4)).toEqual({
      date: '2026-01-02',
      working_days: 4,
      calendar: 'official',
    });
  });

  it('stays official into 2027, decreed by the SKB of 15 September 2026', async () => {
    // Wed 23 Dec 2026; Thu 24 cuti bersama, Fri 25 Christmas, weekend; Mon 28 (1) … Thu 31 (4):
    // still all 2026.
    expect(await dueDate(db, wib('2026-12-23'), 4)).toEqual({
      date: '2026-12-31',
      working_days: 4,
      calendar: 'official',
    });
    // Fri 1 Jan 2027 New Year, weekend; Mon 4 Jan 2027 (5).
    expect(await dueDate(db, wib('2026-12-23'), 5)).toEqual({
      date: '2027-01-04',
      working_days: 5,
      calendar: 'official',
    });
    // A moveable holiday of 2027 is skipped too: Tue 5 Jan Isra Mikraj; Wed 6 Jan (6).
    expect((await dueDate(db, wib('2026-12-23'), 6)).date).toBe('2027-01-06');
    // Fri 5 Mar 2027; Mon 8 Nyepi, Tue 9 cuti bersama, Wed 10 + Thu 11 Idulfitri, Fri 12 and
    // Mon 15 cuti bersama; Tue 16 Mar (1).
    expect(await dueDate(db, wib('2027-03-05'), 1)).toEqual({
      date: '2027-03-16',
      working_days: 1,
      calendar: 'official',
    });
    // Mon 16 Aug 2027; Tue 17 Independence Day; Wed 18 (1).
    expect((await dueDate(db, wib('2027-08-16'), 1)).date).toBe('2027-08-18');
  });

  it('is an estimate past every known calendar, skipping weekends only', async () => {
    // Mon 27 Dec 2027: Tue 28 (1), Wed 29 (2), Thu 30 (3), Fri 31 (4), weekend, Mon 3 Jan 2028 (5).
    expect(await dueDate(db, wib('2027-12-27'), 5)).toEqual({
      date: '2028-01-03',
      working_days: 5,
      calendar: 'estimate',
    });
    // Wed 1 Mar 2028: Thu 2 (1), Fri 3 (2), Mon 6 (3) … Fri 10 (7), Mon 13 (8), Tue 14 (9), Wed 15 (10).
    expect(await dueDate(db, wib('2028-03-01'), 10)).toEqual({
      date: '2028-03-15',
      working_days: 10,
      calendar: 'estimate',
    });
    // Before the first calendar too: Mon 30 Dec 2024, Tue 31 Dec 2024 (1) is in no calendar.
    expect(await dueDate(db, wib('2024-12-30'), 2)).toEqual({
      date: '2025-01-02',
      working_days: 2,
      calendar: 'estimate',
    });
    // Day 0 itself is not counted: from Tue 31 Dec 2024, Wed 1 Jan 2025 New Year, Thu 2 Jan (1).
    expect(await dueDate(db, wib('2024-12-31'), 1)).toEqual({
      date: '2025-01-02',
      working_days: 1,
      calendar: 'official',
    });
  });

  it('has no date when the duration is unknown', async () => {
    expect(await dueDate(db, wib('2026-03-13'), null)).toEqual({
      date: null,
      working_days: null,
      calendar: 'none',
    });
  });

  it('adds calendar days across months and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('calendar import and show', () => {
  let dir: string;
  const logs: string[] = [];
  const errors: string[] = [];
  const tools = { withDb: <T>(fn: (d: Db) => Promise<T>) => fn(db) };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'loket-calendar-'));
    vi.spyOn(console, 'log').mockImplementation((m: string) => void logs.push(m));
    vi.spyOn(console, 'error').mockImplementation((m: string) => void errors.push(m));
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  const file = async (name: string, content: unknown) => {
    const path = join(dir, name);
    await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };

  it('explains every problem of a bad file and imports nothing', async () => {
    const checked = checkHolidaysFile({
      years: {
        '2028': {
          status: 'decreed',
          days: [
            { date: '2028-02-30', kind: 'libur_nasional', name: { id: 'X', en: 'X' } },
            { date: '2029-01-01', kind: 'libur', name: { id: 'Y' } },
            { date: null, kind: 'cuti_bersama', name: { id: 'Z', en: 'Z' } },
          ],
        },
        abc: { status: 'official', days: [] },
      },
    });
    expect('errors' in checked && checked.errors).toEqual([
      'years/2028/status: must be "official" (decreed) or "provisional", got "decreed"',
      'years/2028/days/0/date: must be a real date YYYY-MM-DD (or null when not known yet), got "2028-02-30"',
      'years/2028/days/1/date: 2029-01-01 is not in 2028',
      'years/2028/days/1/kind: must be "libur_nasional" or "cuti_bersama", got "libur"',
      'years/2028/days/1/name: must be { "id": "…", "en": "…" } with both names',
      'years/abc: the key must be a year such as 2026',
    ]);
    expect('errors' in checkHolidaysFile([])).toBe(true);
    expect('errors' in checkHolidaysFile({ years: {} })).toBe(true);

    expect(await run(['import', await file('bad.json', '{"years": ')], tools)).toBe(1);
    expect(errors.at(-1)).toMatch(/is not valid JSON/);
    expect(
      await run(
        ['import', await file('wrong.json', { years: { '2028': { status: 'x', days: [] } } })],
        tools,
      ),
    ).toBe(1);
    expect(errors.at(-1)).toMatch(/^nothing imported: 1 problem/);
    expect(await run(['import', join(dir, 'missing.json')], tools)).toBe(1);
    const [year] = await db.query('select 1 from holiday_year where year = 2028');
    expect(year).toBeUndefined();
  });

  it('replaces the years in the file in one go and changes due dates', async () => {
    // 2027 decreed (an invented calendar for the test), 2028 added; 2026 untouched.
    const path = await file('2027.json', {
      years: {
        '2027': {
          status: 'official',
          days: [
            { date: '2027-01-01', kind: 'libur_nasional', name: { id: 'Tahun Baru', en: "New Year's Day" } },
            { date: '2027-01-04', kind: 'cuti_bersama', name: { id: 'Cuti bersama uji', en: 'Test leave' } },
          ],
        },
        '2028': {
          status: 'provisional',
          days: [
            { date: '2028-01-03', kind: 'libur_nasional', name: { id: 'Uji', en: 'Test' } },
            { date: null, kind: 'libur_nasional', name: { id: 'Idul Fitri', en: 'Eid al-Fitr' } },
          ],
        },
      },
    });
    expect(await run(['import', path], tools)).toBe(0);
    expect(logs.at(-1)).toBe(
      'imported the calendar of 2027 (official, 2 day(s)), 2028 (provisional, 1 day(s), 1 without a date skipped)',
    );
    // From Wed 23 Dec 2026: Mon 28 (1) … Thu 31 (4), Fri 1 Jan holiday, Mon 4 Jan now cuti bersama, Tue 5 Jan (5).
    expect(await dueDate(db, wib('2026-12-23'), 5)).toEqual({
      date: '2027-01-05',
      working_days: 5,
      calendar: 'official',
    });
    // 2027's old fixed holidays were replaced: 17 August 2027 is now a working day.
    expect((await dueDate(db, wib('2027-08-16'), 1)).date).toBe('2027-08-17');
    // 2026 is as it was.
    expect((await dueDate(db, wib('2026-03-13'), 3)).date).toBe('2026-03-25');
    // From Mon 27 Dec 2027: … Fri 31 (4), Mon 3 Jan 2028 a holiday now, Tue 4 Jan (5); provisional.
    expect(await dueDate(db, wib('2027-12-27'), 5)).toEqual({
      date: '2028-01-04',
      working_days: 5,
      calendar: 'provisional',
    });

    expect(await run(['show', '2027'], tools)).toBe(0);
    expect(logs.slice(-3)).toEqual([
      '2027: official, 2 holiday(s)',
      "2027-01-01\tlibur_nasional\tTahun Baru / New Year's Day",
      '2027-01-04\tcuti_bersama\tCuti bersama uji / Test leave',
    ]);
    expect(await run(['show', '2031'], tools)).toBe(1);
    expect(errors.at(-1)).toMatch(/^no calendar for 2031/);
    expect(await run(['show'], tools)).toBe(1);
    expect(await run(['frobnicate'], tools)).toBe(1);
  });
});
