import type { Queryable } from '../db/index.js';
import { type ServiceRecord, splitBilingual } from './record.js';

/** Services per insert statement in upsertServices. */
export const UPSERT_BATCH_SIZE = 500;

/**
 * JSON text for a `$n::text::jsonb` parameter. Lone UTF-16 surrogates become U+FFFD, as they do
 * when a string is sent as a text parameter (jsonb would reject their \u escapes).
 */
export const jsonText = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'string' ? v.replace(/\p{Surrogate}/gu, '\uFFFD') : v,
  );

/** Last one wins, in the order given (as if written one after the other). */
function lastById<T>(items: T[], id: (item: T) => string): T[] {
  const byId = new Map<string, T>();
  for (const item of items) {
    byId.delete(id(item));
    byId.set(id(item), item);
  }
  return [...byId.values()];
}

/** One service as the columns of the service table (jsonb and text[] columns as JSON values). */
function serviceRow(record: ServiceRecord) {
  return {
    id: record.id,
    region_code: record.region ?? null,
    category_id: record.category,
    agency_id: record.agency.id,
    name_id: record.name.id,
    name_en: record.name.en,
    aliases: (record.aliases ?? []).map((a) => a.toLowerCase()),
    requirements: record.requirements,
    procedure: record.procedure,
    duration_days: record.duration_days,
    // null (absent or empty text) is SQL NULL, not JSON null
    duration_text: splitBilingual(record.duration_text),
    fee_amount_idr: record.fee.amount_idr,
    fee_legal_basis: record.fee.legal_basis,
    fee_legal_basis_en: record.fee.legal_basis_en ?? null,
    fee_variants: record.fee.variants ?? [],
    output: record.output,
    channels: record.channels,
    online_url: record.online_url ?? null,
    legal_basis: record.legal_basis,
    life_events: record.life_events ?? [],
    complaint_channels: record.complaint_channels ?? [],
    confidence: record.confidence,
    sources: record.sources,
    notes: record.notes ?? null,
    notes_en: record.notes_en ?? null,
    synthetic: record.synthetic ?? false,
  };
}

const textArray = (column: string) => `array(select jsonb_array_elements_text(x.${column}))`;

const upsertAgencies = `insert into agency (id, name_id, name_en, level)
  select x.id, x.name_id, x.name_en, x.level
  from jsonb_to_recordset($1::text::jsonb) as x(id text, name_id text, name_en text, level text)
  on conflict (id) do update set name_id = excluded.name_id, name_en = excluded.name_en, level = excluded.level`;

// A JSON null in a jsonb column of jsonb_to_recordset is SQL NULL (duration_text).
const upsertServiceRows = `insert into service (id, region_code, category_id, agency_id, name_id, name_en,
    aliases, requirements, procedure, duration_days, duration_text, fee_amount_idr, fee_legal_basis,
    fee_legal_basis_en, fee_variants, output, channels, online_url, legal_basis, life_events, complaint_channels,
    confidence, sources, notes, notes_en, synthetic, updated_at)
  select x.id, x.region_code, x.category_id, x.agency_id, x.name_id, x.name_en,
    ${textArray('aliases')}, x.requirements, x.procedure, x.duration_days, x.duration_text, x.fee_amount_idr,
    x.fee_legal_basis, x.fee_legal_basis_en, x.fee_variants, x.output, ${textArray('channels')}, x.online_url,
    ${textArray('legal_basis')}, ${textArray('life_events')}, x.complaint_channels, x.confidence,
    ${textArray('sources')}, x.notes, x.notes_en, x.synthetic, now()
  from jsonb_to_recordset($1::text::jsonb) as x(id text, region_code text, category_id text,
    agency_id text, name_id text, name_en text, aliases jsonb, requirements jsonb, procedure jsonb,
    duration_days int, duration_text jsonb, fee_amount_idr bigint, fee_legal_basis text, fee_legal_basis_en text,
    fee_variants jsonb, output jsonb, channels jsonb, online_url text, legal_basis jsonb, life_events jsonb,
    complaint_channels jsonb, confidence text, sources jsonb, notes text, notes_en text, synthetic boolean)
  on conflict (id) do update set region_code = excluded.region_code, category_id = excluded.category_id,
    agency_id = excluded.agency_id, name_id = excluded.name_id, name_en = excluded.name_en,
    aliases = excluded.aliases, requirements = excluded.requirements, procedure = excluded.procedure,
    duration_days = excluded.duration_days, duration_text = excluded.duration_text,
    fee_amount_idr = excluded.fee_amount_idr, fee_legal_basis = excluded.fee_legal_basis,
    fee_legal_basis_en = excluded.fee_legal_basis_en, fee_variants = excluded.fee_variants, output = excluded.output, channels = excluded.channels,
    online_url = excluded.online_url, legal_basis = excluded.legal_basis, life_events = excluded.life_events,
    complaint_channels = excluded.complaint_channels, confidence = excluded.confidence,
    sources = excluded.sources, notes = excluded.notes, notes_en = excluded.notes_en, synthetic = excluded.synthetic, updated_at = now()`;

