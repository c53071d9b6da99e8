import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AttachmentInfo,
  type FieldProblem,
  type FormDefinition,
  type FormField,
  type FormMessages,
  formMessages,
  hiddenAnswerFields,
  isVisible,
  type MessageParams,
  type ProblemCode,
  requiredFileFields,
  type ValidateOptions,
  validateAnswers,
  visibleFields,
  visibleSteps,
} from '../src/forms/index.js';

const today = '2025-06-01';
const MB = 1024 * 1024;

/** Replacing a lost or damaged KTP-el (Dukcapil), a small but realistic form. */
const ktpForm: FormDefinition = {
  lang: 'id',
  service: 'ktp-el-hilang',
  version: 1,
  title: { id: 'Penggantian KTP-el hilang atau rusak', en: 'Replacing a lost or damaged KTP-el' },
  steps: [
    {
      id: 'data_diri',
      title: { id: 'Data diri', en: 'About you' },
      fields: [
        {
          id: 'nama_lengkap',
          type: 'text',
          label: { id: 'Nama lengkap', en: 'Full name' },
          required: true,
          max_length: 100,
          autocomplete: 'name',
        },
        { id: 'nik', type: 'nik', label: { id: 'NIK', en: 'NIK' }, required: true },
        {
          id: 'telepon',
          type: 'phone',
          label: { id: 'Nomor ponsel', en: 'Mobile number' },
          required: true,
          autocomplete: 'tel',
        },
        {
          id: 'email',
          type: 'email',
          label: { id: 'Email', en: 'Email' },
          required: false,
          autocomplete: 'email',
        },
      ],
    },
    {
      id: 'alasan_penggantian',
      title: { id: 'Alasan penggantian', en: 'Why you need a new one' },
      fields: [
        {
          id: 'alasan',
          type: 'radio',
          label: { id: 'Alasan penggantian', en: 'Reason for replacement' },
          required: true,
          options: [
            { value: 'hilang', label: { id: 'Hilang', en: 'Lost' } },
            { value: 'rusak', label: { id: 'Rusak', en: 'Damaged' } },
          ],
        },
        {
          id: 'surat_kehilangan',
          type: 'file',
          label: { id: 'Surat keterangan kehilangan dari kepolisian', en: 'Police report of the loss' },
          required: true,
          file: { accept: ['application/pdf', 'image/jpeg', 'image/png'], max_bytes: 2 * MB, max_files: 1 },
          visible_if: { field: 'alasan', equals: 'hilang' },
        },
        {
          id: 'ktp_rusak',
          type: 'file',
          label: { id: 'Foto KTP-el yang rusak', en: 'Photo of the damaged KTP-el' },
          required: true,
          file: { accept: ['image/jpeg', 'image/png'], max_bytes: 2 * MB, max_files: 2 },
          visible_if: { field: 'alasan', equals: 'rusak' },
        },
      ],
    },
    {
      id: 'pernyataan_step',
      title: { id: 'Pernyataan', en: 'Declaration' },
      fields: [
        {
          id: 'pernyataan',
          type: 'checkbox',
          label: {
            id: 'Saya menyatakan data yang saya isi benar',
            en: 'I declare that the information I gave is true',
          },
          required: true,
        },
      ],
    },
  ],
};

const attachments: AttachmentInfo[] = [
  { id: 'lapor-polisi', field: 'surat_kehilangan', content_type: 'application/pdf', size: 300_000 },
  { id: 'foto-depan', field: 'ktp_rusak', content_type: 'image/jpeg', size: 900_000, sha256: 'a'.repeat(64) },
  { id: 'foto-belakang', field: 'ktp_rusak', content_type: 'image/png', size: 1_200_000 },
  { id: 'foto-pdf', field: 'ktp_rusak', content_type: 'application/pdf', size: 100_000 },
  { id: 'foto-besar', field: 'ktp_rusak', content_type: 'image/jpeg', size: 2 * MB + 1 },
];

const lostKtp = {
  nama_lengkap: 'Siti Aminah',
  nik: '3374015708900002',
  telepon: '0812-3456-7890',
  alasan: 'hilang',
  surat_kehilangan: ['lapor-polisi'],
  pernyataan: true,
};

const check = (answers: Record<string, unknown>, options: ValidateOptions = {}) =>
  validateAnswers(ktpForm, answers, { today, attachments, ...options });
const codes = (problems: FieldProblem[]) => Object.fromEntries(problems.map((p) => [p.field, p.code]));

