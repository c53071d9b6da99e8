/**
 * The satisfaction index's leg of `pnpm bench` (scripts/bench.mjs runs it once per engine):
 *
 *   tsx bench/skm-run.ts --engine pglite --out result.json
 *   tsx bench/skm-run.ts --engine postgres --url postgres://…/postgres --out result.json
 *
 * On a fresh database with the real catalogue, writes 1 000 000 SYNTHETIC survey responses
 * (`synthetic = true`: never published, excluded from every published figure) over every
 * kabupaten/kota, 40 services, two locations per region and 24 months, builds their running sums,
 * then measures
 *   - the IKM of one kabupaten/kota and one quarter, and of its province and a year, as the API
 *     computes it (tallySums from the running sums + presentCell), against the same figures
 *     aggregated from the responses themselves (the baseline, by the (region, month) index);
 *   - survey submissions over HTTP: POST /v1/kiosk/survey from `connections` concurrent clients
 *     (the kiosk's own limits off; the address's counted), each response written with its cell's
 *     running sum in one transaction.
 * Env: LOKET_BENCH_SKM_RESPONSES (1000000), LOKET_BENCH_SKM_RUNS (200), LOKET_BENCH_SKM_SECONDS (10),
 * LOKET_BENCH_SKM_CONNECTIONS (20).
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { buildApp } from '../src/app.js';
import { seed } from '../src/catalogue/seed.js';
import type { Engine, Queryable } from '../src/db/index.js';
import { migrate } from '../src/db/index.js';
import { createKiosk } from '../src/survey/kiosk.js';
import { parsePeriod } from '../src/survey/period.js';
import { rebuildTallies } from '../src/survey/responses.js';
import { presentCell, regionCodes, type Scope, tallySums } from '../src/survey/satisfaction.js';
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
  responses: env('LOKET_BENCH_SKM_RESPONSES', 1_000_000),
  runs: env('LOKET_BENCH_SKM_RUNS', 200),
  seconds: env('LOKET_BENCH_SKM_SECONDS', process.env.LOKET_BENCH_QUICK === '1' ? 3 : 10),
  connections: env('LOKET_BENCH_SKM_CONNECTIONS', 20),
  region: '35.78',
  province: '35',
};
const log = (message: string) => console.error(`[bench:skm:${engine}] ${message}`);
const time = async (fn: () => Promise<unknown>) => {
  const started = performance.now();
  await fn();
  return performance.now() - started;
};

/** SYNTHETIC responses in batches of 100 000, spread over regions, services, locations and months. */
async function writeSynthetic(db: Queryable, total: number): Promise<void> {
  await db.query(`create temporary table bench_region as
    select row_number() over (order by code) - 1 as i, code from region where level = 'regency'`);
  await db.query(`create temporary table bench_service as
    select row_number() over (order by id) - 1 as i, id, agency_id from (select id, agency_id from service order by id limit 40) s`);
  const [counts] = await db.query<{ regions: number; services: number }>(
    'select (select count(*) from bench_region)::int as regions, (select count(*) from bench_service)::int as services',
  );
  const regions = counts?.regions ?? 1;
  const services = counts?.services ?? 1;
  for (let done = 0; done < total; done += 100_000) {
    const n = Math.min(100_000, total - done);
    // Deterministic spread (g is the row number): every region, service and month gets its share.
    await db.query(
      `insert into survey_response (id, channel, service_id, agency_id, region_code, location_id, month,
         u1, u2, u3, u4, u5, u6, u7, u8, u9, synthetic)
       select gen_random_uuid(), 'kiosk', s.id, s.agency_id, r.code, null,
         (date '2025-01-01' + make_interval(months => (g % 24)::int))::date,
         1 + (g * 7) % 4, 1 + (g * 11 + 1) % 4, 2 + (g * 13) % 3, 1 + (g * 17) % 4, 2 + (g * 19) % 3,
         2 + (g * 23) % 3, 3 + (g * 29) % 2, 1 + (g * 31) % 4, 2 + (g * 37) % 3, true
       from generate_series($1::bigint, $2::bigint) g
       join bench_region r on r.i = (g / 24) % $3
       join bench_service s on s.i = (g * 7919) % $4`,
      [done, done + n - 1, regions, services],
    );
    log(`${done + n} SYNTHETIC responses written`);
  }
}

