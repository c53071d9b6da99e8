import { addDays } from '../applications/calendar.js';

/** A reporting period in Jakarta dates: `start` and `end` included, `until` the day after. */
export interface Period {
  label: string;
  kind: 'month' | 'quarter' | 'semester' | 'year';
  start: string;
  end: string;
  until: string;
}

const firstOf = (year: number, month: number) =>
  month > 12 ? `${year + 1}-01-01` : `${year}-${String(month).padStart(2, '0')}-01`;

/** `2026`, `2026-S2`, `2026-Q4` or `2026-11` as a period; null for anything else. */
export function parsePeriod(label: string): Period | null {
  const match = /^([0-9]{4})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])|S([12])))?$/.exec(label);
  if (!match) return null;
  const year = Number(match[1]);
  const [kind, first, months]: [Period['kind'], number, number] = match[2]
    ? ['month', Number(match[2]), 1]
    : match[3]
      ? ['quarter', (Number(match[3]) - 1) * 3 + 1, 3]
      : match[4]
        ? ['semester', (Number(match[4]) - 1) * 6 + 1, 6]
        : ['year', 1, 12];
  const start = firstOf(year, first);
  const until = firstOf(year, first + months);
  return { label, kind, start, end: addDays(until, -1), until };
}

/** A Jakarta date as the instant its day begins (for comparing with timestamps). */
export const jakartaMidnight = (date: string) => new Date(`${date}T00:00:00+07:00`);
