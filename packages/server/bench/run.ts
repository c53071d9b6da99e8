/**
 * One engine's leg of `pnpm bench` (scripts/bench.mjs runs it once per engine, in its own process):
 *
 *   tsx bench/run.ts --engine pglite --out result.json
 *   tsx bench/run.ts --engine postgres --url postgres://…/postgres --out result.json
 *
 * Loads the real catalogue plus a SYNTHETIC one (10 000 services by default), then measures
 *   - search in process: listServices with a region scope (rows, facets, overrides: what the list
 *     endpoint runs), against searchServices (ranking only) over the same queries in the same run;
 *   - search over HTTP: the real server on 127.0.0.1, sequential requests, client-side latency;
 *   - GET one service: autocannon against the real server as deployed (response cache on), the same
 *     server with the response cache off
 *     (no database), and a bare Fastify app serving the same bytes (the baseline), one at a time;
 *   - applications: POST /v1/applications/<code>/submit with 50 connections, every request another
 *     ready application (a few made through the API, the rest cloned from them), against the
 *     catalogue GET at the same concurrency right before; then verified in the database;
 *   - visits: POST /v1/bookings with 50 connections, every request another person, then GET of a
 *     day's slots at 50 (docs/visits.md); the bookings checked in the database;
 *   - the contract-driven fuzzer (test/helpers/fuzz.ts): 250 requests to each operation by default.
 * Writes every figure as JSON to --out. Env: see bench/README.md.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import { buildApp } from '../src/app.js';
import { findRegion, scopeOf } from '../src/catalogue/regions.js';
import { searchServices } from '../src/catalogue/search.js';
import { loadBundledServices } from '../src/catalogue/seed.js';
import { findService, listServices } from '../src/catalogue/services.js';
import { loadNationalComplaintChannels } from '../src/complaints.js';
import type { Engine } from '../src/db/index.js';
import { type CannonResult, cannon, sequentialGets } from './lib/client.js';
import { benchFuzz } from './lib/fuzz-run.js';
import { benchLimits } from './lib/limits.js';
import { benchmarkQueries } from './lib/queries.js';
import { loadBenchCatalogue, openBenchDb, type QueryKind, timedQueryable } from './lib/setup.js';
import { ratio, summarize } from './lib/stats.js';
import { benchSubmissions } from './lib/submit-run.js';
import { benchVisits } from './lib/visits-run.js';

const { values } = parseArgs({
  options: { engine: { type: 'string' }, url: { type: 'string' }, out: { type: 'string' } },
});
const engine = values.engine as Engine;
if (engine !== 'pglite' && engine !== 'postgres') throw new Error('--engine must be pglite or postgres');

const env = (name: string, fallback: number) => {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${value}"`);
  return n;
};
const quick = process.env.LOKET_BENCH_QUICK === '1';
const config = {
  quick,
  syntheticServices: Math.trunc(env('LOKET_BENCH_SERVICES', 10_000)),
  /** Timed passes over the query set (after one warm-up pass). */
  searchRounds: Math.trunc(env('LOKET_BENCH_SEARCH_ROUNDS', quick ? 1 : 2)),
  /** autocannon seconds per measured run, and per warm-up run. */
  duration: env('LOKET_BENCH_DURATION', quick ? 3 : 10),
  warmup: env('LOKET_BENCH_WARMUP', quick ? 1 : 3),
  connections: Math.trunc(env('LOKET_BENCH_CONNECTIONS', 10)),
  /** LOKET_BENCH_ANALYZE=0: no ANALYZE after loading (what PGlite has unless someone runs it). */
  analyze: process.env.LOKET_BENCH_ANALYZE !== '0',
  region: '33.74',
  service: 'ktp-el-baru',
  /** The applications benchmark: concurrent clients, and at most this many measured submissions. */
  submitConnections: Math.trunc(env('LOKET_BENCH_SUBMIT_CONNECTIONS', 50)),
  submitMax: Math.trunc(env('LOKET_BENCH_SUBMIT_MAX', quick ? 5_000 : 30_000)),
  /** Submissions timed one at a time in process (the breakdown of one submission). */
  submitProfile: Math.trunc(env('LOKET_BENCH_SUBMIT_PROFILE', quick ? 100 : 300)),
};

