import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServiceSearch, normalize, parseQuery, searchServices } from '../src/catalogue/search.js';
import { loadBundledServices } from '../src/catalogue/seed.js';
import { upsertService } from '../src/catalogue/upsert.js';
import type { Db } from '../src/db/index.js';
import { createTestDb } from './helpers/db.js';

const nasty = [
  "'",
  "''",
  '"',
  '\\',
  "\\'",
  "ktp'",
  "ktp' or 1=1 --",
  "'; drop table service; --",
  ':*',
  'ktp:*',
  'ktp & !sim',
  '&|!()<>',
  "'a' & 'b' | !c <-> d <2> e",
  '!!ktp',
  '(((',
  '$1 $2::text',
  '%_%',
  '\u0000ktp\u0000',
  'ktp\ud800',
  '\udfff',
  'ktp\u200d\u200bhilang',
  '🙂🙂🙂',
  'ktp 🙂 hilang 👨‍👩‍👧',
  'ктп паспорт',
  '身份证 护照',
  'جواز السفر',
  'ktp 身份证 ктп',
  'ＫＴＰ　ｈｉｌａｎｇ',
  'Pàspör',
  'e\u0301ktp',
  '\t\nktp\r\n',
  '...',
  '-',
  '@@@',
  '@ktp',
  'h:ktp|sim',
  'k:ktp',
  'r:33',
  '#$%^&*()_+=-[]{};:",.<>/?`~',
  'a'.repeat(200),
  'ktp '.repeat(50),
  'x'.repeat(10_000),
  'ktp hilang '.repeat(1000),
  Array.from({ length: 200 }, (_, i) => String.fromCharCode(33 + ((i * 7) % 94))).join(''),
];