describe('the KTP-el form', () => {
  it('accepts a complete application, in both languages and both modes', () => {
    for (const lang of ['id', 'en'] as const) {
      for (const mode of ['submit', 'draft'] as const) expect(check(lostKtp, { lang, mode })).toEqual([]);
    }
    expect(
      check({
        ...lostKtp,
        email: ' siti@contoh.id ',
        alasan: 'rusak',
        surat_kehilangan: [],
        ktp_rusak: ['foto-depan', 'foto-belakang'],
      }),
    ).toEqual([]);
  });

  it('names every missing required answer with its label, in Indonesian by default', () => {
    expect(check({})).toEqual([
      {
        field: 'nama_lengkap',
        pointer: '/answers/nama_lengkap',
        code: 'required',
        message: 'Nama lengkap wajib diisi.',
      },
      { field: 'nik', pointer: '/answers/nik', code: 'required', message: 'NIK wajib diisi.' },
      {
        field: 'telepon',
        pointer: '/answers/telepon',
        code: 'required',
        message: 'Nomor ponsel wajib diisi.',
      },
      {
        field: 'alasan',
        pointer: '/answers/alasan',
        code: 'required',
        message: 'Alasan penggantian wajib dipilih.',
      },
      {
        field: 'pernyataan',
        pointer: '/answers/pernyataan',
        code: 'required',
        message: 'Centang “Saya menyatakan data yang saya isi benar” untuk melanjutkan.',
      },
    ]);
  });

  it('says the same in English', () => {
    expect(check({}, { lang: 'en' }).map((p) => p.message)).toEqual([
      'Full name is required.',
      'NIK is required.',
      'Mobile number is required.',
      'Reason for replacement is required: choose an option.',
      'Tick “I declare that the information I gave is true” to continue.',
    ]);
  });

  it.each([
    ['an empty string', ''],
    ['blanks', '   \n'],
    ['null', null],
    ['an empty list', []],
  ])('counts %s as no answer', (_, empty) => {
    expect(codes(check({ ...lostKtp, nama_lengkap: empty }))).toEqual({ nama_lengkap: 'required' });
    expect(check({ ...lostKtp, email: empty })).toEqual([]);
  });

  it('needs the declaration ticked on submit, not in a draft', () => {
    expect(codes(check({ ...lostKtp, pernyataan: false }))).toEqual({ pernyataan: 'required' });
    expect(check({ ...lostKtp, pernyataan: false }, { mode: 'draft' })).toEqual([]);
  });

  it('asks for the police report only when the KTP-el was lost, the photo only when damaged', () => {
    const { surat_kehilangan: _, ...noFiles } = lostKtp;
    expect(check(noFiles)).toEqual([
      {
        field: 'surat_kehilangan',
        pointer: '/answers/surat_kehilangan',
        code: 'file_required',
        message: 'Surat keterangan kehilangan dari kepolisian wajib diunggah.',
      },
    ]);
    expect(codes(check({ ...noFiles, alasan: 'rusak' }))).toEqual({ ktp_rusak: 'file_required' });
    expect(requiredFileFields(ktpForm, noFiles).map((f) => f.id)).toEqual(['surat_kehilangan']);
    expect(requiredFileFields(ktpForm, { alasan: 'rusak' }).map((f) => f.id)).toEqual(['ktp_rusak']);
    expect(requiredFileFields(ktpForm, {})).toEqual([]);
  });

  it('reports answers left in a branch the citizen left, on submit only', () => {
    const switched = { ...lostKtp, alasan: 'rusak', ktp_rusak: ['foto-depan'] };
    expect(check(switched)).toEqual([
      {
        field: 'surat_kehilangan',
        pointer: '/answers/surat_kehilangan',
        code: 'hidden_field',
        message:
          'Surat keterangan kehilangan dari kepolisian tidak berlaku untuk jawaban Anda. Hapus isiannya.',
      },
    ]);
    expect(check(switched, { mode: 'draft' })).toEqual([]);
    expect(hiddenAnswerFields(ktpForm, switched)).toEqual(['surat_kehilangan']);
    // cleared with null (an AnswerPatch) or an empty list, it is fine
    expect(check({ ...switched, surat_kehilangan: null })).toEqual([]);
    expect(check({ ...switched, surat_kehilangan: [] })).toEqual([]);
  });

  it('reports answers for fields the form does not have, with an escaped pointer', () => {
    expect(check({ ...lostKtp, alamat: 'Jl. Pemuda 1', 'a/b~c': 'x' }, { mode: 'draft' })).toEqual([
      {
        field: 'alamat',
        pointer: '/answers/alamat',
        code: 'unknown_field',
        message: 'Isian “alamat” tidak ada di formulir ini.',
      },
      {
        field: 'a/b~c',
        pointer: '/answers/a~1b~0c',
        code: 'unknown_field',
        message: 'Isian “a/b~c” tidak ada di formulir ini.',
      },
    ]);
    // removing an answer that does not exist is harmless
    expect(check({ ...lostKtp, alamat: null })).toEqual([]);
  });

  it('never reads answers from Object.prototype', () => {
    const answers = JSON.parse('{"constructor": "x", "__proto__": "y", "toString": "z"}');
    expect(check({ ...lostKtp, ...answers }).map((p) => [p.field, p.code])).toEqual([
      ['constructor', 'unknown_field'],
      ['__proto__', 'unknown_field'],
      ['toString', 'unknown_field'],
    ]);
    const sneaky: FormDefinition = {
      ...ktpForm,
      steps: [
        {
          id: 's',
          title: { id: 'S', en: 'S' },
          fields: [{ id: 'constructor', type: 'text', label: { id: 'C', en: 'C' }, required: true }],
        },
      ],
    };
    expect(codes(validateAnswers(sneaky, {}, { today }))).toEqual({ constructor: 'required' });
  });

  it('checks a revision only for the fields the officer named', () => {
    expect(check({}, { only: ['telepon', 'email'] }).map((p) => p.field)).toEqual(['telepon']);
    expect(codes(check({ ...lostKtp, telepon: '12345' }, { only: ['telepon'] }))).toEqual({
      telepon: 'phone',
    });
    expect(check({ ...lostKtp, nik: 'salah' }, { only: ['telepon'] })).toEqual([]);
    // visibility still reads every answer
    expect(codes(check({ alasan: 'hilang' }, { only: ['surat_kehilangan'] }))).toEqual({
      surat_kehilangan: 'file_required',
    });
    expect(codes(check({ surat_kehilangan: ['lapor-polisi'] }, { only: ['surat_kehilangan'] }))).toEqual({
      surat_kehilangan: 'hidden_field',
    });
    expect(check({ ...lostKtp, lainnya: 'x' }, { only: ['telepon'] })).toEqual([]);
    expect(codes(check({ ...lostKtp, lainnya: 'x' }, { only: ['lainnya'] }))).toEqual({
      lainnya: 'unknown_field',
    });
  });

  it('gives the problems the README shows', () => {
    const answers = {
      nama_lengkap: 'Siti Aminah',
      nik: '3374015708900002',
      telepon: '0812-3456-7890',
      alasan: 'hilang',
    };
    expect(validateAnswers(ktpForm, answers, { lang: 'id', today, attachments })).toEqual([
      {
        field: 'surat_kehilangan',
        pointer: '/answers/surat_kehilangan',
        code: 'file_required',
        message: 'Surat keterangan kehilangan dari kepolisian wajib diunggah.',
      },
      {
        field: 'pernyataan',
        pointer: '/answers/pernyataan',
        code: 'required',
        message: 'Centang “Saya menyatakan data yang saya isi benar” untuk melanjutkan.',
      },
    ]);
    expect(visibleSteps(ktpForm, answers).map((s) => s.id)).toEqual([
      'data_diri',
      'alasan_penggantian',
      'pernyataan_step',
    ]);
  });

  it('does not change the answers it checks', () => {
    const answers = { ...lostKtp, nama_lengkap: '  Siti Aminah  ', telepon: '+62 812 3456 7890' };
    const copy = structuredClone(answers);
    expect(check(answers)).toEqual([]);
    expect(answers).toEqual(copy);
  });

  it('takes a stored form without lang, service or version', () => {
    const { lang: _, service: __, version: ___, title: ____, ...stored } = ktpForm;
    expect(validateAnswers(stored, lostKtp, { today, attachments })).toEqual([]);
  });

  it('treats answers that are not an object as no answers', () => {
    expect(codes(validateAnswers(ktpForm, null as never, { today })).nama_lengkap).toBe('required');
    expect(codes(validateAnswers(ktpForm, ['x'] as never, { today })).nama_lengkap).toBe('required');
  });

  it('refuses a today that is not a date', () => {
    expect(() => check(lostKtp, { today: '1/6/2025' })).toThrow(RangeError);
    expect(() => check(lostKtp, { today: '2025-02-30' })).toThrow(RangeError);
  });
});

