import { describe, expect, it } from 'vitest';
import { id } from './messages/id';
import { monthName, monthsOf, periodGroups, periodName } from './periods';

// 1 December 2026, 01:00 in Jakarta (still 30 November in UTC): the periods count in Jakarta time.
const now = new Date('2026-11-30T18:00:00Z');

describe('periods', () => {
  it('names a year, semester, quarter and month', () => {
    expect(periodName('id', id, '2026')).toBe('2026');
    expect(periodName('id', id, '2026-S2')).toBe('Semester 2 2026');
    expect(periodName('id', id, '2026-Q4')).toBe('Triwulan 4 2026');
    expect(periodName('id', id, '2026-11')).toBe('November 2026');
    expect(monthName('id', '2026-08', 'short')).toBe('Agu');
  });

  it('lists the months of a period up to the month in progress, in Jakarta time', () => {
    expect(monthsOf('2026', now)).toHaveLength(12);
    expect(monthsOf('2026-Q4', now)).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(monthsOf('2027', now)).toEqual([]);
    expect(monthsOf('2026-12', new Date('2026-11-30T16:00:00Z'))).toEqual([]); // 23:00 WIB, still November
  });

  it('offers this year and last, the halves and quarters begun, the last twelve months, and the one asked for', () => {
    const groups = periodGroups('id', id, now, '2024-Q1');
    const values = groups.map((g) => g.options.map((o) => o.value));
    expect(values[0]).toEqual(['2026', '2025', '2024-Q1']);
    expect(values[1]).toEqual(['2026-S2', '2026-S1', '2025-S2', '2025-S1']);
    expect(values[2]?.slice(0, 4)).toEqual(['2026-Q4', '2026-Q3', '2026-Q2', '2026-Q1']);
    expect(values[3]?.[0]).toBe('2026-12');
    expect(values[3]).toHaveLength(12);
    expect(values[3]?.at(-1)).toBe('2026-01');
  });
});
