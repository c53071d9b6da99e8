import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledServices } from '../src/catalogue/seed.js';
import { upsertService } from '../src/catalogue/upsert.js';
import { startTestServer, type TestServer } from './helpers/app.js';
import { checkResponse } from './helpers/contract.js';

let server: TestServer;

async function get(path: string) {
  const response = await fetch(server.url + path);
  const body = await response.json();
  expect(checkResponse('GET', path, response.status, response.headers.get('content-type'), body)).toEqual([]);
  return { status: response.status, body };
}

beforeAll(async () => {
  server = await startTestServer();
  const [template] = (await loadBundledServices()).filter((s) => s.id === 'pbg');
  if (!template) throw new Error('pbg missing from the bundled catalogue');
  await server.db.transaction(async (tx) => {
    // A service only Kota Semarang offers (test data, not a real service).
    await upsertService(tx, {
      ...template,
      id: 'uji-layanan-khusus-semarang',
      region: '33.74',
      name: { id: 'Uji layanan khusus Kota Semarang', en: 'Test service for Kota Semarang only' },
      sources: ['test fixture'],
    });
    // Jawa Tengah sets a fee; Kota Semarang then sets its own duration.
    await tx.query(
      `insert into service_override (service_id, region_code, fee_amount_idr, fee_legal_basis, sources)
       values ('pbg', '33', 150000, 'Perda uji Provinsi', '{"override fixture province"}')`,
    );
    await tx.query(
      `insert into service_override (service_id, region_code, duration_days, fee_amount_idr, sources)
       values ('pbg', '33.74', 7, 100000, '{"override fixture kota"}')`,
    );
  });
});
afterAll(() => server?.close());

describe('region scoping', () => {
  it('shows a regional service in its region only', async () => {
    const inside = await get('/v1/services?region=33.74&limit=100&category=building-permit');
    expect(inside.body.data.map((s: { id: string }) => s.id)).toContain('uji-layanan-khusus-semarang');
    const elsewhere = await get('/v1/services?region=31.71&limit=100&category=building-permit');
    expect(elsewhere.body.data.map((s: { id: string }) => s.id)).not.toContain('uji-layanan-khusus-semarang');
    const national = await get('/v1/services?limit=100&category=building-permit');
    expect(national.body.data.map((s: { id: string }) => s.id)).not.toContain('uji-layanan-khusus-semarang');
    expect(inside.body.total).toBe(national.body.total + 1);
  });

  it('counts categories per region', async () => {
    const inside = await get('/v1/categories?region=33.74');
    const national = await get('/v1/categories');
    const count = (body: { data: { id: string; service_count: number }[] }) =>
      body.data.find((c) => c.id === 'building-permit')?.service_count;
    expect(count(inside.body)).toBe((count(national.body) ?? 0) + 1);
  });

  it('answers 404 with the reason for a regional service asked for elsewhere', async () => {
    const { status, body } = await get('/v1/services/uji-layanan-khusus-semarang?region=31.71&lang=en');
    expect(status).toBe(404);
    expect(body.detail).toMatch(/only offered in region 33\.74/);
    const national = await get('/v1/services/uji-layanan-khusus-semarang');
    expect(national.status).toBe(404);
    const inside = await get('/v1/services/uji-layanan-khusus-semarang?region=33.74');
    expect(inside.body.region_code).toBe('33.74');
  });
});

describe('regional overrides', () => {
  it('applies the province override in the province and its other kabupaten/kota', async () => {
    const { body } = await get('/v1/services/pbg?region=33.01');
    expect(body.fee.amount_idr).toBe(150000);
    expect(body.fee.legal_basis).toBe('Perda uji Provinsi');
    expect(body.override).toEqual({
      region_code: '33',
      fields: ['fee'],
      sources: ['override fixture province'],
    });
  });

  it('lets the kabupaten/kota win field by field', async () => {
    const { body } = await get('/v1/services/pbg?region=33.74');
    expect(body.fee.amount_idr).toBe(100000);
    // The kota's fee comes whole: never with the province's legal basis.
    expect(body.fee.legal_basis).toBeNull();
    expect(body.duration.days).toBe(7);
    expect(body.override.region_code).toBe('33.74');
    expect(body.override.fields.sort()).toEqual(['duration', 'fee']);
    expect(body.override.sources).toEqual(['override fixture province', 'override fixture kota']);
  });

  it('leaves other regions and the national view untouched', async () => {
    const national = await get('/v1/services/pbg');
    const jakarta = await get('/v1/services/pbg?region=31.71');
    expect(national.body.override).toBeNull();
    expect(jakarta.body.fee).toEqual(national.body.fee);
  });

  it('shows overridden facts in search results too', async () => {
    const { body } = await get('/v1/services?region=33.74&category=building-permit&limit=100');
    const pbg = body.data.find((s: { id: string }) => s.id === 'pbg');
    expect(pbg).toMatchObject({ overridden: true, duration_days: 7, fee: { amount_idr: 100000 } });
  });
});