describe('file answers and attachments', () => {
  const damaged = { ...lostKtp, alasan: 'rusak', surat_kehilangan: null };
  const fileProblem = (ids: unknown, options: ValidateOptions = {}) =>
    check({ ...damaged, ktp_rusak: ids }, options)[0];

  it.each([
    [['foto-depan'], undefined],
    [['foto-depan', 'foto-belakang'], undefined],
    [['foto-depan', 'foto-belakang', 'lapor-polisi'], 'file_count'], // max_files 2
    [['foto-depan', 'foto-depan'], 'duplicate'],
    [['tidak-ada'], 'file_unknown'],
    [['lapor-polisi'], 'file_unknown'], // uploaded for another field
    [['foto-pdf'], 'file_type'], // a PDF where only JPG and PNG are allowed
    [['foto-besar'], 'file_size'],
    ['foto-depan', 'type'],
    [[1, 2], 'type'],
    [true, 'type'],
  ])('%j → %s', (ids, code) => {
    expect(fileProblem(ids)?.code).toBe(code);
  });

  it('puts the allowed types and size in words', () => {
    expect(fileProblem(['foto-pdf'])?.message).toBe(
      'Foto KTP-el yang rusak harus berupa berkas JPG atau PNG.',
    );
    expect(fileProblem(['foto-pdf'], { lang: 'en' })?.message).toBe(
      'Photo of the damaged KTP-el must be a JPG or PNG file.',
    );
    expect(fileProblem(['foto-besar'])?.message).toBe('Ukuran berkas Foto KTP-el yang rusak maksimal 2 MB.');
    expect(fileProblem(['foto-besar'], { lang: 'en' })?.message).toBe(
      'Each file for Photo of the damaged KTP-el must be 2 MB or smaller.',
    );
    expect(fileProblem(['a', 'b', 'c'], { lang: 'en' })?.message).toBe(
      'Photo of the damaged KTP-el: upload at most 2 files.',
    );
    expect(check({ ...lostKtp, surat_kehilangan: ['a', 'b'] }, { lang: 'en' })[0]?.message).toBe(
      'Police report of the loss: upload at most 1 file.',
    );
  });

  it('without the attachment list checks only the shape and the count', () => {
    expect(validateAnswers(ktpForm, { ...damaged, ktp_rusak: ['tidak-ada'] }, { today })).toEqual([]);
    expect(codes(validateAnswers(ktpForm, { ...damaged, ktp_rusak: ['a', 'b', 'c'] }, { today }))).toEqual({
      ktp_rusak: 'file_count',
    });
  });

  it('in a revision refuses a file the officer asked to replace, sent back unchanged', () => {
    const rejected = { ktp_rusak: ['a'.repeat(64)] };
    expect(fileProblem(['foto-depan'], { rejected })).toMatchObject({
      code: 'file_rejected',
      message:
        'Ganti Foto KTP-el yang rusak: petugas meminta berkas yang baru, bukan berkas yang sama dikirim lagi.',
    });
    expect(fileProblem(['foto-belakang'], { rejected })).toBeUndefined(); // another file
    // the same bytes in another field were not rejected there
    expect(fileProblem(['foto-depan'], { rejected: { surat_kehilangan: ['a'.repeat(64)] } })).toBeUndefined();
    expect(fileProblem(['foto-depan'], { rejected, lang: 'en' })?.message).toBe(
      'Replace Photo of the damaged KTP-el: the officer asked for a new file, not the same one again.',
    );
  });

  it('in a draft checks only the shape', () => {
    expect(fileProblem(['tidak-ada'], { mode: 'draft' })).toBeUndefined();
    expect(fileProblem(['a', 'b', 'c'], { mode: 'draft' })).toBeUndefined();
    expect(fileProblem('tidak-ada', { mode: 'draft' })?.code).toBe('type');
  });
});

