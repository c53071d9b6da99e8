import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import type { Db, Queryable } from '../db/index.js';
import type { ParsedFile, ParsedRow } from './import-csv.js';
import {
  hasTopLevelKey,
  type ImportKind,
  type ImportOptions,
  type ImportReport,
  parseJsonList,
  readJsonInput,
  runImport,
  writeEach,
} from './import-runner.js';
import { existingPairs, removeOverride, upsertOverride } from './override-store.js';
import { describeSchemaError, isObject, type Localized, nulProblems, type RecordProblem } from './record.js';

/**
 * A region's local facts for one service, as accepted by `loket-server import` in a file
 * `{ "overrides": [...] }` (schemas/override-record.schema.json). Absent or null: the national value.
 */
export interface OverrideRecord {
  service: string;
  region: string;
  /** True: delete this override (then no overriding field may be given, and sources are optional). */
  remove?: boolean;
  /** The name under which the agency serves this service in this region (its local office). */
  agency_name?: Localized | null;
  fee?: {
    amount_idr: number | null;
    legal_basis: string | null;
    variants?: { label: string; amount_idr: number | null }[];
  };
  duration_days?: number | null;
  duration_text?: string | null;
  requirements?: Localized[];
  procedure?: Localized[];
  channels?: string[];
  online_url?: string | null;
  complaint_channels?: { name: string; url: string | null; scope: string; legal_basis?: string[] }[];
  notes?: string | null;
  sources?: string[];
}

/** The fields that override a national fact (everything but service, region, remove and sources). */
export const OVERRIDING_FIELDS = [
  'agency_name',
  'fee',
  'duration_days',
  'duration_text',
  'requirements',
  'procedure',
  'channels',
  'online_url',
  'complaint_channels',
  'notes',
] as const;

/** An import report for overrides: `inserted`/`updated` count upserted overrides. */
export interface OverrideImportReport extends ImportReport {
  /** Overrides deleted by `"remove": true` rows (in a dry run: that would be). A removal of an override that does not exist counts nowhere. */
  removed: number;
}

export type OverrideImportInput = { path: string } | { text: string; format: 'json' };

const schema = JSON.parse(
  readFileSync(new URL('../../schemas/override-record.schema.json', import.meta.url), 'utf8'),
);
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const validateOverride = ajv.compile<OverrideRecord>(schema);

/** `service@region` when both are readable (shown as the row's id in problems), else what there is. */
function rowId(value: unknown): string | null {
  if (!isObject(value)) return null;
  const service = typeof value.service === 'string' && value.service !== '' ? value.service : null;
  const region = typeof value.region === 'string' && value.region !== '' ? value.region : null;
  return service && region ? `${service}@${region}` : service;
}

/** Checks one override record against the schema; returns its problems (empty when valid). */
export function checkOverrideRecord(value: unknown, row: number): RecordProblem[] {
  if (validateOverride(value)) return [];
  const id = rowId(value);
  return (validateOverride.errors ?? [])
    .filter((error) => error.keyword !== 'if') // "must match else schema": its own error says why
    .map((error) => ({ row, id, pointer: error.instancePath || '/', message: describeSchemaError(error) }));
}

/** Does the record (whatever its shape) carry any overriding field with a value? */
function overridesSomething(value: Record<string, unknown>): boolean {
  return OVERRIDING_FIELDS.some((field) => {
    const v = value[field];
    if (field === 'fee' && isObject(v))
      return v.amount_idr != null || v.legal_basis != null || v.variants !== undefined;
    return v != null;
  });
}

/** Reads an overrides file: `{ "overrides": [...] }` (other keys but `services` are ignored) or an array. */
export function parseOverridesJson(text: string): ParsedFile {
  return parseJsonList(text, {
    key: 'overrides',
    expected: 'expected an object { "overrides": [ ... ] } or a JSON array of override records',
    refuse: (data) =>
      isObject(data) && 'services' in data
        ? 'a file has either "services" or "overrides", not both: import the services and the overrides as two files'
        : null,
  });
}

/**
 * Is this file meant for importOverrides: a .json file whose top level is an object with an
 * `overrides` key? False for anything else, including files that cannot be read or parsed.
 */
export async function isOverridesFile(path: string): Promise<boolean> {
  return hasTopLevelKey(path, 'overrides');
}

interface Reference {
  /** Service id → its region (null: national). */
  services: Map<string, string | null>;
  /** Region code → its province (null: a province). */
  regions: Map<string, string | null>;
}

