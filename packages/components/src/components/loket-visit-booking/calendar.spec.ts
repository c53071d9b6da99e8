import { describe, expect, it } from 'vitest';
import { addMonths, clampDate, monthWeeks, moveFocus, todayIn, weekdayIndex } from './calendar';

describe('the day picker’s month', () => {
  it('lays January 2026 out Monday first, with blanks around it', () => {
    const weeks = monthWeeks('2026-01-12');
    expect(weeks).toHaveLength(5);
    expect(weeks[0]).toEqual([null, null, null, '2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04']);
    expect(weeks[4]).toEqual([
      '2026-01-26',
      '2026-01-27',
      '2026-01-28',
      '2026-01-29',
      '2026-01-30',
      '2026-01-31',
      null,
    ]);
  });

  it('knows weekdays and leap years', () => {
    expect(weekdayIndex('2026-01-12')).toBe(0); // a Monday
    expect(weekdayIndex('2026-01-18')).toBe(6);
    expect(monthWeeks('2028-02-01').flat().filter(Boolean)).toHaveLength(29);
  });

  it('moves like the APG date grid: days, weeks, week ends, months and years', () => {
    expect(moveFocus('2026-01-31', 'ArrowRight')).toBe('2026-02-01');
    expect(moveFocus('2026-01-01', 'ArrowLeft')).toBe('2025-12-31');
    expect(moveFocus('2026-01-14', 'ArrowUp')).toBe('2026-01-07');
    expect(moveFocus('2026-01-14', 'ArrowDown')).toBe('2026-01-21');
    expect(moveFocus('2026-01-14', 'Home')).toBe('2026-01-12');
    expect(moveFocus('2026-01-14', 'End')).toBe('2026-01-18');
    expect(moveFocus('2026-01-31', 'PageDown')).toBe('2026-02-28');
    expect(moveFocus('2026-03-31', 'PageUp')).toBe('2026-02-28');
    expect(moveFocus('2026-01-14', 'PageDown', true)).toBe('2027-01-14');
    expect(moveFocus('2026-01-14', 'Enter')).toBeNull();
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
  });

  it('keeps the focus between the first and last bookable day', () => {
    expect(clampDate('2026-01-01', '2026-01-05', '2026-02-05')).toBe('2026-01-05');
    expect(clampDate('2026-03-01', '2026-01-05', '2026-02-05')).toBe('2026-02-05');
  });

  it('counts today where the location is, not where the phone is', () => {
    // 23.30 UTC on 11 January is already 12 January in Jakarta (UTC+7).
    expect(todayIn('Asia/Jakarta', new Date('2026-01-11T23:30:00Z'))).toBe('2026-01-12');
    expect(todayIn('UTC', new Date('2026-01-11T23:30:00Z'))).toBe('2026-01-11');
  });
});