const log = (message: string) => console.error(`[bench:${engine}] ${message}`);
const elapsed = async <T>(fn: () => Promise<T>): Promise<number> => {
  const started = performance.now();
  await fn();
  return performance.now() - started;
};

const bench = await openBenchDb(engine, values.url);
const { db } = bench;
try {
  log(`loading the real catalogue + ${config.syntheticServices} SYNTHETIC services`);
  const load = await loadBenchCatalogue(db, config.syntheticServices, config.analyze);
  log(
    `loaded in ${(load.migrateAndSeedMs / 1000).toFixed(1)} s (migrate + seed) + ` +
      `${(load.syntheticUpsertMs / 1000).toFixed(1)} s (upsertServices of ${load.syntheticServices})`,
  );

  // The floor: one trivial round trip through the Db seam.
  for (let i = 0; i < 50; i++) await db.query('select 1');
  const floor: number[] = [];
  for (let i = 0; i < 300; i++) floor.push(await elapsed(() => db.query('select 1')));

  // --- Search, in process ---
  const region = await findRegion(db, config.region);
  if (!region) throw new Error(`region ${config.region} is missing`);
  const scope = scopeOf(region);
  const queries = benchmarkQueries(await loadBundledServices());
  const parts = new Map<QueryKind, number[]>();
  const timedDb = timedQueryable(db, parts);
  const list = (q: string) => listServices(timedDb, scope, { q, limit: 20, offset: 0 });
  const rank = (q: string) => searchServices(db, q, { regionCodes: scope.codes, limit: 20 });

  log(`search in process: ${queries.length} queries, 1 warm-up + ${config.searchRounds} timed passes`);
  for (const q of queries) {
    await list(q);
    await rank(q);
  }
  parts.clear();
  const listMs: number[] = [];
  const rankMs: number[] = [];
  const perQuery = new Map<string, { ms: number; total: number }>();
  let empty = 0;
  let totals = 0;
  for (let round = 0; round < config.searchRounds; round++) {
    for (const q of queries) {
      // Alternating, so that both see the same machine conditions.
      let page: Awaited<ReturnType<typeof list>> | undefined;
      const ms = await elapsed(async () => {
        page = await list(q);
      });
      listMs.push(ms);
      const seen = perQuery.get(q);
      perQuery.set(q, { ms: Math.max(seen?.ms ?? 0, ms), total: page?.total ?? 0 });
      rankMs.push(await elapsed(() => rank(q)));
      if (round === 0) {
        totals += page?.total ?? 0;
        if (!page?.total) empty += 1;
      }
    }
  }
  const inProcess = summarize(listMs);
  const rankOnly = summarize(rankMs);
  const breakdown = Object.fromEntries([...parts].map(([kind, samples]) => [kind, summarize(samples)]));

  // --- The real server ---
  // Search is measured with the response cache off: the rounds repeat the same queries.
  const channels = await loadNationalComplaintChannels();
  const app = await buildApp({
    db,
    nationalComplaintChannels: channels,
    responseCache: false,
    limits: benchLimits,
  });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });

  log(`search over HTTP: sequential GET /v1/services?q=…&region=${config.region}`);
  const paths = queries.map((q) => `/v1/services?q=${encodeURIComponent(q)}&region=${config.region}`);
  const http = await sequentialGets(base, paths, config.searchRounds, 1);
  const overHttp = summarize(http.latencies);

  // --- GET one service: real server vs bare Fastify with the same body ---
  const path = `/v1/services/${config.service}?region=${config.region}`;
  const response = await fetch(new URL(path, base), { headers: { accept: 'application/json' } });
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}`);
  const body = await response.text();
  const contentType = response.headers.get('content-type') ?? 'application/json';

  // What the database contributes to each GET (region lookup + the service query), in process.
  const getOneDb = async () => {
    const r = await findRegion(db, config.region);
    if (!r || !(await findService(db, config.service, scopeOf(r)))) throw new Error('service missing');
  };
  for (let i = 0; i < 50; i++) await getOneDb();
  const dbPerGet: number[] = [];
  for (let i = 0; i < 300; i++) dbPerGet.push(await elapsed(getOneDb));

  const cannonRun = async (name: string, url: string): Promise<CannonResult> => {
    log(`autocannon ${name}: ${config.warmup} s warm-up, ${config.duration} s measured`);
    await cannon(url, path, config.connections, config.warmup);
    return cannon(url, path, config.connections, config.duration);
  };
  // As deployed: the response cache on (the default), so repeated GETs skip the database.
  const cachedApp = await buildApp({ db, nationalComplaintChannels: channels, limits: benchLimits });
  const cachedBase = await cachedApp.listen({ host: '127.0.0.1', port: 0 });
  const cached = await fetch(new URL(path, cachedBase), { headers: { accept: 'application/json' } });
  if ((await cached.text()) !== body) throw new Error('the cached app answers differently');
  const real = await cannonRun('real server (response cache on, as deployed)', cachedBase);
  await cachedApp.close();
  // Every request through validation, the database and serialization.
  const withoutDb = await cannonRun('real server, response cache off', base);

  const bare = Fastify({ logger: false });
  bare.get('/v1/services/:slug', async (_request, reply) => reply.type(contentType).send(body));
  const bareBase = await bare.listen({ host: '127.0.0.1', port: 0 });
  const baseline = await cannonRun('bare Fastify', bareBase);
  await bare.close();
  await app.close();

  // --- Applications: submissions with 50 clients, against the catalogue GET at 50 ---
  const applications = await benchSubmissions(
    db,
    channels,
    {
      region: config.region,
      service: config.service,
      connections: config.submitConnections,
      duration: config.duration,
      warmup: config.warmup,
      maxApplications: config.submitMax,
      profileApplications: config.submitProfile,
      profileSeconds: quick ? 1 : 3,
      analyze: config.analyze,
    },
    log,
  );

  // --- Visits: bookings with 50 clients, then a day's slots at 50 ---
  const visits = await benchVisits(
    db,
    channels,
    {
      connections: config.submitConnections,
      bookings: Math.trunc(env('LOKET_BENCH_BOOKINGS', quick ? 2_000 : 10_000)),
      duration: config.duration,
    },
    log,
  );

  // --- The contract-driven fuzzer: every operation, bad input of every kind ---
  const fuzz = await benchFuzz(
    db,
    channels,
    {
      perOperation: Math.trunc(env('LOKET_BENCH_FUZZ_PER_OPERATION', 250)),
      seed: Math.trunc(env('LOKET_BENCH_FUZZ_SEED', 20261206)),
    },
    log,
  );

  const result = {
    engine,
    version: bench.version,
    config,
    load: {
      ...load,
      migrateAndSeedMs: Math.round(load.migrateAndSeedMs),
      syntheticUpsertMs: Math.round(load.syntheticUpsertMs),
      analyzeMs: Math.round(load.analyzeMs),
    },
    dbRoundTrip: summarize(floor),
    search: {
      queries: queries.length,
      timedSearches: listMs.length,
      queriesWithoutResults: empty,
      meanTotal: Math.round(totals / queries.length),
      inProcess,
      rankOnly,
      /** The queries whose slowest timed run was slowest, with how many services they matched. */
      slowest: [...perQuery]
        .sort((a, b) => b[1].ms - a[1].ms)
        .slice(0, 8)
        .map(([q, { ms, total }]) => ({ q, ms: Number(ms.toFixed(2)), total })),
      /** Time per query of the list query's parts (rows = ranked page, facets = counts). */
      breakdown,
      http: overHttp,
      httpStatuses: http.statuses,
      ratios: {
        inProcessVsRankOnlyP50: ratio(inProcess.p50, rankOnly.p50),
        httpVsInProcessP50: ratio(overHttp.p50, inProcess.p50),
      },
    },
    getOne: {
      path,
      bodyBytes: Buffer.byteLength(body),
      dbInProcess: summarize(dbPerGet),
      real,
      noCache: withoutDb,
      bare: baseline,
      ratio: ratio(real.requestsPerSecond, baseline.requestsPerSecond),
      ratioNoCache: ratio(withoutDb.requestsPerSecond, baseline.requestsPerSecond),
    },
    applications,
    visits,
    fuzz,
  };

  const json = `${JSON.stringify(result, null, 2)}\n`;
  if (values.out) await writeFile(values.out, json);
  else process.stdout.write(json);
} finally {
  await bench.close();
}
