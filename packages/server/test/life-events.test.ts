import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LifeEventsFile } from '../src/catalogue/life-events.js';
import { importOverrides } from '../src/catalogue/overrides.js';
import { loadBundledServices } from '../src/catalogue/seed.js';
import { bumpCatalogueVersion, upsertService } from '../src/catalogue/upsert.js';
import { startTestServer, type TestServer } from './helpers/app.js';
import { checkResponse } from './helpers/contract.js';

const file = JSON.parse(
  readFileSync(new URL('../data/catalogue/life-events.json', import.meta.url), 'utf8'),
) as LifeEventsFile;
const services = new Map((await loadBundledServices()).map((s) => [s.id, s]));

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

/** GET over real HTTP; every response is checked against the contract. */
async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(server.url + path, { headers });
  const body = await response.json();
  expect(checkResponse('GET', path, response.status, response.headers.get('content-type'), body)).toEqual([]);
  return { status: response.status, headers: response.headers, body };
}

type Step = { service: { id: string; fee: unknown; duration_days: unknown; overridden: boolean } };

describe('life-events.json', () => {
  it('names existing services only, each core step with why it is needed in both languages', () => {
    expect(file.life_events).toHaveLength(10);
    for (const event of file.life_events) {
      for (const step of [...event.services, ...(event.conditional ?? [])]) {
        expect(services.has(step.service), `${event.id}: ${step.service}`).toBe(true);
      }
      for (const step of event.services) {
        expect(step.why.id.length, `${event.id}: ${step.service}`).toBeGreaterThan(20);
        expect(step.why.en.length, `${event.id}: ${step.service}`).toBeGreaterThan(20);
      }
      expect(event.rationale.id && event.rationale.en).toBeTruthy();
      expect(event.sources.length).toBeGreaterThan(0);
    }
  });
});

describe('GET /v1/life-events', () => {
  it('lists the 10 events in the file’s order, in Indonesian by default and English when asked', async () => {
    const { status, headers, body } = await get('/v1/life-events');
    expect(status).toBe(200);
    expect(headers.get('content-language')).toBe('id');
    expect(body.data.map((e: { id: string }) => e.id)).toEqual(file.life_events.map((e) => e.id));
    expect(body.data[0]).toEqual({
      id: 'kelahiran',
      name: 'Kelahiran Anak',
      rationale: file.life_events[0]?.rationale.id,
      step_count: 5,
      conditional_count: 4,
    });
    const header = await get('/v1/life-events', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(header.body.lang).toBe('en');
    expect(header.body.data[0].name).toBe('Birth of a child');
    const query = await get('/v1/life-events?lang=en', { 'accept-language': 'id' });
    expect(query.body.data[0].name).toBe('Birth of a child');
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await fetch(`${server.url}/v1/life-events`);
    const etag = first.headers.get('etag') as string;
    expect(etag).toBeTruthy();
    const again = await fetch(`${server.url}/v1/life-events`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });
});

describe('GET /v1/life-events/{id}', () => {
  it('gives the steps in order, each with why it is needed and what it produces, then the conditional ones', async () => {
    const event = file.life_events.find((e) => e.id === 'kelahiran');
    const { body } = await get('/v1/life-events/kelahiran?lang=en');
    expect(body.name).toBe('Birth of a child');
    expect(body.rationale).toBe(event?.rationale.en);
    expect(body.sources).toEqual(event?.sources);
    expect(body.steps.map((s: Step) => s.service.id)).toEqual(event?.services.map((s) => s.service));
    expect(body.steps[0]).toMatchObject({
      service: { id: 'akta-kelahiran', name: services.get('akta-kelahiran')?.name.en },
      why: event?.services[0]?.why.en,
      produces: services.get('akta-kelahiran')?.output.en,
    });
    expect(body.conditional.map((s: Step) => s.service.id)).toEqual(
      event?.conditional?.map((c) => c.service),
    );
    expect(body.conditional[0]).toMatchObject({
      when: event?.conditional?.[0]?.when.en,
      produces: services.get(event?.conditional?.[0]?.service ?? '')?.output.en,
    });
    const indonesian = await get('/v1/life-events/kelahiran');
    expect(indonesian.body.steps[0].why).toBe(event?.services[0]?.why.id);
    expect(indonesian.body.steps[0].produces).toBe(services.get('akta-kelahiran')?.output.id);
  });

  it('summarises each service as the service list does for the region: overrides applied', async () => {
    // The fixture overrides pbg in Jawa Tengah (33) and Kota Semarang (33.74).
    await importOverrides(server.db, {
      path: new URL('./fixtures/overrides/overrides.json', import.meta.url).pathname,
    });
    const pbg = (body: { conditional: Step[] }) => body.conditional.find((s) => s.service.id === 'pbg');
    const listed = async (region: string) =>
      (
        await get(`/v1/services?region=${region}&agency=${services.get('pbg')?.agency.id}&limit=100`)
      ).body.data.find((s: { id: string }) => s.id === 'pbg');
    const national = pbg((await get('/v1/life-events/memulai-usaha')).body);
    const kota = pbg((await get('/v1/life-events/memulai-usaha?region=33.74')).body);
    expect(national?.service.overridden).toBe(false);
    expect(kota?.service.overridden).toBe(true);
    expect(kota?.service).toEqual(await listed('33.74'));
    expect(kota?.service.fee).not.toEqual(national?.service.fee);
    await server.db.query('delete from service_override');
    await bumpCatalogueVersion(server.db);
  });

  it('leaves out a step whose service the region does not offer', async () => {
    const [template] = [...services.values()].filter((s) => s.id === 'kia');
    await server.db.transaction(async (tx) => {
      // A service only Kota Semarang offers (test data, not a real service) as a conditional step.
      await upsertService(tx, {
        ...(template as NonNullable<typeof template>),
        id: 'uji-kelahiran-semarang',
        region: '33.74',
        name: { id: 'Uji layanan kelahiran Kota Semarang', en: 'Test birth service for Kota Semarang' },
        sources: ['test fixture'],
      });
      await tx.query(
        `insert into life_event_step (event_id, position, service_id, conditional, when_id, when_en)
         values ('kelahiran', 99, 'uji-kelahiran-semarang', true, 'Uji', 'Test')`,
      );
      await bumpCatalogueVersion(tx);
    });
    const ids = (body: { conditional: Step[] }) => body.conditional.map((s) => s.service.id);
    expect(ids((await get('/v1/life-events/kelahiran')).body)).not.toContain('uji-kelahiran-semarang');
    expect(ids((await get('/v1/life-events/kelahiran?region=33.74')).body)).toContain(
      'uji-kelahiran-semarang',
    );
    const counts = async (query: string) =>
      (await get(`/v1/life-events${query}`)).body.data.find((e: { id: string }) => e.id === 'kelahiran');
    expect((await counts('')).conditional_count).toBe(4);
    expect((await counts('?region=33.74')).conditional_count).toBe(5);
  });

  it('is a localized 404 problem for an unknown id, and 400 for an unknown region', async () => {
    const missing = await get('/v1/life-events/tidak-ada?lang=en');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(missing.body).toMatchObject({
      status: 404,
      title: 'Not found',
      detail: 'Life event "tidak-ada" does not exist.',
    });
    const indonesian = await get('/v1/life-events/tidak-ada');
    expect(indonesian.body.detail).toBe('Peristiwa hidup "tidak-ada" tidak ada.');
    const region = await get('/v1/life-events/kelahiran?region=99.99');
    expect(region.status).toBe(400);
  });
});