/** One optional field of every type and rule, to check each rule alone. */
const field = (f: Partial<FormField> & Pick<FormField, 'id' | 'type'>): FormField => ({
  label: { id: `Isian ${f.id}`, en: `Field ${f.id}` },
  required: false,
  ...f,
});
const rulesForm = {
  steps: [
    {
      id: 'semua',
      title: { id: 'Semua jenis', en: 'Every type' },
      fields: [
        field({ id: 'teks', type: 'text', min_length: 3, max_length: 5, pattern: '[A-Z]+' }),
        field({
          id: 'npwp',
          type: 'text',
          pattern: '\\d{15,16}',
          pattern_message: { id: 'NPWP terdiri atas 15 atau 16 angka.', en: 'An NPWP has 15 or 16 digits.' },
        }),
        field({ id: 'catatan', type: 'textarea', max_length: 3 }),
        field({ id: 'jumlah', type: 'number', min: 1, max: 10 }),
        field({ id: 'tanggal', type: 'date', min_date: '2025-01-01', max_date: 'today' }),
        field({ id: 'jadwal', type: 'date', min_date: 'today', max_date: '2025-12-31' }),
        field({
          id: 'pilihan',
          type: 'select',
          options: [
            { value: 'a', label: { id: 'A', en: 'A' } },
            { value: 'b', label: { id: 'B', en: 'B' } },
          ],
        }),
        field({ id: 'jenis', type: 'radio', options: [{ value: 'baru', label: { id: 'Baru', en: 'New' } }] }),
        field({
          id: 'minat',
          type: 'checkbox',
          options: ['x', 'y', 'z'].map((value) => ({ value, label: { id: value, en: value } })),
        }),
        field({ id: 'setuju', type: 'checkbox' }),
        field({ id: 'nik', type: 'nik' }),
        field({ id: 'nomor_kk', type: 'kk' }),
        field({ id: 'telepon', type: 'phone' }),
        field({ id: 'surel', type: 'email' }),
        field({
          id: 'berkas',
          type: 'file',
          file: { accept: ['application/pdf'], max_bytes: 1000, max_files: 2 },
        }),
        field({ id: 'tanpa_aturan', type: 'file' }),
      ],
    },
  ],
};
const rulesAttachments: AttachmentInfo[] = [
  { id: 'p1', field: 'berkas', content_type: 'application/pdf', size: 1000 },
  { id: 'p2', field: 'berkas', content_type: 'application/pdf', size: 1001 },
  { id: 'j1', field: 'berkas', content_type: 'image/jpeg', size: 10 },
  { id: 'u1', field: 'tanpa_aturan', content_type: 'image/png', size: 5 * MB },
];
const problemFor = (id: string, value: unknown, options: ValidateOptions = {}) => {
  const problems = validateAnswers(
    rulesForm,
    { [id]: value },
    { today, attachments: rulesAttachments, ...options },
  );
  expect(problems.length).toBeLessThanOrEqual(1);
  return problems[0]?.code;
};

