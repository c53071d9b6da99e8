import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  checkOverrideRecord,
  importOverrides,
  isOverridesFile,
  type OverrideRecord,
} from '../src/catalogue/overrides.js';
import { loadBundledServices } from '../src/catalogue/seed.js';
import { upsertService } from '../src/catalogue/upsert.js';
import { startTestServer, type TestServer } from './helpers/app.js';
import { checkResponse } from './helpers/contract.js';

const fixture = (name: string) => new URL(`./fixtures/overrides/${name}`, import.meta.url).pathname;
const jsonText = (overrides: unknown[]) => ({ text: JSON.stringify({ overrides }), format: 'json' as const });

let server: TestServer;
let scratch: string;

async function get(path: string) {
  const response = await fetch(server.url + path);
  const body = await response.json();
  expect(checkResponse('GET', path, response.status, response.headers.get('content-type'), body)).toEqual([]);
  return body;
}

const version = async () =>
  Number((await server.db.query<{ v: string }>('select version::text as v from catalogue_version'))[0]?.v);

/** Every override row, without the timestamp. */
const overrideRows = () =>
  server.db.query(
    `select service_id, region_code, duration_days, duration_text, fee_amount_idr::text as fee_amount_idr,
       fee_legal_basis, fee_variants, requirements, procedure, channels, online_url, complaint_channels,
       notes, sources
     from service_override order by service_id, region_code`,
  );

