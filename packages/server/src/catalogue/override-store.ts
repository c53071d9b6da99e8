import type { Queryable } from '../db/index.js';
import type { OverrideRecord } from './overrides.js';
import { splitBilingual } from './record.js';

// Regional overrides in the database: which exist, one written or removed.

/** The override columns of a (schema-valid) record; null keeps the national value. */
function columns(record: OverrideRecord) {
  const json = (value: unknown) => (value == null ? null : JSON.stringify(value));
  return {
    agency_name: json(record.agency_name),
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

export async function existingPairs(db: Queryable, records: OverrideRecord[]): Promise<Set<string>> {
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
       sources, agency_name, updated_at)
     values ($1, $2, $3, $4::text::jsonb, $5, $6, $7::text::jsonb, $8::text::jsonb, $9::text::jsonb, $10::text[],
       $11, $12::text::jsonb, $13, $14::text[], $15::text::jsonb, now())
     on conflict (service_id, region_code) do update set duration_days = excluded.duration_days,
       duration_text = excluded.duration_text, fee_amount_idr = excluded.fee_amount_idr,
       fee_legal_basis = excluded.fee_legal_basis, fee_variants = excluded.fee_variants,
       requirements = excluded.requirements, procedure = excluded.procedure, channels = excluded.channels,
       online_url = excluded.online_url, complaint_channels = excluded.complaint_channels,
       notes = excluded.notes, sources = excluded.sources, agency_name = excluded.agency_name, updated_at = now()`,
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
      c.agency_name,
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
