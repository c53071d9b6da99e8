import type { Db, Queryable } from '../db/index.js';
import type { ParsedFile, ParsedRow } from './import-csv.js';
import {
  type ImportKind,
  type ImportOptions,
  type ImportReport,
  parseJsonList,
  readJsonInput,
  runImport,
  writeEach,
} from './import-runner.js';
import {
  checkLocationRecord,
  hoursProblems,
  type LocationRecord,
  upsertLocation,
} from './location-record.js';
import { isObject, nulProblems, type RecordProblem } from './record.js';

// MPP locations through the one import pipeline: a file { "locations": [...] }, every row
// validated first (schema, known region and services, unique ids), then all written or none.

export type LocationImportInput = { path: string } | { text: string; format: 'json' };

/** Reads a locations file: `{ "locations": [...] }` (other keys are ignored) or an array. */
export function parseLocationsJson(text: string): ParsedFile {
  return parseJsonList(text, {
    key: 'locations',
    expected: 'expected an object { "locations": [ ... ] } or a JSON array of location records',
  });
}

interface Reference {
  regions: Set<string>;
  services: Set<string>;
}

async function loadReference(db: Queryable): Promise<Reference> {
  const [regions, services] = await Promise.all([
    db.query<{ code: string }>('select code from region'),
    db.query<{ id: string }>('select id from service'),
  ]);
  return { regions: new Set(regions.map((r) => r.code)), services: new Set(services.map((s) => s.id)) };
}

/** Every problem of every row: the schema, then what needs the file or the database. */
export function validateLocationRows(rows: ParsedRow[], reference: Reference): RecordProblem[] {
  const problems: RecordProblem[] = [];
  const firstRowOfId = new Map<string, number>();
  for (const { row, value } of rows) {
    const schemaProblems = checkLocationRecord(value, row);
    problems.push(...schemaProblems);
    if (!isObject(value)) continue;
    const id = typeof value.id === 'string' && value.id !== '' ? value.id : null;
    const problem = (pointer: string, message: string) => problems.push({ row, id, pointer, message });
    problems.push(...nulProblems(value, row, id));
    if (id !== null) {
      const first = firstRowOfId.get(id);
      if (first === undefined) firstRowOfId.set(id, row);
      else problem('/id', `duplicate id "${id}": already used on row ${first}`);
    }
    if (schemaProblems.length > 0) continue;
    const record = value as unknown as LocationRecord;
    problems.push(...hoursProblems(record, row));
    if (!reference.regions.has(record.region))
      problem(
        '/region',
        `unknown region "${record.region}": not a Kemendagri province or kabupaten/kota code`,
      );
    for (const [t, tenant] of record.tenants.entries()) {
      for (const [s, service] of tenant.service_ids.entries()) {
        if (!reference.services.has(service))
          problem(
            `/tenants/${t}/service_ids/${s}`,
            `unknown service "${service}": no service with this id in the catalogue`,
          );
      }
    }
  }
  return problems.sort((a, b) => a.row - b.row);
}

const locations: ImportKind<LocationRecord, { inserted: number; updated: number }> = {
  what: 'location',
  idOf: (record) => record.id,
  validate: async (db, rows) => validateLocationRows(rows, await loadReference(db)),
  async count(db, records) {
    const rows = await db.query<{ n: number }>(
      'select count(*)::int as n from location where id = any($1::text[])',
      [records.map((r) => r.id)],
    );
    const updated = rows[0]?.n ?? 0;
    return { inserted: records.length - updated, updated };
  },
  none: { inserted: 0, updated: 0 },
  write: (tx, records, written) => writeEach(records, written, (record) => upsertLocation(tx, record)),
};

/**
 * Imports MPP locations from JSON (`{ "locations": [...] }` or an array): validates every row first
 * and reports all problems; writes only when there are none, all rows in one transaction (all or
 * nothing), each row replacing the whole location with its tenants; bumps the catalogue version once.
 */
export async function importLocations(
  db: Db,
  input: LocationImportInput,
  options: ImportOptions = {},
): Promise<ImportReport> {
  return runImport(db, locations, await readJsonInput(input, parseLocationsJson, 'locations'), options);
}
