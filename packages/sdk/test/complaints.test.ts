import { describe, expect, it } from 'vitest';
import {
  createLoketClient,
  createLoketOfficerClient,
  type LoketApiError,
  type LoketOfficerClient,
} from '../src/index.js';
import { fakeFetch, json, noDelay, problem } from './fake-fetch.js';

const code = 'ADU-7K4M-Q2XP';
const secret = '7KQ2-M9XD-4HTR-0BWE';
const request = {
  about: { kind: 'service' as const, service: 'ktp-el-hilang', region: '33.74' },
  category: 'time' as const,
  description: 'Sudah dua minggu tanpa kabar.',
};

function citizen(respond: Parameters<typeof fakeFetch>[0] = () => json({ code })) {
  const fake = fakeFetch(respond);
  const client = createLoketClient({ baseUrl: 'http://api.test/api', fetch: fake.fetch, retry: noDelay(2) });
  return { client, ...fake };
}

describe('complaint operations', () => {
  it('getComplaint sends the secret only as Loket-Secret', async () => {
    const { client, requests } = citizen();
    await client.getComplaint(code, secret);
    const sent = requests[0] as Request;
    expect(new URL(sent.url).pathname).toBe(`/api/v1/complaints/${code}`);
    expect(sent.url).not.toContain(secret);
    expect(sent.headers.get('loket-secret')).toBe(secret);
  });

  it('listComplaintChannels reads the categories and channels', async () => {
    const { client, requests } = citizen(() => json({ lang: 'id', categories: [], data: [] }));
    await client.listComplaintChannels();
    expect(new URL((requests[0] as Request).url).pathname).toBe('/api/v1/complaint-channels');
  });

  it('getComplaintNewsChannels posts what the complaint is about, the secret in the body only', async () => {
    const answer = { lang: 'id', region: '33.74', agency: 'dukcapil', email: true, phone: false };
    const bodies: unknown[] = [];
    const { client, requests } = citizen(async (request) => {
      bodies.push(await request.json());
      return json(answer);
    });
    const about = { kind: 'application' as const, code: 'LKT-7K4M-Q2XP-9ABC', secret };
    expect(await client.getComplaintNewsChannels(about)).toEqual(answer);
    const sent = requests[0] as Request;
    expect(sent.method).toBe('POST');
    expect(new URL(sent.url).pathname + new URL(sent.url).search).toBe('/api/v1/news-channels');
    expect(sent.url).not.toContain(secret);
    expect(bodies).toEqual([{ about }]);
  });

  it('createComplaint sends an Idempotency-Key and retries with the same key after a 503', async () => {
    const { client, requests } = citizen((_, n) =>
      n === 1
        ? problem({ type: 'urn:loket:problem:not-ready', title: 'x', status: 503 })
        : json({ code, secret }, { status: 201, headers: { 'idempotent-replayed': 'true' } }),
    );
    const result = await client.createComplaint(request);
    expect(requests).toHaveLength(2);
    const keys = requests.map((r) => r.headers.get('idempotency-key'));
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(result).toMatchObject({ complaint: { code, secret }, idempotencyKey: keys[0], replayed: true });
  });

  it('createComplaint does not retry a refused request (404)', async () => {
    const { client, requests } = citizen(() =>
      problem({ type: 'urn:loket:problem:not-found', title: 'Tidak ditemukan', status: 404 }),
    );
    const error = await client.createComplaint(request).catch((e: LoketApiError) => e);
    expect(requests).toHaveLength(1);
    expect(error).toMatchObject({ status: 404 });
  });
});

const officerCalls: [string, (c: LoketOfficerClient) => Promise<unknown>, string, string][] = [
  [
    'listComplaints',
    (c) => c.listComplaints({ status: 'received', overdue: true }),
    'GET',
    '/api/v1/officer/complaints?status=received&overdue=true',
  ],
  ['getOfficerComplaint', (c) => c.getOfficerComplaint(code), 'GET', `/api/v1/officer/complaints/${code}`],
  [
    'answerComplaint',
    (c) => c.answerComplaint(code, { answer: 'Sudah kami proses.' }),
    'POST',
    `/api/v1/officer/complaints/${code}/answer`,
  ],
  ['closeComplaint', (c) => c.closeComplaint(code), 'POST', `/api/v1/officer/complaints/${code}/close`],
  [
    'listComplaintDeliveries',
    (c) => c.listComplaintDeliveries(code),
    'GET',
    `/api/v1/officer/complaints/${code}/deliveries`,
  ],
];

describe('officer complaint operations', () => {
  it.each(officerCalls)('%s calls its route with the bearer token', async (_, call, method, path) => {
    const fake = fakeFetch(() => json({}));
    const client = createLoketOfficerClient({
      baseUrl: 'http://api.test/api',
      token: 'lkt_officer_0123456789abcdef',
      fetch: fake.fetch,
      retry: noDelay(2),
    });
    await call(client);
    const sent = fake.requests[0] as Request;
    const url = new URL(sent.url);
    expect(sent.method).toBe(method);
    expect(url.pathname + url.search).toBe(path);
    expect(sent.headers.get('authorization')).toBe('Bearer lkt_officer_0123456789abcdef');
  });
});