describe('search robustness', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(() => db.close());

  it.each(nasty.map((q) => [JSON.stringify(q).slice(0, 60), q]))('never fails on %s', async (_, q) => {
    const results = await searchServices(db, q, { limit: 5 });
    expect(Array.isArray(results)).toBe(true);
    expect(results.length).toBeLessThanOrEqual(5);
  });

  it('never throws and respects the limit for arbitrary input', async () => {
    const words = ['ktp', 'sim', 'hilang', 'bikin', 'e-ktp', 'pasport', 'akte', 'x', '1', 'paspo', 'surat'];
    const meta = ["'", '"', '\\', ':', '*', '&', '|', '!', '(', ')', '<', '>', '-', '%', '_', ' ', '🙂', 'é'];
    const query = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      fc.array(fc.constantFrom(...words, ...meta), { maxLength: 20 }).map((parts) => parts.join('')),
      fc.array(fc.constantFrom(...words, ...meta), { maxLength: 20 }).map((parts) => parts.join(' ')),
    );
    await fc.assert(
      fc.asyncProperty(query, fc.integer({ min: 1, max: 30 }), async (q, limit) => {
        const results = await searchServices(db, q, { limit });
        expect(results.length).toBeLessThanOrEqual(limit);
        expect(new Set(results.map((r) => r.id)).size).toBe(results.length);
        for (const r of results) expect(Number.isFinite(r.rank)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('composes into a larger query at any parameter position', async () => {
    const search = buildServiceSearch('ktp hilang', 3, { regionCodes: ['33', '33.74'] });
    if (!search) throw new Error('expected a search');
    expect(search.params).toHaveLength(1);
    for (const sql of [search.where, search.rank]) {
      expect(sql.match(/\$\d+/g)?.every((p) => p === '$3')).toBe(true);
    }
    const params = ['civil-registration', ['33', '33.74'], ...search.params];
    const rows = await db.query<{ id: string }>(
      `select s.id from service s
       where s.category_id = $1 and (s.region_code is null or s.region_code = any($2::text[]))
         and (${search.where})
       order by ${search.rank} desc, s.name_id limit 3`,
      params,
    );
    expect(rows[0]?.id).toBe('ktp-el-hilang');
    // facet counts use the where clause alone, with the same parameters
    const facets = await db.query<{ category_id: string; n: number }>(
      `select s.category_id, count(*)::int as n from service s
       where (s.region_code is null or s.region_code = any($2::text[])) and (${search.where}) and $1::text is not null
       group by 1 order by 2 desc`,
      params,
    );
    expect(facets[0]?.category_id).toBe('civil-registration');
  });

  it('rejects a parameter index that is not a positive integer', () => {
    expect(() => buildServiceSearch('ktp', 0)).toThrow(RangeError);
    expect(() => buildServiceSearch('ktp', 1.5)).toThrow(RangeError);
  });

  it('is null when there is nothing to search for', () => {
    for (const q of ['', '  ', '?!', '🙂', 'bikin', 'cara urus', 'mau bikin dong', 'how to apply', 'x']) {
      expect(buildServiceSearch(q, 1)).toBeNull();
    }
  });
});

describe('query parsing', () => {
  it('normalizes case, accents, width and punctuation like the database does', () => {
    expect(normalize('KTP-EL')).toBe('ktp el');
    expect(normalize('e-KTP')).toBe('e ktp');
    expect(normalize('Pàspör  Straße')).toBe('paspor strasse');
    expect(normalize('ＫＴＰ　ｈｉｌａｎｇ')).toBe('ktp hilang');
    expect(normalize("'; drop table--")).toBe('drop table');
  });

  it('expands abbreviations, spellings and phrases, and keeps intents optional', () => {
    const parsed = parseQuery('cara bikin akte kelahiran hilang');
    expect(parsed?.terms).toEqual([
      { alts: ['bikin', 'buat', 'baru', 'new'], soft: true, filler: true },
      { alts: ['akte', 'akta'], soft: false, filler: false },
      { alts: ['kelahiran'], soft: false, filler: false },
      { alts: ['hilang', 'kehilangan', 'lost'], soft: true, filler: false },
    ]);
    expect(parsed?.keys).toContain('akta kelahiran hilang');
    expect(parseQuery('imb')?.terms[0]?.alts).toEqual(['imb', 'izin mendirikan bangunan', 'pbg']);
    expect(parseQuery('kartu keluarga')?.terms[0]?.alts).toEqual(['kartu keluarga', 'kk']);
    expect(parseQuery('driving licence')?.terms[0]?.alts).toContain('sim');
  });

  it('caps long input', () => {
    const parsed = parseQuery('ktp hilang sim paspor '.repeat(500));
    expect(parsed?.terms.length).toBeLessThanOrEqual(12);
    expect(parsed?.keys.every((k) => k.length <= 200)).toBe(true);
    expect(parseQuery(`${'z'.repeat(41)} ktp`)?.terms).toEqual([
      { alts: ['ktp', 'kartu tanda penduduk'], soft: false, filler: false },
    ]);
  });
});

describe('search index stays in sync with the catalogue', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(() => db.close());

  const words = async () =>
    (await db.query<{ word: string }>("select word from search_word where word like '%zorblax%'")).map(
      (r) => r.word,
    );

  it('keeps working when a seed runs again (unchanged documents)', async () => {
    const [before] = await db.query<{ n: number }>('select count(*)::int as n from search_word');
    const services = await loadBundledServices();
    await db.transaction(async (tx) => {
      for (const s of services.slice(0, 10)) await upsertService(tx, s);
    });
    const [after] = await db.query<{ n: number }>('select count(*)::int as n from search_word');
    expect(after?.n).toBe(before?.n);
    expect((await searchServices(db, 'bikin ktp'))[0]?.id).toBe('ktp-el-baru');
    const [rebuilt] = await db.query<{ n: number }>('select loket_search_words_rebuild()::int as n');
    expect(rebuilt?.n).toBe(before?.n);
  });

  it('indexes inserts and updates made through upsertService, and forgets old words', async () => {
    const skck = (await loadBundledServices()).find((s) => s.id === 'skck');
    if (!skck) throw new Error('skck is missing from the bundled catalogue');
    const record = { ...skck, id: 'search-sync-uji', aliases: ['zorblax'] };
    await db.transaction((tx) => upsertService(tx, record));
    expect((await searchServices(db, 'zorblax')).map((r) => r.id)).toEqual(['search-sync-uji']);
    expect((await searchServices(db, 'zorblx')).map((r) => r.id)).toEqual(['search-sync-uji']);
    expect(await words()).toEqual(expect.arrayContaining(['zorblax', '@zorblax']));

    await db.transaction((tx) => upsertService(tx, { ...record, aliases: ['quendril'] }));
    expect(await searchServices(db, 'zorblax')).toEqual([]);
    expect((await searchServices(db, 'quendril')).map((r) => r.id)).toEqual(['search-sync-uji']);
    expect(await words()).toEqual([]);

    await db.query("delete from service where id = 'search-sync-uji'");
    expect(await searchServices(db, 'quendril')).toEqual([]);
    expect(await db.query("select word from search_word where word like '%quendril%'")).toEqual([]);
  });

  it('re-indexes the services of a renamed agency', async () => {
    const skck = (await loadBundledServices()).find((s) => s.id === 'skck');
    if (!skck) throw new Error('skck is missing from the bundled catalogue');
    await db.query("update agency set name_id = name_id || ' Wilayah Florbinia' where id = $1", [
      skck.agency.id,
    ]);
    const ids = (await searchServices(db, 'florbinia', { limit: 50 })).map((r) => r.id);
    expect(ids).toContain('skck');
  });
});
