/**
 * The officer desk's leg of `pnpm bench` (scripts/bench.mjs runs it once per engine):
 *
 *   tsx bench/desk-run.ts --engine pglite --out result.json
 *   tsx bench/desk-run.ts --engine postgres --url postgres://…/postgres --out result.json
 *
 * On a fresh database with the real catalogue, writes SYNTHETIC applications straight into the
 * table (the citizen endpoints are measured elsewhere): 10 000 in one officer's scope (Dukcapil,
 * Kota Semarang 33.74), 100 in another's (Dukcapil, Kota Surakarta 33.72) and 30 000 outside both
 * (other agencies and regions), spread over the agency's services, the queue's statuses and due
 * dates around today. Then measures the desk's queue page as the desk asks for it
 * (GET /v1/officer/applications: one page of 50 with the counts of the whole scope) over HTTP, one
 * request at a time, with each filter of the desk; the baseline is the same page for the officer
 * with 100 applications in scope, in the same run.
 * Env: LOKET_BENCH_DESK_APPLICATIONS (10000), LOKET_BENCH_DESK_RUNS (200).
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { buildApp } from '../src/app.js';
import { createOfficerToken } from '../src/applications/officer-tokens.js';
import { newId, newTrackingCode, sha256Hex } from '../src/applications/secrets.js';
import { seed } from '../src/catalogue/seed.js';
import { type Engine, migrate, type Queryable } from '../src/db/index.js';
import { benchLimits } from './lib/limits.js';
import { openBenchDb } from './lib/setup.js';
import { ratio, summarize } from './lib/stats.js';

const { values } = parseArgs({
  options: { engine: { type: 'string' }, url: { type: 'string' }, out: { type: 'string' } },
});
const engine = values.engine as Engine;
if (engine !== 'pglite' && engine !== 'postgres') throw new Error('--engine must be pglite or postgres');
const env = (name: string, fallback: number) => {
  const n = Number(process.env[name] || fallback);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number`);
  return Math.trunc(n);
};
const config = {
  inScope: env('LOKET_BENCH_DESK_APPLICATIONS', 10_000),
  baselineInScope: 100,
  outside: 30_000,
  runs: env('LOKET_BENCH_DESK_RUNS', process.env.LOKET_BENCH_QUICK === '1' ? 60 : 200),
  agency: 'dukcapil',
  region: '33.74',
  baselineRegion: '33.72',
};
const log = (message: string) => console.error(`[bench:desk:${engine}] ${message}`);

const STATUSES = ['submitted', 'in_review', 'needs_revision', 'completed', 'rejected', 'withdrawn'];

/** `count` SYNTHETIC applications of `agency` in `regions` (in turn), in batches of 5 000. */
async function writeApplications(db: Queryable, count: number, agency: string | null, regions: string[]) {
  const services = await db.query<{ id: string; agency_id: string }>(
    `select id, agency_id from service where ($1::text is null or agency_id = $1) order by id`,
    [agency],
  );
  if (services.length === 0) throw new Error(`no services of ${agency}`);
  for (let done = 0; done < count; done += 5_000) {
    const n = Math.min(5_000, count - done);
    const rows = Array.from({ length: n }, (_, k) => {
      const i = done + k;
      const service = services[(i * 7919) % services.length] as { id: string; agency_id: string };
      return {
        id: newId(),
        code: newTrackingCode(),
        service: service.id,
        agency: service.agency_id,
        region: regions[i % regions.length] as string,
        status: STATUSES[i % STATUSES.length] as string,
        // Due from 20 days ago to 40 days ahead: some overdue, some due this week.
        dueInDays: (i % 61) - 20,
      };
    });
    await db.query(
      `insert into application (id, code, secret_hash, service_id, region_code, agency_id, form_version, status,
         answers, submitted_at, due_date, due_working_days, due_calendar)
       select c.id, c.code, $8, c.service, c.region, c.agency, 1, c.status, '{}'::jsonb,
         now() - interval '10 days', current_date + c.due, 10, 'official'
       from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[])
         as c(id, code, service, agency, region, status, due)`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.code),
        rows.map((r) => r.service),
        rows.map((r) => r.agency),
        rows.map((r) => r.region),
        rows.map((r) => r.status),
        rows.map((r) => r.dueInDays),
        sha256Hex('bench-secret'),
      ],
    );
  }
}

const bench = await openBenchDb(engine, values.url);
const { db } = bench;
try {
  log('migrate + seed');
  await migrate(db);
  await seed(db);
  const started = performance.now();
  await writeApplications(db, config.inScope, config.agency, [config.region]);
  await writeApplications(db, config.baselineInScope, config.agency, [config.baselineRegion]);
  // Outside both scopes: other agencies in the same city, and the same agency elsewhere.
  await writeApplications(db, config.outside / 2, null, ['33.71', '35.78', '31.71']);
  await writeApplications(db, config.outside / 2, config.agency, ['33.71', '35.78', '31.71']);
  const writeMs = performance.now() - started;
  await db.query('analyze application');
  log(
    `${config.inScope + config.baselineInScope + config.outside} applications in ${Math.round(writeMs)} ms`,
  );

  const app = await buildApp({ db, nationalComplaintChannels: [], limits: benchLimits });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const token = async (region: string) =>
    (await createOfficerToken(db, { name: `Bench ${region}`, agency: config.agency, region })).token;
  const big = await token(config.region);
  const small = await token(config.baselineRegion);
  const endOfWeek = new Date(Date.now() + 6 * 86_400_000).toISOString().slice(0, 10);
  const filters: [string, string][] = [
    ['the whole queue', ''],
    ['submitted', '&status=submitted'],
    ['overdue', '&overdue=true'],
    ['due this week', `&due_before=${endOfWeek}`],
    ['one service', '&service=ktp-el-hilang'],
  ];

  const get = async (bearer: string, query: string) => {
    const t0 = performance.now();
    const response = await fetch(`${base}/v1/officer/applications?limit=50${query}`, {
      headers: { authorization: `Bearer ${bearer}`, 'accept-language': 'id' },
    });
    const body = (await response.json()) as { total?: number; data?: unknown[] };
    if (response.status !== 200)
      throw new Error(`queue answered ${response.status}: ${JSON.stringify(body)}`);
    return { ms: performance.now() - t0, total: body.total ?? 0, page: body.data?.length ?? 0 };
  };
  const measure = async (bearer: string, query: string) => {
    for (let i = 0; i < 10; i++) await get(bearer, query);
    const samples: number[] = [];
    let total = 0;
    let page = 0;
    for (let i = 0; i < config.runs; i++) {
      const r = await get(bearer, query);
      samples.push(r.ms);
      total = r.total;
      page = r.page;
    }
    return { total, page, latency: summarize(samples) };
  };

  const pages = [];
  for (const [label, query] of filters) {
    log(`${label}: ${config.runs} requests each scope`);
    const inScope = await measure(big, query);
    const baseline = await measure(small, query);
    pages.push({
      label,
      query,
      inScope,
      baseline,
      p95Ratio: ratio(inScope.latency.p95, baseline.latency.p95),
    });
  }
  await app.close();
  const [whole] = pages;
  if (!whole || whole.inScope.total < config.inScope * 0.5) {
    throw new Error(`the queue counted ${whole?.inScope.total} of ${config.inScope} applications in scope`);
  }

  const result = { engine, version: bench.version, config, writeMs: Math.round(writeMs), pages };
  const json = `${JSON.stringify(result, null, 2)}\n`;
  if (values.out) await writeFile(values.out, json);
  else process.stdout.write(json);
} finally {
  await bench.close();
}
