import type { Queryable } from '../db/index.js';
import { type ServiceRecord, splitBilingual } from './record.js';

const json = (value: unknown) => JSON.stringify(value);
const jsonOrNull = (value: unknown) => (value == null ? null : JSON.stringify(value));

/** Inserts or replaces one service (and its agency) by id. Callers run it inside a transaction. */
export async function upsertService(tx: Queryable, record: ServiceRecord): Promise<void> {
  const { agency } = record;
  await tx.query(
    `insert into agency (id, name_id, name_en, level) values ($1, $2, $3, $4)
     on conflict (id) do update set name_id = excluded.name_id, name_en = excluded.name_en, level = excluded.level`,
    [agency.id, agency.name_id, agency.name_en, agency.level],
  );
  await tx.query(
    `insert into service (id, region_code, category_id, agency_id, name_id, name_en, aliases, requirements,
       procedure, duration_days, duration_text, fee_amount_idr, fee_legal_basis, fee_variants, output, channels,
       online_url, legal_basis, life_events, complaint_channels, confidence, sources, notes, synthetic, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7::text[], $8::text::jsonb, $9::text::jsonb, $10, $11::text::jsonb, $12, $13, $14::text::jsonb,
       $15::text::jsonb, $16::text[], $17, $18::text[], $19::text[], $20::text::jsonb, $21, $22::text[], $23, $24, now())
     on conflict (id) do update set region_code = excluded.region_code, category_id = excluded.category_id,
       agency_id = excluded.agency_id, name_id = excluded.name_id, name_en = excluded.name_en,
       aliases = excluded.aliases, requirements = excluded.requirements, procedure = excluded.procedure,
       duration_days = excluded.duration_days, duration_text = excluded.duration_text,
       fee_amount_idr = excluded.fee_amount_idr, fee_legal_basis = excluded.fee_legal_basis,
       fee_variants = excluded.fee_variants, output = excluded.output, channels = excluded.channels,
       online_url = excluded.online_url, legal_basis = excluded.legal_basis, life_events = excluded.life_events,
       complaint_channels = excluded.complaint_channels, confidence = excluded.confidence,
       sources = excluded.sources, notes = excluded.notes, synthetic = excluded.synthetic, updated_at = now()`,
    [
      record.id,
      record.region ?? null,
      record.category,
      agency.id,
      record.name.id,
      record.name.en,
      (record.aliases ?? []).map((a) => a.toLowerCase()),
      json(record.requirements),
      json(record.procedure),
      record.duration_days,
      jsonOrNull(splitBilingual(record.duration_text)),
      record.fee.amount_idr,
      record.fee.legal_basis,
      json(record.fee.variants ?? []),
      json(record.output),
      record.channels,
      record.online_url ?? null,
      record.legal_basis,
      record.life_events ?? [],
      json(record.complaint_channels ?? []),
      record.confidence,
      record.sources,
      record.notes ?? null,
      record.synthetic ?? false,
    ],
  );
}

/** Marks the catalogue as changed, so every ETag changes with it. */
export async function bumpCatalogueVersion(tx: Queryable): Promise<void> {
  await tx.query('update catalogue_version set version = version + 1, changed_at = now()');
}
