import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CSV_COLUMNS,
  type CsvColumn,
  OPTIONAL_CSV_COLUMNS,
  parseServicesCsv,
  splitList,
} from '../src/catalogue/import-csv.js';
import { checkRecord, type ServiceRecord } from '../src/catalogue/record.js';

/** Writes records as import CSV (test helper; CSV cannot hold fee variants or complaint channels). */
function toCsv(records: ServiceRecord[], delimiter = ','): string {
  const quote = (value: string) =>
    value.includes(delimiter) || /["\r\n]/.test(value) || value !== value.trim()
      ? `"${value.replaceAll('"', '""')}"`
      : value;
  const list = (items: string[] | undefined) => (items ?? []).join(' | ');
  const cells = (r: ServiceRecord): Record<CsvColumn, string> => ({
    id: r.id,
    region: r.region ?? '',
    name_id: r.name.id,
    name_en: r.name.en,
    aliases: list(r.aliases),
    agency_id: r.agency.id,
    agency_name_id: r.agency.name_id,
    agency_name_en: r.agency.name_en,
    agency_level: r.agency.level,
    category: r.category,
    requirements_id: list(r.requirements.map((x) => x.id)),
    requirements_en: list(r.requirements.map((x) => x.en)),
    procedure_id: list(r.procedure.map((x) => x.id)),
    procedure_en: list(r.procedure.map((x) => x.en)),
    duration_days: r.duration_days === null ? '' : String(r.duration_days),
    duration_text: r.duration_text ?? '',
    fee_amount_idr: r.fee.amount_idr === null ? '' : String(r.fee.amount_idr),
    fee_legal_basis: r.fee.legal_basis ?? '',
    output_id: r.output.id,
    output_en: r.output.en,
    channels: list(r.channels),
    online_url: r.online_url ?? '',
    legal_basis: list(r.legal_basis),
    life_events: list(r.life_events),
    confidence: r.confidence,
    sources: list(r.sources),
    notes: r.notes ?? '',
  });
  const lines = [CSV_COLUMNS.join(delimiter)];
  for (const r of records) lines.push(CSV_COLUMNS.map((c) => quote(cells(r)[c])).join(delimiter));
  return `${lines.join('\n')}\n`;
}

const base: ServiceRecord = {
  id: 'tes-csv',
  region: null,
  name: { id: 'Layanan Uji', en: 'Test Service' },
  aliases: [],
  agency: { id: 'tes-dinas', name_id: 'Dinas Uji', name_en: 'Test Office', level: 'regency' },
  category: 'civil-registration',
  requirements: [{ id: 'KTP-el', en: 'ID card' }],
  procedure: [],
  duration_days: null,
  duration_text: null,
  fee: { amount_idr: null, legal_basis: null },
  output: { id: 'Dokumen', en: 'Document' },
  channels: ['mpp'],
  online_url: null,
  legal_basis: [],
  life_events: [],
  confidence: 'low',
  sources: ['test'],
  notes: null,
};

describe('CSV import format', () => {
  it('splits list cells on " | " and trims the items; an empty cell is an empty list', () => {
    expect(splitList('')).toEqual([]);
    expect(splitList('   ')).toEqual([]);
    expect(splitList('a')).toEqual(['a']);
    expect(splitList(' a |  b  | c ')).toEqual(['a', 'b', 'c']);
    expect(splitList('a|b | c')).toEqual(['a|b', 'c']);
  });

  it('turns a row into the same record as JSON, with empty cells as null or empty lists', () => {
    const record: ServiceRecord = {
      ...base,
      region: '33.74',
      aliases: ['uji', 'coba, lagi'],
      requirements: [
        { id: 'KTP-el, asli', en: 'ID card, original' },
        { id: 'Surat "pengantar"', en: '"Cover" letter' },
      ],
      duration_days: 0,
      fee: { amount_idr: 0, legal_basis: 'Perda 1/2024' },
      channels: ['mpp', 'online'],
      online_url: 'https://example.org',
      notes: 'baris 1\nbaris 2',
    };
    const { rows, problems } = parseServicesCsv(toCsv([record, base]));
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.row, r.value, r.problems])).toEqual([
      [2, record, []],
      [4, base, []], // the notes cell of row 2 spans lines 2–3
    ]);
  });

  it('accepts a BOM, CRLF line ends, blank and empty rows, and semicolon-delimited files', () => {
    const text = toCsv([base, { ...base, id: 'tes-dua' }], ';').replaceAll('\n', '\r\n');
    const [header, first, second] = text.split('\r\n');
    const { rows, problems } = parseServicesCsv(
      `\uFEFF${header}\r\n\r\n${first}\r\n${';'.repeat(CSV_COLUMNS.length - 1)}\r\n${second}\r\n\r\n`,
    );
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.row, (r.value as ServiceRecord).id])).toEqual([
      [3, 'tes-csv'],
      [5, 'tes-dua'],
    ]);
    expect(rows[0]?.value).toEqual(base);
  });

  it('leaves out optional columns that are not in the header', () => {
    const columns = CSV_COLUMNS.filter((c) => !OPTIONAL_CSV_COLUMNS.includes(c));
    const values: Partial<Record<CsvColumn, string>> = {
      id: 'tes-min',
      name_id: 'Nama',
      name_en: 'Name',
      agency_id: 'tes-dinas',
      agency_name_id: 'Dinas Uji',
      agency_name_en: 'Test Office',
      agency_level: 'regency',
      category: 'tax',
      output_id: 'Dokumen',
      output_en: 'Document',
      confidence: 'low',
      sources: 'test',
    };
    const { rows, problems } = parseServicesCsv(
      `${columns.join(',')}\n${columns.map((c) => values[c] ?? '').join(',')}\n`,
    );
    expect(problems).toEqual([]);
    const value = rows[0]?.value as Record<string, unknown>;
    for (const column of ['region', 'aliases', 'duration_text', 'online_url', 'life_events', 'notes']) {
      expect(value).not.toHaveProperty(column);
    }
    expect(checkRecord(value, 2)).toEqual([]);
  });

  it('reads numbers strictly: empty is unknown (null), "0" is zero, anything else is a problem', () => {
    const row = (duration: string, fee: string) => {
      const text = toCsv([base]).replace(/,,,,,(Dokumen)/, `,${duration},,${fee},,$1`);
      const [parsed] = parseServicesCsv(text).rows;
      return parsed as { value: ServiceRecord; problems: unknown[] };
    };
    expect(row('', '').value).toMatchObject({ duration_days: null, fee: { amount_idr: null } });
    expect(row('0', '0').value).toMatchObject({ duration_days: 0, fee: { amount_idr: 0 } });
    expect(row('14', '50000').value).toMatchObject({ duration_days: 14, fee: { amount_idr: 50000 } });
    expect(row('-1', '0').value.duration_days).toBe(-1); // left to the schema (minimum 0)
    const bad = row('2 minggu', 'Rp 50.000');
    expect(bad.value).toMatchObject({ duration_days: null, fee: { amount_idr: null } });
    expect(bad.problems).toEqual([
      expect.objectContaining({ row: 2, id: 'tes-csv', pointer: '/duration_days' }),
      expect.objectContaining({ row: 2, id: 'tes-csv', pointer: '/fee/amount_idr' }),
    ]);
  });

  it('needs the same number of items in both languages of requirements and procedure', () => {
    const text = toCsv([base]).replace('KTP-el,ID card', 'KTP-el | KK,ID card');
    const [row] = parseServicesCsv(text).rows;
    expect(row?.problems).toEqual([
      {
        row: 2,
        id: 'tes-csv',
        pointer: '/requirements',
        message: expect.stringContaining('requirements_id has 2 item(s) but requirements_en has 1'),
      },
    ]);
  });

  it('reports a row with the wrong number of cells, and values in unnamed columns', () => {
    const text = toCsv([base, base]);
    const [header, first, second] = text.split('\n') as [string, string, string];
    const { rows } = parseServicesCsv(`${header},\n${first},oops\n${second.replace('tes-csv', 'tes-b')}\n`);
    expect(rows[0]?.problems).toEqual([
      expect.objectContaining({ row: 2, message: expect.stringContaining('has no name in the header') }),
    ]);
    expect(rows[1]?.value).toBeUndefined();
    expect(rows[1]?.problems).toEqual([
      expect.objectContaining({
        row: 3,
        id: 'tes-b',
        message: expect.stringMatching(/27 cells but the header has 28/),
      }),
    ]);
  });

  it('reports header problems on line 1 and does not read the rows', () => {
    const text = toCsv([base])
      .replace('aliases,', 'alias,')
      .replace(',confidence,', ',confidence,id,')
      .replace(',sources', '');
    const { rows, problems } = parseServicesCsv(text);
    expect(rows).toEqual([]);
    expect(problems.map((p) => [p.row, p.message.replace(/ \(the columns are.*/, '')])).toEqual([
      [1, 'unknown column "alias"'],
      [1, 'column "id" appears more than once'],
      [1, 'missing column(s) sources'],
    ]);
  });

  it('reports an empty file, a header without rows, and bad quoting as one problem', () => {
    expect(parseServicesCsv('').problems).toEqual([
      { row: 0, id: null, pointer: '/', message: 'the file is empty' },
    ]);
    expect(parseServicesCsv(`${CSV_COLUMNS.join(',')}\n`).problems).toEqual([
      { row: 0, id: null, pointer: '/', message: 'the file has a header but no services' },
    ]);
    const bad = parseServicesCsv(`${CSV_COLUMNS.join(',')}\nuji,"a"b\n`);
    expect(bad.problems).toHaveLength(1);
    expect(bad.problems[0]?.message).toMatch(/^not valid CSV: Invalid Closing Quote/);
  });

  it('round-trips any representable record through CSV (property)', () => {
    const chars = fc.constantFrom(...'aZé 9,;"\'|/\n\r\tİ-_.'.split(''));
    const text = fc
      .string({ unit: chars, minLength: 1, maxLength: 12 })
      .map((s) => s.trim())
      .filter((s) => s !== '' && !/(^|\s)\|(\s|$)/.test(s));
    const localized = fc.record({ id: text, en: text });
    const nullableText = fc.option(text, { nil: null });
    const recordArb = fc.record({
      ...Object.fromEntries(Object.entries(base).map(([k, v]) => [k, fc.constant(v)])),
      name: localized,
      aliases: fc.array(text, { maxLength: 3 }),
      requirements: fc.array(localized, { maxLength: 3 }),
      procedure: fc.array(localized, { maxLength: 3 }),
      duration_days: fc.option(fc.nat(3650), { nil: null }),
      duration_text: nullableText,
      fee: fc.record({ amount_idr: fc.option(fc.nat(), { nil: null }), legal_basis: nullableText }),
      output: localized,
      legal_basis: fc.array(text, { maxLength: 3 }),
      sources: fc.array(text, { minLength: 1, maxLength: 3 }),
      notes: nullableText,
    }) as fc.Arbitrary<ServiceRecord>;
    fc.assert(
      fc.property(
        fc.array(recordArb, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(',', ';'),
        (records, d) => {
          const { rows, problems } = parseServicesCsv(toCsv(records, d));
          expect(problems).toEqual([]);
          expect(rows.map((r) => r.value)).toEqual(records);
          expect(rows.flatMap((r) => r.problems)).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
