import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { importServices } from '../src/catalogue/import.js';
import type { ImportReport } from '../src/catalogue/import-runner.js';
import { checkRecord, type ServiceRecord } from '../src/catalogue/record.js';
import {
  generateSyntheticCatalogue,
  SYNTHETIC_SOURCE,
  writeSyntheticCatalogue,
} from '../src/catalogue/synthetic.js';
import type { Db } from '../src/db/index.js';
import { createTestDb } from './helpers/db.js';

const fixture = (name: string) => new URL(`./fixtures/import/${name}`, import.meta.url).pathname;
const fixtureIds = ['tes-layanan-a', 'tes-layanan-b'];

/** A minimal valid record; tests change what they need. */
function record(id: string, overrides: Partial<ServiceRecord> = {}): ServiceRecord {
  return {
    id,
    name: { id: `Layanan ${id}`, en: `Service ${id}` },
    agency: { id: 'tes-dinas', name_id: 'Dinas Uji', name_en: 'Test Office', level: 'regency' },
    category: 'civil-registration',
    requirements: [{ id: 'KTP-el', en: 'KTP-el' }],
    procedure: [{ id: 'Datang', en: 'Come in' }],
    duration_days: 3,
    fee: { amount_idr: null, legal_basis: null },
    output: { id: 'Dokumen', en: 'Document' },
    channels: ['mpp'],
    legal_basis: [],
    confidence: 'medium',
    sources: ['test'],
    ...overrides,
  };
}

const jsonText = (records: unknown[]) => ({ text: JSON.stringify(records), format: 'json' as const });

