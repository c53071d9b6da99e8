import { describe, expect, it } from 'vitest';
import { isCalendarDate, isEmail, normalizePhone, todayInJakarta } from '../src/forms/index.js';

describe('normalizePhone', () => {
  it.each([
    ['081234567890', '+6281234567890'],
    ['0812-3456-7890', '+6281234567890'],
    ['0812 3456 7890', '+6281234567890'],
    ['0812.3456.7890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['+62-812-3456-7890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['+62 (0)812 3456 7890', '+6281234567890'],
    ['  0812345678 ', '+62812345678'], // 10 digits, the shortest
    ['0812345678901', '+62812345678901'], // 13 digits, the longest
    ['+62812345678901', '+62812345678901'],
  ])('%s → %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each([
    '081234567', // 9 digits
    '08123456789012', // 14 digits
    '+6281234567890123',
    '0211234567', // a Jakarta landline, not a mobile number
    '+6581234567', // Singapore
    '812345678',
    '+62',
    '08',
    '',
    'nomor saya 0812',
    '0812-3456-789O',
    '+62+81234567890',
  ])('%s is not an Indonesian mobile number', (input) => {
    expect(normalizePhone(input)).toBeNull();
  });
});

describe('isEmail', () => {
  it.each([
    'siti.aminah@gmail.com',
    'nama+ktp@contoh.go.id',
    'a@b.co',
    "o'brien@example.com",
    'user@xn--80ak6aa92e.com',
    `${'a'.repeat(64)}@example.com`,
  ])('accepts %s', (email) => {
    expect(isEmail(email)).toBe(true);
  });

  it.each([
    'siti@gmail', // no dot in the domain: a typo
    'siti@@gmail.com',
    'siti aminah@gmail.com',
    '@gmail.com',
    'siti@',
    'siti',
    'siti@-gmail.com',
    'siti@gmail-.com',
    'siti@gmail..com',
    'siti@gmail.com.',
    'siti@1.2.3.4',
    'sití@gmail.com',
    'siti@gmäil.com',
    `${'a'.repeat(65)}@example.com`,
    `a@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(62)}`, // 255 characters
    '',
  ])('rejects %s', (email) => {
    expect(isEmail(email)).toBe(false);
  });
});

describe('dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2025-04-31', false],
    ['2025-12-31', true],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-1-01', false],
    ['01-01-2025', false],
    ['2025-01-01T00:00:00Z', false],
    ['0000-01-01', false],
  ])('isCalendarDate(%s) is %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });

  it('counts today in Asia/Jakarta (UTC+7)', () => {
    expect(todayInJakarta(new Date('2025-06-01T16:59:59Z'))).toBe('2025-06-01');
    expect(todayInJakarta(new Date('2025-06-01T17:00:00Z'))).toBe('2025-06-02');
    expect(todayInJakarta(new Date('2024-12-31T23:00:00Z'))).toBe('2025-01-01');
  });
});
