import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasTopLevelKey } from '../src/catalogue/import-runner.js';
import { importLocations } from '../src/catalogue/location-import.js';
import type { HoursRecord, LocationRecord, TenantRecord } from '../src/catalogue/location-record.js';
import { importRegionData } from '../src/catalogue/region-data.js';
import { startTestServer, type TestServer } from './helpers/app.js';
import { checkResponse } from './helpers/contract.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

async function get(path: string) {
  const response = await fetch(server.url + path);
  const body = await response.json();
  expect(checkResponse('GET', path, response.status, response.headers.get('content-type'), body)).toEqual([]);
  return { status: response.status, body };
}

const src = ['https://example.org/uji'];
const tenant = (t: Partial<TenantRecord>): TenantRecord => ({
  agency_id: 'imigrasi',
  agency_name: 'X',
  status: 'present',
  since: '2026',
  service_ids: [],
  sources: src,
  ...t,
});
/** Hours: the same time Monday to Friday, `weekend` on Saturday and Sunday. */
const hours = (
  weekday: string | null,
  weekend: string | null,
  more: Partial<HoursRecord> = {},
): HoursRecord => ({
  week: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: weekend, sun: weekend },
  as_of: '2026-11',
  sources: src,
  confidence: 'low',
  days_stated: true,
  ...more,
});

const json = (locations: unknown[]) => ({ text: JSON.stringify({ locations }), format: 'json' as const });

/** A test location (not real) in Kota Gorontalo, where the bundled data has no MPP. */
const gorontalo = (changes: Partial<LocationRecord> = {}): LocationRecord => ({
  id: 'uji-mpp-gorontalo',
  name: 'MPP Uji (bukan data nyata)',
  region: '75.71',
  address: null,
  opened: null,
  timezone: 'Asia/Makassar',
  confidence: 'low',
  sources: ['https://example.org/uji'],
  hours: null,
  phone: null,
  coordinates: null,
  tenants: [
    tenant({ agency_id: 'polri-skck', agency_name: 'Polres Uji', status: 'planned', service_ids: ['skck'] }),
    tenant({ agency_name: 'Kanim Uji', since: '2026-01', service_ids: ['paspor-baru'] }),
    tenant({ agency_id: 'dukcapil', agency_name: 'Disdukcapil Uji', status: 'left', since: '2025' }),
  ],
  ...changes,
});

describe('a region’s MPP locations', () => {
  it('serve the bundled research: 45 locations, hours with their date and sources, phone, tenants', async () => {
    const all = (await server.db.query<{ n: number }>('select count(*)::int as n from location'))[0]?.n;
    expect(all).toBe(45);
    const { body } = await get('/v1/regions/31.74/locations');
    expect(body.region_code).toBe('31.74');
    const dki = body.data.find((l: { id: string }) => l.id === 'mpp-dki-jakarta');
    expect(dki.timezone).toBe('Asia/Jakarta');
    expect(dki.opening_hours.days).toHaveLength(7);
    expect(dki.opening_hours.days[0]).toEqual({
      day: 'mon',
      status: 'open',
      opens: '07:30',
      closes: '16:00',
    });
    expect(dki.opening_hours.days[6]).toEqual({ day: 'sun', status: 'closed', opens: null, closes: null });
    expect(dki.opening_hours).toMatchObject({ as_of: '2017-11', confidence: 'low', days_stated: true });
    expect(dki.opening_hours.sources.length).toBeGreaterThan(0);
    expect(dki.phone).toMatchObject({ number: '1500164', scope: 'operator', as_of: '2019-05' });
    expect(dki.coordinates).toBeNull(); // no source gives them: never geocoded
    expect(dki.tenants.find((t: { agency_id: string }) => t.agency_id === 'polri-skck')).toMatchObject({
      status: 'present',
      service_ids: ['skck'],
    });
  });

  it('say null where no source gives hours, and keep unknown days apart from closed ones', async () => {
    const surabaya = (await get('/v1/regions/35.78/locations')).body.data[0];
    expect(surabaya.id).toBe('mpp-surabaya-siola');
    expect(surabaya.opening_hours).toBeNull();
    expect(surabaya.phone).toBeNull();
    const denpasar = (await get('/v1/regions/51.71/locations')).body.data[0];
    expect(denpasar.opening_hours.days.map((d: { status: string }) => d.status)).toEqual([
      ...Array(5).fill('unknown'),
      'closed',
      'closed',
    ]);
  });
});

describe('locations offering a service', () => {
  it('lists a location whose present tenant names the service', async () => {
    const { body } = await get('/v1/regions/31.74/locations?service=skck');
    expect(body.region_code).toBe('31.74');
    expect(body.data).toHaveLength(1);
    expect(body.data[0].offer).toMatchObject({ match: 'service', agency_id: 'polri-skck', since: '2017-10' });
  });

  it('counts a present tenant of the service’s agency that names no services as an agency match', async () => {
    const { body } = await get('/v1/regions/35.78/locations?service=ktp-el-baru');
    expect(body.data.map((l: { id: string; offer: { match: string } }) => [l.id, l.offer.match])).toEqual([
      ['mpp-surabaya-siola', 'agency'],
    ]);
  });

  it('widens to the province when the kabupaten/kota has no location offering it', async () => {
    const { body } = await get('/v1/regions/35.07/locations?service=sim-a-perpanjangan');
    expect(body.region_code).toBe('35');
    expect(body.data.some((l: { id: string }) => l.id === 'mpp-surabaya-siola')).toBe(true);
    expect(body.data.every((l: { region_code: string }) => l.region_code.startsWith('35.'))).toBe(true);
  });

  it('counts only present tenants: planned and left ones do not offer anything', async () => {
    expect((await importLocations(server.db, json([gorontalo()]))).ok).toBe(true);
    const skck = (await get('/v1/regions/75.71/locations?service=skck')).body;
    expect(skck).toMatchObject({ region_code: '75', data: [] });
    expect((await get('/v1/regions/75.71/locations?service=ktp-el-baru')).body.data).toEqual([]);
    const paspor = (await get('/v1/regions/75.71/locations?service=paspor-baru')).body;
    expect(paspor.region_code).toBe('75.71');
    expect(paspor.data[0].offer).toMatchObject({ match: 'service', agency_name: 'Kanim Uji' });
  });

  it('answers 404 for a service that does not exist', async () => {
    const { status, body } = await get('/v1/regions/31.74/locations?service=tidak-ada');
    expect(status).toBe(404);
    expect(body.detail).toMatch(/tidak-ada/);
  });
});

