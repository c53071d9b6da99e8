import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import type { Queryable } from '../db/index.js';
import { describeSchemaError, type RecordProblem } from './record.js';
import { jsonText } from './upsert.js';

/** The weekdays, Monday first, as keys of `hours.week` and in the API's `opening_hours.days`. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export type TenantStatus =
  | 'present'
  | 'planned'
  | 'agreement_signed'
  | 'unattended'
  | 'temporarily_closed'
  | 'left';

export interface TenantRecord {
  agency_id: string | null;
  agency_name: string;
  status: TenantStatus;
  since: string;
  service_ids: string[];
  services_named?: string[];
  sources: string[];
  note?: string | null;
}

export interface HoursRecord {
  /** "HH:MM-HH:MM", "closed", or null (the source says nothing about the day). */
  week: Record<Weekday, string | null>;
  as_of: string;
  sources: string[];
  confidence: 'high' | 'medium' | 'low';
  days_stated: boolean;
  note?: string | null;
}

/**
 * An MPP as kept in data/catalogue/mpp-locations.json and accepted by `loket-server import` in a
 * file `{ "locations": [...] }` (schemas/location-record.schema.json).
 */
export interface LocationRecord {
  id: string;
  name: string;
  region: string;
  address: string | null;
  opened: string | null;
  timezone: 'Asia/Jakarta' | 'Asia/Pontianak' | 'Asia/Makassar' | 'Asia/Jayapura';
  confidence: 'high' | 'medium' | 'low';
  sources: string[];
  notes?: string | null;
  hours: HoursRecord | null;
  phone: { number: string; scope: 'location' | 'operator'; as_of: string; sources: string[] } | null;
  coordinates: { lat: number; lng: number; sources: string[] } | null;
  tenants: TenantRecord[];
}

const schema = JSON.parse(
  readFileSync(new URL('../../schemas/location-record.schema.json', import.meta.url), 'utf8'),
);
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const validateLocation = ajv.compile<LocationRecord>(schema);

/** Checks one location record against the schema; returns its problems (empty when valid). */
export function checkLocationRecord(value: unknown, row: number): RecordProblem[] {
  if (validateLocation(value)) return [];
  const id = typeof (value as { id?: unknown })?.id === 'string' ? (value as { id: string }).id : null;
  return (validateLocation.errors ?? [])
    .filter((error) => error.keyword !== 'oneOf') // the branch errors say why
    .map((error) => ({ row, id, pointer: error.instancePath || '/', message: describeSchemaError(error) }));
}

/** Problems the schema cannot see: a day that closes before it opens. */
export function hoursProblems(record: LocationRecord, row: number): RecordProblem[] {
  const week = record.hours?.week;
  if (!week) return [];
  return WEEKDAYS.flatMap((day) => {
    const [opens, closes] = week[day]?.split('-') ?? [];
    return opens && closes && opens >= closes
      ? [
          {
            row,
            id: record.id,
            pointer: `/hours/week/${day}`,
            message: `closes (${closes}) before it opens (${opens})`,
          },
        ]
      : [];
  });
}

/** Inserts or replaces one location with all its tenants. Run inside a transaction. */
export async function upsertLocation(tx: Queryable, l: LocationRecord): Promise<void> {
  const c = l.coordinates;
  await tx.query(
    `insert into location (id, kind, name, region_code, address, opened, timezone, confidence, sources, notes,
       hours, phone, lat, lng, coordinate_sources)
     values ($1, 'mpp', $2, $3, $4, $5, $6, $7, $8::text[], $9, $10::text::jsonb, $11::text::jsonb, $12, $13, $14::text[])
     on conflict (id) do update set name = excluded.name, region_code = excluded.region_code,
       address = excluded.address, opened = excluded.opened, timezone = excluded.timezone,
       confidence = excluded.confidence, sources = excluded.sources, notes = excluded.notes,
       hours = excluded.hours, phone = excluded.phone, lat = excluded.lat, lng = excluded.lng,
       coordinate_sources = excluded.coordinate_sources`,
    [
      l.id,
      l.name,
      l.region,
      l.address,
      l.opened,
      l.timezone,
      l.confidence,
      l.sources,
      l.notes ?? null,
      l.hours && jsonText({ ...l.hours, note: l.hours.note ?? null }),
      l.phone && jsonText(l.phone),
      c?.lat ?? null,
      c?.lng ?? null,
      c?.sources ?? null,
    ],
  );
  await tx.query('delete from location_tenant where location_id = $1', [l.id]);
  if (l.tenants.length === 0) return;
  // One statement for all tenants: each array is read from the JSON of its tenant.
  await tx.query(
    `insert into location_tenant (location_id, position, agency_id, agency_name, status, since, service_ids,
       services_named, sources, note)
     select $1, (t.n - 1)::int, t.v->>'agency_id', t.v->>'agency_name', t.v->>'status', t.v->>'since',
       array(select jsonb_array_elements_text(t.v->'service_ids')),
       array(select jsonb_array_elements_text(coalesce(t.v->'services_named', '[]'))),
       array(select jsonb_array_elements_text(t.v->'sources')), t.v->>'note'
     from jsonb_array_elements($2::text::jsonb) with ordinality as t(v, n)`,
    [l.id, jsonText(l.tenants)],
  );
}