describe('every type and rule (submit)', () => {
  it.each<[string, unknown, ProblemCode | undefined]>([
    ['teks', 'ABC', undefined],
    ['teks', '  ABCDE ', undefined], // trimmed for the checks
    ['teks', 'AB', 'min_length'],
    ['teks', 'ABCDEF', 'max_length'],
    ['teks', 'ABc', 'pattern'],
    ['teks', 'ABC\nD', 'pattern'], // the pattern is anchored to the whole value
    ['teks', 42, 'type'],
    ['teks', ['ABC'], 'type'],
    ['teks', { a: 1 }, 'type'],
    ['npwp', '012345678901234', undefined],
    ['npwp', '01.234.567.8-901.234', 'pattern'],
    ['catatan', '😀😀😀', undefined], // three characters (six UTF-16 units)
    ['catatan', '😀😀😀😀', 'max_length'],
    ['jumlah', 1, undefined],
    ['jumlah', 10, undefined],
    ['jumlah', 0, 'min'], // 0 is an answer
    ['jumlah', 10.5, 'max'],
    ['jumlah', '5', 'type'],
    ['jumlah', Number.NaN, 'type'],
    ['jumlah', Number.POSITIVE_INFINITY, 'type'],
    ['tanggal', '2025-01-01', undefined],
    ['tanggal', today, undefined],
    ['tanggal', '2024-12-31', 'min_date'],
    ['tanggal', '2025-06-02', 'max_date'],
    ['tanggal', '2025-02-30', 'date'],
    ['tanggal', '1/6/2025', 'date'],
    ['tanggal', 20250601, 'type'],
    ['jadwal', today, undefined],
    ['jadwal', '2025-05-31', 'min_date'],
    ['jadwal', '2026-01-01', 'max_date'],
    ['pilihan', 'a', undefined],
    ['pilihan', ' b ', undefined],
    ['pilihan', 'c', 'option'],
    ['pilihan', 'A', 'option'],
    ['pilihan', ['a'], 'type'],
    ['jenis', 'baru', undefined],
    ['jenis', 'lama', 'option'],
    ['minat', ['x', 'z'], undefined],
    ['minat', ['x', 'x'], 'duplicate'],
    ['minat', ['x', 'w'], 'option'],
    ['minat', 'x', 'type'],
    ['minat', true, 'type'],
    ['minat', ['x', 1], 'type'],
    ['setuju', true, undefined],
    ['setuju', false, undefined], // not required: unticked is an answer
    ['setuju', 'true', 'type'],
    ['setuju', ['ya'], 'type'],
    ['nik', '3374011708900001', undefined],
    ['nik', '3374011708900000', 'nik'],
    ['nik', 3374011708900001, 'type'],
    ['nik', '3374 0117 0890 0001', undefined], // in groups of four, as on the card
    ['nik', '3374.0117.0890.0001', undefined],
    ['nik', '3374-0117-0890-0001', undefined],
    ['nik', '3374 0117 0890 000O', 'nik'], // a letter O is no digit
    ['nomor_kk', '3578061203150007', undefined],
    ['nomor_kk', '3578 0612 0315 0007', undefined],
    ['nomor_kk', '3578.0612.0315.0007', undefined],
    ['nomor_kk', '3578-0612-0315-0007', undefined],
    ['nomor_kk', '3578 0612 0315 000', 'kk'],
    ['nomor_kk', '3578 0612 0315 000x', 'kk'],
    ['nomor_kk', 3578061203150007, 'type'],
    ['telepon', '0812 3456 7890', undefined],
    ['telepon', '021 123 4567', 'phone'],
    ['telepon', 81234567890, 'type'],
    ['surel', 'siti@contoh.id', undefined],
    ['surel', 'siti@contoh', 'email'],
    ['berkas', ['p1'], undefined],
    ['berkas', ['p2'], 'file_size'],
    ['berkas', ['j1'], 'file_type'],
    ['berkas', ['p1', 'p1'], 'duplicate'],
    ['tanpa_aturan', ['u1'], undefined], // no FileRule: one file, any type or size
    ['tanpa_aturan', ['u1', 'u2'], 'file_count'],
  ])('%s = %j → %s', (id, value, code) => {
    expect(problemFor(id, value)).toBe(code);
  });

  it('uses the form’s pattern_message when it has one', () => {
    const message = (lang: 'id' | 'en') =>
      validateAnswers(rulesForm, { npwp: '12' }, { today, lang })[0]?.message;
    expect(message('id')).toBe('NPWP terdiri atas 15 atau 16 angka.');
    expect(message('en')).toBe('An NPWP has 15 or 16 digits.');
    expect(validateAnswers(rulesForm, { teks: 'abc' }, { today })[0]?.message).toBe(
      'Format Isian teks tidak sesuai.',
    );
  });

  it('ignores a pattern that does not compile rather than throw', () => {
    const broken = {
      steps: [
        {
          id: 'rusak',
          title: { id: 'Rusak', en: 'Broken' },
          fields: [field({ id: 'x', type: 'text', pattern: '(' })],
        },
      ],
    };
    expect(validateAnswers(broken, { x: 'anything' }, { today })).toEqual([]);
  });

  it('reads `today` as today in Jakarta when not given', () => {
    expect(validateAnswers(rulesForm, { tanggal: '2025-01-02' })).toEqual([]);
    expect(validateAnswers(rulesForm, { tanggal: '2999-01-01' })[0]?.code).toBe('max_date');
  });
});

describe('required, per type', () => {
  const requiredForm = {
    steps: rulesForm.steps.map((step) => ({
      ...step,
      fields: step.fields.map((f) => ({ ...f, required: true })),
    })),
  };
  const problems = validateAnswers(requiredForm, {}, { today, lang: 'en' });

  it('is reported for every field in submit mode and never in a draft', () => {
    expect(codes(problems)).toEqual({
      teks: 'required',
      npwp: 'required',
      catatan: 'required',
      jumlah: 'required',
      tanggal: 'required',
      jadwal: 'required',
      pilihan: 'required',
      jenis: 'required',
      minat: 'required',
      setuju: 'required',
      nik: 'required',
      nomor_kk: 'required',
      telepon: 'required',
      surel: 'required',
      berkas: 'file_required',
      tanpa_aturan: 'file_required',
    });
    expect(validateAnswers(requiredForm, {}, { today, mode: 'draft' })).toEqual([]);
  });

  it('words choices, declarations and files differently', () => {
    const message = (id: string) => problems.find((p) => p.field === id)?.message;
    expect(message('teks')).toBe('Field teks is required.');
    expect(message('minat')).toBe('Field minat is required: choose an option.');
    expect(message('setuju')).toBe('Tick “Field setuju” to continue.');
    expect(message('berkas')).toBe('Field berkas is required: upload a file.');
  });

  it('asks for at least one choice of a checkbox list and a tick of a yes/no box', () => {
    expect(validateAnswers(requiredForm, { minat: [] }, { today, only: ['minat'] })[0]?.code).toBe(
      'required',
    );
    expect(validateAnswers(requiredForm, { setuju: false }, { today, only: ['setuju'] })[0]?.code).toBe(
      'required',
    );
    expect(validateAnswers(requiredForm, { setuju: true }, { today, only: ['setuju'] })).toEqual([]);
  });
});

describe('draft mode', () => {
  it.each<[string, unknown, ProblemCode | undefined]>([
    ['nik', '3374', undefined], // half typed
    ['teks', 'a', undefined],
    ['telepon', '0812', undefined],
    ['surel', 'siti@', undefined],
    ['tanggal', '2025-02-30', undefined],
    ['pilihan', 'c', undefined],
    ['jumlah', 99, undefined],
    ['berkas', ['tidak-ada'], undefined],
    ['nik', 3374, 'type'],
    ['jumlah', '5', 'type'],
    ['setuju', 'ya', 'type'],
    ['minat', 'x', 'type'],
    ['berkas', 'p1', 'type'],
    ['tidak_dikenal', 'x', 'unknown_field'],
  ])('%s = %j → %s', (id, value, code) => {
    expect(problemFor(id, value, { mode: 'draft' })).toBe(code);
  });

  it('checks the shape of hidden answers too (a citizen may come back to them)', () => {
    expect(codes(check({ surat_kehilangan: 'bukan daftar' }, { mode: 'draft' }))).toEqual({
      surat_kehilangan: 'type',
    });
  });
});

