import { readFile } from 'node:fs/promises';
import type { Queryable } from '../db/index.js';

/** The layout of data/catalogue/holidays.json (national holidays and cuti bersama per year). */
export interface HolidaysFile {
  years: Record<
    string,
    {
      status: 'official' | 'provisional';
      source?: unknown;
      days: {
        date: string | null;
        kind: 'libur_nasional' | 'cuti_bersama';
        name: { id: string; en: string };
      }[];
    }
  >;
}

export async function readHolidaysFile(path: string | URL): Promise<HolidaysFile> {
  return JSON.parse(await readFile(path, 'utf8')) as HolidaysFile;
}

export const bundledHolidays = new URL('../../data/catalogue/holidays.json', import.meta.url);

/** Replaces the calendar of every year in the file (days with an unknown date are skipped). */
export async function importHolidays(tx: Queryable, file: HolidaysFile): Promise<number> {
  let days = 0;
  for (const [year, entry] of Object.entries(file.years)) {
    const source = typeof entry.source === 'string' ? entry.source : JSON.stringify(entry.source ?? null);
    await tx.query(
      `insert into holiday_year (year, status, source) values ($1, $2, $3)
       on conflict (year) do update set status = excluded.status, source = excluded.source`,
      [Number(year), entry.status, source],
    );
    await tx.query("delete from holiday where to_char(date, 'YYYY') = $1", [year]);
    for (const day of entry.days) {
      if (!day.date) continue;
      await tx.query(
        `insert into holiday (date, kind, name_id, name_en) values ($1::date, $2, $3, $4)
         on conflict (date) do update set kind = case when holiday.kind = 'libur_nasional' then holiday.kind
           else excluded.kind end, name_id = holiday.name_id || ' / ' || excluded.name_id,
           name_en = holiday.name_en || ' / ' || excluded.name_en`,
        [day.date, day.kind, day.name.id, day.name.en],
      );
      days++;
    }
  }
  return days;
}
