import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { type HolidaysFile, importHolidays } from '../applications/holidays.js';
import type { CommandTools } from '../cli.js';

const usage = `loket-server calendar <command>

The holiday calendar used to count working days for due dates (weekends, libur nasional and
cuti bersama are skipped).

Commands:
  import FILE   check FILE (the layout of data/catalogue/holidays.json), then replace the calendar
                of every year in it, all or nothing; years not in FILE are kept
  show YEAR     print a year's status and its holidays, one "DATE<TAB>KIND<TAB>NAME" per line

Exit status: 0 on success, 1 on any error (the message is on stderr).`;

const kinds = new Set(['libur_nasional', 'cuti_bersama']);
const statuses = new Set(['official', 'provisional']);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

const nonEmpty = (v: unknown) => typeof v === 'string' && v.trim() !== '';

/**
 * Checks a parsed holidays file. Every problem is reported with where it is (`years/2026/days/3/date`)
 * and what is expected, so one run shows everything to fix.
 */
export function checkHolidaysFile(json: unknown): { file: HolidaysFile } | { errors: string[] } {
  const errors: string[] = [];
  if (!isObject(json)) return { errors: ['the file must hold a JSON object with a "years" key'] };
  const years = json.years;
  if (!isObject(years)) return { errors: ['years: must be an object keyed by year, e.g. { "2026": { … } }'] };
  if (Object.keys(years).length === 0) errors.push('years: has no year');
  for (const [year, entry] of Object.entries(years)) {
    const at = `years/${year}`;
    if (!/^\d{4}$/.test(year) || Number(year) < 1900 || Number(year) > 2200) {
      errors.push(`${at}: the key must be a year such as 2026`);
      continue;
    }
    if (!isObject(entry)) {
      errors.push(`${at}: must be an object with "status" and "days"`);
      continue;
    }
    if (typeof entry.status !== 'string' || !statuses.has(entry.status)) {
      errors.push(
        `${at}/status: must be "official" (decreed) or "provisional", got ${JSON.stringify(entry.status)}`,
      );
    }
    if (!Array.isArray(entry.days)) {
      errors.push(`${at}/days: must be a list of holidays`);
      continue;
    }
    entry.days.forEach((day: unknown, i: number) => {
      const where = `${at}/days/${i}`;
      if (!isObject(day)) {
        errors.push(`${where}: must be an object with "date", "kind" and "name"`);
        return;
      }
      if (day.date !== null) {
        if (typeof day.date !== 'string' || !isRealDate(day.date)) {
          errors.push(
            `${where}/date: must be a real date YYYY-MM-DD (or null when not known yet), got ${JSON.stringify(day.date)}`,
          );
        } else if (day.date.slice(0, 4) !== year) {
          errors.push(`${where}/date: ${day.date} is not in ${year}`);
        }
      }
      if (typeof day.kind !== 'string' || !kinds.has(day.kind)) {
        errors.push(
          `${where}/kind: must be "libur_nasional" or "cuti_bersama", got ${JSON.stringify(day.kind)}`,
        );
      }
      if (!isObject(day.name) || !nonEmpty(day.name.id) || !nonEmpty(day.name.en)) {
        errors.push(`${where}/name: must be { "id": "…", "en": "…" } with both names`);
      }
    });
  }
  return errors.length ? { errors } : { file: json as unknown as HolidaysFile };
}

/** `loket-server calendar …` (dispatched by src/cli.ts). */
export async function run(args: string[], tools: Pick<CommandTools, 'withDb'>): Promise<number> {
  let positionals: string[];
  let help: boolean | undefined;
  try {
    const parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: { help: { type: 'boolean', short: 'h', default: false } },
    });
    positionals = parsed.positionals;
    help = parsed.values.help;
  } catch (err) {
    return fail(`${err instanceof Error ? err.message : String(err)}\n\n${usage}`);
  }
  if (help) {
    console.log(usage);
    return 0;
  }
  const [command, arg, extra] = positionals;
  switch (command) {
    case 'import': {
      if (!arg || extra !== undefined) return fail('calendar import needs one FILE');
      let text: string;
      try {
        text = await readFile(arg, 'utf8');
      } catch (err) {
        return fail(`cannot read ${arg}: ${err instanceof Error ? err.message : String(err)}`);
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (err) {
        return fail(`${arg} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
      }
      const checked = checkHolidaysFile(json);
      if ('errors' in checked) {
        for (const e of checked.errors) console.error(e);
        return fail(`nothing imported: ${checked.errors.length} problem(s) in ${arg}`);
      }
      const { file } = checked;
      await tools.withDb((db) => db.transaction((tx) => importHolidays(tx, file)));
      const summary = Object.entries(file.years).map(([year, entry]) => {
        const known = entry.days.filter((d) => d.date).length;
        const unknown = entry.days.length - known;
        return `${year} (${entry.status}, ${known} day(s)${unknown ? `, ${unknown} without a date skipped` : ''})`;
      });
      console.log(`imported the calendar of ${summary.join(', ')}`);
      return 0;
    }
    case 'show': {
      if (!arg || extra !== undefined || !/^\d{4}$/.test(arg))
        return fail('calendar show needs one YEAR, e.g. 2026');
      const { year, days } = await tools.withDb(async (db) => ({
        year: (
          await db.query<{ status: string; source: string | null }>(
            'select status, source from holiday_year where year = $1',
            [Number(arg)],
          )
        )[0],
        days: await db.query<{ date: string; kind: string; name_id: string; name_en: string }>(
          `select date::text as date, kind, name_id, name_en from holiday
           where date >= $1::date and date < $2::date order by date`,
          [`${arg}-01-01`, `${Number(arg) + 1}-01-01`],
        ),
      }));
      if (!year) {
        return fail(
          `no calendar for ${arg}: due dates running into ${arg} are estimates (only weekends skipped); import one with "calendar import FILE"`,
        );
      }
      console.log(`${arg}: ${year.status}, ${days.length} holiday(s)`);
      for (const d of days) console.log(`${d.date}\t${d.kind}\t${d.name_id} / ${d.name_en}`);
      return 0;
    }
    case undefined:
      console.error(usage);
      return 1;
    default:
      return fail(`unknown calendar command "${command}"\n\n${usage}`);
  }
}

function fail(message: string): number {
  console.error(message);
  return 1;
}
