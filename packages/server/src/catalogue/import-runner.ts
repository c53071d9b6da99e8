import { readFile } from 'node:fs/promises';
import type { Db, Queryable } from '../db/index.js';
import type { ParsedFile, ParsedRow } from './import-csv.js';
import type { RecordProblem } from './record.js';
import { bumpCatalogueVersion } from './upsert.js';

// The one import pipeline, for every kind of catalogue file (services, regional overrides):
// read → validate every row and report all problems → write all rows in one transaction, or
// nothing → bump the catalogue version once.

export interface ImportOptions {
  /**
   * Called for each row once it is written, inside the transaction (throwing aborts and rolls back
   * the import). Services are written in batches of 500, so their calls come in bursts.
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
  /** Rows that are new (in a dry run: would be new). 0 when there are problems. */
  inserted: number;
  /** Rows that existed and were replaced (in a dry run: would be). 0 when there are problems. */
  updated: number;
  /** Every problem in the file, in row order. Row 0 is the file as a whole. */
  problems: RecordProblem[];
}

export const fileProblem = (message: string): RecordProblem => ({ row: 0, id: null, pointer: '/', message });

/** Line and column (1-based) of a character offset, for JSON parse errors. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return `line ${line}, column ${column}`;
}

/** The JSON of an import file (a leading BOM ignored), or the problem that says where it breaks. */
export function parseJsonText(text: string): { data: unknown } | { problem: RecordProblem } {
  const source = text.replace(/^\uFEFF/, '');
  if (source.trim() === '') return { problem: fileProblem('the file is empty') };
  try {
    return { data: JSON.parse(source) };
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
    return { problem: fileProblem(`not valid JSON: ${message}${where}`) };
  }
}

/**
 * Reads a JSON import file of records: an array, or an object with the array under `key` (other
 * keys are ignored). `refuse` may name what makes the file the wrong kind; `expected` says what
 * the file should look like. Rows are numbered from 1.
 */
export function parseJsonList(
  text: string,
  options: { key: string; expected: string; refuse?: (data: unknown) => string | null },
): ParsedFile {
  const parsed = parseJsonText(text);
  const refused = 'data' in parsed ? options.refuse?.(parsed.data) : null;
  if ('problem' in parsed || refused) {
    return { rows: [], problems: ['problem' in parsed ? parsed.problem : fileProblem(refused as string)] };
  }
  const { data } = parsed;
  const list =
    data !== null && typeof data === 'object' && !Array.isArray(data)
      ? (data as Record<string, unknown>)[options.key]
      : data;
  if (!Array.isArray(list)) return { rows: [], problems: [fileProblem(options.expected)] };
  if (list.length === 0) return { rows: [], problems: [fileProblem(`the file contains no ${options.key}`)] };
  return { rows: list.map((value, i) => ({ row: i + 1, value, problems: [] })), problems: [] };
}

/** Reads an import file with `parse`; a file that cannot be read is a problem of the file. */
export async function readImportFile(path: string, parse: (text: string) => ParsedFile): Promise<ParsedFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const message = `cannot read "${path}": ${error instanceof Error ? error.message : error}`;
    return { rows: [], problems: [fileProblem(message)] };
  }
  return parse(text);
}

/**
 * Is this a .json file whose top level is an object with `key` (`overrides`, `locations`)? False for
 * anything else, including files that cannot be read or parsed: the CLI picks the import by it.
 */
export async function hasTopLevelKey(path: string, key: string): Promise<boolean> {
  if (!path.toLowerCase().endsWith('.json')) return false;
  try {
    const data: unknown = JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''));
    return data !== null && typeof data === 'object' && !Array.isArray(data) && key in data;
  } catch {
    return false;
  }
}

/** A JSON-only import's input: text, or a file that must end in .json (`what` names its records). */
export async function readJsonInput(
  input: { path: string } | { text: string },
  parse: (text: string) => ParsedFile,
  what: string,
): Promise<ParsedFile> {
  if ('text' in input) return parse(input.text);
  if (!input.path.toLowerCase().endsWith('.json')) {
    const message = `${what} are imported from JSON only: "${input.path}" does not end in .json`;
    return { rows: [], problems: [fileProblem(message)] };
  }
  return readImportFile(input.path, parse);
}

/** Thrown by `write` when the database refuses a record: `index` is its position in the records. */
export class RowRejected extends Error {
  constructor(
    readonly index: number,
    message: string,
    options: { cause: unknown },
  ) {
    super(message, options);
    this.name = 'RowRejected';
  }
}

/**
 * Writes the records one by one with `writeOne`, telling `written` after each; a database error
 * on one becomes RowRejected with its index (the write of overrides and locations).
 */
export async function writeEach<Record>(
  records: Record[],
  written: (count: number) => void,
  writeOne: (record: Record) => Promise<unknown>,
): Promise<void> {
  for (const [index, record] of records.entries()) {
    try {
      await writeOne(record);
    } catch (error) {
      throw new RowRejected(index, error instanceof Error ? error.message : String(error), { cause: error });
    }
    written(index + 1);
  }
}

/** What an import of one kind of record needs besides the pipeline. */
export interface ImportKind<Record, Counts> {
  /** The record in messages: "the database rejected this <what>". */
  what: string;
  /** The row's id in problems. */
  idOf(record: Record): string;
  /** Every problem of every row (schema, file and database references), in row order. */
  validate(db: Queryable, rows: ParsedRow[]): Promise<RecordProblem[]>;
  /** What writing these (valid) records would insert, update, remove… */
  count(db: Queryable, records: Record[]): Promise<Counts>;
  /** The counts of a failed import. */
  none: Counts;
  /** Writes the records in order, telling how many are written so far; throws RowRejected. */
  write(tx: Queryable, records: Record[], written: (count: number) => void): Promise<void>;
}

/** Runs the pipeline over a read file: all problems, or every row written in one transaction. */
export async function runImport<Record, Counts>(
  db: Db,
  kind: ImportKind<Record, Counts>,
  parsed: ParsedFile,
  options: ImportOptions,
): Promise<Counts & Omit<ImportReport, 'inserted' | 'updated'>> {
  const total = parsed.rows.length;
  const failed = (problems: RecordProblem[]) => ({ ok: false, total, ...kind.none, problems });
  if (parsed.problems.length > 0) return failed(parsed.problems);
  const problems = await kind.validate(db, parsed.rows);
  if (problems.length > 0) return failed(problems);

  // Valid from here on: every value is a Record.
  const rows = parsed.rows.map(({ row, value }) => ({ row, record: value as Record }));
  const records = rows.map((r) => r.record);
  const done = (counts: Counts) => ({ ok: true, total, ...counts, problems: [] });
  if (options.dryRun) return done(await kind.count(db, records));
  try {
    return await db.transaction(async (tx) => {
      const counts = await kind.count(tx, records);
      let reported = 0;
      await kind.write(tx, records, (written) => {
        while (reported < written) {
          reported += 1;
          options.onProgress?.(reported, total);
        }
      });
      await bumpCatalogueVersion(tx);
      return done(counts);
    });
  } catch (error) {
    if (!(error instanceof RowRejected)) throw error;
    const { row, record } = rows[error.index] as { row: number; record: Record };
    const message = `the database rejected this ${kind.what}: ${error.message}`;
    return failed([{ row, id: kind.idOf(record), pointer: '/', message }]);
  }
}