/** From this many services on, upsertServices defers the search index's updates (see below). */
export const BULK_INDEX_THRESHOLD = 1000;

/** The GIN index over service.search_doc (migrations/002_search.sql). */
const SEARCH_DOC_INDEX = 'service_search_doc_idx';

/**
 * The search document index is built with fastupdate off (searches never scan a pending list),
 * which makes every row written update it entry by entry: on PGlite that is about three quarters
 * of the time of writing 10 000 services. For a large write, this turns fastupdate on for the
 * transaction and merges the pending list in one pass at the end (then turns it off again), so the
 * committed index is the same. Skipped when the index is missing or cannot be altered (not its
 * owner): the write is then just slower. Returns the function that ends the window.
 */
async function deferSearchIndex(tx: Queryable): Promise<() => Promise<void>> {
  const none = async () => {};
  const [index] = await tx.query<{ found: boolean }>('select to_regclass($1) is not null as found', [
    SEARCH_DOC_INDEX,
  ]);
  if (!index?.found) return none;
  await tx.query('savepoint loket_defer_search_index');
  try {
    await tx.query(`alter index ${SEARCH_DOC_INDEX} set (fastupdate = on)`);
    await tx.query('release savepoint loket_defer_search_index');
  } catch {
    await tx.query('rollback to savepoint loket_defer_search_index');
    return none;
  }
  return async () => {
    await tx.query(`select gin_clean_pending_list($1::regclass)`, [SEARCH_DOC_INDEX]);
    await tx.query(`alter index ${SEARCH_DOC_INDEX} set (fastupdate = off)`);
  };
}

/** The database refused a service: `index` is its position in the records given to upsertServices. */
export class ServiceRejectedError extends Error {
  constructor(
    readonly index: number,
    readonly record: ServiceRecord,
    options: { cause: unknown },
  ) {
    super(options.cause instanceof Error ? options.cause.message : String(options.cause), options);
    this.name = 'ServiceRejectedError';
  }
}

export interface UpsertOptions {
  /**
   * Called with how many of the records (in order) are written so far, after each batch (outside
   * the statement's error handling: throwing aborts the write, and the caller's transaction).
   */
  onWritten?: (written: number) => void;
}

/**
 * Inserts or replaces services (and their agencies) by id: the distinct agencies in one statement
 * (a later record's agency description wins), then the services UPSERT_BATCH_SIZE per statement.
 * The search document is maintained by the service table's triggers as for any write. Callers run
 * it inside a transaction (it uses savepoints).
 *
 * When the database rejects a batch, it is rolled back to a savepoint and written again record by
 * record: the records before the culprit are written and reported, and a ServiceRejectedError names
 * it (its cause is the database error). A batch with the same id twice takes that path too, and
 * the later record wins, as if they were written one after the other.
 */
export async function upsertServices(
  tx: Queryable,
  records: ServiceRecord[],
  options: UpsertOptions = {},
): Promise<void> {
  if (records.length === 0) return;
  const agencies = lastById(
    records.map((r) => r.agency),
    (a) => a.id,
  ).map(({ id, name_id, name_en, level }) => ({ id, name_id, name_en, level }));
  const endDeferral = records.length >= BULK_INDEX_THRESHOLD ? await deferSearchIndex(tx) : null;
  await tx.query(upsertAgencies, [jsonText(agencies)]);
  for (let start = 0; start < records.length; start += UPSERT_BATCH_SIZE) {
    const batch = records.slice(start, start + UPSERT_BATCH_SIZE);
    const written = await writeBatch(tx, batch, start, (n) => options.onWritten?.(start + n));
    if (written) options.onWritten?.(start + batch.length);
  }
  await endDeferral?.();
}

/**
 * One statement for the batch; false when it had to go record by record (each reported through
 * `onRecord` with the number written in this batch).
 */
async function writeBatch(
  tx: Queryable,
  batch: ServiceRecord[],
  offset: number,
  onRecord: (written: number) => void,
): Promise<boolean> {
  if (batch.length > 1) {
    await tx.query('savepoint loket_upsert_batch');
    try {
      await tx.query(upsertServiceRows, [jsonText(batch.map(serviceRow))]);
      await tx.query('release savepoint loket_upsert_batch');
      return true;
    } catch {
      await tx.query('rollback to savepoint loket_upsert_batch');
    }
  }
  for (const [i, record] of batch.entries()) {
    try {
      await tx.query(upsertServiceRows, [jsonText([serviceRow(record)])]);
    } catch (error) {
      throw new ServiceRejectedError(offset + i, record, { cause: error });
    }
    onRecord(i + 1);
  }
  return false;
}

/** Inserts or replaces one service (and its agency) by id. Callers run it inside a transaction. */
export function upsertService(tx: Queryable, record: ServiceRecord): Promise<void> {
  return upsertServices(tx, [record]);
}

/** Marks the catalogue as changed, so every ETag changes with it. */
export async function bumpCatalogueVersion(tx: Queryable): Promise<void> {
  await tx.query('update catalogue_version set version = version + 1, changed_at = now()');
}
