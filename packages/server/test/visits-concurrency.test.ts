import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/app.js';
import { booking, call, configure, monday } from './helpers/visits.js';

// Never overbooked, on the real engine: PGlite serializes on its one connection; PostgreSQL runs
// the bookings on a pool of connections at once, where the conditional increment of one row per
// counter and slot (and per counter and day) is the limit.

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ now: () => monday });
});
afterAll(() => server?.close());

const phone = (i: number) => `0813${String(10_000_000 + i)}`;

/**
 * 450 different people and 50 retries (the same key and body as one of them, sent at once),
 * all in flight together. Returns every answer.
 */
async function storm(bodyOf: (i: number) => Record<string, unknown>) {
  const people = Array.from({ length: 450 }, (_, i) => ({ key: randomUUID(), body: booking(bodyOf(i)) }));
  const retries = people.slice(0, 50);
  const requests = [...people, ...retries].map(async ({ key, body }) => {
    const response = await fetch(`${server.url}/v1/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: await response.json(),
    };
  });
  return Promise.all(requests);
}

function judge(answers: Awaited<ReturnType<typeof storm>>, limit: number, problem: string) {
  expect(answers).toHaveLength(500);
  expect(answers.filter((a) => a.status >= 500)).toEqual([]);
  const booked = answers.filter((a) => a.status === 201);
  const codes = new Set(booked.map((a) => a.body.code));
  expect(codes.size).toBe(limit);
  const others = answers.filter((a) => a.status !== 201);
  expect(new Set(others.map((a) => a.status))).toEqual(new Set([409]));
  expect(new Set(others.map((a) => a.body.type))).toEqual(new Set([`urn:loket:problem:${problem}`]));
  expect(others.every((a) => a.type?.startsWith('application/problem+json'))).toBe(true);
}

const oneCounter = [
  {
    id: 'dukcapil-1',
    label: 'Loket 1',
    agency_id: 'dukcapil',
    agency_name: 'Dispendukcapil',
    prefix: 'A',
    service_ids: ['ktp-el-hilang'],
  },
];

describe('under 500 concurrent bookings', () => {
  it('a slot of capacity 10 takes exactly 10', { timeout: 240_000 }, async () => {
    await configure(server.db, {
      location: 'mpp-surabaya-siola',
      policy: {
        slot_minutes: 30,
        capacity: 10,
        days_ahead: 14,
        daily_quota: 1000,
        cutoff_minutes: 0,
        walk_in_per_slot: 0,
      },
      counters: oneCounter,
    });
    const answers = await storm((i) => ({ phone: phone(i), date: '2027-01-12', time: '09:30' }));
    judge(answers, 10, 'slot-full');
    const [row] = await server.db.query<{ n: number }>(
      `select count(*)::int as n from visit_ticket where day = '2027-01-12' and slot_time = '09:30' and status = 'booked'`,
    );
    expect(row?.n).toBe(10);
    const numbers = await server.db.query<{ number: number }>(
      `select number from visit_ticket where day = '2027-01-12' order by number`,
    );
    expect(numbers.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('a daily quota of 10 takes exactly 10 over all slots', { timeout: 240_000 }, async () => {
    await configure(server.db, {
      location: 'mpp-surabaya-siola',
      policy: {
        slot_minutes: 30,
        capacity: 1000,
        days_ahead: 14,
        daily_quota: 10,
        cutoff_minutes: 0,
        walk_in_per_slot: 0,
      },
      counters: oneCounter,
    });
    const times = ['08:00', '08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '13:00', '14:00'];
    const answers = await storm((i) => ({
      phone: phone(i),
      date: '2027-01-13',
      time: times[i % times.length],
    }));
    judge(answers, 10, 'daily-quota-reached');
    const [row] = await server.db.query<{ n: number }>(
      `select count(*)::int as n from visit_ticket where day = '2027-01-13' and status = 'booked'`,
    );
    expect(row?.n).toBe(10);
  });
});

describe('reschedules that cross', () => {
  it('from one day to another and back at once: none fails, the loads stay exact', {
    timeout: 240_000,
  }, async () => {
    await configure(server.db, {
      location: 'mpp-surabaya-siola',
      policy: {
        slot_minutes: 30,
        capacity: 1000,
        days_ahead: 14,
        daily_quota: 1000,
        cutoff_minutes: 0,
        walk_in_per_slot: 0,
      },
      counters: oneCounter,
    });
    const days = ['2027-01-14', '2027-01-15'];
    const held = [];
    for (let i = 0; i < 40; i++) {
      const date = days[i % 2];
      const made = await call(server.url, 'POST', '/v1/bookings', {
        body: booking({ phone: phone(1000 + i), date, time: '10:00' }),
        headers: { 'idempotency-key': randomUUID() },
      });
      expect(made.status).toBe(201);
      held.push({ code: made.body.code as string, secret: made.body.secret as string, date });
    }
    // Each moves to the other day: on PostgreSQL the two directions lock the two days' load rows in
    // opposite orders (a deadlock PostgreSQL breaks by failing one transaction).
    const answers = await Promise.all(
      held.map(({ code, secret, date }) =>
        fetch(`${server.url}/v1/bookings/${code}/reschedule`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'loket-secret': secret },
          body: JSON.stringify({ date: days.find((d) => d !== date), time: '11:00' }),
        }).then((r) => r.status),
      ),
    );
    expect(answers.filter((status) => status !== 200)).toEqual([]);
    const loads = await server.db.query<{ day: string; booked: number; tickets: number }>(
      `select to_char(l.day, 'YYYY-MM-DD') as day, l.booked,
         (select count(*)::int from visit_ticket t
          where t.day = l.day and t.counter_id = l.counter_id and t.status = 'booked') as tickets
       from visit_day_load l where l.day in ('2027-01-14', '2027-01-15') order by l.day`,
    );
    expect(loads).toEqual([
      { day: '2027-01-14', booked: 20, tickets: 20 },
      { day: '2027-01-15', booked: 20, tickets: 20 },
    ]);
  });
});
