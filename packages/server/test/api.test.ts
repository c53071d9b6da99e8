import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../src/catalogue/seed.js';
import { bumpCatalogueVersion } from '../src/catalogue/upsert.js';
import { startTestServer, type TestServer } from './helpers/app.js';
import { checkResponse } from './helpers/contract.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

/** GET over real HTTP; every response is checked against the contract. */
async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(server.url + path, { headers });
  const text = await response.text();
  const body = text && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : text;
  // Paths outside the contract can only answer 404, whose problem shape is checked by the caller.
  if (!path.startsWith('/v1/nothing-here')) {
    expect(checkResponse('GET', path, response.status, response.headers.get('content-type'), body)).toEqual(
      [],
    );
  }
  return { status: response.status, headers: response.headers, body };
}

describe('services', () => {
  it('lists the national catalogue alphabetically with facets, page by page', async () => {
    const seen = new Set<string>();
    let path = '/v1/services?limit=40';
    let pages = 0;
    while (path) {
      const { status, body } = await get(path);
      expect(status).toBe(200);
      expect(body.total).toBe(162);
      for (const s of body.data) seen.add(s.id);
      pages++;
      path = body.page.next_cursor ? `/v1/services?limit=40&cursor=${body.page.next_cursor}` : '';
    }
    expect(pages).toBe(5);
    expect(seen.size).toBe(162);
    const { body } = await get('/v1/services');
    const sum = (list: { count: number }[]) => list.reduce((n, f) => n + f.count, 0);
    expect(sum(body.facets.categories)).toBe(162);
    expect(sum(body.facets.agencies)).toBe(162);
  });

  it('filters by category, agency and channel, keeping facets for every option', async () => {
    const { body } = await get('/v1/services?category=immigration');
    expect(body.data.map((s: { id: string }) => s.id).sort()).toEqual([
      'paspor-baru',
      'paspor-hilang-rusak',
      'paspor-penggantian',
    ]);
    expect(body.facets.categories.length).toBe(16);
    const online = await get('/v1/services?channel=online&limit=100');
    expect(online.body.data.every((s: { channels: string[] }) => s.channels.includes('online'))).toBe(true);
    const dukcapil = await get('/v1/services?agency=dukcapil&limit=100');
    expect(dukcapil.body.data.every((s: { agency: { id: string } }) => s.agency.id === 'dukcapil')).toBe(
      true,
    );
  });

  it('gives the fee basis, the fee options and the notes in English on English pages', async () => {
    const id = await get('/v1/services/paspor-baru');
    const en = await get('/v1/services/paspor-baru?lang=en');
    expect(id.body.fee.variants[0]).toEqual({
      label: 'Paspor elektronik, berlaku 10 tahun',
      amount_idr: 950000,
    });
    expect(en.body.fee.variants[0]).toEqual({
      label: 'Electronic passport, valid 10 years',
      amount_idr: 950000,
    });
    expect(id.body.fee.legal_basis).toMatch(/berlaku sejak Desember 2024/);
    expect(en.body.fee.legal_basis).toMatch(/^PP No\. 45 Tahun 2024 .*in force since December 2024/);
    expect(id.body.notes).toMatch(/Kementerian Imigrasi dan Pemasyarakatan/);
    expect(en.body.notes).toMatch(/Ministry of Immigration and Corrections/);
  });

  it('returns one service with the six Standar Pelayanan components, sources and confidence', async () => {
    const { status, body } = await get('/v1/services/ktp-el-hilang');
    expect(status).toBe(200);
    expect(body.lang).toBe('id');
    expect(body.requirements.length).toBeGreaterThan(0);
    expect(body.procedure.length).toBeGreaterThan(0);
    expect(body.fee).toMatchObject({ amount_idr: 0, free: true });
    expect(body.fee.legal_basis).toMatch(/79A/);
    expect(body.complaint.channels[0]).toMatchObject({ name: 'SP4N-LAPOR!', scope: 'national' });
    expect(body.sources.length).toBeGreaterThan(0);
    expect(['high', 'medium', 'low']).toContain(body.confidence);
  });

  it('says which services can be applied for online through Loket, in the list and the detail', async () => {
    const forms = new Set(
      (await server.db.query<{ service_id: string }>('select service_id from form_definition')).map(
        (r) => r.service_id,
      ),
    );
    expect(forms.has('ktp-el-hilang')).toBe(true);
    expect(forms.has('paspor-baru')).toBe(false);
    const listed = new Map<string, boolean>();
    let path = '/v1/services?limit=100';
    while (path) {
      const { body } = await get(path);
      for (const s of body.data) listed.set(s.id, s.form_available);
      path = body.page.next_cursor ? `/v1/services?limit=100&cursor=${body.page.next_cursor}` : '';
    }
    expect(listed.size).toBe(162);
    for (const [id, available] of listed) expect(available, id).toBe(forms.has(id));

    const search = await get('/v1/services?q=ktp&region=33.74&limit=100');
    const hit = (id: string) => search.body.data.find((s: { id: string }) => s.id === id);
    expect(hit('ktp-el-hilang')?.form_available).toBe(true);
    expect(hit('ktp-el-baru')?.form_available).toBe(false);

    for (const [slug, available] of [
      ['ktp-el-hilang', true],
      ['paspor-baru', false],
    ] as const) {
      expect((await get(`/v1/services/${slug}`)).body.form_available).toBe(available);
      expect((await get(`/v1/services/${slug}/form`)).status).toBe(available ? 200 : 404);
    }
  });

  it('keeps unknown facts null rather than inventing them', async () => {
    const { body } = await get('/v1/services/pajak-kendaraan-tahunan');
    expect(body.fee.amount_idr).toBeNull();
    expect(body.fee.free).toBe(false);
  });
});

