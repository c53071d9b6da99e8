import type { Queryable } from '../db/index.js';
import { say } from '../messages/index.js';
import { problem } from '../problem.js';
import type { WeekdayKey, Zone } from './time.js';

/** The visit policy of a location (the contract's VisitPolicy). */
export interface Policy {
  slot_minutes: number;
  capacity: number;
  days_ahead: number;
  daily_quota: number;
  cutoff_minutes: number;
  walk_in_per_slot: number;
}

export interface CounterRow {
  id: string;
  label: string;
  agency_id: string;
  agency_name: string;
  prefix: string;
  service_ids: string[];
}

/** A location with its visit set-up, as the domain functions use it. */
export interface Site {
  location_id: string;
  name: string;
  address: string | null;
  region_code: string;
  timezone: Zone;
  lat: number | null;
  lng: number | null;
  coordinate_sources: string[] | null;
  demo: boolean;
  note: string | null;
  /** Booking hours per weekday: the set-up's own, else the location's recorded ones. */
  week: Partial<Record<WeekdayKey, string | null>>;
  policy: Policy;
  counters: CounterRow[];
}

interface SiteRow extends Policy {
  location_id: string;
  name: string;
  address: string | null;
  region_code: string;
  timezone: Zone;
  lat: number | null;
  lng: number | null;
  coordinate_sources: string[] | null;
  demo: boolean;
  note: string | null;
  own_hours: Record<string, string | null> | null;
  location_hours: { week: Record<string, string | null> } | null;
}

const siteColumns = `s.location_id, l.name, l.address, l.region_code, l.timezone, l.lat, l.lng, l.coordinate_sources,
  s.demo, s.note, s.hours as own_hours, l.hours as location_hours, s.slot_minutes, s.capacity, s.days_ahead,
  s.daily_quota, s.cutoff_minutes, s.walk_in_per_slot`;

function toSite(row: SiteRow, counters: (CounterRow & { location_id: string })[]): Site {
  const { own_hours, location_hours, slot_minutes, capacity, days_ahead, daily_quota, cutoff_minutes } = row;
  return {
    location_id: row.location_id,
    name: row.name,
    address: row.address,
    region_code: row.region_code,
    timezone: row.timezone,
    lat: row.lat,
    lng: row.lng,
    coordinate_sources: row.coordinate_sources,
    demo: row.demo,
    note: row.note,
    week: own_hours ?? location_hours?.week ?? {},
    policy: {
      slot_minutes,
      capacity,
      days_ahead,
      daily_quota,
      cutoff_minutes,
      walk_in_per_slot: row.walk_in_per_slot,
    },
    counters: counters
      .filter((c) => c.location_id === row.location_id)
      .map(({ location_id: _, ...counter }) => counter),
  };
}

async function countersOf(db: Queryable, ids: string[]) {
  return db.query<CounterRow & { location_id: string }>(
    `select location_id, id, label, agency_id, agency_name, prefix, service_ids from visit_counter
     where location_id = any($1::text[]) order by location_id, position`,
    [ids],
  );
}

/** A location's visit set-up, or null when the location takes no visits. */
export async function findSite(db: Queryable, id: string): Promise<Site | null> {
  const [row] = await db.query<SiteRow>(
    `select ${siteColumns} from visit_site s join location l on l.id = s.location_id where s.location_id = $1`,
    [id],
  );
  return row ? toSite(row, await countersOf(db, [id])) : null;
}

/** The site, or 404. */
export async function requireSite(db: Queryable, id: string): Promise<Site> {
  const site = await findSite(db, id);
  if (!site) throw problem('not-found', 404, say('visitLocationNotFound', id));
  return site;
}

/** The sites of a region (and, for a province, of its kabupaten/kota), by region and name. */
export async function listSites(db: Queryable, regionCode: string): Promise<Site[]> {
  const rows = await db.query<SiteRow>(
    `select ${siteColumns} from visit_site s join location l on l.id = s.location_id
     join region r on r.code = l.region_code
     where l.region_code = $1 or r.province_code = $1 order by l.region_code, l.name`,
    [regionCode],
  );
  const counters = await countersOf(
    db,
    rows.map((r) => r.location_id),
  );
  return rows.map((row) => toSite(row, counters));
}

/** The counters of the site that serve the service, in their order; 404 when none does. */
export function countersFor(site: Site, serviceId: string): CounterRow[] {
  const counters = site.counters.filter((c) => c.service_ids.includes(serviceId));
  if (counters.length === 0)
    throw problem('not-found', 404, say('visitServiceNotServed', serviceId, site.name));
  return counters;
}
