import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import type { ParsedRow } from '../catalogue/import-csv.js';
import {
  type ImportKind,
  type ImportOptions,
  type ImportReport,
  parseJsonList,
  readJsonInput,
  runImport,
  writeEach,
} from '../catalogue/import-runner.js';
import { describeSchemaError, isObject, nulProblems, type RecordProblem } from '../catalogue/record.js';
import { jsonText } from '../catalogue/upsert.js';
import type { Db, Queryable } from '../db/index.js';
import type { Policy } from './site.js';

// A region's visit set-up through the one import pipeline: a file { "visits": [...] }, one record
// per location (schemas/visit-record.schema.json), every row validated first, then all written
// in one transaction or none. Closures the officers made stay; the file's own replace the last
// import's.

export interface VisitRecord {
  location: string;
  demo: boolean;
  note?: string | null;
  sources?: string[];
  hours?: Record<string, string | null> | null;
  policy: Policy;
  counters: {
    id: string;
    label: string;
    agency_id: string;
    agency_name: string;
    prefix: string;
    service_ids: string[];
  }[];
  closures?: { date: string; counter?: string; reason: string }[];
}

const schema = JSON.parse(
  readFileSync(new URL('../../schemas/visit-record.schema.json', import.meta.url), 'utf8'),
);
const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile<VisitRecord>(
  schema,
);

export const parseVisitsJson = (text: string) =>
  parseJsonList(text, {
    key: 'visits',
    expected: 'expected an object { "visits": [ ... ] } or a JSON array of visit set-ups',
  });

interface Reference {
  locations: Map<string, { has_hours: boolean }>;
  agencies: Set<string>;
  services: Set<string>;
}

async function loadReference(db: Queryable): Promise<Reference> {
  const [locations, agencies, services] = await Promise.all([
    db.query<{ id: string; has_hours: boolean }>('select id, hours is not null as has_hours from location'),
    db.query<{ id: string }>('select id from agency'),
    db.query<{ id: string }>('select id from service'),
  ]);
  return {
    locations: new Map(locations.map((l) => [l.id, { has_hours: l.has_hours }])),
    agencies: new Set(agencies.map((a) => a.id)),
    services: new Set(services.map((s) => s.id)),
  };
}

/** What the schema cannot see: references, unique counters, hours that close before they open. */
function recordProblems(
  r: VisitRecord,
  reference: Reference,
  problem: (pointer: string, message: string) => void,
) {
  const location = reference.locations.get(r.location);
  if (!location) problem('/location', `unknown location "${r.location}": import it first (locations.json)`);
  else if (!r.hours && !location.has_hours)
    problem('/hours', `location "${r.location}" has no recorded opening hours: give the booking hours here`);
  for (const [day, value] of Object.entries(r.hours ?? {})) {
    const [opens, closes] = value && value !== 'closed' ? value.split('-') : [];
    if (opens && closes && opens >= closes)
      problem(`/hours/${day}`, `closes (${closes}) before it opens (${opens})`);
  }
  if (r.policy.walk_in_per_slot > r.policy.capacity)
    problem('/policy/walk_in_per_slot', 'more places kept for walk-ins than a slot has (capacity)');
  const ids = new Set<string>();
  for (const [i, c] of r.counters.entries()) {
    if (ids.has(c.id)) problem(`/counters/${i}/id`, `duplicate counter id "${c.id}"`);
    ids.add(c.id);
    if (!reference.agencies.has(c.agency_id))
      problem(`/counters/${i}/agency_id`, `unknown agency "${c.agency_id}": not in the catalogue`);
    for (const [s, service] of c.service_ids.entries()) {
      if (!reference.services.has(service))
        problem(`/counters/${i}/service_ids/${s}`, `unknown service "${service}": not in the catalogue`);
    }
  }
  for (const [i, closure] of (r.closures ?? []).entries()) {
    if (Number.isNaN(Date.parse(`${closure.date}T00:00:00Z`))) problem(`/closures/${i}/date`, 'not a date');
    if (closure.counter !== undefined && !ids.has(closure.counter))
      problem(`/closures/${i}/counter`, `no counter "${closure.counter}" in this set-up`);
  }
}

