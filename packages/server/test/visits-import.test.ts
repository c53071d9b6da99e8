import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledRegionDir, importRegionData } from '../src/catalogue/region-data.js';
import type { Db } from '../src/db/index.js';
import { importVisits } from '../src/visits/config.js';
import { remindTomorrow } from '../src/visits/events.js';
import { createTestDb } from './helpers/db.js';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
}, 120_000);
afterAll(() => db.close());

const setup = (over: Record<string, unknown> = {}) => ({
  location: 'mpp-dki-jakarta',
  demo: false,
  policy: {
    slot_minutes: 20,
    capacity: 3,
    days_ahead: 7,
    daily_quota: 30,
    cutoff_minutes: 30,
    walk_in_per_slot: 1,
  },
  counters: [
    {
      id: 'skck-1',
      label: 'Loket 7',
      agency_id: 'polri-skck',
      agency_name: 'Polda Metro Jaya',
      prefix: 'S',
      service_ids: ['skck'],
    },
  ],
  ...over,
});

describe('importing visit set-ups', () => {
  it('reports every problem of every row and writes nothing', async () => {
    const text = JSON.stringify({
      visits: [
        setup({ location: 'mpp-nowhere' }),
        setup({
          counters: [
            {
              id: 'a',
              label: 'A',
              agency_id: 'no-such-agency',
              agency_name: 'X',
              prefix: 'A',
              service_ids: ['no-such-service'],
            },
            {
              id: 'a',
              label: 'B',
              agency_id: 'dukcapil',
              agency_name: 'Y',
              prefix: 'a',
              service_ids: ['kia'],
            },
          ],
          closures: [{ date: '2027-01-20', counter: 'zz', reason: 'x' }],
          policy: {
            slot_minutes: 20,
            capacity: 3,
            days_ahead: 7,
            daily_quota: 30,
            cutoff_minutes: 30,
            walk_in_per_slot: 4,
          },
        }),
        setup({
          hours: {
            mon: '15:00-08:00',
            tue: null,
            wed: null,
            thu: null,
            fri: null,
            sat: 'closed',
            sun: 'closed',
          },
        }),
      ],
    });
    const report = await importVisits(db, { text });
    expect(report.ok).toBe(false);
    const seen = report.problems.map((p) => `${p.row} ${p.pointer}`);
    expect(seen).toContain('1 /location');
    expect(seen).toContain('2 /counters/1/prefix');
    const rows = await db.query('select 1 from visit_site where location_id = $1', ['mpp-dki-jakarta']);
    expect(rows).toEqual([]);
    const fixed = JSON.stringify({
      visits: [
        setup({
          counters: [
            {
              id: 'a',
              label: 'A',
              agency_id: 'no-such-agency',
              agency_name: 'X',
              prefix: 'A',
              service_ids: ['no-such-service'],
            },
            {
              id: 'a',
              label: 'B',
              agency_id: 'dukcapil',
              agency_name: 'Y',
              prefix: 'B',
              service_ids: ['kia'],
            },
          ],
          closures: [{ date: '2027-01-20', counter: 'zz', reason: 'x' }],
          policy: {
            slot_minutes: 20,
            capacity: 3,
            days_ahead: 7,
            daily_quota: 30,
            cutoff_minutes: 30,
            walk_in_per_slot: 4,
          },
        }),
        setup({
          location: 'mpp-surabaya-siola',
          hours: {
            mon: '15:00-08:00',
            tue: null,
            wed: null,
            thu: null,
            fri: null,
            sat: 'closed',
            sun: 'closed',
          },
        }),
      ],
    });
    const second = await importVisits(db, { text: fixed });
    expect(second.problems.map((p) => `${p.row} ${p.pointer}: ${p.message}`)).toEqual([
      '1 /policy/walk_in_per_slot: more places kept for walk-ins than a slot has (capacity)',
      '1 /counters/0/agency_id: unknown agency "no-such-agency": not in the catalogue',
      '1 /counters/0/service_ids/0: unknown service "no-such-service": not in the catalogue',
      '1 /counters/1/id: duplicate counter id "a"',
      '1 /closures/0/counter: no counter "zz" in this set-up',
      '2 /hours/mon: closes (08:00) before it opens (15:00)',
    ]);
  });

  it('writes a valid file all at once, and a region folder imports visits.json after its locations', async () => {
    const report = await importVisits(db, { text: JSON.stringify({ visits: [setup()] }) });
    expect(report).toMatchObject({ ok: true, inserted: 1, updated: 0 });
    const [site] = await db.query<{ capacity: number }>(
      'select capacity from visit_site where location_id = $1',
      ['mpp-dki-jakarta'],
    );
    expect(site?.capacity).toBe(3);
    const reports = await importRegionData(db, bundledRegionDir('35.78'));
    expect(reports.map((r) => r.file.split('/').at(-1))).toEqual([
      'services.json',
      'overrides.json',
      'visits.json',
    ]);
    expect(reports.every((r) => r.report.ok)).toBe(true);
  });
});

describe('the day-before reminder', () => {
  it('is written once per booking of tomorrow, whichever sweep comes first', async () => {
    await db.query(
      `insert into visit_ticket (id, location_id, counter_id, service_id, kind, day, slot_time, starts_at, prefix, number,
         status, code, secret_hash, name, phone, created_at)
       values ('9b2f1c3e-1a2b-4c3d-8e9f-0a1b2c3d4e5f', 'mpp-surabaya-siola', 'dukcapil-1', 'kia', 'booked', '2027-01-12',
         '09:00', '2027-01-12T02:00:00Z', 'A', 1, 'booked', 'ABCD2345', 'x', 'Siti', '+6281234567890', now())`,
    );
    const monday = new Date('2027-01-11T10:00:00Z');
    expect(await remindTomorrow(db, monday)).toBe(1);
    expect(await remindTomorrow(db, monday)).toBe(0);
    const events = await db.query<{ topic: string }>(
      `select topic from outbox_event where ticket_id = '9b2f1c3e-1a2b-4c3d-8e9f-0a1b2c3d4e5f'`,
    );
    expect(events.map((e) => e.topic)).toEqual(['visit.reminder']);
  });
});