async function loadReference(db: Queryable, rows: ParsedRow[]): Promise<Reference> {
  const strings = (key: string) =>
    [
      ...new Set(
        rows.flatMap(({ value }) =>
          isObject(value) && typeof value[key] === 'string' ? [value[key] as string] : [],
        ),
      ),
    ].sort();
  const [services, regions] = await Promise.all([
    db.query<{ id: string; region_code: string | null }>(
      'select id, region_code from service where id = any($1::text[])',
      [strings('service')],
    ),
    db.query<{ code: string; province_code: string | null }>('select code, province_code from region'),
  ]);
  return {
    services: new Map(services.map((s) => [s.id, s.region_code])),
    regions: new Map(regions.map((r) => [r.code, r.province_code])),
  };
}

/**
 * Validates every row: the schema, then what needs the file or the database (a known service and
 * region, one row per (service, region), a regional service only overridden inside its region, at
 * least one overriding value, no overriding fields on a removal). Returns all problems, by row.
 */
function validateRows(rows: ParsedRow[], reference: Reference): RecordProblem[] {
  const problems: RecordProblem[] = [];
  const firstRowOfPair = new Map<string, number>();
  for (const { row, value } of rows) {
    const schemaProblems = checkOverrideRecord(value, row);
    problems.push(...schemaProblems);
    if (!isObject(value)) continue;
    const id = rowId(value);
    const flagged = new Set(schemaProblems.map((p) => p.pointer));
    const problem = (pointer: string, message: string) => problems.push({ row, id, pointer, message });
    problems.push(...nulProblems(value, row, id));

    const service = typeof value.service === 'string' && !flagged.has('/service') ? value.service : undefined;
    const region = typeof value.region === 'string' && !flagged.has('/region') ? value.region : undefined;
    const removal = value.remove === true;

    if (service !== undefined && !reference.services.has(service))
      problem('/service', `unknown service "${service}": no service with this id in the catalogue`);
    if (region !== undefined && !reference.regions.has(region))
      problem('/region', `unknown region "${region}": not a Kemendagri province or kabupaten/kota code`);
    if (typeof value.service === 'string' && typeof value.region === 'string') {
      const pair = `${value.service}@${value.region}`;
      const first = firstRowOfPair.get(pair);
      if (first === undefined) firstRowOfPair.set(pair, row);
      else
        problem(
          '/',
          `duplicate override of "${value.service}" in region "${value.region}": already on row ${first}`,
        );
    }
    // A regional service exists only in its region (a province's also in its kabupaten/kota).
    const home = service === undefined ? undefined : reference.services.get(service);
    if (!removal && home && region !== undefined && reference.regions.has(region)) {
      const inside = region === home || reference.regions.get(region) === home;
      if (!inside)
        problem(
          '/region',
          `"${service}" is a service of region ${home} only: it can be overridden in ${home}${home.includes('.') ? '' : ' or its kabupaten/kota'}, not in ${region}`,
        );
    }
    const overriding = OVERRIDING_FIELDS.filter((field) => field in value);
    if (removal && overriding.length > 0)
      problem(
        '/',
        `a removal ("remove": true) deletes the whole override and cannot also give ${overriding.join(', ')}`,
      );
    if (!removal && !overridesSomething(value))
      problem(
        '/',
        `overrides nothing: give at least one of ${OVERRIDING_FIELDS.join(', ')} with a value (absent or null keeps the national value), or "remove": true to delete the override`,
      );
  }
  return problems.sort((a, b) => a.row - b.row);
}

type Counts = Pick<OverrideImportReport, 'inserted' | 'updated' | 'removed'>;

const overrides: ImportKind<OverrideRecord, Counts> = {
  what: 'override',
  idOf: (record) => `${record.service}@${record.region}`,
  validate: async (db, rows) => validateRows(rows, await loadReference(db, rows)),
  async count(db, records) {
    const existing = await existingPairs(db, records);
    const had = (record: OverrideRecord) => existing.has(`${record.service}@${record.region}`);
    const upserts = records.filter((record) => record.remove !== true);
    const updated = upserts.filter(had).length;
    const removed = records.filter((record) => record.remove === true && had(record)).length;
    return { inserted: upserts.length - updated, updated, removed };
  },
  none: { inserted: 0, updated: 0, removed: 0 },
  write: (tx, records, written) =>
    writeEach(records, written, (record) =>
      record.remove === true ? removeOverride(tx, record.service, record.region) : upsertOverride(tx, record),
    ),
};

/**
 * Imports regional overrides from JSON (`{ "overrides": [...] }` or an array): validates every row
 * first and reports all problems; writes only when there are none, all rows in one transaction
 * (all or nothing), each row replacing the whole override of its (service, region) or, with
 * `"remove": true`, deleting it; the catalogue version is bumped once.
 */
export async function importOverrides(
  db: Db,
  input: OverrideImportInput,
  options: ImportOptions = {},
): Promise<OverrideImportReport> {
  return runImport(db, overrides, await readJsonInput(input, parseOverridesJson, 'overrides'), options);
}
