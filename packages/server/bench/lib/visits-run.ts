import { buildApp } from '../../src/app.js';
import type { NationalChannel } from '../../src/catalogue/present.js';
import type { Db } from '../../src/db/index.js';
import { upsertVisitSite } from '../../src/visits/config.js';
import { bookings, cannon } from './client.js';
import { benchLimits } from './limits.js';
import { summarize } from './stats.js';

// Visits: POST /v1/bookings with 50 connections, every request another person, spread over the
// slots of 20 weekdays at one location; then GET of a day's slots at the same concurrency. The
// bookings are checked in the database afterwards: as many as the 201s, no slot over capacity.

export interface VisitsConfig {
  connections: number;
  bookings: number;
  duration: number;
}

const location = 'mpp-surabaya-siola';
const service = 'ktp-el-hilang';
const capacity = 1000;

/** 20 weekdays from 4 January 2027 and their 14 slots (08:00–15:00, 30 minutes). */
function benchSlots(): [string, string][] {
  const days: string[] = [];
  for (let d = new Date('2027-01-04T00:00:00Z'); days.length < 20; d.setUTCDate(d.getUTCDate() + 1)) {
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && d.toISOString() !== '2027-01-05T00:00:00.000Z') {
      days.push(d.toISOString().slice(0, 10));
    }
  }
  const times = Array.from(
    { length: 14 },
    (_, i) => `${String(8 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`,
  );
  return days.flatMap((day) => times.map((time): [string, string] => [day, time]));
}

export async function benchVisits(
  db: Db,
  channels: NationalChannel[],
  config: VisitsConfig,
  log: (message: string) => void,
) {
  await db.transaction((tx) =>
    upsertVisitSite(tx, {
      location,
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
        capacity,
        days_ahead: 62,
        daily_quota: 100_000,
        cutoff_minutes: 0,
        walk_in_per_slot: 0,
      },
      counters: [
        {
          id: 'bench-1',
          label: 'Loket 1',
          agency_id: 'dukcapil',
          agency_name: 'Dispendukcapil',
          prefix: 'A',
          service_ids: [service],
        },
        {
          id: 'bench-2',
          label: 'Loket 2',
          agency_id: 'dukcapil',
          agency_name: 'Dispendukcapil',
          prefix: 'A',
          service_ids: [service],
        },
      ],
    }),
  );
  // The clock of the bench: Monday 4 January 2027, 06:00 WIB, before every slot.
  const now = () => new Date('2027-01-03T23:00:00Z');
  const app = await buildApp({
    db,
    nationalComplaintChannels: channels,
    limits: benchLimits,
    now,
    responseCache: false,
  });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const slots = benchSlots();
    log(
      `visits: ${config.bookings} bookings with ${config.connections} connections over ${slots.length} slots`,
    );
    const booked = await bookings(base, {
      amount: config.bookings,
      connections: config.connections,
      location,
      service,
      slots,
    });
    const [rows] = await db.query<{ n: number; over: number }>(
      `select (select count(*)::int from visit_ticket where location_id = $1) as n,
         (select count(*)::int from visit_slot_load where location_id = $1 and booked > $2) as over`,
      [location, capacity],
    );
    const path = `/v1/locations/${location}/slots?service=${service}&date=${slots[0]?.[0]}`;
    log(`visits: ${path} with ${config.connections} connections for ${config.duration} s`);
    const listed = await cannon(base, path, config.connections, config.duration, { latencies: true });
    const { latencies: bookingLatencies, ...bookingRest } = booked;
    const { latencies: slotLatencies, ...slotRest } = listed;
    return {
      connections: config.connections,
      bookings: { ...bookingRest, latency: summarize(Array.from(bookingLatencies)) },
      verified: {
        tickets: rows?.n ?? 0,
        created: booked.statusCodes['201'] ?? 0,
        slotsOverCapacity: rows?.over ?? 0,
      },
      slots: { path, ...slotRest, latency: summarize(Array.from(slotLatencies ?? [])) },
    };
  } finally {
    await app.close();
  }
}
