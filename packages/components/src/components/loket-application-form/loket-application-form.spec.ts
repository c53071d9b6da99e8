import { readFileSync } from 'node:fs';
import type { Attachment, FormDefinition, FormField } from '@loket/sdk';
import { LoketApiError } from '@loket/sdk';
import { describe, expect, it } from 'vitest';
import { answerText } from './answer-text';
import { fieldOfPointer, fromServer, pagesOf, parseNumber } from './flow';
import { formText } from './messages';
import { endText, laterText } from './messages/later';

/** A real form definition, as the server serves it. */
const formOf = (service: string): FormDefinition => ({
  lang: 'id',
  ...JSON.parse(
    readFileSync(new URL(`../../../../server/data/forms/${service}.json`, import.meta.url), 'utf8'),
  ),
});

const keys = (value: unknown, prefix = ''): string[] =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`))
    : [prefix];

describe('the form’s dictionaries', () => {
  it('Indonesian is there at once; English has the same keys once loaded', async () => {
    const id = formText.get('id');
    expect(formText.get('en')).toBe(id); // not loaded yet: Indonesian meanwhile
    const en = await formText.load('en');
    expect(en.errors.title).toBe('There is a problem');
    expect(id.errors.title).toBe('Ada masalah');
    const english = keys(en).filter((k) => !/\.(zero|one|two|few|many)\.$/.test(k));
    expect(english.sort()).toEqual(keys(id).sort());
  });

  it('the end views’ strings too (their own dictionary, loaded with them)', async () => {
    const id = laterText.get('id');
    expect(laterText.get('en')).toBe(id);
    const en = await laterText.load('en');
    expect(en.check.title).toBe('Check your answers');
    expect(id.check.title).toBe('Periksa jawaban Anda');
    expect(keys(en).sort()).toEqual(keys(id).sort());
    expect(endText(formText.get('id'), 'id').check).toEqual({ ...formText.get('id').check, ...id.check });
  });

  it('has no empty string', async () => {
    for (const text of [formText, laterText]) {
      for (const locale of ['id', 'en'] as const) {
        const dict = await text.load(locale);
        const strings = keys(dict).map((path) =>
          path
            .slice(0, -1)
            .split('.')
            .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], dict),
        );
        expect(
          strings.every((s) => typeof s === 'string' && s.trim().length > 0),
          locale,
        ).toBe(true);
      }
    }
  });
});

describe('pagesOf', () => {
  const form = formOf('kk-perubahan');
  const ids = (answers: Record<string, unknown>, only: string[] | null = null) =>
    pagesOf(form, answers as never, only).map((p) => `${p.step.id}: ${p.fields.map((f) => f.id).join(' ')}`);

  it('shows a conditional field only while its condition holds', () => {
    expect(ids({})).toContain('perubahan: nomor_kk jenis_perubahan uraian_perubahan kondisi_kk');
    expect(ids({ jenis_perubahan: 'ubah_data' })).toContain(
      'perubahan: nomor_kk jenis_perubahan nik_anggota uraian_perubahan kondisi_kk',
    );
    expect(ids({ kondisi_kk: 'hilang' })).toContain(
      'dokumen: surat_keterangan_kehilangan dokumen_bukti_perubahan',
    );
  });

  it('in a revision: only the requested fields, and only the steps that hold one', () => {
    expect(ids({ kondisi_kk: 'ada' }, ['kk_lama', 'telepon'])).toEqual([
      'pemohon: telepon',
      'dokumen: kk_lama',
    ]);
  });
});

describe('problems from the server', () => {
  it('maps `/answers/<field>` pointers to fields and keeps the others as text', () => {
    expect(fieldOfPointer('/answers/nik')).toBe('nik');
    expect(fieldOfPointer('/answers/a~1b~0c')).toBe('a/b~c');
    expect(fieldOfPointer('/header/Idempotency-Key')).toBeNull();
    const error = new LoketApiError({
      type: 'urn:loket:problem:invalid-answers',
      title: 'Jawaban tidak valid',
      status: 422,
      errors: [
        { pointer: '/answers/nik', detail: 'NIK harus 16 digit.' },
        { pointer: '/declaration', detail: 'Centang pernyataan.' },
      ],
    });
    expect(fromServer(error)).toEqual([
      { field: 'nik', message: 'NIK harus 16 digit.' },
      { field: null, message: 'Centang pernyataan.' },
    ]);
  });

  it('uses the detail (else the title) of a refusal without field errors', () => {
    const conflict = new LoketApiError({
      type: 'x',
      title: 'Konflik',
      status: 409,
      detail: 'Sudah dikirim.',
    });
    expect(fromServer(conflict)).toEqual([{ field: null, message: 'Sudah dikirim.' }]);
    expect(fromServer(new LoketApiError({ type: 'x', title: 'Konflik', status: 409 }))).toEqual([
      { field: null, message: 'Konflik' },
    ]);
  });
});

describe('parseNumber', () => {
  it('reads numbers the way people type them in each language', () => {
    expect(parseNumber('5000000', 'id')).toBe(5_000_000);
    expect(parseNumber('5.000.000', 'id')).toBe(5_000_000);
    expect(parseNumber('2,5', 'id')).toBe(2.5);
    expect(parseNumber(' 12 ', 'id')).toBe(12);
    expect(parseNumber('5,000,000', 'en')).toBe(5_000_000);
    expect(parseNumber('2.5', 'en')).toBe(2.5);
    expect(parseNumber('-3', 'en')).toBe(-3);
  });

  it('gives null for what is not a number', () => {
    for (const text of ['', 'abc', '12a', '1.2.3,4,5', '--1', '1,2,3'])
      expect(parseNumber(text, 'id'), text).toBeNull();
  });
});

describe('answerText', () => {
  const id = endText(formText.get('id'), 'id');
  const field = (f: Partial<FormField>): FormField => ({
    id: 'x',
    type: 'text',
    label: { id: 'X', en: 'X' },
    required: true,
    ...f,
  });
  const options = [
    { value: 'ya', label: { id: 'Ya, tercatat', en: 'Yes, registered' } },
    { value: 'tidak', label: { id: 'Tidak tercatat', en: 'Not registered' } },
  ];

  it('writes answers as people read them', () => {
    expect(answerText('id', id, field({ type: 'date' }), '2025-03-15', [])).toEqual(['15 Maret 2025']);
    expect(answerText('id', id, field({ type: 'number' }), 5_000_000, [])).toEqual(['5.000.000']);
    expect(answerText('id', id, field({ type: 'radio', options }), 'tidak', [])).toEqual(['Tidak tercatat']);
    expect(answerText('id', id, field({ type: 'checkbox', options }), ['ya', 'tidak'], [])).toEqual([
      'Ya, tercatat',
      'Tidak tercatat',
    ]);
    expect(answerText('id', id, field({ type: 'checkbox' }), true, [])).toEqual(['Ya']);
    expect(answerText('id', id, field({ type: 'checkbox' }), undefined, [])).toEqual(['Tidak']);
    expect(answerText('id', id, field({ type: 'text' }), undefined, [])).toEqual([]);
    const file = { id: 'a1', filename: 'kk.png' } as Attachment;
    expect(answerText('id', id, field({ type: 'file' }), ['a1'], [file])).toEqual(['kk.png']);
  });
});
