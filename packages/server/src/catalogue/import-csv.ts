import { CsvError, parse } from 'csv-parse/sync';
import type { RecordProblem } from './record.js';

/**
 * The CSV form of a service record: one service per row, header row required. The cells are
 * turned into a record object that is then checked by the same validator as JSON (checkRecord).
 * Fee variants, complaint channels and the synthetic flag cannot be written in CSV (JSON only).
 */
export const CSV_COLUMNS = [
  'id',
  'region',
  'name_id',
  'name_en',
  'aliases',
  'agency_id',
  'agency_name_id',
  'agency_name_en',
  'agency_level',
  'category',
  'requirements_id',
  'requirements_en',
  'procedure_id',
  'procedure_en',
  'duration_days',
  'duration_text',
  'fee_amount_idr',
  'fee_legal_basis',
  'output_id',
  'output_en',
  'channels',
  'online_url',
  'legal_basis',
  'life_events',
  'confidence',
  'sources',
  'notes',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Columns that may be left out of the header (an empty cell is allowed in every column). */
export const OPTIONAL_CSV_COLUMNS: readonly CsvColumn[] = [
  'region',
  'aliases',
  'duration_text',
  'online_url',
  'life_events',
  'notes',
];

/** Separates the items of a list cell: a pipe with whitespace on both sides ("a | b"). */
export const LIST_SEPARATOR = ' | ';
const listSeparator = /\s+\|\s+/;

/** One data row of an import file, before validation. */
export interface ParsedRow {
  /** 1-based: JSON array index + 1, or the CSV line the row starts on (header = line 1). */
  row: number;
  /** The record object to validate, or undefined when the row could not be read at all. */
  value: unknown;
  /** Problems found while reading the row (they take precedence over schema problems on the same pointer). */
  problems: RecordProblem[];
}

export interface ParsedFile {
  rows: ParsedRow[];
  /** File-level problems (row 0 = the file, row 1 = the CSV header). */
  problems: RecordProblem[];
}

const fileProblem = (row: number, message: string): RecordProblem => ({
  row,
  id: null,
  pointer: '/',
  message,
});

/** "a | b | c" -> ["a", "b", "c"]; an empty cell is an empty list. */
export function splitList(cell: string): string[] {
  const text = cell.trim();
  if (text === '') return [];
  return text.split(listSeparator).map((item) => item.trim());
}

/** Comma unless the header line clearly uses semicolons (Excel in an Indonesian locale) or tabs. */
function detectDelimiter(text: string): string {
  const newline = text.search(/\r?\n|\r/);
  const header = newline < 0 ? text : text.slice(0, newline);
  if (header.includes(',')) return ',';
  if (header.includes(';')) return ';';
  if (header.includes('\t')) return '\t';
  return ',';
}

/** Byte offsets -> 1-based line numbers (records are located by the parser's byte counter). */
function lineIndex(bytes: Buffer): (offset: number) => number {
  const newline = bytes.includes(0x0a) ? 0x0a : 0x0d; // classic Mac files end lines with CR only
  const starts: number[] = [0];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === newline) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** Skips blank lines and whitespace from `offset`, so a record's line is where its first cell is. */
function skipBlank(bytes: Buffer, offset: number): number {
  let at = offset;
  while (
    at < bytes.length &&
    (bytes[at] === 0x0a || bytes[at] === 0x0d || bytes[at] === 0x20 || bytes[at] === 0x09)
  )
    at++;
  return at;
}

interface Cells {
  get(column: CsvColumn): string | undefined;
}

/** Builds the record object from one row's cells, collecting the problems only CSV can have. */
function rowToRecord(
  cells: Cells,
  row: number,
): { value: Record<string, unknown>; problems: RecordProblem[] } {
  const id = cells.get('id') ?? '';
  const problems: RecordProblem[] = [];
  const problem = (pointer: string, message: string) =>
    problems.push({ row, id: id === '' ? null : id, pointer, message });

  const text = (column: CsvColumn) => cells.get(column) ?? '';
  const textOrNull = (column: CsvColumn) => {
    const value = cells.get(column);
    return value === undefined || value === '' ? null : value;
  };
  const list = (column: CsvColumn) => splitList(text(column));
  const integer = (column: CsvColumn, pointer: string): number | null => {
    const cell = text(column);
    if (cell === '') return null;
    if (/^-?\d+$/.test(cell)) return Number(cell);
    problem(
      pointer,
      `${column} "${cell}" is not a whole number: write digits only, without currency or thousands separators ` +
        '(e.g. 50000), "0" for free/zero, or leave the cell empty for unknown',
    );
    return null;
  };
  const pairs = (base: 'requirements' | 'procedure') => {
    const ids = list(`${base}_id`);
    const ens = list(`${base}_en`);
    if (ids.length !== ens.length) {
      problem(
        `/${base}`,
        `${base}_id has ${ids.length} item(s) but ${base}_en has ${ens.length}: give every item in both ` +
          `languages, in the same order, separated by "${LIST_SEPARATOR}"`,
      );
      return [];
    }
    return ids.map((item, i) => ({ id: item, en: ens[i] ?? '' }));
  };

  const value: Record<string, unknown> = { id };
  if (cells.get('region') !== undefined) value.region = textOrNull('region');
  value.name = { id: text('name_id'), en: text('name_en') };
  if (cells.get('aliases') !== undefined) value.aliases = list('aliases');
  value.agency = {
    id: text('agency_id'),
    name_id: text('agency_name_id'),
    name_en: text('agency_name_en'),
    level: text('agency_level'),
  };
  value.category = text('category');
  value.requirements = pairs('requirements');
  value.procedure = pairs('procedure');
  value.duration_days = integer('duration_days', '/duration_days');
  if (cells.get('duration_text') !== undefined) value.duration_text = textOrNull('duration_text');
  value.fee = {
    amount_idr: integer('fee_amount_idr', '/fee/amount_idr'),
    legal_basis: textOrNull('fee_legal_basis'),
  };
  value.output = { id: text('output_id'), en: text('output_en') };
  value.channels = list('channels');
  if (cells.get('online_url') !== undefined) value.online_url = textOrNull('online_url');
  value.legal_basis = list('legal_basis');
  if (cells.get('life_events') !== undefined) value.life_events = list('life_events');
  value.confidence = text('confidence');
  value.sources = list('sources');
  if (cells.get('notes') !== undefined) value.notes = textOrNull('notes');
  return { value, problems };
}

/**
 * Reads a CSV import file into record objects (not yet validated). A file that cannot be parsed
 * at all is one problem on row 0; header problems are on row 1 and stop the reading of rows.
 */
export function parseServicesCsv(text: string): ParsedFile {
  const source = text.replace(/^\uFEFF/, '');
  if (source.trim() === '') return { rows: [], problems: [fileProblem(0, 'the file is empty')] };

  const bytes = Buffer.from(source, 'utf8');
  let records: { record: string[]; info: { bytes: number } }[];
  try {
    records = parse(bytes, {
      delimiter: detectDelimiter(source),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof records; // with `info: true` every record comes with its info
  } catch (error) {
    const message = error instanceof CsvError || error instanceof Error ? error.message : String(error);
    return { rows: [], problems: [fileProblem(0, `not valid CSV: ${message}`)] };
  }

  const lineOf = lineIndex(bytes);
  let previousEnd = 0;
  const located: { line: number; cells: string[] }[] = [];
  for (const { record, info } of records) {
    const line = lineOf(skipBlank(bytes, previousEnd));
    previousEnd = info.bytes;
    const cells = record.map((cell) => cell.trim());
    // Rows of empty cells (",,,," as spreadsheets write them at the end) are skipped like blank lines.
    if (cells.some((cell) => cell !== '')) located.push({ line, cells });
  }

  const [header, ...data] = located;
  if (!header) return { rows: [], problems: [fileProblem(0, 'the file is empty')] };

  // Header: every required column once, no unknown ones (a typo would silently drop data).
  const problems: RecordProblem[] = [];
  const names = header.cells.map((name) => name.toLowerCase());
  const known = new Set<string>(CSV_COLUMNS);
  const seen = new Set<string>();
  const columnList = `the columns are ${CSV_COLUMNS.join(', ')}; optional: ${OPTIONAL_CSV_COLUMNS.join(', ')}`;
  for (const name of names) {
    if (name === '') continue;
    if (!known.has(name)) problems.push(fileProblem(header.line, `unknown column "${name}" (${columnList})`));
    else if (seen.has(name))
      problems.push(fileProblem(header.line, `column "${name}" appears more than once`));
    seen.add(name);
  }
  const missing = CSV_COLUMNS.filter((column) => !seen.has(column) && !OPTIONAL_CSV_COLUMNS.includes(column));
  if (missing.length > 0) {
    problems.push(fileProblem(header.line, `missing column(s) ${missing.join(', ')} (${columnList})`));
  }
  // Rows are not read against a wrong header: every row would repeat the same problem.
  if (problems.length > 0) return { rows: [], problems };
  if (data.length === 0)
    return { rows: [], problems: [fileProblem(0, 'the file has a header but no services')] };

  const position = new Map<string, number>();
  for (const [i, name] of names.entries()) if (name !== '') position.set(name, i);

  const rows = data.map(({ line, cells }): ParsedRow => {
    if (cells.length !== names.length) {
      const id = cells[position.get('id') ?? -1] || null;
      return {
        row: line,
        value: undefined,
        problems: [
          {
            row: line,
            id,
            pointer: '/',
            message: `the row has ${cells.length} cells but the header has ${names.length} columns (a cell with a comma, quote or line break must be in double quotes)`,
          },
        ],
      };
    }
    const unnamed = names.findIndex((name, i) => name === '' && cells[i] !== '');
    const { value, problems: rowProblems } = rowToRecord(
      {
        get: (column) => {
          const at = position.get(column);
          return at === undefined ? undefined : (cells[at] ?? '');
        },
      },
      line,
    );
    if (unnamed >= 0) {
      rowProblems.push({
        row: line,
        id: typeof value.id === 'string' && value.id !== '' ? value.id : null,
        pointer: '/',
        message: `cell ${unnamed + 1} has a value but its column has no name in the header`,
      });
    }
    return { row: line, value, problems: rowProblems };
  });
  return { rows, problems: [] };
}