describe('importServices', () => {
  let db: Db;
  let scratch: string;
  beforeAll(async () => {
    db = await createTestDb();
    scratch = await mkdtemp(join(tmpdir(), 'loket-import-'));
  });
  // Test services are named tes-… (no real id starts so) or are synthetic.
  afterEach(async () => {
    await db.query("delete from service where id like 'tes-%' or synthetic");
  });
  afterAll(async () => {
    await db?.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  const version = async () =>
    Number((await db.query<{ v: string }>('select version::text as v from catalogue_version'))[0]?.v);
  const serviceCount = async () =>
    (await db.query<{ n: number }>('select count(*)::int as n from service'))[0]?.n;
  const exists = async (id: string) =>
    (await db.query('select 1 from service where id = $1', [id])).length === 1;

  /** Everything the import writes for these services, without the timestamp. */
  async function snapshot(ids: string[]) {
    const services = await db.query(
      `select id, region_code, category_id, agency_id, name_id, name_en, aliases, requirements, procedure,
         duration_days, duration_text, fee_amount_idr::text as fee_amount_idr, fee_legal_basis, fee_variants,
         output, channels, online_url, legal_basis, life_events, complaint_channels, confidence, sources, notes,
         synthetic
       from service where id = any($1::text[]) order by id`,
      [ids],
    );
    const agencies = await db.query(
      `select * from agency where id in (select agency_id from service where id = any($1::text[])) order by id`,
      [ids],
    );
    return { services, agencies };
  }

  /** Asserts a failed import wrote nothing. */
  async function expectNothingWritten(run: () => Promise<ImportReport>): Promise<ImportReport> {
    const [before, count] = [await version(), await serviceCount()];
    const report = await run();
    expect(report.ok).toBe(false);
    expect(report.inserted + report.updated).toBe(0);
    expect(await version()).toBe(before);
    expect(await serviceCount()).toBe(count);
    return report;
  }

  it('inserts from a JSON file, then updates on re-import, bumping the catalogue version once each time', async () => {
    const before = await version();
    const progress: [number, number][] = [];
    const first = await importServices(
      db,
      { path: fixture('services.json') },
      { onProgress: (done, total) => progress.push([done, total]) },
    );
    expect(first).toEqual({ ok: true, total: 2, inserted: 2, updated: 0, problems: [] });
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect(await version()).toBe(before + 1);

    const [a] = await db.query<Record<string, unknown>>(
      `select name_id, aliases, duration_days, fee_amount_idr::text as fee, online_url, life_events
       from service where id = 'tes-layanan-a'`,
    );
    expect(a).toEqual({
      name_id: 'Layanan Uji A',
      aliases: ['uji a', 'layanan percobaan'],
      duration_days: 0,
      fee: '0',
      online_url: 'https://uji.example.org/layanan-a',
      life_events: ['kelahiran'],
    });

    const second = await importServices(db, { path: fixture('services.json') });
    expect(second).toEqual({ ok: true, total: 2, inserted: 0, updated: 2, problems: [] });
    expect(await version()).toBe(before + 2);

    // A mix of new and existing ids is counted as such.
    const mixed = await importServices(db, jsonText([record('tes-layanan-a'), record('tes-layanan-c')]));
    expect(mixed).toMatchObject({ ok: true, total: 2, inserted: 1, updated: 1 });
    expect(await version()).toBe(before + 3);
  });

  it('stores lists and bilingual texts as JSON arrays and objects', async () => {
    expect((await importServices(db, { path: fixture('services.json') })).ok).toBe(true);
    const [row] = await db.query<Record<string, unknown>>(
      `select jsonb_typeof(requirements) as requirements, jsonb_typeof(procedure) as procedure,
         jsonb_typeof(output) as output, jsonb_typeof(duration_text) as duration_text,
         jsonb_typeof(fee_variants) as fee_variants, jsonb_typeof(complaint_channels) as complaint_channels,
         requirements -> 1 ->> 'id' as second_requirement, duration_text ->> 'en' as duration_en
       from service where id = 'tes-layanan-a'`,
    );
    expect(row).toEqual({
      requirements: 'array',
      procedure: 'array',
      output: 'object',
      duration_text: 'object',
      fee_variants: 'array',
      complaint_channels: 'array',
      second_requirement: 'Surat "pengantar" RT/RW',
      duration_en: 'Same day',
    });
  });

  it('gives the same database content from the CSV file as from the equivalent JSON (lists, nulls, quotes)', async () => {
    expect((await importServices(db, { path: fixture('services.json') })).inserted).toBe(2);
    const fromJson = await snapshot(fixtureIds);
    expect(fromJson.services).toHaveLength(2);
    await db.query('delete from service where id = any($1::text[])', [fixtureIds]);

    const csv = await importServices(db, { path: fixture('services.csv') });
    expect(csv).toEqual({ ok: true, total: 2, inserted: 2, updated: 0, problems: [] });
    expect(await snapshot(fixtureIds)).toEqual(fromJson);

    const b = fromJson.services.find((s) => s.id === 'tes-layanan-b');
    expect(b).toMatchObject({
      region_code: '33.74',
      aliases: [],
      duration_days: null,
      duration_text: null,
      fee_amount_idr: null,
      fee_legal_basis: null,
      online_url: null,
      notes: null,
    });

    // The same text with an explicit format.
    const text = await readFile(fixture('services.csv'), 'utf8');
    expect(await importServices(db, { text, format: 'csv' })).toMatchObject({ ok: true, updated: 2 });
    expect(await snapshot(fixtureIds)).toEqual(fromJson);
  });

  it('reports every bad row of a JSON file with row numbers and pointers, and writes nothing', async () => {
    const records: unknown[] = [
      record('tes-baik-1'),
      { ...record('tes-buruk-2'), name: undefined },
      record('tes-buruk-3', { confidence: 'certain' as never }),
      record('tes-baik-4'),
      record('tes-buruk-5', { duration_days: -1, online_url: 'ftp://example.org' }),
    ];
    const report = await expectNothingWritten(() => importServices(db, jsonText(records)));
    expect(report.total).toBe(5);
    expect(new Set(report.problems.map((p) => p.row))).toEqual(new Set([2, 3, 5]));
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 2, id: 'tes-buruk-2', pointer: '/', message: 'missing field "name"' }),
        expect.objectContaining({ row: 3, id: 'tes-buruk-3', pointer: '/confidence' }),
        expect.objectContaining({ row: 5, id: 'tes-buruk-5', pointer: '/duration_days' }),
        expect.objectContaining({ row: 5, id: 'tes-buruk-5', pointer: '/online_url' }),
      ]),
    );
    expect(report.problems.length).toBeGreaterThanOrEqual(4);
    expect(await exists('tes-baik-1')).toBe(false);
  });

  it('reports every bad row of a CSV file by its line number (header = line 1), and writes nothing', async () => {
    const csv = await readFile(fixture('services.csv'), 'utf8');
    const [header, rowA, rowA2, rowB] = csv.trimEnd().split('\n') as [string, string, string, string];
    const lines = [
      header,
      rowA.replace('tes-layanan-a', 'tes-csv-1'), // line 2, a quoted cell continues on line 3
      rowA2,
      rowB.replace('tes-layanan-b', 'tes-csv-4').replace(',Datang ke kantor,', ',Datang | Bayar,'), // line 4: 2 vs 1 items
      '',
      rowB.replace('tes-layanan-b', 'tes-csv-6').replace(',medium,', ',sedang,'), // line 6: bad confidence
      rowB
        .replace('tes-layanan-b', 'tes-csv-7')
        .replace('Visit the office,,', 'Visit the office,Rp 5.000,') // duration_days
        .replace(',Bukti uji,', ',,'), // line 7: no output_id, bad duration
    ];
    const report = await expectNothingWritten(() =>
      importServices(db, { text: `${lines.join('\r\n')}\r\n`, format: 'csv' }),
    );
    expect(report.total).toBe(4);
    expect(new Set(report.problems.map((p) => p.row))).toEqual(new Set([4, 6, 7]));
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 4, id: 'tes-csv-4', pointer: '/procedure' }),
        expect.objectContaining({ row: 6, id: 'tes-csv-6', pointer: '/confidence' }),
        expect.objectContaining({ row: 7, id: 'tes-csv-7', pointer: '/output/id' }),
        expect.objectContaining({ row: 7, id: 'tes-csv-7', pointer: '/duration_days' }),
      ]),
    );
    expect(report.problems.find((p) => p.row === 4)?.message).toMatch(
      /procedure_id has 2 item\(s\) but procedure_en has 1/,
    );
    expect(report.problems.find((p) => p.pointer === '/duration_days')?.message).toMatch(
      /not a whole number/,
    );
  });

  it('reports unknown categories, unknown regions, duplicate ids and inconsistent agencies', async () => {
    const report = await expectNothingWritten(() =>
      importServices(
        db,
        jsonText([
          record('tes-satu'),
          record('tes-dua', { category: 'space-travel' }),
          record('tes-tiga', { region: '99.99' }),
          record('tes-satu'),
          record('tes-lima', {
            agency: { id: 'tes-dinas', name_id: 'Dinas Lain', name_en: 'Other', level: 'regency' },
          }),
          record('tes-enam', { region: '33' }), // a province is a valid region
        ]),
      ),
    );
    expect(report.problems).toEqual([
      expect.objectContaining({ row: 2, id: 'tes-dua', pointer: '/category' }),
      expect.objectContaining({ row: 3, id: 'tes-tiga', pointer: '/region' }),
      expect.objectContaining({
        row: 4,
        id: 'tes-satu',
        pointer: '/id',
        message: 'duplicate id "tes-satu": already used on row 1',
      }),
      expect.objectContaining({ row: 5, id: 'tes-lima', pointer: '/agency' }),
    ]);
    expect(report.problems[0]?.message).toMatch(/unknown category "space-travel"/);
    expect(report.problems[1]?.message).toMatch(/unknown region "99.99"/);
  });

  it('reports rows that are not records, and values the schema allows but the database cannot store', async () => {
    const report = await expectNothingWritten(() =>
      importServices(
        db,
        jsonText([
          record('tes-nul', { notes: 'a\u0000b' }),
          record('tes-besar', { fee: { amount_idr: 1e20, legal_basis: null } }),
          42,
        ]),
      ),
    );
    expect(report.problems).toEqual([
      { row: 1, id: 'tes-nul', pointer: '/notes', message: 'contains a NUL character (\\u0000)' },
      { row: 2, id: 'tes-besar', pointer: '/fee/amount_idr', message: 'must be <= 9007199254740991' },
      { row: 3, id: null, pointer: '/', message: 'must be object' },
    ]);
  });

  it('reports a file that cannot be parsed as one problem on row 0', async () => {
    const badJson = await expectNothingWritten(() =>
      importServices(db, { text: '[\n  {"id": "x",}\n]', format: 'json' }),
    );
    expect(badJson.problems).toHaveLength(1);
    expect(badJson.problems[0]).toMatchObject({ row: 0, id: null, pointer: '/' });
    expect(badJson.problems[0]?.message).toMatch(/^not valid JSON: .*position 15.*line 2, column 14/);

    const badCsv = await expectNothingWritten(() =>
      importServices(db, { text: 'id,name_id\n"tes-x,Nama\n', format: 'csv' }),
    );
    expect(badCsv.problems).toHaveLength(1);
    expect(badCsv.problems[0]).toMatchObject({ row: 0, pointer: '/' });
    expect(badCsv.problems[0]?.message).toMatch(/^not valid CSV: Quote Not Closed/);

    for (const [text, format] of [
      ['', 'json'],
      ['  \n', 'csv'],
      ['[]', 'json'],
      ['{"services": {}}', 'json'],
    ] as const) {
      const report = await expectNothingWritten(() => importServices(db, { text, format }));
      expect(report.problems).toHaveLength(1);
      expect(report.problems[0]?.row).toBe(0);
    }

    const wrongExtension = join(scratch, 'services.txt');
    expect((await importServices(db, { path: wrongExtension })).problems[0]?.message).toMatch(
      /\.json or \.csv/,
    );
    expect((await importServices(db, { path: join(scratch, 'missing.json') })).problems[0]?.message).toMatch(
      /cannot read/,
    );
  });

  it('writes nothing in a dry run but says what would happen', async () => {
    const before = [await version(), await serviceCount()];
    const report = await importServices(db, jsonText([record('tes-kering-1'), record('ktp-el-baru')]), {
      dryRun: true,
    });
    expect(report).toEqual({ ok: true, total: 2, inserted: 1, updated: 1, problems: [] });
    expect([await version(), await serviceCount()]).toEqual(before);
    expect(await exists('tes-kering-1')).toBe(false);
    const [ktp] = await db.query<{ name_id: string }>("select name_id from service where id = 'ktp-el-baru'");
    expect(ktp?.name_id).toBe('Penerbitan KTP Elektronik Baru');

    const invalid = await importServices(db, jsonText([record('tes-kering-2', { category: 'x' })]), {
      dryRun: true,
    });
    expect(invalid.ok).toBe(false);
    expect(invalid.problems).toHaveLength(1);
  });

  it('rolls everything back when the database rejects the 2nd of 3 rows', async () => {
    // A trigger stands in for any database-level failure that validation cannot foresee.
    await db.exec(`
      create function uji_reject() returns trigger language plpgsql as $$
      begin
        if new.id = 'tes-gagal-2' then raise exception 'rejected by the test trigger'; end if;
        return new;
      end $$;
      create trigger uji_reject before insert or update on service for each row execute function uji_reject();
    `);
    try {
      const progress: number[] = [];
      const report = await expectNothingWritten(() =>
        importServices(db, jsonText([record('tes-gagal-1'), record('tes-gagal-2'), record('tes-gagal-3')]), {
          onProgress: (done) => progress.push(done),
        }),
      );
      expect(progress).toEqual([1]); // the first row was written inside the transaction…
      expect(report.problems).toEqual([
        {
          row: 2,
          id: 'tes-gagal-2',
          pointer: '/',
          message: expect.stringMatching(/database rejected this service: .*rejected by the test trigger/),
        },
      ]);
      expect(await exists('tes-gagal-1')).toBe(false); // …and rolled back
    } finally {
      await db.exec('drop trigger uji_reject on service; drop function uji_reject();');
    }
  });

  it('rolls everything back when the progress callback throws', async () => {
    const before = [await version(), await serviceCount()];
    await expect(
      importServices(db, jsonText([record('tes-henti-1'), record('tes-henti-2'), record('tes-henti-3')]), {
        onProgress: (done) => {
          if (done === 1) throw new Error('stop after the first row');
        },
      }),
    ).rejects.toThrow('stop after the first row');
    expect([await version(), await serviceCount()]).toEqual(before);
    expect(await exists('tes-henti-1')).toBe(false);
  });

  describe('synthetic catalogue', () => {
    const catalogue = generateSyntheticCatalogue(500, 42);

    it('generates 500 valid, clearly synthetic records', () => {
      expect(catalogue).toHaveLength(500);
      expect(catalogue.flatMap((r, i) => checkRecord(r, i + 1))).toEqual([]);
      expect(catalogue[0]?.id).toBe('sintetis-00001');
      expect(catalogue[499]?.id).toBe('sintetis-00500');
      expect(new Set(catalogue.map((r) => r.id)).size).toBe(500);
      for (const r of catalogue) {
        expect(r.synthetic).toBe(true);
        expect(r.confidence).toBe('low');
        expect(r.sources).toEqual([SYNTHETIC_SOURCE]);
        expect(r.name.id).toMatch(/^\[SINTETIS\] /);
        expect(r.name.en).toMatch(/^\[SYNTHETIC\] /);
      }
      // A realistic mix: regional and national, unknown, free and paid fees, several categories.
      expect(catalogue.filter((r) => r.region).length).toBeGreaterThan(50);
      expect(catalogue.filter((r) => !r.region).length).toBeGreaterThan(50);
      expect(catalogue.some((r) => r.fee.amount_idr === null)).toBe(true);
      expect(catalogue.some((r) => r.fee.amount_idr === 0)).toBe(true);
      expect(catalogue.some((r) => (r.fee.amount_idr ?? 0) > 0)).toBe(true);
      expect(new Set(catalogue.map((r) => r.category)).size).toBeGreaterThanOrEqual(12);
    });

    it('is deterministic for a seed and differs between seeds', () => {
      expect(generateSyntheticCatalogue(500, 42)).toEqual(catalogue);
      expect(generateSyntheticCatalogue(20, 43)).not.toEqual(catalogue.slice(0, 20));
      expect(generateSyntheticCatalogue(20)).toEqual(generateSyntheticCatalogue(20));
    });

    it('imports 500 generated services from a written file, in known categories and regions', async () => {
      const path = join(scratch, 'synthetic.json');
      expect(await writeSyntheticCatalogue(path, 500, 42)).toBe(500);
      const file = JSON.parse(await readFile(path, 'utf8'));
      expect(file).toMatchObject({ synthetic: true, seed: 42 });
      expect(file.services).toEqual(catalogue);

      const agenciesBefore = await db.query('select * from agency order by id');
      const report = await importServices(db, { path });
      expect(report).toEqual({ ok: true, total: 500, inserted: 500, updated: 0, problems: [] });
      const [row] = await db.query<{ n: number; real: number }>(
        `select count(*) filter (where synthetic)::int as n,
                count(*) filter (where not synthetic)::int as real
         from service`,
      );
      expect(row?.n).toBe(500);
      expect(row?.real).toBeGreaterThanOrEqual(108);
      // Real agencies are reused as they are: the agency table does not change.
      expect(await db.query('select * from agency order by id')).toEqual(agenciesBefore);
    }, 120_000); // 1 000 statements: give a busy machine time
  });
});
