import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Ajv } from 'ajv';
import type { Db, Queryable } from '../db/index.js';
import type { ImportOptions, ImportReport } from './import.js';
import {
  describeSchemaError,
  isObject,
  type Localized,
  nulProblems,
  type RecordProblem,
  splitBilingual,
} from './record.js';
import { bumpCatalogueVersion } from './upsert.js';

/**
 * A region's local facts for one service, as accepted by `loket-server import` in a file
 * `{ "overrides": [...] }` (schemas/override-record.schema.json). Absent or null: the national value.
 */
export interface OverrideRecord {
  service: string;
  region: string;
  /** True: delete this override (then no overriding field may be given, and sources are optional). */
  remove?: boolean;
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

/** The override columns of a (schema-valid) record; null keeps the national value. */
function columns(record: OverrideRecord) {
  const json = (value: unknown) => (value == null ? null : JSON.stringify(value));
  return {
    duration_days: record.duration_days ?? null,
    duration_text: json(splitBilingual(record.duration_text)),
    fee_amount_idr: record.fee?.amount_idr ?? null,
    fee_legal_basis: record.fee?.legal_basis ?? null,
    fee_variants: json(record.fee?.variants),
    requirements: json(record.requirements),
    procedure: json(record.procedure),
    channels: record.channels ?? null,
    online_url: record.online_url ?? null,
    complaint_channels: json(record.complaint_channels),
    notes: record.notes ?? null,
  };
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

const fileProblem = (message: string): RecordProblem => ({ row: 0, id: null, pointer: '/', message });

interface ParsedOverrides {
  rows: { row: number; value: unknown }[];
  problems: RecordProblem[];
}

/** Reads an overrides file: `{ "overrides": [...] }` (other keys but `services` are ignored) or an array. */
export function parseOverridesJson(text: string): ParsedOverrides {
  const source = text.replace(/^\uFEFF/, '');
  if (source.trim() === '') return { rows: [], problems: [fileProblem('the file is empty')] };
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message)?.[1];
    let where = '';
    if (position === undefined) {
      if (/end of JSON input/.test(message)) where = ' (at the end of the file: is something unclosed?)';
    } else if (!/\(line \d+/.test(message)) {
      const before = source.slice(0, Number(position));
      const line = before.split('\n').length;
      const column = Number(position) - (before.lastIndexOf('\n') + 1) + 1;
      where = ` (line ${line}, column ${column})`;
    }
    return { rows: [], problems: [fileProblem(`not valid JSON: ${message}${where}`)] };
  }
  if (isObject(data) && 'services' in data) {
    return {
      rows: [],
      problems: [
        fileProblem(
          'a file has either "services" or "overrides", not both: import the services and the overrides as two files',
        ),
      ],
    };
  }
  const overrides = isObject(data) ? data.overrides : data;
  if (!Array.isArray(overrides)) {
    return {
      rows: [],
      problems: [
        fileProblem('expected an object { "overrides": [ ... ] } or a JSON array of override records'),
      ],
    };
  }
  if (overrides.length === 0) return { rows: [], problems: [fileProblem('the file contains no overrides')] };
  return { rows: overrides.map((value, i) => ({ row: i + 1, value })), problems: [] };
}

/**
 * Is this file meant for importOverrides: a .json file whose top level is an object with an
 * `overrides` key? False for anything else, including files that cannot be read or parsed.
 */
export async function isOverridesFile(path: string): Promise<boolean> {
  if (!path.toLowerCase().endsWith('.json')) return false;
  try {
    const data: unknown = JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''));
    return isObject(data) && 'overrides' in data;
  } catch {
    return false;
  }
}

async function readInput(input: OverrideImportInput): Promise<ParsedOverrides> {
  if ('text' in input) return parseOverridesJson(input.text);
  if (!input.path.toLowerCase().endsWith('.json')) {
    return {
      rows: [],
      problems: [fileProblem(`overrides are imported from JSON only: "${input.path}" does not end in .json`)],
    };
  }
  try {
    return parseOverridesJson(await readFile(input.path, 'utf8'));
  } catch (error) {
    return {
      rows: [],
      problems: [
        fileProblem(`cannot read "${input.path}": ${error instanceof Error ? error.message : error}`),
      ],
    };
  }
}

interface Reference {
  /** Service id → its region (null: national). */
  services: Map<string, string | null>;
  /** Region code → its province (null: a province). */
  regions: Map<string, string | null>;
}

