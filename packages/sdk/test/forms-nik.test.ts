import { describe, expect, it } from 'vitest';
import { checkNik, PROVINCE_CODES } from '../src/forms/index.js';

// PP KK CC DDMMYY SSSS. 33.74 is Kota Semarang, 31.71 Kota Jakarta Pusat, 92.01 Kab. Sorong
// (Kemendagri codes); the kecamatan code is not looked up, so any two digits do.
const today = '2025-06-01';

describe('checkNik: valid numbers', () => {
  it.each([
    ['3374011708900001', 'male', '1990-08-17', '33', '33.74', '33.74.01'],
    ['3374015708900002', 'female', '1990-08-17', '33', '33.74', '33.74.01'], // 57 = 17 + 40
    ['3171050101000123', 'male', '2000-01-01', '31', '31.71', '31.71.05'],
    ['3171054101000123', 'female', '2000-01-01', '31', '31.71', '31.71.05'], // 41: the lowest
    ['9201037112990003', 'female', '1999-12-31', '92', '92.01', '92.01.03'], // 71: the highest
    ['9201033112999999', 'male', '1999-12-31', '92', '92.01', '92.01.03'],
  ])('%s → %s, born %s', (nik, sex, birthDate, provinceCode, regencyCode, districtCode) => {
    expect(checkNik(nik, { today })).toEqual({
      ok: true,
      provinceCode,
      regencyCode,
      districtCode,
      birthDate,
      sex,
    });
  });

  it('ignores whitespace around the number', () => {
    expect(checkNik(' 3374011708900001\n', { today })).toMatchObject({ ok: true, birthDate: '1990-08-17' });
  });

  it.each([
    ['3374010105250001', '2025-05-01'], // 20YY is not in the future: this century
    ['3374010106250001', '2025-06-01'], // born today
    ['3374010206250001', '1925-06-02'], // 2025-06-02 would be tomorrow: the previous century
    ['3374011708450001', '1945-08-17'],
    ['3374011708240001', '2024-08-17'],
  ])('picks the century that keeps %s in the past: %s', (nik, birthDate) => {
    expect(checkNik(nik, { today })).toMatchObject({ ok: true, birthDate });
  });

  it('knows that 29 February 2000 and 1928 existed, 2001 and 1900 not', () => {
    expect(checkNik('3374012902000001', { today })).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    expect(checkNik('3374016902280001', { today })).toMatchObject({
      ok: true,
      birthDate: '1928-02-29',
      sex: 'female',
    });
    expect(checkNik('3374012902010001', { today })).toEqual({ ok: false, reason: 'date' });
    // on 2000-02-28, "00" is 1900, which had no 29 February
    expect(checkNik('3374012902000001', { today: '2000-02-28' })).toEqual({ ok: false, reason: 'date' });
  });

  it('defaults today to today in Jakarta (someone born in 1990 is valid on any day)', () => {
    expect(checkNik('3374011708900001')).toMatchObject({ ok: true, birthDate: '1990-08-17' });
  });
});

describe('checkNik: invalid numbers', () => {
  it.each([
    ['337401170890001', 'length'], // 15 digits
    ['33740117089000011', 'length'], // 17 digits
    ['', 'length'],
    ['33740117089000O1', 'digits'], // the letter O
    ['3374-0117-0890-0001', 'digits'],
    ['3374 0117 0890 0001', 'digits'],
    ['３３７４０１１７０８９０００１', 'digits'], // full-width digits are not ASCII digits
    ['9974011708900001', 'province'], // 99 is no province
    ['0074011708900001', 'province'],
    ['2074011708900001', 'province'], // 20 is between Kepulauan Riau (21) and nothing
    ['3374013002900001', 'date'], // 30 February
    ['3374017002900001', 'date'], // 30 February, a woman
    ['3374013104900001', 'date'], // 31 April
    ['3374010001900001', 'date'], // day 00
    ['3374013201900001', 'date'], // day 32
    ['3374014001900001', 'date'], // day 40 (neither 01–31 nor 41–71)
    ['3374017201900001', 'date'], // day 72
    ['3374011700900001', 'date'], // month 00
    ['3374011713900001', 'date'], // month 13
    ['3374011708900000', 'serial'],
  ])('%s: %s', (nik, reason) => {
    expect(checkNik(nik, { today })).toEqual({ ok: false, reason });
  });
});

describe('PROVINCE_CODES', () => {
  it('holds the 38 Kemendagri province codes', () => {
    expect(PROVINCE_CODES.size).toBe(38);
    expect([...PROVINCE_CODES].every((code) => /^\d{2}$/.test(code))).toBe(true);
    for (const code of ['11', '31', '33', '36', '51', '65', '76', '91', '96'])
      expect(PROVINCE_CODES.has(code)).toBe(true);
    for (const code of ['00', '10', '20', '37', '54', '66', '77', '83', '97', '99'])
      expect(PROVINCE_CODES.has(code)).toBe(false);
  });
});
