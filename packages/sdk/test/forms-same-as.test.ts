import { describe, expect, it } from 'vitest';
import { type FormField, sameAsFields, submittedAnswers, validateAnswers } from '../src/forms/index.js';

// No question asked twice: the mother's name and NIK are the applicant's when she applies.
const field = (f: Partial<FormField> & Pick<FormField, 'id' | 'type'>): FormField => ({
  label: { id: f.id, en: f.id },
  required: true,
  ...f,
});
const mother = { field: 'hubungan', equals: 'ibu' };
const form = {
  steps: [
    {
      id: 'pelapor',
      title: { id: 'Pelapor', en: 'Reporting' },
      fields: [
        field({ id: 'nama_lengkap', type: 'text' }),
        field({ id: 'nik', type: 'nik' }),
        field({
          id: 'hubungan',
          type: 'radio',
          options: ['ibu', 'ayah'].map((value) => ({ value, label: { id: value, en: value } })),
        }),
      ],
    },
    {
      id: 'orang_tua',
      title: { id: 'Orang tua', en: 'Parents' },
      fields: [
        field({ id: 'nama_ibu', type: 'text', same_as: { field: 'nama_lengkap', when: mother } }),
        field({ id: 'nik_ibu', type: 'nik', required: false, same_as: { field: 'nik', when: mother } }),
      ],
    },
  ],
};
const today = '2025-06-01';
const siti = { nama_lengkap: 'Siti Aminah', nik: '3374 0155 0590 0001' };

describe('same_as', () => {
  it('takes the earlier answers while its condition holds', () => {
    expect([...sameAsFields(form, { ...siti, hubungan: 'ibu' })]).toEqual([
      ['nama_ibu', 'nama_lengkap'],
      ['nik_ibu', 'nik'],
    ]);
    expect(sameAsFields(form, { ...siti, hubungan: 'ayah' }).size).toBe(0);
    expect(sameAsFields(form, siti).size).toBe(0);
  });

  it('fills them on submit, normalized, replacing anything typed there before', () => {
    const answers = { ...siti, hubungan: 'ibu', nama_ibu: 'Typed before' };
    expect(submittedAnswers(form, answers)).toEqual({
      nama_lengkap: 'Siti Aminah',
      nik: '3374015505900001',
      hubungan: 'ibu',
      nama_ibu: 'Siti Aminah',
      nik_ibu: '3374015505900001',
    });
    expect(answers.nama_ibu).toBe('Typed before'); // a new object
    // no earlier answer: none taken
    expect(submittedAnswers(form, { hubungan: 'ibu', nama_ibu: 'x' })).toEqual({ hubungan: 'ibu' });
  });

  it('makes the validator agree: the questions not asked are answered', () => {
    expect(validateAnswers(form, { ...siti, hubungan: 'ibu' }, { today })).toEqual([]);
    expect(validateAnswers(form, { ...siti, hubungan: 'ayah' }, { today }).map((p) => p.field)).toEqual([
      'nama_ibu',
    ]);
    // taken answers follow the field's own rules: a bad NIK is reported for the mother's NIK too
    const bad = validateAnswers(form, { ...siti, nik: '3374', hubungan: 'ibu' }, { today });
    expect(bad.map((p) => p.field)).toEqual(['nik', 'nik_ibu']);
  });
});