describe('importing locations', () => {
  it('validates every row and writes nothing when one is wrong', async () => {
    const before = await server.db.query('select id from location order by id');
    const report = await importLocations(
      server.db,
      json([
        gorontalo({ id: 'uji-baik' }),
        gorontalo({
          id: 'uji-salah',
          region: '99.99',
          hours: hours(null, 'closed', { as_of: '2026-13' }),
          tenants: [tenant({ service_ids: ['paspor-palsu'] })],
        }),
        gorontalo({ id: 'uji-baik', coordinates: { lat: 40, lng: 110, sources: [] } }),
      ]),
    );
    expect(report).toMatchObject({ ok: false, total: 3, inserted: 0, updated: 0 });
    expect(report.problems.map((p) => [p.row, p.pointer])).toEqual(
      expect.arrayContaining([
        [2, '/hours/as_of'],
        [3, '/id'],
        [3, '/coordinates/lat'],
        [3, '/coordinates/sources'],
      ]),
    );
    const fixed = await importLocations(
      server.db,
      json([
        gorontalo({
          id: 'uji-salah',
          region: '99.99',
          hours: hours('16:00-08:00', null),
          tenants: [tenant({ agency_id: null, service_ids: ['paspor-palsu'] })],
        }),
      ]),
    );
    expect(fixed.problems.map((p) => p.pointer)).toEqual([
      ...['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => `/hours/week/${day}`),
      '/region',
      '/tenants/0/service_ids/0',
    ]);
    expect(await server.db.query('select id from location order by id')).toEqual(before);
  });

  it('replaces a whole location with its tenants, and a dry run writes nothing', async () => {
    const changed = gorontalo({
      hours: hours('08:00-15:00', 'closed', { confidence: 'medium' }),
      phone: { number: '0435-123', scope: 'location', as_of: '2026-11', sources: src },
      coordinates: { lat: 0.54, lng: 123.06, sources: ['https://example.org/peta'] },
      tenants: [tenant({ agency_id: 'polri-skck', agency_name: 'Polres Uji', service_ids: ['skck'] })],
    });
    expect(await importLocations(server.db, json([changed]), { dryRun: true })).toMatchObject({
      ok: true,
      inserted: 0,
      updated: 1,
    });
    expect((await get('/v1/regions/75.71/locations')).body.data[0].tenants).toHaveLength(3);
    expect(await importLocations(server.db, json([changed]))).toMatchObject({
      ok: true,
      inserted: 0,
      updated: 1,
    });
    const [location] = (await get('/v1/regions/75.71/locations?service=skck')).body.data;
    expect(location.tenants).toHaveLength(1);
    expect(location.coordinates).toEqual({ lat: 0.54, lng: 123.06, sources: ['https://example.org/peta'] });
    expect(location.phone.scope).toBe('location');
    expect(location.opening_hours.days[4]).toEqual({
      day: 'fri',
      status: 'open',
      opens: '08:00',
      closes: '15:00',
    });
  });

  it('is told apart by the CLI from services and overrides files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'loket-locations-'));
    try {
      await writeFile(join(dir, 'l.json'), JSON.stringify({ locations: [] }));
      await writeFile(join(dir, 's.json'), JSON.stringify({ services: [] }));
      expect(await hasTopLevelKey(join(dir, 'l.json'), 'locations')).toBe(true);
      expect(await hasTopLevelKey(join(dir, 's.json'), 'locations')).toBe(false);
      // A region's folder: its locations.json is imported after its services and overrides.
      await writeFile(
        join(dir, 'locations.json'),
        JSON.stringify({ locations: [gorontalo({ id: 'uji-folder' })] }),
      );
      const reports = await importRegionData(server.db, dir);
      expect(reports.map((r) => [r.file.endsWith('locations.json'), r.report.ok, r.report.inserted])).toEqual(
        [[true, true, 1]],
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the bundled locations file', () => {
  it('is itself an import file, and every tenant cites sources and a date', async () => {
    const text = await readFile(new URL('../data/catalogue/mpp-locations.json', import.meta.url), 'utf8');
    const { locations } = JSON.parse(text) as { locations: LocationRecord[] };
    expect(locations).toHaveLength(45);
    expect(
      locations.filter((l) => l.hours && Object.values(l.hours.week).some((d) => d && d !== 'closed')),
    ).toHaveLength(8);
    for (const l of locations) {
      expect(l.sources.length, l.id).toBeGreaterThan(0);
      for (const t of l.tenants) expect(t.sources.length > 0 && /^\d{4}/.test(t.since), l.id).toBe(true);
    }
    expect(await importLocations(server.db, { text, format: 'json' }, { dryRun: true })).toMatchObject({
      ok: true,
      updated: 45,
    });
  });
});