const bench = await openBenchDb(engine, values.url);
const { db } = bench;
try {
  log('migrate + seed');
  await migrate(db);
  await seed(db);
  const loadMs = await time(() => writeSynthetic(db, config.responses));
  const tallyMs = await time(() => db.transaction((tx) => rebuildTallies(tx)));
  await db.query('analyze survey_response');
  await db.query('analyze survey_tally');
  const [sizes] = await db.query<{ responses: number; cells: number }>(
    `select (select count(*) from survey_response)::int as responses, (select count(*) from survey_tally)::int as cells`,
  );
  log(
    `${sizes?.responses} responses, ${sizes?.cells} cells; loaded in ${Math.round(loadMs)} ms, sums in ${Math.round(tallyMs)} ms`,
  );

  const scopeOf = async (region: string, period: string): Promise<Scope> => {
    const p = parsePeriod(period);
    if (!p) throw new Error(period);
    return { region, codes: await regionCodes(db, region), period: p };
  };
  const fromTallies = async (scope: Scope) => {
    const [sums] = await tallySums(db, scope, null, { synthetic: true });
    return presentCell(sums, null, null, null, 10, 'id');
  };
  // The baseline: the same sums straight from the responses.
  const fromResponses = async (scope: Scope) => {
    const [row] = await db.query<Record<string, string>>(
      `select count(*) as n, ${[1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `sum(u${i}) as s${i}`).join(', ')}
       from survey_response where region_code = any($1::text[]) and month >= $2::date and month < $3::date and synthetic`,
      [scope.codes, scope.period.start, scope.period.until],
    );
    const sums = {
      key: null,
      n: Number(row?.n),
      sums: [1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => Number(row?.[`s${i}`])),
    };
    return presentCell(sums, null, null, null, 10, 'id');
  };
  const measure = async (scope: Scope) => {
    const a = await fromTallies(scope);
    const b = await fromResponses(scope);
    if (a.ikm !== b.ikm || a.respondents !== b.respondents)
      throw new Error('the running sums differ from the responses');
    for (let i = 0; i < 20; i++) await fromTallies(scope);
    const tallies: number[] = [];
    const responses: number[] = [];
    for (let i = 0; i < config.runs; i++) {
      tallies.push(await time(() => fromTallies(scope)));
      responses.push(await time(() => fromResponses(scope)));
    }
    const t = summarize(tallies);
    const r = summarize(responses);
    return {
      respondents: a.respondents,
      ikm: a.ikm,
      band: a.band?.mutu,
      tallies: t,
      responses: r,
      p95Ratio: ratio(t.p95, r.p95),
    };
  };
  log(`IKM of ${config.region} 2026-Q2 and ${config.province} 2025: ${config.runs} runs each`);
  const regencyQuarter = await measure(await scopeOf(config.region, '2026-Q2'));
  const provinceYear = await measure(await scopeOf(config.province, '2025'));

  // --- Survey submissions over HTTP (kiosk, its own limits off) ---
  const app = await buildApp({
    db,
    nationalComplaintChannels: [],
    limits: {
      ...benchLimits,
      kioskPerMinute: { max: 0, windowMs: 60_000 },
      kioskPerDay: { max: 0, windowMs: 60_000 },
    },
  });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const [location] = await db.query<{ id: string }>(
    "select id from location where region_code = '35.78' limit 1",
  );
  const { token } = await createKiosk(db, { name: 'bench', location: location?.id ?? '' }, new Date());
  const body = JSON.stringify({ service: 'ktp-el-hilang', scores: [4, 3, 3, 4, 3, 4, 4, 3, 2] });
  const post = async () => {
    const response = await fetch(`${base}/v1/kiosk/survey`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'loket-kiosk': token },
      body,
    });
    await response.arrayBuffer();
    return response.status;
  };
  const loop = async (until: number, latencies: number[], statuses: Record<number, number>) => {
    while (performance.now() < until) {
      const started = performance.now();
      const status = await post();
      latencies.push(performance.now() - started);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  log(`submissions: ${config.connections} clients, 2 s warm-up, ${config.seconds} s measured`);
  await Promise.all(Array.from({ length: config.connections }, () => loop(performance.now() + 2000, [], {})));
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const started = performance.now();
  await Promise.all(
    Array.from({ length: config.connections }, () =>
      loop(started + config.seconds * 1000, latencies, statuses),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  await app.close();
  const [check] = await db.query<{ n: number; tally: number }>(
    `select (select count(*) from survey_response where not synthetic)::int as n,
       (select coalesce(sum(n), 0) from survey_tally where not synthetic)::int as tally`,
  );
  if (check?.n !== check?.tally) throw new Error(`responses ${check?.n} but running sums ${check?.tally}`);

  const result = {
    engine,
    version: bench.version,
    config,
    load: {
      responses: sizes?.responses,
      cells: sizes?.cells,
      writeMs: Math.round(loadMs),
      sumsMs: Math.round(tallyMs),
    },
    regencyQuarter,
    provinceYear,
    submissions: {
      clients: config.connections,
      seconds: Number(seconds.toFixed(1)),
      perSecond: Number((latencies.length / seconds).toFixed(1)),
      latency: summarize(latencies),
      statuses,
      storedAndSummed: check?.n,
    },
  };
  const json = `${JSON.stringify(result, null, 2)}\n`;
  if (values.out) await writeFile(values.out, json);
  else process.stdout.write(json);
} finally {
  await bench.close();
}
