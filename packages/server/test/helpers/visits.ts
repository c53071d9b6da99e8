import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Db } from '../../src/db/index.js';
import { upsertVisitSite, type VisitRecord } from '../../src/visits/config.js';
import { checkResponse } from './contract.js';

/** Monday 11 January 2027, 08:00 WIB (01:00 UTC): Siola's demo hours have begun. */
export const monday = new Date('2027-01-11T01:00:00Z');

/** A clock the test moves. */
export function clock(start: Date) {
  let current = start;
  return { now: () => current, set: (at: Date | string) => (current = new Date(at)) };
}

/** Replaces a location's set-up (a test's own policy). */
export async function configure(db: Db, record: Partial<VisitRecord> & Pick<VisitRecord, 'location'>) {
  await db.transaction((tx) =>
    upsertVisitSite(tx, {
      demo: true,
      hours: {
        mon: '08:00-15:00',
        tue: '08:00-15:00',
        wed: '08:00-15:00',
        thu: '08:00-15:00',
        fri: '08:00-15:00',
        sat: 'closed',
        sun: 'closed',
      },
      policy: {
        slot_minutes: 30,
        capacity: 4,
        days_ahead: 14,
        daily_quota: 40,
        cutoff_minutes: 60,
        walk_in_per_slot: 1,
      },
      counters: [
        {
          id: 'dukcapil-1',
          label: 'Loket 1',
          agency_id: 'dukcapil',
          agency_name: 'Dispendukcapil',
          prefix: 'A',
          service_ids: ['ktp-el-hilang'],
        },
      ],
      ...record,
    }),
  );
}

/** A JSON request checked against the contract; the body and status. */
export async function call(
  url: string,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
) {
  const response = await fetch(url + path, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  expect(checkResponse(method, path, response.status, response.headers.get('content-type'), body)).toEqual(
    [],
  );
  return { status: response.status, body, headers: response.headers };
}

export const booking = (over: Record<string, unknown> = {}) => ({
  service: 'ktp-el-hilang',
  location: 'mpp-surabaya-siola',
  date: '2027-01-12',
  time: '09:30',
  name: 'Siti Aminah',
  phone: '0812 3456 7890',
  ...over,
});

export const key = () => ({ 'idempotency-key': randomUUID() });
