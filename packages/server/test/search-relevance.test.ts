import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchServices } from '../src/catalogue/search.js';
import { loadBundledServices } from '../src/catalogue/seed.js';
import { upsertService } from '../src/catalogue/upsert.js';
import { startTestServer, type TestServer } from './helpers/app.js';
import { checkResponse } from './helpers/contract.js';
import { complaintCases, serviceCases } from './search-relevance.cases.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

describe('the relevance table (issue 14)', () => {
  it('is as large as asked, about services that exist', async () => {
    expect(serviceCases.length).toBeGreaterThanOrEqual(30);
    expect(complaintCases.length).toBeGreaterThanOrEqual(15);
    const ids = new Set((await loadBundledServices()).map((s) => s.id));
    expect(serviceCases.flatMap((c) => c.ids).filter((id) => !ids.has(id))).toEqual([]);
  });

  it.each(serviceCases)('"$q" finds $ids', async ({ q, ids, first, most }) => {
    const results = (await searchServices(server.db, q, { limit: 50 })).map((r) => r.id);
    const shown = `${results.length}: ${results.slice(0, 5).join(', ')}`;
    if (first) expect(ids, `first result of "${q}" (${shown})`).toContain(results[0]);
    else
      expect(
        results.slice(0, 3).some((id) => ids.includes(id)),
        `top 3 of "${q}" (${shown})`,
      ).toBe(true);
    if (most !== undefined) expect(results.length, `"${q}" (${shown})`).toBeLessThanOrEqual(most);
  });

  it.each(complaintCases)('"%s" is no service', async (q) => {
    expect((await searchServices(server.db, q, { limit: 50 })).map((r) => r.id)).toEqual([]);
  });
});

describe('one common word does not outweigh the query', () => {
  it('"akta lahir anak": the birth certificate, not every service with "akta" or "anak"', async () => {
    const ids = (await searchServices(server.db, 'akta lahir anak', { limit: 50 })).map((r) => r.id);
    expect(ids[0]).toBe('akta-kelahiran');
    expect(ids).not.toContain('ikrar-wakaf');
    expect(ids.filter((id) => /cerai/.test(id))).toEqual([]);
  });

  it('"akta kematian ayah": the words some service has together, not any one of them', async () => {
    const ids = (await searchServices(server.db, 'akta kematian ayah', { limit: 50 })).map((r) => r.id);
    expect(ids[0]).toBe('akta-kematian');
    expect(ids).not.toContain('akta-perkawinan-non-muslim');
  });

  it('a common word alone is still a search', async () => {
    expect((await searchServices(server.db, 'anak', { limit: 50 })).map((r) => r.id)).toContain('kia');
  });

  it('a complaint topic that a service does name finds that service', async () => {
    const skck = (await loadBundledServices()).find((s) => s.id === 'skck');
    if (!skck) throw new Error('skck is missing from the bundled catalogue');
    const db = server.db;
    await db.transaction((tx) =>
      upsertService(tx, {
        ...skck,
        id: 'retribusi-sampah-uji',
        aliases: ['retribusi sampah', 'bayar sampah'],
      }),
    );
    try {
      expect((await searchServices(db, 'bayar sampah')).map((r) => r.id)[0]).toBe('retribusi-sampah-uji');
    } finally {
      await db.query("delete from service where id = 'retribusi-sampah-uji'");
    }
    expect(await searchServices(db, 'bayar sampah')).toEqual([]);
  });
});

/** GET over real HTTP, checked against the contract. */
async function list(query: string) {
  const path = `/v1/services?${query}`;
  const response = await fetch(server.url + path);
  const body = await response.json();
  expect(checkResponse('GET', path, response.status, response.headers.get('content-type'), body)).toEqual([]);
  return body;
}

describe('GET /v1/services when no service covers the query', () => {
  it('answers a complaint topic with an empty list and the complaint route', async () => {
    const body = await list('q=lampu+jalan+mati&region=35.78');
    expect(body.data).toEqual([]);
    expect(body.total).toBe(0);
    expect(body.no_match.kind).toBe('complaint');
    expect(body.no_match.complaint_channels[0]).toMatchObject({
      name: 'SP4N-LAPOR!',
      url: 'https://www.lapor.go.id',
      scope: 'national',
    });
  });

  it('answers words no service has with the same route, as "unknown"', async () => {
    const body = await list('q=zorblax+quendril');
    expect(body.data).toEqual([]);
    expect(body.no_match.kind).toBe('unknown');
    expect(body.no_match.complaint_channels.map((c: { name: string }) => c.name)).toEqual(['SP4N-LAPOR!']);
  });

  it('says nothing of the kind when services match, or only the filters leave none', async () => {
    expect((await list('q=ktp')).no_match).toBeUndefined();
    expect((await list('limit=5')).no_match).toBeUndefined();
    const filtered = await list('q=ktp&category=tax');
    expect(filtered.total).toBe(0);
    expect(filtered.no_match).toBeUndefined();
  });
});
