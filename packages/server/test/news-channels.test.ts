import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrigin } from '../src/applications/origins.js';
import { formatCode } from '../src/applications/secrets.js';
import { addEndpoint } from '../src/notifications/webhook-endpoints.js';
import { startTestServer, type TestServer } from './helpers/app.js';
import { insertApplication, secret } from './helpers/notify.js';
import { call } from './helpers/visits.js';

// GET /v1/news-channels: the form offers the phone box only where news can reach the phone, i.e.
// where the agency has an enabled webhook endpoint (the region's gateway) covering the region.

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const ask = (region: string, agency: string) =>
  call(server.url, 'GET', `/v1/news-channels?region=${region}&agency=${agency}`);

const hook = (region_code: string, agency_id = 'dukcapil', event_types: string[] = []) =>
  addEndpoint(
    server.db,
    { agency_id, region_code, url: 'https://gateway.example/loket', event_types, created_by: 'test' },
    { allowPrivate: true, now: new Date() },
  );

describe('news channels', () => {
  it('says phone only where an enabled endpoint of the agency covers the region, at once', async () => {
    expect((await ask('33.74', 'dukcapil')).body).toEqual({
      lang: 'id',
      region: '33.74',
      agency: 'dukcapil',
      email: true,
      phone: false,
    });
    const endpoint = await hook('33.74');
    const now = await ask('33.74', 'dukcapil');
    expect(now.body.phone).toBe(true);
    expect(now.headers.get('cache-control')).toBe('no-cache');
    expect((await ask('33.74', 'djp')).body.phone).toBe(false); // another agency
    expect((await ask('33.75', 'dukcapil')).body.phone).toBe(false); // another kota
    await server.db.query('update webhook_endpoint set enabled = false where id = $1', [endpoint.id]);
    expect((await ask('33.74', 'dukcapil')).body.phone).toBe(false);
    // A province's endpoint covers its kabupaten/kota; one that takes only visit events does not count.
    await hook('35');
    expect((await ask('35.78', 'dukcapil')).body.phone).toBe(true);
    await hook('32.73', 'dukcapil', ['visit.booked']);
    expect((await ask('32.73', 'dukcapil')).body.phone).toBe(false);
  });

  it('says no e-mail on a server that sends none (no LOKET_SMTP_URL)', async () => {
    const quiet = await startTestServer({ mail: false });
    try {
      const answer = await call(quiet.url, 'GET', '/v1/news-channels?region=33.74&agency=dukcapil');
      expect(answer.body).toMatchObject({ email: false, phone: false });
    } finally {
      await quiet.close();
    }
  });

  it('answers 404 for an unknown region or agency, 400 without them', async () => {
    expect((await ask('99.99', 'dukcapil')).status).toBe(404);
    expect((await ask('33.74', 'tidak-ada')).status).toBe(404);
    expect((await call(server.url, 'GET', '/v1/news-channels?region=33.74')).status).toBe(400);
  });
});

// POST /v1/news-channels { about }: the complaint form does not know the agency of what it is about;
// the server finds it as filing the complaint would (proving an application with its secret) and
// counts a gateway only when it takes complaint events.
describe('news channels for a complaint', () => {
  const about = (body: unknown, headers: Record<string, string> = {}) =>
    call(server.url, 'POST', '/v1/news-channels', { body: { about: body }, headers });
  const service = { kind: 'service', service: 'ktp-el-hilang', region: '32.73' };

  it('finds the agency providing the service in the region; the phone only with a gateway taking complaint events', async () => {
    const before = await about(service);
    expect(before.status).toBe(200);
    expect(before.body).toEqual({
      lang: 'id',
      region: '32.73',
      agency: 'dukcapil',
      email: true,
      phone: false,
    });
    expect(before.headers.get('cache-control')).toBe('no-store');
    // A gateway taking only application events: the application form's phone box, not the complaint's.
    const appsOnly = await hook('32.73', 'dukcapil', ['application.submitted']);
    expect((await ask('32.73', 'dukcapil')).body.phone).toBe(true);
    expect((await about(service)).body.phone).toBe(false);
    await server.db.query('update webhook_endpoint set enabled = false where id = $1', [appsOnly.id]);
    await hook('32.73', 'dukcapil', ['complaint.received', 'complaint.answered']);
    expect((await about(service)).body.phone).toBe(true);
    expect((await ask('32.73', 'dukcapil')).body.phone).toBe(false);
  });

  it('finds an application’s region and agency with its code and secret; a wrong secret is the same 404 as a lookup', async () => {
    const app = await insertApplication(server.db, { status: 'submitted' });
    const found = await about(
      { kind: 'application', code: formatCode(app.code), secret },
      { 'accept-language': 'en' },
    );
    expect(found.status).toBe(200);
    expect(found.body).toEqual({
      lang: 'en',
      region: '33.74',
      agency: 'dukcapil',
      email: true,
      phone: false,
    });
    const wrong = await about({
      kind: 'application',
      code: formatCode(app.code),
      secret: 'AAAA-BBBB-CCCC-DDDD',
    });
    expect(wrong.status).toBe(404);
    expect(JSON.stringify(wrong.body)).not.toContain('dukcapil');
  });

  it('answers a browser’s preflight only for an origin some region allowed (a page of the region’s site)', async () => {
    await addOrigin(server.db, '33.74', 'https://layanan.semarang.example');
    const preflight = (origin: string) =>
      fetch(`${server.url}/v1/news-channels`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const allowed = await preflight('https://layanan.semarang.example');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://layanan.semarang.example');
    expect(allowed.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(
      (await preflight('https://elsewhere.example')).headers.get('access-control-allow-origin'),
    ).toBeNull();
  });

  it('answers 404 for a service not offered in the region, 400 for an unknown region or no subject', async () => {
    expect((await about({ ...service, service: 'tidak-ada' })).status).toBe(404);
    expect((await about({ ...service, region: '99.99' })).status).toBe(400);
    expect((await call(server.url, 'POST', '/v1/news-channels', { body: {} })).status).toBe(400);
  });
});
