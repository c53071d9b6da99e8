import type { components } from '@loket/sdk/contract';
import type { Queryable } from '../db/index.js';
import type { HoursRecord, LocationRecord, TenantRecord } from './location-record.js';
import { WEEKDAYS } from './location-record.js';
import { findRegion, type RegionRow } from './regions.js';

type Schemas = components['schemas'];
type Location = Schemas['Location'];

interface LocationRow {
  id: string;
  kind: 'mpp' | 'office';
  name: string;
  region_code: string;
  address: string | null;
  timezone: LocationRecord['timezone'];
  hours: (HoursRecord & { note: string | null }) | null;
  phone: Schemas['LocationPhone'] | null;
  lat: number | null;
  lng: number | null;
  coordinate_sources: string[] | null;
  opened: string | null;
  confidence: 'high' | 'medium' | 'low';
  sources: string[];
  notes: string | null;
}

type TenantRow = Required<TenantRecord> & { location_id: string };

/** The week as seven days, Monday first: open with its times, closed, or unknown. */
function presentHours(hours: LocationRow['hours']): Schemas['OpeningHours'] | null {
  if (!hours) return null;
  const days = WEEKDAYS.map((day): Schemas['OpeningDay'] => {
    const value = hours.week[day];
    if (value === null) return { day, status: 'unknown', opens: null, closes: null };
    if (value === 'closed') return { day, status: 'closed', opens: null, closes: null };
    const [opens = null, closes = null] = value.split('-');
    return { day, status: 'open', opens, closes };
  });
  const { as_of, sources, confidence, days_stated, note } = hours;
  return { days, as_of, sources, confidence, days_stated, note };
}

function presentLocation(row: LocationRow, tenants: TenantRow[]): Location {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    region_code: row.region_code,
    address: row.address,
    timezone: row.timezone,
    opening_hours: presentHours(row.hours),
    phone: row.phone,
    coordinates:
      row.lat === null || row.lng === null
        ? null
        : { lat: row.lat, lng: row.lng, sources: row.coordinate_sources ?? [] },
    tenants: tenants.map(({ location_id: _, ...tenant }) => tenant),
    opened: row.opened,
    confidence: row.confidence,
    sources: row.sources,
    notes: row.notes,
  };
}

/** A region's locations with their tenants; for a province, those of its kabupaten/kota too. */
export async function listLocations(db: Queryable, region: RegionRow): Promise<Location[]> {
  const rows = await db.query<LocationRow>(
    `select l.id, l.kind, l.name, l.region_code, l.address, l.timezone, l.hours, l.phone, l.lat, l.lng,
            l.coordinate_sources, l.opened, l.confidence, l.sources, l.notes
     from location l join region r on r.code = l.region_code
     where l.region_code = $1 or r.province_code = $1
     order by l.region_code, l.name`,
    [region.code],
  );
  const tenants = await db.query<TenantRow>(
    `select location_id, agency_id, agency_name, status, since, service_ids, services_named, sources, note
     from location_tenant where location_id = any($1::text[]) order by location_id, position`,
    [rows.map((r) => r.id)],
  );
  return rows.map((row) =>
    presentLocation(
      row,
      tenants.filter((t) => t.location_id === row.id),
    ),
  );
}

/** How many locations a region has (its kabupaten/kota's included for a province). */
export async function countLocations(db: Queryable, region: RegionRow): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `select count(*)::int as n from location l join region r on r.code = l.region_code
     where l.region_code = $1 or r.province_code = $1`,
    [region.code],
  );
  return row?.n ?? 0;
}

/**
 * Why a location offers the service, or null: a present tenant that lists it, else a present
 * tenant of the service's agency whose sources name no services.
 */
function offerOf(
  location: Location,
  service: { id: string; agency_id: string },
): Schemas['LocationOffer'] | null {
  const present = location.tenants.filter((t) => t.status === 'present');
  const named = present.find((t) => t.service_ids.includes(service.id));
  const tenant =
    named ?? present.find((t) => t.agency_id === service.agency_id && t.service_ids.length === 0);
  if (!tenant) return null;
  const { agency_id, agency_name, since, sources } = tenant;
  return { match: named ? 'service' : 'agency', agency_id, agency_name, since, sources };
}

function offeringFrom(locations: Location[], service: { id: string; agency_id: string }) {
  const found = locations.flatMap((location) => {
    const offer = offerOf(location, service);
    return offer ? [{ ...location, offer }] : [];
  });
  // Locations that name the service first; otherwise the region's order.
  return found.sort((a, b) => Number(b.offer.match === 'service') - Number(a.offer.match === 'service'));
}

async function offering(db: Queryable, region: RegionRow, service: { id: string; agency_id: string }) {
  return offeringFrom(await listLocations(db, region), service);
}

/**
 * The locations of a region that offer a service; when a kabupaten/kota has none, its province's.
 * Null when there is no such service.
 */
export async function locationsOffering(
  db: Queryable,
  region: RegionRow,
  serviceId: string,
): Promise<{ region_code: string; data: Location[] } | null> {
  const [service] = await db.query<{ id: string; agency_id: string }>(
    'select id, agency_id from service where id = $1',
    [serviceId],
  );
  if (!service) return null;
  const data = await offering(db, region, service);
  if (data.length > 0 || !region.province_code) return { region_code: region.code, data };
  const province = (await findRegion(db, region.province_code)) as RegionRow;
  return { region_code: province.code, data: await offering(db, province, service) };
}

/**
 * `locationsOffering` for many services at once (a region's export): the region's locations,
 * and its province's when needed, are read once.
 */
export async function locationsOfferingEach(
  db: Queryable,
  region: RegionRow,
  services: { id: string; agency_id: string }[],
): Promise<Map<string, Location[]>> {
  const here = await listLocations(db, region);
  let province: Location[] | null = null;
  const result = new Map<string, Location[]>();
  for (const service of services) {
    let found: Location[] = offeringFrom(here, service);
    if (found.length === 0 && region.province_code) {
      province ??= await listLocations(db, (await findRegion(db, region.province_code)) as RegionRow);
      found = offeringFrom(province, service);
    }
    result.set(service.id, found);
  }
  return result;
}
