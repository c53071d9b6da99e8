import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Db } from '../db/index.js';
import { type ParsedFile, type ParsedRow, parseServicesCsv } from './import-csv.js';
import { checkRecord, isObject, nulProblems, type RecordProblem, type ServiceRecord } from './record.js';
import { bumpCatalogueVersion, ServiceRejectedError, upsertServices } from './upsert.js';

export type ImportFormat = 'json' | 'csv';

/** A file (format from its extension, .json or .csv) or text in an explicit format. */
export type ImportInput = { path: string } | { text: string; format: ImportFormat };

export interface ImportOptions {
  /**
   * Called for each row once it is written, inside the transaction (throwing aborts and rolls back
   * the import). Rows are written in batches of 500, so the calls come in bursts after each batch.
   */
  onProgress?: (done: number, total: number) => void;
  /** Validate and count what would be inserted/updated, but write nothing. */
  dryRun?: boolean;
}

export interface ImportReport {
  /** True when every row is valid (and, unless dry run, was written). */
  ok: boolean;
  /** Rows in the file (0 when the file could not be read). */
  total: number;
  /** Services that are new (in a dry run: would be new). 0 when there are problems. */
  inserted: number;
  /** Services that existed and were replaced (in a dry run: would be). 0 when there are problems. */
  updated: number;
  /** Every problem in the file, in row order. Row 0 is the file as a whole. */
  problems: RecordProblem[];
}

const fileProblem = (message: string): RecordProblem => ({ row: 0, id: null, pointer: '/', message });

/** Line and column (1-based) of a character offset, for JSON parse errors. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return `line ${line}, column ${column}`;
}

/** Reads a JSON import file: an array of records, or `{ "services": [...] }` (other keys are ignored). */
export function parseServicesJson(text: string): ParsedFile {
  const source = text.replace(/^\uFEFF/, '');
  if (source.trim() === '') return { rows: [], problems: [fileProblem('the file is empty')] };
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message)?.[1];
    const where =
      position === undefined
        ? /end of JSON input/.test(message)
          ? ' (at the end of the file: is something unclosed?)'
          : ''
        : /\(line \d+/.test(message)
          ? ''
          : ` (${lineAndColumn(source, Number(position))})`;
    return { rows: [], problems: [fileProblem(`not valid JSON: ${message}${where}`)] };
  }
  const services =
    data !== null && typeof data === 'object' && !Array.isArray(data)
      ? (data as { services?: unknown }).services
      : data;
  if (!Array.isArray(services)) {
    return {
      rows: [],
      problems: [
        fileProblem('expected a JSON array of service records, or an object { "services": [ ... ] }'),
      ],
    };
  }
  if (services.length === 0) return { rows: [], problems: [fileProblem('the file contains no services')] };
  return { rows: services.map((value, i) => ({ row: i + 1, value, problems: [] })), problems: [] };
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
  let text: string;
  try {
    text = await readFile(input.path, 'utf8');
  } catch (error) {
    return {
      rows: [],
      problems: [
        fileProblem(`cannot read "${input.path}": ${error instanceof Error ? error.message : error}`),
      ],
    };
  }
  return extension === '.csv' ? parseServicesCsv(text) : parseServicesJson(text);
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

/** Thrown inside the transaction when the database rejects a row, so everything rolls back. */
class RowRejected extends Error {
  constructor(
    readonly problem: RecordProblem,
    options: { cause: unknown },
  ) {
    super(problem.message, options);
  }
}

async function existingIds(db: Pick<Db, 'query'>, ids: string[]): Promise<Set<string>> {
  const rows = await db.query<{ id: string }>('select id from service where id = any($1::text[])', [ids]);
  return new Set(rows.map((r) => r.id));
}

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
  const parsed = await readInput(input);
  const total = parsed.rows.length;
  const failed = (problems: RecordProblem[]): ImportReport => ({
    ok: false,
    total,
    inserted: 0,
    updated: 0,
    problems,
  });
  if (parsed.problems.length > 0) return failed(parsed.problems);

  const [categories, regions] = await Promise.all([
    db.query<{ id: string }>('select id from category'),
    db.query<{ code: string }>('select code from region'),
  ]);
  const problems = validateRows(parsed.rows, {
    categories: new Set(categories.map((c) => c.id)),
    regions: new Set(regions.map((r) => r.code)),
  });
  if (problems.length > 0) return failed(problems);

  // Valid from here on: every value is a ServiceRecord.
  const records = parsed.rows.map(({ row, value }) => ({ row, record: value as ServiceRecord }));
  const ids = records.map((r) => r.record.id);

  if (options.dryRun) {
    const existing = await existingIds(db, ids);
    return { ok: true, total, inserted: total - existing.size, updated: existing.size, problems: [] };
  }

  try {
    return await db.transaction(async (tx) => {
      const existing = await existingIds(tx, ids);
      let done = 0;
      try {
        await upsertServices(
          tx,
          records.map((r) => r.record),
          {
            onWritten: (written) => {
              while (done < written) {
                done += 1;
                options.onProgress?.(done, total);
              }
            },
          },
        );
      } catch (error) {
        if (!(error instanceof ServiceRejectedError)) throw error;
        const { row } = records[error.index] as { row: number };
        throw new RowRejected(
          {
            row,
            id: error.record.id,
            pointer: '/',
            message: `the database rejected this service: ${error.message}`,
          },
          { cause: error.cause },
        );
      }
      await bumpCatalogueVersion(tx);
      return { ok: true, total, inserted: total - existing.size, updated: existing.size, problems: [] };
    });
  } catch (error) {
    if (error instanceof RowRejected) return failed([error.problem]);
    throw error;
  }
}
