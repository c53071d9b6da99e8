import { extname } from 'node:path';
import type { Db, Queryable } from '../db/index.js';
import { type ParsedFile, type ParsedRow, parseServicesCsv } from './import-csv.js';
import {
  fileProblem,
  type ImportKind,
  type ImportOptions,
  type ImportReport,
  parseJsonList,
  RowRejected,
  readImportFile,
  runImport,
} from './import-runner.js';
import { checkRecord, isObject, nulProblems, type RecordProblem, type ServiceRecord } from './record.js';
import { ServiceRejectedError, upsertServices } from './upsert.js';

export type ImportFormat = 'json' | 'csv';

/** A file (format from its extension, .json or .csv) or text in an explicit format. */
export type ImportInput = { path: string } | { text: string; format: ImportFormat };

/** Reads a JSON import file: an array of records, or `{ "services": [...] }` (other keys are ignored). */
export function parseServicesJson(text: string): ParsedFile {
  return parseJsonList(text, {
    key: 'services',
    expected: 'expected a JSON array of service records, or an object { "services": [ ... ] }',
  });
}

async function readInput(input: ImportInput): Promise<ParsedFile> {
  if ('text' in input)
    return input.format === 'csv' ? parseServicesCsv(input.text) : parseServicesJson(input.text);
  const extension = extname(input.path).toLowerCase();
  if (extension !== '.json' && extension !== '.csv') {
    return {
      rows: [],
      problems: [
        fileProblem(`cannot tell the format of "${input.path}": the file name must end in .json or .csv`),
      ],
    };
  }
  return readImportFile(input.path, extension === '.csv' ? parseServicesCsv : parseServicesJson);
}

interface Reference {
  categories: Set<string>;
  regions: Set<string>;
}

/**
 * Validates every row (schema via checkRecord, plus what needs the whole file or the database:
 * duplicate ids, one description per agency, known category and region) and returns all problems.
 */
function validateRows(rows: ParsedRow[], reference: Reference): RecordProblem[] {
  const problems: RecordProblem[] = [];
  const firstRowOfId = new Map<string, number>();
  const agencies = new Map<string, { row: number; description: string }>();

  for (const { row, value, problems: readProblems } of rows) {
    problems.push(...readProblems);
    if (value === undefined) continue;
    const taken = new Set(readProblems.map((p) => p.pointer));
    const schemaProblems = checkRecord(value, row).filter((p) => !taken.has(p.pointer));
    problems.push(...schemaProblems);
    if (!isObject(value)) continue;

    const id = typeof value.id === 'string' && value.id !== '' ? value.id : null;
    const flagged = new Set([...taken, ...schemaProblems.map((p) => p.pointer)]);
    const problem = (pointer: string, message: string) => problems.push({ row, id, pointer, message });
    problems.push(...nulProblems(value, row, id));

    if (id !== null) {
      const first = firstRowOfId.get(id);
      if (first === undefined) firstRowOfId.set(id, row);
      else problem('/id', `duplicate id "${id}": already used on row ${first}`);
    }
    if (
      typeof value.category === 'string' &&
      !flagged.has('/category') &&
      !reference.categories.has(value.category)
    ) {
      problem(
        '/category',
        `unknown category "${value.category}" (known: ${[...reference.categories].sort().join(', ')})`,
      );
    }
    if (typeof value.region === 'string' && !flagged.has('/region') && !reference.regions.has(value.region)) {
      problem(
        '/region',
        `unknown region "${value.region}": not a Kemendagri province or kabupaten/kota code`,
      );
    }
    // The agency row is shared by its services: two different descriptions in one file would
    // make the result depend on row order.
    const agency = value.agency;
    if (isObject(agency) && typeof agency.id === 'string') {
      const description = JSON.stringify([agency.name_id, agency.name_en, agency.level]);
      const seen = agencies.get(agency.id);
      if (!seen) agencies.set(agency.id, { row, description });
      else if (seen.description !== description) {
        problem(
          '/agency',
          `agency "${agency.id}" is described differently on row ${seen.row}: its name_id, name_en and level must be the same on every row`,
        );
      }
    }
  }
  return problems.sort((a, b) => a.row - b.row);
}

async function existingIds(db: Queryable, ids: string[]): Promise<Set<string>> {
  const rows = await db.query<{ id: string }>('select id from service where id = any($1::text[])', [ids]);
  return new Set(rows.map((r) => r.id));
}

const services: ImportKind<ServiceRecord, { inserted: number; updated: number }> = {
  what: 'service',
  idOf: (record) => record.id,
  async validate(db, rows) {
    const [categories, regions] = await Promise.all([
      db.query<{ id: string }>('select id from category'),
      db.query<{ code: string }>('select code from region'),
    ]);
    return validateRows(rows, {
      categories: new Set(categories.map((c) => c.id)),
      regions: new Set(regions.map((r) => r.code)),
    });
  },
  async count(db, records) {
    const existing = await existingIds(
      db,
      records.map((r) => r.id),
    );
    return { inserted: records.length - existing.size, updated: existing.size };
  },
  none: { inserted: 0, updated: 0 },
  async write(tx, records, written) {
    try {
      await upsertServices(tx, records, { onWritten: written });
    } catch (error) {
      if (!(error instanceof ServiceRejectedError)) throw error;
      throw new RowRejected(error.index, error.message, { cause: error.cause });
    }
  },
};

/**
 * Imports services from a JSON or CSV file: validates every row first and reports all problems;
 * writes only when there are none, all rows in one transaction (all or nothing), upserting by id
 * and bumping the catalogue version once.
 */
export async function importServices(
  db: Db,
  input: ImportInput,
  options: ImportOptions = {},
): Promise<ImportReport> {
  return runImport(db, services, await readInput(input), options);
}
