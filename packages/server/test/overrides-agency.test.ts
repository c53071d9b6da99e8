import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { importOverrides } from '../src/catalogue/overrides.js';
import { startTestServer, type TestServer } from './helpers/app.js';
import { checkResponse } from './helpers/contract.js';

// An override's agency_name: the name under which the agency serves a service in a region (test
// names, not real ones). The agency's id and level, and its name elsewhere, stay as they are.

const jsonText = (overrides: unknown[]) => ({ text: JSON.stringify({ overrides }), format: 'json' as const });
const province = { id: 'Dinas Uji Provinsi', en: 'Test Provincial Office' };
const kota = { id: 'Dinas Uji Kota Semarang', en: 'Test Office of Kota Semarang' };

let server: TestServer;

async function get(path: string) {
  const response = await fetch(server.url + path);
  const body = await response.json();
  expect(checkResponse('GET', path, response.status, response.headers.get('content-type'), body)).toEqual([]);
  return body;
}

beforeAll(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.db.query('delete from service_override');
});
afterAll(() => server?.close());

describe('agency_name in an override', () => {
  it("names the agency locally, the kabupaten/kota's name over its province's, in both languages", async () => {
    const national = await get('/v1/services/kia');
    const report = await importOverrides(
      server.db,
      jsonText([
        { service: 'kia', region: '33', agency_name: province, sources: ['test: province'] },
        { service: 'kia', region: '33.74', agency_name: kota, sources: ['test: kota'] },
      ]),
    );
    expect(report).toMatchObject({ ok: true, inserted: 2 });

    const semarang = await get('/v1/services/kia?region=33.74');
    expect(semarang.agency).toEqual({ ...national.agency, name: kota.id });
    expect(semarang.override).toEqual({
      region_code: '33.74',
      fields: ['agency'],
      sources: ['test: province', 'test: kota'],
    });
    expect((await get('/v1/services/kia?region=33.74&lang=en')).agency.name).toBe(kota.en);
    expect((await get('/v1/services/kia?region=33.01')).agency.name).toBe(province.id);
    const listed = await get('/v1/services?region=33.74&category=civil-registration&limit=100');
    expect(listed.data.find((s: { id: string }) => s.id === 'kia').agency.name).toBe(kota.id);

    expect((await get('/v1/services/kia?region=31.71')).agency).toEqual(national.agency);
    expect((await get('/v1/services/kia')).agency).toEqual(national.agency);
  });

  it('refuses a name without both languages, and a null name alone overrides nothing', async () => {
    const report = await importOverrides(
      server.db,
      jsonText([
        { service: 'kia', region: '33.74', agency_name: { id: 'Dinas Uji' }, sources: ['s'] },
        { service: 'kia', region: '33.01', agency_name: null, sources: ['s'] },
      ]),
    );
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => [p.row, p.pointer])).toEqual(
      expect.arrayContaining([
        [1, '/agency_name'],
        [2, '/'],
      ]),
    );
    expect(report.problems.find((p) => p.row === 2)?.message).toMatch(/overrides nothing/);
    expect(await server.db.query('select 1 from service_override')).toEqual([]);
  });
});