async function loadReference(db: Queryable, rows: ParsedOverrides['rows']): Promise<Reference> {
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
function validateRows(rows: ParsedOverrides['rows'], reference: Reference): RecordProblem[] {
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

async function existingPairs(db: Queryable, records: OverrideRecord[]): Promise<Set<string>> {
  const rows = await db.query<{ service_id: string; region_code: string }>(
    `select o.service_id, o.region_code from service_override o
     join unnest($1::text[], $2::text[]) as f(service_id, region_code)
       on f.service_id = o.service_id and f.region_code = o.region_code`,
    [records.map((r) => r.service), records.map((r) => r.region)],
  );
  return new Set(rows.map((r) => `${r.service_id}@${r.region_code}`));
}

/** Inserts or replaces (every column) one service's override in one region. Run inside a transaction. */
export async function upsertOverride(tx: Queryable, record: OverrideRecord): Promise<void> {
  const c = columns(record);
  await tx.query(
    `insert into service_override (service_id, region_code, duration_days, duration_text, fee_amount_idr,
       fee_legal_basis, fee_variants, requirements, procedure, channels, online_url, complaint_channels, notes,
       sources, updated_at)
     values ($1, $2, $3, $4::text::jsonb, $5, $6, $7::text::jsonb, $8::text::jsonb, $9::text::jsonb, $10::text[],
       $11, $12::text::jsonb, $13, $14::text[], now())
     on conflict (service_id, region_code) do update set duration_days = excluded.duration_days,
       duration_text = excluded.duration_text, fee_amount_idr = excluded.fee_amount_idr,
       fee_legal_basis = excluded.fee_legal_basis, fee_variants = excluded.fee_variants,
       requirements = excluded.requirements, procedure = excluded.procedure, channels = excluded.channels,
       online_url = excluded.online_url, complaint_channels = excluded.complaint_channels,
       notes = excluded.notes, sources = excluded.sources, updated_at = now()`,
    [
      record.service,
      record.region,
      c.duration_days,
      c.duration_text,
      c.fee_amount_idr,
      c.fee_legal_basis,
      c.fee_variants,
      c.requirements,
      c.procedure,
      c.channels,
      c.online_url,
      c.complaint_channels,
      c.notes,
      record.sources ?? [],
    ],
  );
}

/** Deletes one service's override in one region; true when there was one. Run inside a transaction. */
export async function removeOverride(tx: Queryable, service: string, region: string): Promise<boolean> {
  const rows = await tx.query(
    'delete from service_override where service_id = $1 and region_code = $2 returning 1',
    [service, region],
  );
  return rows.length > 0;
}

/** Thrown inside the transaction when the database rejects a row, so everything rolls back. */
class RowRejected extends Error {
  constructor(
    readonly problem: RecordProblem,
    options: { cause: unknown },
  ) {
    super(problem.message, options);
  }
}

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
  const parsed = await readInput(input);
  const total = parsed.rows.length;
  const failed = (problems: RecordProblem[]): OverrideImportReport => ({
    ok: false,
    total,
    inserted: 0,
    updated: 0,
    removed: 0,
    problems,
  });
  if (parsed.problems.length > 0) return failed(parsed.problems);

  const problems = validateRows(parsed.rows, await loadReference(db, parsed.rows));
  if (problems.length > 0) return failed(problems);

  // Valid from here on: every value is an OverrideRecord.
  const records = parsed.rows.map(({ row, value }) => ({ row, record: value as OverrideRecord }));
  const count = (existing: Set<string>): OverrideImportReport => {
    const had = ({ record }: (typeof records)[number]) => existing.has(`${record.service}@${record.region}`);
    const upserts = records.filter(({ record }) => record.remove !== true);
    const updated = upserts.filter(had).length;
    return {
      ok: true,
      total,
      inserted: upserts.length - updated,
      updated,
      removed: records.filter((r) => r.record.remove === true && had(r)).length,
      problems: [],
    };
  };

  if (options.dryRun)
    return count(
      await existingPairs(
        db,
        records.map((r) => r.record),
      ),
    );

  try {
    return await db.transaction(async (tx) => {
      const report = count(
        await existingPairs(
          tx,
          records.map((r) => r.record),
        ),
      );
      let done = 0;
      for (const { row, record } of records) {
        try {
          if (record.remove === true) await removeOverride(tx, record.service, record.region);
          else await upsertOverride(tx, record);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          throw new RowRejected(
            {
              row,
              id: `${record.service}@${record.region}`,
              pointer: '/',
              message: `the database rejected this override: ${message}`,
            },
            { cause: error },
          );
        }
        done += 1;
        options.onProgress?.(done, total);
      }
      await bumpCatalogueVersion(tx);
      return report;
    });
  } catch (error) {
    if (error instanceof RowRejected) return failed([error.problem]);
    throw error;
  }
}