describe('language', () => {
  it('speaks Indonesian by default and English when asked, and says which', async () => {
    const id = await get('/v1/services/skck');
    const en = await get('/v1/services/skck', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(id.headers.get('content-language')).toBe('id');
    expect(en.headers.get('content-language')).toBe('en');
    expect(en.body.lang).toBe('en');
    expect(en.body.name).not.toBe(id.body.name);
    const forced = await get('/v1/services/skck?lang=id', { 'accept-language': 'en' });
    expect(forced.body.lang).toBe('id');
  });

  it('treats an odd Accept-Language as Indonesian instead of failing', async () => {
    for (const header of ['xx;q=abc,,,', '*', 'fr-FR', ';;;q=', 'en;q=0, id;q=0.1']) {
      const { status, body } = await get('/v1/categories', { 'accept-language': header });
      expect(status).toBe(200);
      expect(body.lang).toBe('id');
    }
  });

  it('localizes problems', async () => {
    const id = await get('/v1/services/tidak-ada');
    const en = await get('/v1/services/tidak-ada?lang=en');
    expect(id.status).toBe(404);
    expect(id.body.title).toBe('Tidak ditemukan');
    expect(en.body.title).toBe('Not found');
    expect(en.body.detail).toContain('tidak-ada');
  });
});

describe('bad input gets a clear 4xx problem', () => {
  const cases: [string, number, string, string?][] = [
    ['/v1/services?limit=0', 400, 'invalid-request', '/query/limit'],
    ['/v1/services?limit=101', 400, 'invalid-request', '/query/limit'],
    ['/v1/services?limit=abc', 400, 'invalid-request', '/query/limit'],
    ['/v1/services?region=3374', 400, 'invalid-request', '/query/region'],
    ['/v1/services?region=99.99', 400, 'unknown-region', '/query/region'],
    ['/v1/services?cursor=not-a-cursor', 400, 'invalid-cursor', '/query/cursor'],
    ['/v1/services?channel=fax', 400, 'invalid-request', '/query/channel'],
    ['/v1/services?category=Not%20A%20Slug', 400, 'invalid-request', '/query/category'],
    [`/v1/services?q=${'a'.repeat(10_000)}`, 400, 'invalid-request', '/query/q'],
    ['/v1/services?lang=fr', 400, 'invalid-request', '/query/lang'],
    ['/v1/services/NOT_A_SLUG', 400, 'invalid-request', '/path/slug'],
    ['/v1/services/tidak-ada', 404, 'not-found'],
    ['/v1/regions/99', 404, 'not-found'],
    ['/v1/regions/abc', 400, 'invalid-request', '/path/code'],
    ['/v1/regions?limit=601', 400, 'invalid-request', '/query/limit'],
    ['/v1/nothing-here', 404, 'not-found'],
  ];
  it.each(cases)('%s → %i %s', async (path, status, kind, pointer) => {
    const { status: actual, headers, body } = await get(path);
    expect(actual).toBe(status);
    expect(headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(body.type).toBe(`urn:loket:problem:${kind}`);
    expect(body.detail).toEqual(expect.any(String));
    if (pointer) expect(body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
  });

  it('refuses a cursor from another query', async () => {
    const { body } = await get('/v1/services?limit=5');
    const { status, body: problem } = await get(
      `/v1/services?limit=5&category=tax&cursor=${body.page.next_cursor}`,
    );
    expect(status).toBe(400);
    expect(problem.type).toBe('urn:loket:problem:invalid-cursor');
  });

  it('answers 406 to a client that accepts no JSON', async () => {
    const { status, body } = await get('/v1/services', { accept: 'text/html' });
    expect(status).toBe(406);
    expect(body.type).toBe('urn:loket:problem:not-acceptable');
  });
});

describe('caching', () => {
  it('sends a strong ETag and Cache-Control, and 304 when it still matches', async () => {
    const first = await get('/v1/services/skck');
    const etag = first.headers.get('etag') as string;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(first.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
    expect(first.headers.get('vary')).toMatch(/Accept-Language/i);
    for (const match of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const again = await get('/v1/services/skck', { 'if-none-match': match });
      expect(again.status).toBe(304);
      expect(again.body).toBe('');
    }
    expect((await get('/v1/services/skck', { 'if-none-match': '"other"' })).status).toBe(200);
    const english = await get('/v1/services/skck?lang=en');
    expect(english.headers.get('etag')).not.toBe(etag);
  });

  it('serves the new facts (and a new ETag) as soon as the catalogue changes', async () => {
    const before = await get('/v1/services/kia');
    const cached = await fetch(`${server.url}/v1/services/kia`, {
      headers: { origin: 'https://example.go.id' },
    });
    expect(cached.headers.get('access-control-allow-origin')).toBe('*');
    expect(cached.headers.get('etag')).toBe(before.headers.get('etag'));
    await server.db.transaction(async (tx) => {
      await tx.query("update service set name_id = 'Kartu Identitas Anak (diubah)' where id = 'kia'");
      await bumpCatalogueVersion(tx);
    });
    const after = await get('/v1/services/kia');
    expect(after.body.name).toBe('Kartu Identitas Anak (diubah)');
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
  });

  it('follows form definitions: seeding the forms again serves form_available anew', async () => {
    const before = await get('/v1/services/ktp-el-rusak');
    expect(before.body.form_available).toBe(true);
    await server.db.transaction(async (tx) => {
      await tx.query("delete from form_definition where service_id = 'ktp-el-rusak'");
      await bumpCatalogueVersion(tx);
    });
    const removed = await get('/v1/services/ktp-el-rusak');
    expect(removed.body.form_available).toBe(false);
    expect((await get('/v1/services?category=civil-registration&limit=100')).body.data).toContainEqual(
      expect.objectContaining({ id: 'ktp-el-rusak', form_available: false }),
    );
    // The bundled forms are written only by seeding, which bumps the catalogue version.
    await seed(server.db);
    const seeded = await get('/v1/services/ktp-el-rusak');
    expect(seeded.body.form_available).toBe(true);
    expect(seeded.headers.get('etag')).not.toBe(removed.headers.get('etag'));
  });

  it('never caches problems', async () => {
    const { headers } = await get('/v1/services/tidak-ada');
    expect(headers.get('etag')).toBeNull();
    expect(headers.get('cache-control')).toBe('no-store');
  });
});

describe('CORS for regional websites on other origins', () => {
  it('answers the preflight of a conditional, localized GET', async () => {
    const response = await fetch(`${server.url}/v1/services?q=ktp`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://semarangkota.go.id',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'if-none-match, accept-language',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('if-none-match');
  });

  it('exposes ETag and Content-Language to the page', async () => {
    const response = await fetch(`${server.url}/v1/categories`, {
      headers: { origin: 'https://example.go.id' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toMatch(/ETag/);
    expect(response.headers.get('access-control-expose-headers')).toMatch(/Content-Language/);
  });
});

describe('categories, agencies, regions and locations', () => {
  it('lists the 16 categories with counts that add up', async () => {
    const { body } = await get('/v1/categories?lang=en');
    expect(body.data).toHaveLength(16);
    expect(body.data.reduce((n: number, c: { service_count: number }) => n + c.service_count, 0)).toBe(162);
    expect(body.data[0]).toMatchObject({ id: 'civil-registration', name: 'Civil registration' });
  });

  it('lists agencies with counts', async () => {
    const { body } = await get('/v1/agencies');
    const dukcapil = body.data.find((a: { id: string }) => a.id === 'dukcapil');
    expect(dukcapil.service_count).toBeGreaterThan(10);
  });

  it('lists provinces and a province’s kabupaten/kota with Kemendagri codes', async () => {
    const provinces = await get('/v1/regions?level=province');
    expect(provinces.body.total).toBe(38);
    const jateng = await get('/v1/regions?parent=33');
    expect(jateng.body.total).toBe(35);
    expect(jateng.body.data.every((r: { code: string }) => r.code.startsWith('33.'))).toBe(true);
    const semarang = await get('/v1/regions?q=semarang');
    expect(semarang.body.data.map((r: { name: string }) => r.name).sort()).toEqual([
      'Kabupaten Semarang',
      'Kota Semarang',
    ]);
    const literal = await get('/v1/regions?q=%25');
    expect(literal.body.total).toBe(0);
  });

  it('pages through all 552 regions', async () => {
    let path = '/v1/regions?limit=250';
    const codes: string[] = [];
    while (path) {
      const { body } = await get(path);
      codes.push(...body.data.map((r: { code: string }) => r.code));
      path = body.page.next_cursor ? `/v1/regions?limit=250&cursor=${body.page.next_cursor}` : '';
    }
    expect(new Set(codes).size).toBe(552);
  });

  it('returns a kabupaten/kota with its province, and its MPP locations', async () => {
    const { body } = await get('/v1/regions/31.74');
    expect(body).toMatchObject({ code: '31.74', level: 'regency', kind: 'kota', code_system: 'kemendagri' });
    expect(body.province).toMatchObject({ code: '31', level: 'province' });
    expect(body.location_count).toBeGreaterThan(0);
    const locations = await get('/v1/regions/31/locations');
    expect(locations.body.data.some((l: { region_code: string }) => l.region_code === '31.74')).toBe(true);
    const first = locations.body.data[0];
    expect(first.sources.length).toBeGreaterThan(0);
    // Hours, phone, coordinates and tenants: locations.test.ts.
  });
});

describe('operations', () => {
  it('is live and ready', async () => {
    expect((await get('/health/live')).body).toEqual({ status: 'ok' });
    const ready = await get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.database).toBe(process.env.LOKET_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite');
  });

  it('serves the contract and an interactive reference', async () => {
    const yaml = await fetch(`${server.url}/openapi.yaml`);
    expect(await yaml.text()).toMatch(/^openapi: 3\.1/);
    const json = (await (await fetch(`${server.url}/openapi.json`)).json()) as { servers: { url: string }[] };
    expect(json.servers).toEqual([{ url: '/', description: 'This server' }]);
    const docs = await fetch(`${server.url}/docs/`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toMatch(/swagger/i);
  });

  it('echoes a safe request id and makes one up otherwise', async () => {
    const given = await fetch(`${server.url}/health/live`, { headers: { 'x-request-id': 'abc-123' } });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const hostile = await fetch(`${server.url}/health/live`, { headers: { 'x-request-id': '<script>' } });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
