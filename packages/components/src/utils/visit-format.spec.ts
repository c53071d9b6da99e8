import { describe, expect, it } from 'vitest';
import { clockText, visitWhen } from './visit-format';

describe('visitWhen', () => {
  it('writes the local day and time with the zone, Indonesian style', () => {
    expect(visitWhen('id', '2027-01-12', '09:30', 'Asia/Jakarta')).toBe('Selasa, 12 Januari 2027, 09.30 WIB');
    expect(visitWhen('en', '2027-01-12', '09:30', 'Asia/Makassar')).toMatch(
      /^Tuesday,? 12 January 2027, 09:30 WITA$/,
    );
    expect(clockText('id', '14:05')).toBe('14.05');
  });
});