describe('visibility', () => {
  const t = (id: string) => ({ id, en: id });
  const conditional = {
    steps: [
      {
        id: 'umum',
        title: t('Umum'),
        fields: [
          field({
            id: 'status',
            type: 'select',
            options: ['wni', 'wna'].map((value) => ({ value, label: t(value) })),
          }),
          field({ id: 'usia', type: 'number' }),
          field({ id: 'punya_npwp', type: 'checkbox' }),
          field({
            id: 'layanan',
            type: 'checkbox',
            options: ['a', 'b', 'c'].map((value) => ({ value, label: t(value) })),
          }),
          field({
            id: 'npwp',
            type: 'text',
            required: true,
            visible_if: { field: 'punya_npwp', equals: true },
          }),
          field({
            id: 'paspor',
            type: 'text',
            required: true,
            visible_if: { field: 'status', equals: 'wna' },
          }),
          field({ id: 'kitas', type: 'text', required: true, visible_if: { field: 'paspor' } }),
          field({ id: 'wali', type: 'text', required: true, visible_if: { field: 'usia', equals: 17 } }),
          field({
            id: 'catatan_bc',
            type: 'text',
            required: true,
            visible_if: { field: 'layanan', one_of: ['b', 'c'] },
          }),
          field({
            id: 'asal',
            type: 'text',
            required: true,
            visible_if: { field: 'status', one_of: ['wna'], equals: 'wni' },
          }),
          field({
            id: 'hantu',
            type: 'text',
            required: true,
            visible_if: { field: 'tidak_ada', equals: 'x' },
          }),
        ],
      },
      {
        id: 'orang_asing',
        title: t('Orang asing'),
        visible_if: { field: 'status', equals: 'wna' },
        fields: [field({ id: 'visa', type: 'text', required: true })],
      },
    ],
  };
  const shown = (answers: Record<string, unknown>) => visibleFields(conditional, answers).map((f) => f.id);
  const always = ['status', 'usia', 'punya_npwp', 'layanan'];

  it.each<[string, Record<string, unknown>, string[]]>([
    ['nothing answered', {}, always],
    ['a ticked yes/no box (equals true)', { punya_npwp: true }, [...always, 'npwp']],
    ['an unticked one', { punya_npwp: false }, always],
    ['a string answer (equals, trimmed)', { status: ' wna ' }, [...always, 'paspor', 'asal', 'visa']],
    ['either equals or one_of', { status: 'wni' }, [...always, 'asal']],
    [
      'a condition with neither: any answer',
      { status: 'wna', paspor: 'C1234567' },
      [...always, 'paspor', 'kitas', 'asal', 'visa'],
    ],
    ['a number (strict: 17, not "17")', { usia: 17 }, [...always, 'wali']],
    ['a string where a number is expected', { usia: '17' }, always],
    ['a list answer containing one of one_of', { layanan: ['a', 'c'] }, [...always, 'catatan_bc']],
    ['a list answer containing none', { layanan: ['a'] }, always],
  ])('%s', (_, answers, expected) => {
    expect(shown(answers)).toEqual(expected);
  });

  it('counts an untouched yes/no box as unticked (equals false)', () => {
    const npwpForm = {
      steps: [
        {
          id: 'pajak',
          title: t('Pajak'),
          fields: [
            field({ id: 'punya_npwp', type: 'checkbox' }),
            field({
              id: 'alasan',
              type: 'text',
              required: true,
              visible_if: { field: 'punya_npwp', equals: false },
            }),
          ],
        },
      ],
    };
    const alasan = (answers: Record<string, unknown>) =>
      visibleFields(npwpForm, answers).some((f) => f.id === 'alasan');
    expect(alasan({})).toBe(true);
    expect(alasan({ punya_npwp: null })).toBe(true);
    expect(alasan({ punya_npwp: false })).toBe(true);
    expect(alasan({ punya_npwp: true })).toBe(false);
    expect(codes(validateAnswers(npwpForm, {}, { today }))).toEqual({ alasan: 'required' });
  });

  it('hides what depends on a hidden field, even when a stale answer remains', () => {
    // paspor is hidden (status is not wna), so its stale answer does not show kitas
    expect(shown({ status: 'wni', paspor: 'C1234567' })).toEqual([...always, 'asal']);
    const [kitas] = visibleFields(conditional, { status: 'wna', paspor: 'C1234567' }).filter(
      (f) => f.id === 'kitas',
    );
    if (!kitas) return expect.unreachable('kitas is shown once there is a passport number');
    expect(isVisible(kitas, { status: 'wni', paspor: 'C1234567' }, conditional)).toBe(false);
    // without the form, only the field's own condition is read
    expect(isVisible(kitas, { status: 'wni', paspor: 'C1234567' })).toBe(true);
  });

  it('hides whole steps', () => {
    const step = conditional.steps[1];
    const visa = step?.fields[0];
    if (!step || !visa) return expect.unreachable();
    expect(visibleSteps(conditional, {}).map((s) => s.id)).toEqual(['umum']);
    expect(visibleSteps(conditional, { status: 'wna' }).map((s) => s.id)).toEqual(['umum', 'orang_asing']);
    expect(visibleSteps(conditional, { status: 'wna' })[1]).toBe(step); // the form's own objects
    expect(isVisible(step, { status: 'wna' })).toBe(true);
    expect(isVisible(step, { status: 'wni' }, conditional)).toBe(false);
    expect(isVisible(visa, { status: 'wni' }, conditional)).toBe(false);
  });

  it('requires only shown fields and rejects hidden answers on submit', () => {
    expect(codes(validateAnswers(conditional, { status: 'wna' }, { today }))).toEqual({
      paspor: 'required',
      asal: 'required',
      visa: 'required',
    });
    expect(
      codes(
        validateAnswers(conditional, { status: 'wni', asal: 'Jakarta', visa: 'B211', hantu: 'x' }, { today }),
      ),
    ).toEqual({
      visa: 'hidden_field',
      hantu: 'hidden_field',
    });
  });

  it('survives a cycle of conditions', () => {
    const cyclic = {
      steps: [
        {
          id: 's',
          title: t('S'),
          fields: [
            field({ id: 'a', type: 'text', required: true, visible_if: { field: 'b' } }),
            field({ id: 'b', type: 'text', required: true, visible_if: { field: 'a' } }),
            field({ id: 'c', type: 'text', required: true, visible_if: { field: 'c' } }),
          ],
        },
      ],
    };
    expect(() => validateAnswers(cyclic, { a: 'x', b: 'y', c: 'z' }, { today })).not.toThrow();
    expect(visibleFields(cyclic, {})).toEqual([]);
  });
});

