import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { loadBundledServices, seed } from '../../src/catalogue/seed.js';
import { generateSyntheticCatalogue } from '../../src/catalogue/synthetic.js';
import { upsertServices } from '../../src/catalogue/upsert.js';
import { type Db, type Engine, migrate, type Queryable } from '../../src/db/index.js';
import { openPGlite } from '../../src/db/pglite.js';
import { openPostgres } from '../../src/db/postgres.js';

export interface BenchDb {
  db: Db;
  version: string;
  close(): Promise<void>;
}

/**
 * An empty database: PGlite in memory, or a new database `loket_bench_…` on the PostgreSQL server
 * at `adminUrl` (dropped again by close()).
 */
export async function openBenchDb(engine: Engine, adminUrl?: string): Promise<BenchDb> {
  let db: Db;
  let drop = async () => {};
  if (engine === 'pglite') {
    db = (await openPGlite()).db;
  } else {
    if (!adminUrl) throw new Error('the postgres leg needs a server URL (--url)');
    const name = `loket_bench_${randomBytes(4).toString('hex')}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    db = openPostgres(url.toString(), { max: 10 });
    drop = async () => {
      const cleanup = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    };
  }
  const [row] = await db.query<{ version: string }>('select version()');
  return {
    db,
    version: row?.version ?? 'unknown',
    async close() {
      await db.close();
      await drop();
    },
  };
}

export interface LoadReport {
  realServices: number;
  syntheticServices: number;
  overrides: number;
  /** migrate + seed (regions, categories, the real services, locations). */
  migrateAndSeedMs: number;
  /** upsertServices of the synthetic catalogue, in one transaction. */
  syntheticUpsertMs: number;
  analyzeMs: number;
}

/**
 * The benchmark catalogue: the 108 real services plus `count` SYNTHETIC ones (generated with a
 * fixed seed, marked synthetic, never loaded by default), and a few regional overrides in Jawa
 * Tengah / Kota Semarang so that the list query has overrides to apply.
 */
export async function loadBenchCatalogue(db: Db, count: number, analyze = true): Promise<LoadReport> {
  let started = performance.now();
  await migrate(db);
  const seeded = await seed(db);
  const migrateAndSeedMs = performance.now() - started;

  const synthetic = generateSyntheticCatalogue(count, 1);
  started = performance.now();
  await db.transaction((tx) => upsertServices(tx, synthetic));
  const syntheticUpsertMs = performance.now() - started;

  const overrides = await db.transaction((tx) => addOverrides(tx));

  // What autovacuum does on PostgreSQL soon after a bulk load. Nothing runs ANALYZE on PGlite by
  // itself; the planner gets the same statistics there unless `analyze` is false.
  started = performance.now();
  if (analyze) await db.query('analyze');
  const analyzeMs = performance.now() - started;

  return {
    realServices: seeded.services,
    syntheticServices: synthetic.length,
    overrides,
    migrateAndSeedMs,
    syntheticUpsertMs,
    analyzeMs,
  };
}

const OVERRIDE_SOURCES = ['synthetic: benchmark override, not a real regional rule'];

async function addOverrides(tx: Queryable): Promise<number> {
  const national = (await loadBundledServices()).filter((s) => !s.region).map((s) => s.id);
  const province = national.filter((_, i) => i % 3 === 0);
  const city = national.filter((_, i) => i % 5 === 0);
  await tx.query(
    `insert into service_override (service_id, region_code, fee_amount_idr, fee_legal_basis, sources)
     select id, '33', 25000, 'SINTETIS: benchmark', $2::text[] from unnest($1::text[]) as id`,
    [province, OVERRIDE_SOURCES],
  );
  await tx.query(
    `insert into service_override (service_id, region_code, duration_days, notes, sources)
     select id, '33.74', 3, 'SINTETIS: benchmark', $2::text[] from unnest($1::text[]) as id`,
    [city, OVERRIDE_SOURCES],
  );
  return province.length + city.length;
}

export type QueryKind = 'rows' | 'facets' | 'count' | 'region' | 'other';

function kindOf(sql: string): QueryKind {
  if (sql.includes('grouping sets')) return 'facets';
  if (sql.includes('count(*) over ()')) return 'rows';
  if (sql.includes('count(*)::int as n')) return 'count';
  if (sql.includes('from region where code')) return 'region';
  return 'other';
}

/** `db` with every query's duration added to `sink` under its kind (the list query's parts). */
export function timedQueryable(db: Queryable, sink: Map<QueryKind, number[]>): Queryable {
  return {
    async query<T>(text: string, params?: readonly unknown[]) {
      const started = performance.now();
      try {
        return await db.query<T>(text, params);
      } finally {
        const kind = kindOf(text);
        const samples = sink.get(kind) ?? [];
        samples.push(performance.now() - started);
        sink.set(kind, samples);
      }
    },
    exec: (script) => db.exec(script),
  };
}

/** `db` with every query's duration reported to `record`, inside transactions too. */
export function timedDb(db: Db, record: (sql: string, ms: number) => void): Db {
  const wrap = (q: Queryable): Queryable => ({
    async query<T>(text: string, params?: readonly unknown[]) {
      const started = performance.now();
      try {
        return await q.query<T>(text, params);
      } finally {
        record(text, performance.now() - started);
      }
    },
    exec: (script) => q.exec(script),
  });
  const outer = wrap(db);
  return {
    engine: db.engine,
    query: outer.query,
    exec: outer.exec,
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    close: () => db.close(),
  };
}