export function validateVisitRows(rows: ParsedRow[], reference: Reference): RecordProblem[] {
  const problems: RecordProblem[] = [];
  const firstRow = new Map<string, number>();
  for (const { row, value } of rows) {
    const id = isObject(value) && typeof value.location === 'string' ? value.location : null;
    const problem = (pointer: string, message: string) => problems.push({ row, id, pointer, message });
    if (!validate(value)) {
      for (const error of validate.errors ?? []) {
        if (error.keyword !== 'oneOf') problem(error.instancePath || '/', describeSchemaError(error));
      }
      continue;
    }
    problems.push(...nulProblems(value, row, id));
    const first = firstRow.get(value.location);
    if (first !== undefined)
      problem('/location', `duplicate location "${value.location}": already on row ${first}`);
    else firstRow.set(value.location, row);
    recordProblems(value, reference, problem);
  }
  return problems.sort((a, b) => a.row - b.row);
}

/** Writes one location's set-up: its policy, its counters (others removed), the file's closures. */
export async function upsertVisitSite(tx: Queryable, r: VisitRecord): Promise<void> {
  const p = r.policy;
  await tx.query(
    `insert into visit_site (location_id, demo, note, sources, hours, slot_minutes, capacity, days_ahead, daily_quota,
       cutoff_minutes, walk_in_per_slot)
     values ($1, $2, $3, $4::text[], $5::text::jsonb, $6, $7, $8, $9, $10, $11)
     on conflict (location_id) do update set demo = excluded.demo, note = excluded.note, sources = excluded.sources,
       hours = excluded.hours, slot_minutes = excluded.slot_minutes, capacity = excluded.capacity,
       days_ahead = excluded.days_ahead, daily_quota = excluded.daily_quota,
       cutoff_minutes = excluded.cutoff_minutes, walk_in_per_slot = excluded.walk_in_per_slot`,
    [
      r.location,
      r.demo,
      r.note ?? null,
      r.sources ?? [],
      r.hours ? jsonText(r.hours) : null,
      p.slot_minutes,
      p.capacity,
      p.days_ahead,
      p.daily_quota,
      p.cutoff_minutes,
      p.walk_in_per_slot,
    ],
  );
  await tx.query('delete from visit_counter where location_id = $1', [r.location]);
  for (const [position, c] of r.counters.entries()) {
    await tx.query(
      `insert into visit_counter (location_id, id, position, label, agency_id, agency_name, prefix, service_ids)
       values ($1, $2, $3, $4, $5, $6, $7, $8::text[])`,
      [r.location, c.id, position, c.label, c.agency_id, c.agency_name, c.prefix, c.service_ids],
    );
  }
  await tx.query(`delete from visit_closure where location_id = $1 and origin = 'import'`, [r.location]);
  for (const closure of r.closures ?? []) {
    await tx.query(
      `insert into visit_closure (location_id, day, counter_id, reason, origin) values ($1, $2::date, $3, $4, 'import')
       on conflict (location_id, day, counter_id) do nothing`,
      [r.location, closure.date, closure.counter ?? '', closure.reason],
    );
  }
}

const visits: ImportKind<VisitRecord, { inserted: number; updated: number }> = {
  what: 'visit set-up',
  idOf: (r) => r.location,
  validate: async (db, rows) => validateVisitRows(rows, await loadReference(db)),
  async count(db, records) {
    const [row] = await db.query<{ n: number }>(
      'select count(*)::int as n from visit_site where location_id = any($1::text[])',
      [records.map((r) => r.location)],
    );
    const updated = row?.n ?? 0;
    return { inserted: records.length - updated, updated };
  },
  none: { inserted: 0, updated: 0 },
  write: (tx, records, written) => writeEach(records, written, (r) => upsertVisitSite(tx, r)),
};

/** Imports visit set-ups from JSON: every problem reported, or every row written (all or nothing). */
export async function importVisits(
  db: Db,
  input: { path: string } | { text: string },
  options: ImportOptions = {},
): Promise<ImportReport> {
  return runImport(db, visits, await readJsonInput(input, parseVisitsJson, 'visit set-ups'), options);
}

/** The bundled demo set-up (data/regions/35.78/visits.json), for the seed: checked like an import. */
export async function seedVisits(tx: Queryable): Promise<number> {
  const text = readFileSync(new URL('../../data/regions/35.78/visits.json', import.meta.url), 'utf8');
  const parsed = parseVisitsJson(text);
  const problems = [...parsed.problems, ...validateVisitRows(parsed.rows, await loadReference(tx))];
  if (problems.length > 0)
    throw new Error(`bundled visits.json is invalid: ${JSON.stringify(problems.slice(0, 5))}`);
  for (const { value } of parsed.rows) await upsertVisitSite(tx, value as VisitRecord);
  return parsed.rows.length;
}
