import { describe, expect, it } from 'vitest';
import {
  createLoketClient,
  createLoketOfficerClient,
  type LoketApiError,
  type LoketClient,
  type LoketOfficerClient,
} from '../src/index.js';
import { fakeFetch, json, noDelay, problem } from './fake-fetch.js';

const code = 'ANT-7K4M-Q2XP';
const secret = '7KQ2-M9XD-4HTR-0BWE';
const request = {
  service: 'ktp-el-hilang',
  location: 'mpp-surabaya-siola',
  date: '2027-01-12',
  time: '09:30',
  name: 'Siti Aminah',
  phone: '081234567890',
};

function citizen(respond: Parameters<typeof fakeFetch>[0] = () => json({ code })) {
  const fake = fakeFetch(respond);
  const client = createLoketClient({ baseUrl: 'http://api.test/api', fetch: fake.fetch, retry: noDelay(2) });
  return { client, ...fake };
}

const citizenCalls: [string, (c: LoketClient) => Promise<unknown>, string, string][] = [
  [
    'listVisitLocations',
    (c) => c.listVisitLocations('35.78', { service: 'kia' }),
    'GET',
    '/api/v1/regions/35.78/visit-locations?service=kia',
  ],
  [
    'listVisitDays',
    (c) => c.listVisitDays('mpp-surabaya-siola', { service: 'kia', days: 7 }),
    'GET',
    '/api/v1/locations/mpp-surabaya-siola/days?service=kia&days=7',
  ],
  [
    'listVisitSlots',
    (c) => c.listVisitSlots('mpp-surabaya-siola', { service: 'kia', date: '2027-01-12' }),
    'GET',
    '/api/v1/locations/mpp-surabaya-siola/slots?service=kia&date=2027-01-12',
  ],
  ['getBooking', (c) => c.getBooking(code, secret), 'GET', `/api/v1/bookings/${code}`],
  ['cancelBooking', (c) => c.cancelBooking(code, secret), 'DELETE', `/api/v1/bookings/${code}`],
  [
    'rescheduleBooking',
    (c) => c.rescheduleBooking(code, secret, { date: '2027-01-13', time: '10:00' }),
    'POST',
    `/api/v1/bookings/${code}/reschedule`,
  ],
];

describe('visit operations', () => {
  it.each(citizenCalls)(
    '%s calls its route, with the secret only in a header',
    async (_, call, method, path) => {
      const { client, requests } = citizen();
      await call(client);
      const sent = requests[0] as Request;
      const url = new URL(sent.url);
      expect(sent.method).toBe(method);
      expect(url.pathname + url.search).toBe(path);
      expect(sent.url).not.toContain(secret);
      expect(sent.headers.get('loket-secret')).toBe(path.includes('/bookings/') ? secret : null);
    },
  );

  it('createBooking sends an Idempotency-Key and retries with the same key after a 503', async () => {
    const { client, requests } = citizen((_, n) =>
      n === 1
        ? problem({ type: 'urn:loket:problem:not-ready', title: 'x', status: 503 })
        : json({ code, secret }, { status: 201, headers: { 'idempotent-replayed': 'true' } }),
    );
    const result = await client.createBooking(request);
    expect(requests).toHaveLength(2);
    const keys = requests.map((r) => r.headers.get('idempotency-key'));
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(result).toMatchObject({ booking: { code, secret }, idempotencyKey: keys[0], replayed: true });
  });

  it('createBooking does not retry a full slot (409)', async () => {
    const { client, requests } = citizen(() =>
      problem({ type: 'urn:loket:problem:slot-full', title: 'Waktu ini sudah penuh', status: 409 }),
    );
    const error = await client
      .createBooking(request, { idempotencyKey: 'my-key-123' })
      .catch((e: LoketApiError) => e);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.headers.get('idempotency-key')).toBe('my-key-123');
    expect(error).toMatchObject({ status: 409, type: 'urn:loket:problem:slot-full' });
  });
});

const officerCalls: [string, (c: LoketOfficerClient) => Promise<unknown>, string, string][] = [
  [
    'getHall',
    (c) => c.getHall('mpp-surabaya-siola'),
    'GET',
    '/api/v1/officer/locations/mpp-surabaya-siola/hall',
  ],
  [
    'checkIn',
    (c) => c.checkIn('mpp-surabaya-siola', { code }),
    'POST',
    '/api/v1/officer/locations/mpp-surabaya-siola/check-ins',
  ],
  [
    'createWalkIn',
    (c) => c.createWalkIn('mpp-surabaya-siola', { service: 'kia' }),
    'POST',
    '/api/v1/officer/locations/mpp-surabaya-siola/walk-ins',
  ],
  [
    'callNext',
    (c) => c.callNext('mpp-surabaya-siola', 'dukcapil-1'),
    'POST',
    '/api/v1/officer/locations/mpp-surabaya-siola/counters/dukcapil-1/call-next',
  ],
  [
    'recordTicketOutcome',
    (c) =>
      c.recordTicketOutcome('mpp-surabaya-siola', 'e4b8c5a2-0f61-4b8e-9b3c-1d2e3f4a5b6c', {
        outcome: 'done',
      }),
    'POST',
    '/api/v1/officer/locations/mpp-surabaya-siola/tickets/e4b8c5a2-0f61-4b8e-9b3c-1d2e3f4a5b6c/outcome',
  ],
  [
    'closeCounter',
    (c) => c.closeCounter('mpp-surabaya-siola', 'dukcapil-1', { date: '2027-01-12', reason: 'Pelatihan' }),
    'POST',
    '/api/v1/officer/locations/mpp-surabaya-siola/counters/dukcapil-1/closures',
  ],
];

describe('hall operations', () => {
  it.each(officerCalls)('%s calls its route once, with the bearer token', async (_, call, method, path) => {
    const fake = fakeFetch(() => problem({ type: 'urn:loket:problem:internal', title: 'x', status: 500 }));
    const client = createLoketOfficerClient({
      baseUrl: 'http://api.test/api',
      token: 'lkt_officer_0123456789abcdef',
      fetch: fake.fetch,
      retry: noDelay(2),
    });
    await call(client).catch(() => {});
    // Not retried, even after a 5xx: a repeated call-next would call twice.
    expect(fake.requests).toHaveLength(method === 'GET' ? 3 : 1);
    expect(fake.requests[0]?.method).toBe(method);
    expect(new URL(fake.requests[0]?.url ?? '').pathname).toBe(path);
    expect(fake.requests[0]?.headers.get('authorization')).toBe('Bearer lkt_officer_0123456789abcdef');
  });
});
