import { describe, expect, it } from 'vitest';
import {
  compactDigits,
  type FormField,
  normalizeAnswer,
  normalizeAnswers,
  validateAnswers,
} from '../src/forms/index.js';

// Numbers copied from cards in groups (issue 14): one normalization, used by the validator, the
// server (which stores the result) and the components (which send it).
const field = (id: string, type: FormField['type']): FormField => ({
  id,
  type,
  label: { id: id === 'nomor_kk' ? 'Nomor KK' : id.toUpperCase(), en: id },
  required: true,
});
const form = {
  steps: [
    {
      id: 'data',
      title: { id: 'Data', en: 'Data' },
      fields: [
        field('nik', 'nik'),
        field('nomor_kk', 'kk'),
        field('telepon', 'phone'),
        field('nama', 'text'),
      ],
    },
  ],
};

describe('compactDigits', () => {
  it.each([
    ['3578 0612 0315 0007', '3578061203150007'],
    ['3578.0612.0315.0007', '3578061203150007'],
    ['3578-0612-0315-0007', '3578061203150007'],
    [' 3578  0612\t0315 0007 ', '3578061203150007'],
    ['3578 06', '357806'], // half typed: the validator counts 6 digits
    ['3578 06x2', '3578 06x2'], // not only digits: unchanged, refused as "only digits"
    ['', ''],
  ])('%j → %j', (typed, stored) => {
    expect(compactDigits(typed)).toBe(stored);
  });
});

describe('normalizeAnswer', () => {
  it('compacts a NIK and a KK number, puts a valid phone in E.164, leaves the rest', () => {
    expect(normalizeAnswer({ type: 'nik' }, '3374 0117 0890 0001')).toBe('3374011708900001');
    expect(normalizeAnswer({ type: 'kk' }, '3578-0612-0315-0007')).toBe('3578061203150007');
    expect(normalizeAnswer({ type: 'phone' }, '0812 3456 7890')).toBe('+6281234567890');
    expect(normalizeAnswer({ type: 'phone' }, '0812')).toBe('0812'); // half typed: as typed
    expect(normalizeAnswer({ type: 'text' }, '3578 0612')).toBe('3578 0612');
    expect(normalizeAnswer({ type: 'nik' }, 3374)).toBe(3374); // the wrong shape stays wrong
  });

  it('is idempotent', () => {
    for (const [type, value] of [
      ['nik', '3374 0117 0890 0001'],
      ['kk', '3578.0612.0315.0007'],
      ['phone', '+62 (0)812-3456-7890'],
    ] as const) {
      const once = normalizeAnswer({ type }, value);
      expect(normalizeAnswer({ type }, once)).toBe(once);
    }
  });
});

describe('normalizeAnswers and the validator', () => {
  const typed = {
    nik: '3374 0117 0890 0001',
    nomor_kk: '3578 0612 0315 0007',
    telepon: '0812-3456-7890',
    nama: ' Siti ',
  };

  it('returns a new object with the numbers normalized and other answers untouched', () => {
    const stored = normalizeAnswers(form, typed);
    expect(stored).toEqual({
      nik: '3374011708900001',
      nomor_kk: '3578061203150007',
      telepon: '+6281234567890',
      nama: ' Siti ',
    });
    expect(typed.nik).toBe('3374 0117 0890 0001');
    expect(normalizeAnswers(form, { extra: 'x' })).toEqual({ extra: 'x' });
  });

  it('accepts the typed and the stored answers alike', () => {
    expect(validateAnswers(form, typed, { today: '2025-06-01' })).toEqual([]);
    expect(validateAnswers(form, normalizeAnswers(form, typed), { today: '2025-06-01' })).toEqual([]);
  });

  it('counts the digits of a short number without its separators, in both languages', () => {
    const short = { ...typed, nik: '3374 0117 0890 000', nomor_kk: '3578 0612 0315' };
    expect(validateAnswers(form, short, { today: '2025-06-01' }).map((p) => p.message)).toEqual([
      'NIK harus 16 digit (yang diisi 15).',
      'Nomor KK harus 16 digit (yang diisi 12).',
    ]);
    expect(validateAnswers(form, short, { today: '2025-06-01', lang: 'en' }).map((p) => p.message)).toEqual([
      'nik must be 16 digits (you entered 15 digits).',
      'nomor_kk must be 16 digits (you entered 12 digits).',
    ]);
    const letters = { ...typed, nomor_kk: '3578 0612 0315 00O7' };
    expect(validateAnswers(form, letters, { today: '2025-06-01' })[0]).toMatchObject({
      field: 'nomor_kk',
      code: 'kk',
      message: 'Nomor KK hanya boleh berisi angka.',
    });
  });
});
