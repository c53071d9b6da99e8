import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficerToken } from '../src/applications/officer-tokens.js';
import { startTestServer, type TestServer } from './helpers/app.js';
import { type FuzzContext, operations, requestsFor } from './helpers/fuzz.js';
import { sendAndJudge } from './helpers/fuzz-judge.js';

// Every operation of the contract, fuzzed from its own declaration (test/helpers/fuzz.ts): no 5xx,
// every 4xx problem+json, every body as the contract declares it. A sample here; `pnpm bench`
// sends thousands per engine. LOKET_FUZZ_RUNS and LOKET_FUZZ_SEED change the sample.
const perOperation = Number(process.env.LOKET_FUZZ_RUNS ?? 25);
const seed = Number(process.env.LOKET_FUZZ_SEED ?? Date.now() % 1_000_000);

let server: TestServer;
let ctx: FuzzContext;
beforeAll(async () => {
  // Monday 11 January 2027, 08:00 WIB: the demo MPP's next days can be booked.
  server = await startTestServer({ now: () => new Date('2027-01-11T01:00:00Z') });
  const applications = [];
  for (const service of ['ktp-el-hilang', 'ktp-el-hilang', 'skck']) {
    const response = await server.app.inject({
      method: 'POST',
      url: '/v1/applications',
      payload: { service, region: '33.74' },
    });
    if (response.statusCode !== 201) continue;
    const { code, secret } = response.json() as { code: string; secret: string };
    applications.push({ code, secret });
  }
  const { token } = await createOfficerToken(server.db, {
    name: 'Fuzz',
    agency: 'dukcapil',
    region: '33.74',
  });
  const booked = await server.app.inject({
    method: 'POST',
    url: '/v1/bookings',
    headers: { 'idempotency-key': 'contract-fuzz-booking' },
    payload: {
      service: 'ktp-el-hilang',
      location: 'mpp-surabaya-siola',
      date: '2027-01-12',
      time: '09:30',
      name: 'Fuzz',
      phone: '081234567890',
    },
  });
  const bookings = booked.statusCode === 201 ? [booked.json() as { code: string; secret: string }] : [];
  const filed = await server.app.inject({
    method: 'POST',
    url: '/v1/complaints',
    headers: { 'idempotency-key': 'contract-fuzz-complaint' },
    payload: {
      about: { kind: 'service', service: 'ktp-el-hilang', region: '33.74' },
      category: 'time',
      description: 'Fuzz: antrean terlalu lama.',
    },
  });
  const complaints = filed.statusCode === 201 ? [filed.json() as { code: string; secret: string }] : [];
  ctx = { applications, bookings, complaints, officerToken: token };
}, 180_000); // a busy machine makes the first seeded database slow
afterAll(() => server?.close());

describe(`fuzzing every operation of the contract (seed ${seed})`, () => {
  it(`${perOperation} requests per operation: no 5xx, 4xx as problem+json, bodies as declared`, async () => {
    expect(ctx.applications.length).toBeGreaterThan(0);
    expect(ctx.complaints).toHaveLength(1);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const reached = new Set<string>();
    for (const [i, op] of operations.entries()) {
      for (const request of fc.sample(requestsFor(op, ctx), { numRuns: perOperation, seed: seed + i })) {
        const { status, problems } = await sendAndJudge(server.app, request);
        failures.push(...problems);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status < 300) reached.add(op.id);
      }
    }
    const sent = [...statuses.values()].reduce((a, b) => a + b, 0);
    expect(sent).toBe(perOperation * operations.length);
    expect(failures.slice(0, 30)).toEqual([]);
    // Not only refusals: valid values get through to the handlers of many operations (of those
    // it holds a credential for: it has no desk session and no kiosk).
    const fuzzable = operations.filter((op) => op.security !== 'session' && op.security !== 'kiosk');
    expect(reached.size, JSON.stringify(Object.fromEntries(statuses))).toBeGreaterThan(fuzzable.length / 3);
  }, 120_000);
});
