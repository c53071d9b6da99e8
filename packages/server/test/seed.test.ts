import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/index.js';
import { createTestDb } from './helpers/db.js';

describe('seeded catalogue', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(() => db?.close());

  it('has every province and kabupaten/kota with Kemendagri codes', async () => {
    const rows = await db.query<{ level: string; n: number }>(
      'select level, count(*)::int as n from region group by level order by level',
    );
    expect(rows).toEqual([
      { level: 'province', n: 38 },
      { level: 'regency', n: 514 },
    ]);
    const [semarang] = await db.query<{ name: string; kind: string }>(
      "select name, kind from region where code = '33.74'",
    );
    expect(semarang).toEqual({ name: 'Kota Semarang', kind: 'kota' });
  });

  it('loads all 162 real services with sources and confidence, none synthetic', async () => {
    const [row] = await db.query<{ n: number; unsourced: number; synthetic: number }>(
      `select count(*)::int as n,
              count(*) filter (where cardinality(sources) = 0)::int as unsourced,
              count(*) filter (where synthetic)::int as synthetic
       from service`,
    );
    expect(row).toEqual({ n: 162, unsourced: 0, synthetic: 0 });
  });

  it('stores structured facts as JSON structures, not as encoded strings, on both engines', async () => {
    const [row] = await db.query<{ bad: number }>(
      `select count(*)::int as bad from service
       where jsonb_typeof(requirements) <> 'array' or jsonb_typeof(procedure) <> 'array'
          or jsonb_typeof(output) <> 'object' or jsonb_typeof(fee_variants) <> 'array'
          or (duration_text is not null and jsonb_typeof(duration_text) <> 'object')`,
    );
    expect(row?.bad).toBe(0);
  });

  it('keeps unknown fees unknown (null), not zero', async () => {
    const [row] = await db.query<{ fee: string | null }>(
      "select fee_amount_idr::text as fee from service where id = 'pajak-kendaraan-tahunan'",
    );
    expect(row?.fee).toBeNull();
  });

  it('links services to life events from life-events.json', async () => {
    const [row] = await db.query<{ life_events: string[] }>(
      "select life_events from service where id = 'akta-kelahiran'",
    );
    expect(row?.life_events).toContain('kelahiran');
  });
});