beforeAll(async () => {
  server = await startTestServer();
  scratch = await mkdtemp(join(tmpdir(), 'loket-overrides-'));
  const [template] = (await loadBundledServices()).filter((s) => s.id === 'pbg');
  if (!template) throw new Error('pbg missing from the bundled catalogue');
  await server.db.transaction(async (tx) => {
    // Regional services (test data, not real): one of Kota Semarang, one of Jawa Tengah.
    await upsertService(tx, {
      ...template,
      id: 'uji-layanan-khusus-semarang',
      region: '33.74',
      name: { id: 'Uji layanan khusus Kota Semarang', en: 'Test service for Kota Semarang only' },
      sources: ['test fixture'],
    });
    await upsertService(tx, {
      ...template,
      id: 'uji-layanan-khusus-jateng',
      region: '33',
      name: { id: 'Uji layanan khusus Jawa Tengah', en: 'Test service for Jawa Tengah only' },
      sources: ['test fixture'],
    });
  });
});
afterEach(async () => {
  await server.db.query('delete from service_override');
});
afterAll(async () => {
  await server?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('importOverrides', () => {
  it('imports a province and a kabupaten/kota override; the API merges them field by field', async () => {
    const before = await version();
    const report = await importOverrides(server.db, { path: fixture('overrides.json') });
    expect(report).toEqual({ ok: true, total: 2, inserted: 2, updated: 0, removed: 0, problems: [] });
    expect(await version()).toBe(before + 1);
    // JSON columns hold JSON values, not JSON-encoded strings.
    const types = await server.db.query(
      `select jsonb_typeof(duration_text) as duration_text, jsonb_typeof(fee_variants) as fee_variants,
         jsonb_typeof(requirements) as requirements, jsonb_typeof(complaint_channels) as complaint_channels,
         procedure is null as procedure_national
       from service_override where service_id = 'pbg' and region_code = '33.74'`,
    );
    expect(types).toEqual([
      {
        duration_text: 'object',
        fee_variants: 'array',
        requirements: 'array',
        complaint_channels: 'array',
        procedure_national: true,
      },
    ]);

    const national = await get('/v1/services/pbg');
    const kota = await get('/v1/services/pbg?region=33.74');
    // The fee comes whole from the most local level that sets it: the kota's variants, and its
    // unknown amount and legal basis — never the province's amount beside the kota's variants.
    expect(kota.fee).toEqual({
      amount_idr: null,
      free: false,
      legal_basis: null,
      variants: [
        { label: 'Rumah tinggal sederhana', amount_idr: 0 },
        { label: 'Bangunan usaha', amount_idr: 250000 },
      ],
    });
    expect(kota.duration).toEqual({ days: 7, text: '7 hari kerja setelah berkas lengkap' });
    expect(kota.requirements).toEqual(['KTP-el pemohon', 'Sertipikat tanah']);
    expect(kota.channels).toEqual(['mpp', 'online']);
    expect(kota.online_url).toBe('https://contoh.example.org/pbg-semarang');
    expect(kota.complaint.channels.map((c: { name: string }) => c.name)).toContain(
      'Pengaduan uji Kota Semarang',
    );
    expect(kota.notes).toBe('Catatan uji Kota Semarang.');
    expect(kota.procedure).toEqual(national.procedure); // not overridden
    expect(kota.override.region_code).toBe('33.74');
    expect([...kota.override.fields].sort()).toEqual(
      ['channels', 'complaint', 'duration', 'fee', 'notes', 'online_url', 'requirements'].sort(),
    );
    expect(kota.override.sources).toEqual([
      'test fixture: province',
      'test fixture: kota',
      'https://contoh.example.org/perda-uji',
    ]);

    const english = await get('/v1/services/pbg?region=33.74&lang=en');
    expect(english.duration.text).toBe('7 working days after complete documents');
    expect(english.requirements).toEqual(["Applicant's KTP-el", 'Land certificate']);

    // Elsewhere in the province: the province's fee only.
    const cilacap = await get('/v1/services/pbg?region=33.01');
    expect(cilacap.fee.amount_idr).toBe(150000);
    expect(cilacap.duration).toEqual(national.duration);
    expect(cilacap.override).toEqual({
      region_code: '33',
      fields: ['fee'],
      sources: ['test fixture: province'],
    });
    // Another province and the national view: untouched.
    const jakarta = await get('/v1/services/pbg?region=31.71');
    expect(jakarta.override).toBeNull();
    expect(jakarta.fee).toEqual(national.fee);
    expect(national.override).toBeNull();
  });

  it('replaces the whole override on re-import: a field left out is the national value again', async () => {
    await importOverrides(server.db, { path: fixture('overrides.json') });
    const before = await version();
    const report = await importOverrides(
      server.db,
      jsonText([{ service: 'pbg', region: '33.74', notes: 'Catatan baru.', sources: ['test: second file'] }]),
    );
    expect(report).toEqual({ ok: true, total: 1, inserted: 0, updated: 1, removed: 0, problems: [] });
    expect(await version()).toBe(before + 1);

    const national = await get('/v1/services/pbg');
    const kota = await get('/v1/services/pbg?region=33.74');
    expect(kota.notes).toBe('Catatan baru.');
    expect(kota.duration).toEqual(national.duration);
    expect(kota.requirements).toEqual(national.requirements);
    expect(kota.channels).toEqual(national.channels);
    expect(kota.fee.variants).toEqual(national.fee.variants);
    expect(kota.fee.amount_idr).toBe(150000); // the province's override is untouched
    expect([...kota.override.fields].sort()).toEqual(['fee', 'notes']);
    expect(kota.override.sources).toEqual(['test fixture: province', 'test: second file']);
    const [row] = await server.db.query<{ duration_days: number | null; sources: string[] }>(
      "select duration_days, sources from service_override where service_id = 'pbg' and region_code = '33.74'",
    );
    expect(row).toEqual({ duration_days: null, sources: ['test: second file'] });
  });

  it('removes an override with "remove": true', async () => {
    await importOverrides(server.db, { path: fixture('overrides.json') });
    const before = await version();
    const report = await importOverrides(
      server.db,
      jsonText([
        { service: 'pbg', region: '33.74', remove: true },
        { service: 'pbg', region: '32.73', remove: true, sources: ['nothing to remove here'] },
      ]),
    );
    expect(report).toEqual({ ok: true, total: 2, inserted: 0, updated: 0, removed: 1, problems: [] });
    expect(await version()).toBe(before + 1);
    expect((await overrideRows()).map((r) => `${String(r.service_id)}@${String(r.region_code)}`)).toEqual([
      'pbg@33',
    ]);
    const kota = await get('/v1/services/pbg?region=33.74');
    expect(kota.override).toEqual({
      region_code: '33',
      fields: ['fee'],
      sources: ['test fixture: province'],
    });
  });

  it('imports and removes in one file, in row order', async () => {
    const report = await importOverrides(
      server.db,
      jsonText([
        { service: 'pbg', region: '33', duration_days: 5, sources: ['s'] },
        { service: 'pbg', region: '33.74', remove: true },
      ]),
    );
    expect(report).toMatchObject({ ok: true, inserted: 1, updated: 0, removed: 0 });
  });

  it('allows a regional service to be overridden inside its region only', async () => {
    const report = await importOverrides(
      server.db,
      jsonText([
        { service: 'uji-layanan-khusus-semarang', region: '33.74', duration_days: 2, sources: ['s'] },
        { service: 'uji-layanan-khusus-jateng', region: '33', duration_days: 3, sources: ['s'] },
        { service: 'uji-layanan-khusus-jateng', region: '33.01', duration_days: 4, sources: ['s'] },
      ]),
    );
    expect(report).toMatchObject({ ok: true, inserted: 3 });
    expect((await get('/v1/services/uji-layanan-khusus-jateng?region=33.01')).duration.days).toBe(4);
    expect((await get('/v1/services/uji-layanan-khusus-jateng?region=33.74')).duration.days).toBe(3);

    const outside = await importOverrides(
      server.db,
      jsonText([
        { service: 'uji-layanan-khusus-semarang', region: '33', notes: 'x', sources: ['s'] },
        { service: 'uji-layanan-khusus-semarang', region: '33.01', notes: 'x', sources: ['s'] },
        { service: 'uji-layanan-khusus-jateng', region: '32.73', notes: 'x', sources: ['s'] },
      ]),
    );
    expect(outside.ok).toBe(false);
    expect(outside.problems.map((p) => [p.row, p.pointer])).toEqual([
      [1, '/region'],
      [2, '/region'],
      [3, '/region'],
    ]);
    expect(outside.problems[0]?.message).toMatch(/service of region 33\.74 only/);
    expect(outside.problems[2]?.message).toMatch(/in 33 or its kabupaten\/kota, not in 32\.73/);
  });

  it('reports every bad row with its row number and writes nothing', async () => {
    await importOverrides(
      server.db,
      jsonText([{ service: 'pbg', region: '33.74', notes: 'Sudah ada.', sources: ['s'] }]),
    );
    const rowsBefore = await overrideRows();
    const before = await version();
    const report = await importOverrides(server.db, { path: fixture('bad.json') });
    expect(report.ok).toBe(false);
    expect(report).toMatchObject({ total: 10, inserted: 0, updated: 0, removed: 0 });
    const rows = report.problems.map((p) => p.row);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(report.problems.map((p) => [p.row, p.id, p.pointer])).toEqual([
      [2, 'tidak-ada-layanan@33', '/service'],
      [3, 'pbg@99.99', '/region'],
      [4, 'pbg@33.01', '/'],
      [5, 'pbg@33.02', '/'],
      [6, 'pbg@33', '/'],
      [7, 'uji-layanan-khusus-semarang@33', '/region'],
      [8, 'pbg@33.03', '/fee/amount_idr'],
      [9, 'pbg@33.04', '/'],
      [10, 'pbg@33.73', '/sources'],
      [10, 'pbg@33.73', '/'],
    ]);
    const messages = report.problems.map((p) => `${p.row}: ${p.message}`);
    expect(messages).toEqual([
      '2: unknown service "tidak-ada-layanan": no service with this id in the catalogue',
      '3: unknown region "99.99": not a Kemendagri province or kabupaten/kota code',
      expect.stringMatching(/^4: overrides nothing: give at least one of agency_name, fee, /),
      '5: missing field "sources"',
      '6: duplicate override of "pbg" in region "33": already on row 1',
      expect.stringMatching(/^7: "uji-layanan-khusus-semarang" is a service of region 33\.74 only/),
      '8: must be >= 0',
      '9: a removal ("remove": true) deletes the whole override and cannot also give notes',
      '10: must NOT have fewer than 1 items',
      expect.stringMatching(/^10: overrides nothing/),
    ]);
    expect(await overrideRows()).toEqual(rowsBefore);
    expect(await version()).toBe(before);
  });

  it('reports schema problems with pointers, and rows that are not objects', async () => {
    const report = await importOverrides(
      server.db,
      jsonText([
        'pbg',
        { service: 'pbg', region: '33', fee: 5000, channels: ['kantor'], sources: ['s'] },
        { service: 'PBG', region: '33.7', notes: 'x', sources: ['s'], colour: 'red' },
        { region: '33', notes: 'x\u0000', sources: ['s'] },
      ]),
    );
    expect(report.problems.map((p) => [p.row, p.pointer, p.message])).toEqual([
      [1, '/', 'must be object'],
      [2, '/fee', 'must be object'],
      [2, '/channels/0', 'must be one of mpp, online, agency_office'],
      [3, '/', 'unknown field "colour"'],
      [3, '/service', 'must match pattern "^[a-z0-9]+(-[a-z0-9]+)*$"'],
      [3, '/region', 'must match pattern "^[0-9]{2}(\\.[0-9]{2})?$"'],
      [4, '/', 'missing field "service"'],
      [4, '/notes', 'contains a NUL character (\\u0000)'],
    ]);
  });

  it('reports a file it cannot use as one problem on row 0', async () => {
    const problem = async (input: Parameters<typeof importOverrides>[1]) => {
      const report = await importOverrides(server.db, input);
      expect(report).toMatchObject({ ok: false, total: 0 });
      expect(report.problems).toHaveLength(1);
      expect(report.problems[0]).toMatchObject({ row: 0, pointer: '/' });
      return report.problems[0]?.message;
    };
    expect(await problem({ text: '', format: 'json' })).toBe('the file is empty');
    expect(await problem({ text: '{"overrides": [', format: 'json' })).toMatch(/^not valid JSON: /);
    expect(await problem({ text: '{"overrides": []}', format: 'json' })).toBe(
      'the file contains no overrides',
    );
    expect(await problem({ text: '{"overrides": {}}', format: 'json' })).toMatch(/^expected an object/);
    expect(await problem({ text: '{"services": [], "overrides": []}', format: 'json' })).toMatch(
      /either "services" or "overrides"/,
    );
    expect(await problem({ path: join(scratch, 'overrides.csv') })).toMatch(/JSON only/);
    expect(await problem({ path: join(scratch, 'missing.json') })).toMatch(/^cannot read /);
  });

  it('accepts a plain array too', async () => {
    const report = await importOverrides(server.db, {
      text: JSON.stringify([{ service: 'pbg', region: '33', notes: 'x', sources: ['s'] }]),
      format: 'json',
    });
    expect(report).toMatchObject({ ok: true, inserted: 1 });
  });

  it('dry run: validates and counts, writes nothing', async () => {
    await importOverrides(
      server.db,
      jsonText([{ service: 'pbg', region: '33.74', notes: 'Sudah ada.', sources: ['s'] }]),
    );
    const rowsBefore = await overrideRows();
    const before = await version();
    const report = await importOverrides(
      server.db,
      jsonText([
        { service: 'pbg', region: '33', duration_days: 5, sources: ['s'] },
        { service: 'pbg', region: '33.74', duration_days: 6, sources: ['s'] },
        { service: 'pbg', region: '33.74', remove: true },
      ]),
      { dryRun: true },
    );
    // The duplicate pair is a problem in a dry run too.
    expect(report.ok).toBe(false);

    const dry = await importOverrides(
      server.db,
      jsonText([
        { service: 'pbg', region: '33', duration_days: 5, sources: ['s'] },
        { service: 'pbg', region: '33.74', remove: true },
      ]),
      { dryRun: true },
    );
    expect(dry).toEqual({ ok: true, total: 2, inserted: 1, updated: 0, removed: 1, problems: [] });
    expect(await overrideRows()).toEqual(rowsBefore);
    expect(await version()).toBe(before);
  });

  it('rolls everything back when onProgress throws', async () => {
    const before = await version();
    await expect(
      importOverrides(
        server.db,
        { path: fixture('overrides.json') },
        {
          onProgress: (done) => {
            if (done === 2) throw new Error('stop');
          },
        },
      ),
    ).rejects.toThrow('stop');
    expect(await overrideRows()).toEqual([]);
    expect(await version()).toBe(before);
  });

  it('calls onProgress after each row', async () => {
    const calls: [number, number][] = [];
    await importOverrides(
      server.db,
      { path: fixture('overrides.json') },
      {
        onProgress: (done, total) => calls.push([done, total]),
      },
    );
    expect(calls).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });
});

describe('override records', () => {
  it('the fixture rows pass the schema', async () => {
    const { overrides } = JSON.parse(await readFile(fixture('overrides.json'), 'utf8')) as {
      overrides: OverrideRecord[];
    };
    for (const [i, record] of overrides.entries()) expect(checkOverrideRecord(record, i + 1)).toEqual([]);
  });

  it('tells override files from service files', async () => {
    const write = async (name: string, text: string) => {
      const path = join(scratch, name);
      await writeFile(path, text);
      return path;
    };
    expect(await isOverridesFile(fixture('overrides.json'))).toBe(true);
    expect(await isOverridesFile(await write('bom.json', '\uFEFF{"overrides": []}'))).toBe(true);
    expect(await isOverridesFile(await write('services.json', '{"services": []}'))).toBe(false);
    expect(await isOverridesFile(await write('array.json', '[{"service": "pbg"}]'))).toBe(false);
    expect(await isOverridesFile(await write('broken.json', '{"overrides": ['))).toBe(false);
    expect(await isOverridesFile(await write('overrides.csv', 'overrides'))).toBe(false);
    expect(await isOverridesFile(join(scratch, 'missing.json'))).toBe(false);
  });
});