describe('messages', () => {
  const label = 'Nama lengkap';
  const samples: { [C in ProblemCode]: MessageParams[C][] } = {
    required: [
      { label, kind: 'text' },
      { label, kind: 'choice' },
      { label, kind: 'confirm' },
    ],
    type: [{ label }],
    pattern: [{ label }],
    min_length: [
      { label, limit: 1 },
      { label, limit: 3 },
    ],
    max_length: [
      { label, limit: 1 },
      { label, limit: 1000 },
    ],
    min: [{ label, limit: 1.5 }],
    max: [{ label, limit: 1_000_000 }],
    min_date: [
      { label, date: '2025-08-17', today: false },
      { label, date: today, today: true },
    ],
    max_date: [
      { label, date: '2025-08-17', today: false },
      { label, date: today, today: true },
    ],
    option: [{ label }],
    duplicate: [{ label }],
    nik: (['length', 'digits', 'province', 'date', 'serial'] as const).map((reason) => ({
      label,
      reason,
      digits: 15,
    })),
    kk: (['length', 'digits'] as const).map((reason) => ({ label, reason, digits: 15 })),
    phone: [{ label }],
    email: [{ label }],
    date: [{ label }],
    file_required: [{ label }],
    file_count: [
      { label, limit: 1 },
      { label, limit: 3 },
    ],
    file_type: [
      { label, accept: ['application/pdf'] },
      { label, accept: ['application/pdf', 'image/jpeg', 'image/png'] },
    ],
    file_size: [
      { label, maxBytes: 500 * 1024 },
      { label, maxBytes: 10 * MB },
    ],
    file_unknown: [{ label }],
    file_rejected: [{ label }],
    unknown_field: [{ field: 'nama_lengkap' }],
    hidden_field: [{ label }],
  };
  const say = (messages: FormMessages, code: ProblemCode, params: unknown) =>
    (messages[code] as (p: unknown) => string)(params);

  it.each(['id', 'en'] as const)('%s has a message naming the field for every code and case', (lang) => {
    for (const code of Object.keys(samples) as ProblemCode[]) {
      for (const params of samples[code]) {
        const message = say(formMessages[lang], code, params);
        expect(message).toMatch(/^\S.*[.]$/);
        expect(message).toContain('label' in params ? label : 'nama_lengkap');
        expect(message).not.toMatch(/undefined|NaN|\[object/);
      }
    }
  });

  it('puts numbers, dates and plurals the way each language writes them', () => {
    const { id, en } = formMessages;
    expect(id.min_length({ label, limit: 1 })).toBe('Nama lengkap minimal 1 karakter.');
    expect(id.min_length({ label, limit: 3 })).toBe('Nama lengkap minimal 3 karakter.');
    expect(en.min_length({ label: 'Full name', limit: 1 })).toBe('Full name must be at least 1 character.');
    expect(en.min_length({ label: 'Full name', limit: 3 })).toBe('Full name must be at least 3 characters.');
    expect(en.max_length({ label: 'Full name', limit: 1000 })).toBe(
      'Full name must be 1,000 characters or fewer.',
    );
    expect(id.max({ label: 'Luas tanah', limit: 1_000_000 })).toBe('Luas tanah maksimal 1.000.000.');
    expect(id.min({ label: 'Luas', limit: 1.5 })).toBe('Luas minimal 1,5.');
    expect(id.max_date({ label: 'Tanggal lahir', date: '2025-08-17', today: false })).toBe(
      'Tanggal lahir tidak boleh setelah 17 Agustus 2025.',
    );
    expect(en.min_date({ label: 'Appointment', date: '2025-08-17', today: false })).toBe(
      'Appointment must be on or after 17 August 2025.',
    );
    expect(id.max_date({ label: 'Tanggal lahir', date: today, today: true })).toBe(
      'Tanggal lahir tidak boleh setelah hari ini.',
    );
    expect(id.nik({ label: 'NIK', reason: 'length', digits: 15 })).toBe(
      'NIK harus 16 digit (yang diisi 15).',
    );
    expect(en.nik({ label: 'NIK', reason: 'length', digits: 1 })).toBe(
      'NIK must be 16 digits (you entered 1 digit).',
    );
    expect(id.file_size({ label: 'Pas foto', maxBytes: 500 * 1024 })).toBe(
      'Ukuran berkas Pas foto maksimal 500 kB.',
    );
    expect(id.file_size({ label: 'Pas foto', maxBytes: 1.5 * MB })).toBe(
      'Ukuran berkas Pas foto maksimal 1,5 MB.',
    );
    expect(id.file_type({ label: 'Akta', accept: ['application/pdf', 'image/jpeg', 'image/png'] })).toBe(
      'Akta harus berupa berkas PDF, JPG, atau PNG.',
    );
  });

  it('explains each kind of bad NIK through the validator', () => {
    const nikProblem = (nik: string, lang: 'id' | 'en' = 'id') =>
      check({ ...lostKtp, nik }, { lang })[0]?.message;
    expect(nikProblem('337401570890002')).toBe('NIK harus 16 digit (yang diisi 15).');
    expect(nikProblem('3374-0157-0890-0002')).toBeUndefined(); // groups of four are fine
    expect(nikProblem('3374 0157 0890 000')).toBe('NIK harus 16 digit (yang diisi 15).');
    expect(nikProblem('3374/0157/0890/0002')).toBe('NIK hanya boleh berisi angka.');
    expect(nikProblem('9974015708900002')).toBe('Dua digit pertama NIK bukan kode provinsi yang berlaku.');
    expect(nikProblem('3374013002900002', 'en')).toBe(
      'NIK does not contain a valid date of birth (digits 7 to 12).',
    );
    expect(nikProblem('3374015708900000', 'en')).toBe('The last four digits of NIK cannot be 0000.');
  });

  it('quotes a label that is a question, and drops a trailing colon', () => {
    const asked = {
      steps: [
        {
          id: 's',
          title: { id: 'S', en: 'S' },
          fields: [
            field({
              id: 'hubungan',
              type: 'radio',
              required: true,
              label: { id: 'Apa hubungan Anda dengan anak?', en: 'How are you related to the child?' },
              options: [{ value: 'ayah', label: { id: 'Ayah', en: 'Father' } }],
            }),
            field({ id: 'alamat', type: 'text', required: true, label: { id: 'Alamat:', en: 'Address:' } }),
          ],
        },
      ],
    };
    expect(validateAnswers(asked, {}, { today }).map((p) => p.message)).toEqual([
      '“Apa hubungan Anda dengan anak?” wajib dipilih.',
      'Alamat wajib diisi.',
    ]);
    expect(validateAnswers(asked, {}, { today, lang: 'en' })[0]?.message).toBe(
      '“How are you related to the child?” is required: choose an option.',
    );
  });

  it('can be replaced in part', () => {
    const problems = check({}, { messages: { required: ({ label: l }) => `Mohon isi ${l}.` } });
    expect(problems[0]?.message).toBe('Mohon isi Nama lengkap.');
    expect(check({ ...lostKtp, telepon: '1' }, { messages: {} })[0]?.message).toBe(
      'Nomor ponsel harus nomor ponsel Indonesia, misalnya 0812 3456 7890 atau +62 812 3456 7890.',
    );
  });

  it('falls back to Indonesian for an unknown language', () => {
    expect(check({}, { lang: 'fr' as never })[0]?.message).toBe('Nama lengkap wajib diisi.');
  });
});

describe('properties', () => {
  const fieldIds = ktpForm.steps.flatMap((s) => s.fields.map((f) => f.id));
  const key = fc.oneof(
    fc.constantFrom(...fieldIds, 'constructor', '__proto__', 'a/b~c'),
    fc.string({ maxLength: 12 }),
  );
  const value = fc.oneof(
    fc.jsonValue(),
    fc.constantFrom('hilang', 'rusak', '3374015708900002', '081234567890', 'lapor-polisi', true, false, null),
    fc.array(fc.constantFrom('lapor-polisi', 'foto-depan', 'foto-pdf', 'x'), { maxLength: 4 }),
  );
  const answers = fc.oneof(
    { weight: 5, arbitrary: fc.dictionary(key, value, { maxKeys: 12 }) },
    { weight: 1, arbitrary: fc.jsonValue() },
  );
  const options = fc.record(
    {
      lang: fc.constantFrom('id', 'en'),
      mode: fc.constantFrom('submit', 'draft'),
      only: fc.array(fc.oneof(fc.constantFrom(...fieldIds), fc.string({ maxLength: 6 })), { maxLength: 4 }),
      attachments: fc.constant(attachments),
    },
    { requiredKeys: ['lang', 'mode'] },
  ) as fc.Arbitrary<ValidateOptions>;
  const pointerOf = (k: string) => `/answers/${k.replaceAll('~', '~0').replaceAll('/', '~1')}`;

  it('never throws for arbitrary JSON answers, and points only at form fields or given answers', () => {
    fc.assert(
      fc.property(answers, options, (input, opts) => {
        const given =
          typeof input === 'object' && input !== null && !Array.isArray(input) ? Object.keys(input) : [];
        const problems = validateAnswers(ktpForm, input as Record<string, unknown>, { today, ...opts });
        const fields = problems.map((p) => p.field);
        expect(new Set(fields).size).toBe(fields.length); // one problem per field
        for (const problem of problems) {
          expect(fieldIds.includes(problem.field) || given.includes(problem.field)).toBe(true);
          if (opts.only) expect(opts.only).toContain(problem.field);
          expect(problem.pointer).toBe(pointerOf(problem.field));
          expect(problem.message.length).toBeGreaterThan(0);
          if (opts.mode === 'draft') expect(['type', 'unknown_field']).toContain(problem.code);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives a field the same problem when it is checked alone (as a component does on blur)', () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 10 }), (input) => {
        for (const problem of validateAnswers(ktpForm, input, { today, attachments })) {
          expect(validateAnswers(ktpForm, input, { today, attachments, only: [problem.field] })).toEqual([
            problem,
          ]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is never stricter in a draft than on submit', () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 10 }), (input) => {
        const submitted = validateAnswers(ktpForm, input, { today, attachments });
        for (const problem of validateAnswers(ktpForm, input, { today, attachments, mode: 'draft' })) {
          expect(submitted.some((p) => p.field === problem.field)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
