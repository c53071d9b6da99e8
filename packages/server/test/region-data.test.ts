import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledRegionDir, importRegionData } from '../src/catalogue/region-data.js';
import { startTestServer, type TestServer } from './helpers/app.js';
import { checkResponse } from './helpers/contract.js';

// Kota Surabaya's own data (data/regions/35.78), imported the way `pnpm start` imports it for the
// demo: Surabaya sees its local facts, every other region the plain catalogue.

const KLAMPID = 'https://klampid-dispendukcapil.surabaya.go.id';
const SURABAYA_DUKCAPIL = 'Dinas Kependudukan dan Pencatatan Sipil (Dispendukcapil) Kota Surabaya';

let server: TestServer;
/** The plain catalogue's answers, read before the import. */
const before = new Map<string, unknown>();

async function get(path: string) {
  const response = await fetch(server.url + path);
  const body = await response.json();
  expect(checkResponse('GET', path, response.status, response.headers.get('content-type'), body)).toEqual([]);
  return { status: response.status, body };
}

const plainPaths = [
  '/v1/services/kia?region=35.15',
  '/v1/services/akta-kelahiran?region=35.15',
  '/v1/services/pbb-p2?region=35',
  '/v1/services/kia',
  '/v1/services?region=35.15&category=building-permit&limit=100',
];

beforeAll(async () => {
  server = await startTestServer();
  for (const path of plainPaths) before.set(path, (await get(path)).body);
  const reports = await importRegionData(server.db, bundledRegionDir('35.78'));
  expect(reports.map(({ file }) => file.split('/').at(-1))).toEqual([
    'services.json',
    'overrides.json',
    'visits.json',
  ]);
  for (const { file, report } of reports) {
    expect(report.problems).toEqual([]);
    // The seed loaded the demo visit set-up already: importing it again updates it in place.
    expect(file.endsWith('visits.json') ? report.updated : report.inserted).toBe(report.total);
  }
});
afterAll(() => server?.close());

describe("Kota Surabaya's data (35.78)", () => {
  it("shows Surabaya's own name, duration, requirements and complaint channels for KIA, with their sources", async () => {
    const { body } = await get('/v1/services/kia?region=35.78');
    expect(body.agency).toMatchObject({ id: 'dukcapil', name: SURABAYA_DUKCAPIL });
    expect(body.duration.days).toBe(7);
    expect(body.requirements).toContain('Kartu Keluarga (KK)');
    expect(body.complaint.channels.map((c: { url: string | null }) => c.url)).toContain(
      'https://wargaku.surabaya.go.id',
    );
    expect(body.override.region_code).toBe('35.78');
    expect(body.override.fields).toEqual(
      expect.arrayContaining(['agency', 'requirements', 'duration', 'complaint', 'procedure']),
    );
    expect(body.override.sources).toContain(
      'https://disdukcapil.surabaya.go.id/featured_item/kartu-identitas-anak-kia/',
    );
    // The national facts the override leaves alone stay: the fee and its legal basis.
    const national = before.get('/v1/services/kia') as { fee: unknown; legal_basis: unknown };
    expect(body.fee).toEqual(national.fee);
    expect(body.legal_basis).toEqual(national.legal_basis);
  });

  it('links Klampid New Generation for the birth certificate, in English too', async () => {
    const { body } = await get('/v1/services/akta-kelahiran?region=35.78&lang=en');
    expect(body.online_url).toBe(KLAMPID);
    expect(body.channels).toContain('online');
    expect(body.agency.name).toBe('Population and Civil Registration Office (Dispendukcapil), Kota Surabaya');
    expect(body.procedure[0]).toMatch(/KLAMPID/);
  });

  it("lists Surabaya's local names in the service list", async () => {
    const { body } = await get('/v1/services?region=35.78&q=pbb&limit=100');
    const pbb = body.data.find((s: { id: string }) => s.id === 'pbb-p2');
    expect(pbb).toMatchObject({
      overridden: true,
      online_url: 'https://pbb.surabaya.go.id',
      agency: { id: 'bapenda', name: 'Badan Pendapatan Daerah (Bapenda) Kota Surabaya' },
    });
  });

  it('offers its own heritage-building permit in Surabaya only', async () => {
    const inside = await get('/v1/services/izin-cagar-budaya-surabaya?region=35.78');
    expect(inside.status).toBe(200);
    expect(inside.body).toMatchObject({
      region_code: '35.78',
      online_url: 'https://sswalfa.surabaya.go.id/',
    });
    expect(inside.body.fee.amount_idr).toBeNull();
    expect((await get('/v1/services/izin-cagar-budaya-surabaya?region=35.15')).status).toBe(404);
    expect((await get('/v1/services/izin-cagar-budaya-surabaya')).status).toBe(404);
  });

  it('leaves every other region, its province and the national catalogue as they were', async () => {
    for (const path of plainPaths) expect((await get(path)).body, path).toEqual(before.get(path));
    const sidoarjo = before.get('/v1/services/kia?region=35.15') as {
      agency: { name: string };
      override: unknown;
    };
    expect(sidoarjo.agency.name).not.toBe(SURABAYA_DUKCAPIL);
    expect(sidoarjo.override).toBeNull();
  });
});
