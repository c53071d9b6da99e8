#!/usr/bin/env node
// `pnpm bench` (after `pnpm build`): the speed benchmarks of bench/README.md. Runs
// packages/server/bench/run.ts once per engine, each in its own process and one after the other:
// PGlite, then PostgreSQL on a throw-away cluster (scripts/pg-cluster.mjs) when its binaries are
// installed, or on LOKET_BENCH_DATABASE_URL; otherwise the PostgreSQL rows say "skipped: no PostgreSQL".
// Every figure is compared with a baseline measured in the same run; the applications benchmark
// (submissions with 50 clients against the catalogue GET at 50) has no target and gets no verdict. Writes bench/results/latest.json
// and bench/results/latest.md (with LOKET_BENCH_ONLY, latest-<part>.{json,md} instead, git-ignored, so a
// partial run leaves the last full run alone) and prints the table. All load goes to 127.0.0.1.
// First, the first-load size of the components in the script-tag bundle (scripts/bench-size.mjs):
// it needs only the build, no database and no server.
//
// Env: LOKET_BENCH_ONLY=size or server (one part only), LOKET_BENCH_QUICK=1 (short runs),
//      LOKET_BENCH_DURATION (autocannon seconds), LOKET_BENCH_ENGINES=pglite,postgres,
//      LOKET_BENCH_DATABASE_URL, LOKET_BENCH_STRICT=1 (exit 1 on a FAIL) and the others in bench/README.md.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureSizes, sizeDetails, sizeRows, sizeTargets } from './bench-size.mjs';
import { findPgBin, startCluster } from './pg-cluster.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const serverDir = join(root, 'packages', 'server');
const resultsDir = join(root, 'bench', 'results');
const tsx = join(serverDir, 'node_modules', '.bin', 'tsx');

/** Search p95 targets in milliseconds, and the GET throughput target (real / bare). */
const TARGETS = { searchP95Ms: { pglite: 20, postgres: 5 }, getRatio: 0.5 };
/** The applications benchmark has no target yet: its figures are printed without PASS/FAIL. */
const NO_TARGET = 'none set';
const ENGINE_NAMES = { pglite: 'PGlite', postgres: 'PostgreSQL' };

/** The parts of the benchmark: `size` (first-load size, build only) and `server` (the engines' legs). */
const PARTS = ['size', 'server'];
const only = [
  ...new Set(
    (process.env.LOKET_BENCH_ONLY ?? PARTS.join(','))
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean),
  ),
];
if (!only.length || only.some((p) => !PARTS.includes(p))) {
  console.error(
    `[bench] LOKET_BENCH_ONLY=${process.env.LOKET_BENCH_ONLY}: expected ${PARTS.join(' and/or ')}`,
  );
  process.exit(2);
}
const runSize = only.includes('size');
// In PARTS order, so the partial results' file name does not depend on how the variable was written.
only.sort((a, b) => PARTS.indexOf(a) - PARTS.indexOf(b));
const runServer = only.includes('server');

const engines = (runServer ? (process.env.LOKET_BENCH_ENGINES ?? 'pglite,postgres') : '')
  .split(',')
  .map((e) => e.trim())
  .filter(Boolean);
const unknown = engines.filter((e) => !(e in ENGINE_NAMES));
if (unknown.length) {
  console.error(`[bench] unknown LOKET_BENCH_ENGINES: ${unknown} (pglite, postgres)`);
  process.exit(2);
}

let cluster = null;
let child = null;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`\n[bench] ${signal}: stopping`);
    child?.kill(signal);
    cluster?.stop();
    process.exit(128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 }[signal] ?? 0));
  });
}

function runLeg(engine, outFile, url) {
  const args = ['bench/run.ts', '--engine', engine, '--out', outFile, ...(url ? ['--url', url] : [])];
  return new Promise((resolve) => {
    child = spawn(tsx, args, { cwd: serverDir, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', (err) => resolve(`cannot run tsx: ${err.message}`));
    child.on('close', (code, signal) => {
      child = null;
      resolve(code === 0 ? null : `exited with ${code ?? signal}`);
    });
  });
}

const redact = (url) => url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');

const started = Date.now();
const cpus = os.cpus();
const machine = {
  node: process.version,
  platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  cpuModel: cpus[0]?.model ?? 'unknown',
  cores: cpus.length,
  memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
  loadAverageAtStart: os.loadavg().map((x) => Number(x.toFixed(2))),
};

let failed = false;
let sizes = null;
if (runSize) {
  console.error('[bench] first-load size of the script-tag bundle (packages/components/dist/loket)');
  sizes = await measureSizes();
  if (sizes.build.staleWarning) console.error(`[bench] WARNING: ${sizes.build.staleWarning}`);
  if (sizes.components.some((c) => c.error)) failed = true;
}

const tmp = await mkdtemp(join(os.tmpdir(), 'loket-bench-'));
const legs = {};
try {
  for (const engine of engines) {
    const outFile = join(tmp, `${engine}.json`);
    let url;
    if (engine === 'postgres') {
      url = process.env.LOKET_BENCH_DATABASE_URL;
      if (url) {
        console.error(`[bench] PostgreSQL leg on LOKET_BENCH_DATABASE_URL=${redact(url)}`);
      } else if (findPgBin()) {
        cluster = await startCluster({ log: (m) => console.error(m) });
        url = cluster.url;
      } else {
        legs.postgres = { skipped: 'skipped: no PostgreSQL' };
        console.error('[bench] no PostgreSQL binaries and no LOKET_BENCH_DATABASE_URL: PostgreSQL SKIPPED');
        continue;
      }
    }
    try {
      const error = await runLeg(engine, outFile, url);
      if (error) {
        failed = true;
        legs[engine] = { error: `benchmark failed: ${error}` };
      } else {
        legs[engine] = JSON.parse(await readFile(outFile, 'utf8'));
      }
    } finally {
      cluster?.stop();
      cluster = null;
    }
  }
} finally {
  await rm(tmp, { recursive: true, force: true });
}

// --- Table ---
const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const pct = (s) => `p50 ${ms(s.p50)} / p95 ${ms(s.p95)} / p99 ${ms(s.p99)} ms`;
const times = (x) => `×${x.toFixed(x < 0.1 ? 3 : 2)}`;
const verdict = (ok) => (ok ? 'PASS' : 'FAIL');

const rows = [];
const targets = [];
if (sizes) {
  rows.push(...sizeRows(sizes));
  targets.push(...sizeTargets(sizes));
}
for (const engine of engines) {
  const name = ENGINE_NAMES[engine];
  const leg = legs[engine];
  const searchTarget = TARGETS.searchP95Ms[engine];
  const labels = [
    ['Search, in process (listServices: page + facets + overrides)', `p95 ≤ ${searchTarget} ms`],
    ['Search over HTTP (sequential GET /v1/services?q=…)', `p95 ≤ ${searchTarget} ms`],
    [
      'GET one service, throughput (autocannon; response cache on, as deployed)',
      `real/bare ≥ ${TARGETS.getRatio}`,
    ],
  ];
  const submitLabels = [
    [
      `Applications: submissions, throughput (autocannon; each request submits another ready application)`,
      NO_TARGET,
    ],
    ['Applications: submissions, p95 latency (same run)', NO_TARGET],
  ];
  if (!leg || leg.skipped || leg.error) {
    const why = leg?.skipped ?? leg?.error ?? 'not run';
    for (const [what, target] of [...labels, ...submitLabels]) {
      rows.push([what, name, why, '—', '—', target, leg?.skipped ? 'SKIPPED' : 'ERROR']);
      targets.push({ engine, benchmark: what, target, result: leg?.skipped ? 'skipped' : 'error' });
    }
    continue;
  }
  const { search, getOne, config } = leg;
  const inProcessOk = search.inProcess.p95 <= searchTarget;
  const httpOk = search.http.p95 <= searchTarget;
  const getOk = getOne.ratio >= TARGETS.getRatio;
  const cannonText = (r) =>
    `${Math.round(r.requestsPerSecond)} req/s, p50 ${r.latencyMs.p50} / p99 ${r.latencyMs.p99} ms`;
  rows.push(
    [
      labels[0][0],
      name,
      `${pct(search.inProcess)} (n=${search.inProcess.n})`,
      `searchServices, ranking only: ${pct(search.rankOnly)}`,
      `p95 ${times(search.inProcess.p95 / search.rankOnly.p95)}`,
      labels[0][1],
      verdict(inProcessOk),
    ],
    [
      labels[1][0],
      name,
      `${pct(search.http)} (n=${search.http.n})`,
      `in process: ${pct(search.inProcess)}`,
      `p95 ${times(search.http.p95 / search.inProcess.p95)}`,
      labels[1][1],
      verdict(httpOk),
    ],
    [
      `${labels[2][0]}, ${config.connections} conn × ${config.duration} s`,
      name,
      cannonText(getOne.real),
      `bare Fastify, same ${getOne.bodyBytes} B body: ${cannonText(getOne.bare)}`,
      times(getOne.ratio),
      labels[2][1],
      verdict(getOk),
    ],
  );
  targets.push(
    { engine, benchmark: 'search-in-process', target: labels[0][1], result: verdict(inProcessOk) },
    { engine, benchmark: 'search-http', target: labels[1][1], result: verdict(httpOk) },
    { engine, benchmark: 'get-one-throughput', target: labels[2][1], result: verdict(getOk) },
  );

  // Applications: no target is set for these yet, so they are reported without a verdict.
  const apps = leg.applications;
  const getText = `catalogue GET ${apps.getPath}, same ${apps.connections} conn: `;
  rows.push(
    [
      `${submitLabels[0][0]}, ${apps.connections} conn × ${apps.submit.durationSeconds} s`,
      name,
      `${apps.submit.requestsPerSecond} submissions/s (${apps.submit.totalRequests} submitted, non-2xx ${apps.submit.non2xx}), ` +
        pct(apps.submit.latency),
      `${getText}${apps.get.requestsPerSecond} req/s over ${apps.get.durationSeconds} s, ${pct(apps.get.latency)}`,
      times(apps.ratio),
      submitLabels[0][1],
      '—',
    ],
    [
      submitLabels[1][0],
      name,
      `p95 ${ms(apps.submit.latency.p95)} ms (n=${apps.submit.latency.n})`,
      `${getText}p95 ${ms(apps.get.latency.p95)} ms`,
      `p95 ${times(apps.p95Ratio)}`,
      submitLabels[1][1],
      '—',
    ],
  );
  targets.push(
    { engine, benchmark: 'submit-throughput', target: null, result: 'no target' },
    { engine, benchmark: 'submit-p95', target: null, result: 'no target' },
  );

  // The contract-driven fuzzer: a correctness figure, PASS only without a single failure.
  const fuzz = leg.fuzz;
  const fuzzOk = fuzz.failureCount === 0;
  const fuzzTarget = 'no 5xx; 4xx problem+json; bodies as declared';
  rows.push([
    `Contract fuzz: ${fuzz.perOperation} requests × ${fuzz.operations} operations (seed ${fuzz.seed})`,
    name,
    `${fuzz.requests} requests in ${fuzz.seconds} s, ${fuzz.failureCount} failures; statuses ${Object.entries(
      fuzz.statuses,
    )
      .map(([s, n]) => `${s}×${n}`)
      .join(' ')}`,
    `${fuzz.reachedHandlers} of ${fuzz.operations} operations answered 2xx`,
    '—',
    fuzzTarget,
    verdict(fuzzOk),
  ]);
  targets.push({ engine, benchmark: 'contract-fuzz', target: fuzzTarget, result: verdict(fuzzOk) });
}

const header = ['Benchmark', 'Engine', 'Measured', 'Baseline (same run)', 'Ratio', 'Target', 'Result'];
const cellText = (cell) => String(cell).replace(/\|/g, '\\|');
const table = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.map(cellText).join(' | ')} |`);

const details = [];
for (const engine of engines) {
  const leg = legs[engine];
  if (!leg || leg.skipped || leg.error) continue;
  const { load, search, getOne, dbRoundTrip } = leg;
  const parts = Object.entries(search.breakdown)
    .map(([kind, s]) => `${kind} query ${pct(s)}`)
    .join('; ');
  details.push(
    `- **${ENGINE_NAMES[engine]}** (${leg.version.split(' on ')[0]}): ` +
      `catalogue ${load.realServices} real + ${load.syntheticServices} SYNTHETIC services, ${load.overrides} overrides; ` +
      `migrate + seed ${(load.migrateAndSeedMs / 1000).toFixed(1)} s, upsertServices(${load.syntheticServices}) ` +
      `${(load.syntheticUpsertMs / 1000).toFixed(1)} s, analyze ${(load.analyzeMs / 1000).toFixed(1)} s.`,
    `  - Round trip \`select 1\`: ${pct(dbRoundTrip)}.`,
    `  - Search: ${search.queries} queries × ${search.inProcess.n / search.queries} timed passes, ` +
      `${search.queriesWithoutResults} without results, ${search.meanTotal} matches on average. ` +
      `Parts of listServices: ${parts}.`,
    `  - Slowest searches: ${search.slowest.map((s) => `"${s.q}" ${ms(s.ms)} ms (${s.total} matches)`).join(', ')}.`,
    `  - GET one service with the response cache off (every request through validation, the database ` +
      `and serialization): ${Math.round(getOne.noCache.requestsPerSecond)} req/s (${times(getOne.ratioNoCache)} of bare, ` +
      `p50 ${getOne.noCache.latencyMs.p50} / p99 ${getOne.noCache.latencyMs.p99} ms); ` +
      `database part in process (region + service query) ${pct(getOne.dbInProcess)}; ` +
      `HTTP statuses of the search run: ${JSON.stringify(search.httpStatuses)}; ` +
      `autocannon errors + non-2xx cached/uncached/bare ${getOne.real.errors + getOne.real.non2xx}/${getOne.noCache.errors + getOne.noCache.non2xx}/${getOne.bare.errors + getOne.bare.non2xx}.`,
  );
  const apps = leg.applications;
  const { preparation: prep, submit, inProcess, load: use } = apps;
  const seconds = (x) => `${(x / 1000).toFixed(1)} s`;
  details.push(
    `  - Applications (\`${apps.service}\` in ${apps.region}): ${prep.throughApi} made through the API ` +
      `(POST, PATCH answers with If-Match, 2 uploads: ${prep.apiMsPerApplication} ms each), ${prep.cloned} cloned from ` +
      `the first (files through the storage module ${seconds(prep.filesMs)}, SQL ${seconds(prep.sqlMs)}); a clone matched ` +
      `the API's ${prep.cloneChecks.join(', ')}. Measured run: ${prep.measuredApplications} applications (sized for ` +
      `${prep.sizedFor.seconds} s × 1.25 at the last warm-up's ${prep.sizedFor.requestsPerSecond}/s, at most ${prep.sizedFor.max}), ` +
      `${submit.totalRequests} submissions in ${submit.durationSeconds} s; over the first ${submit.fullConcurrency.seconds} s, ` +
      `while all ${apps.connections} connections were busy (before the first had sent its share), ` +
      `${submit.fullConcurrency.requestsPerSecond}/s, ${pct(submit.fullConcurrency.latency)}; ` +
      `warm-ups ${apps.warmups.map((w) => `${w.totalRequests} at ${w.requestsPerSecond}/s`).join(', ')}.`,
    `    - Verified in the database: ${apps.verified.line}; ${apps.verified.submittedInDatabase} submitted in all (every run + ${prep.throughApi} checks).`,
    `    - Busy during the GET / submit runs: the server's event loop ${use.get.serverEventLoop} / ${use.submit.serverEventLoop}, ` +
      `the machine's CPUs ${use.get.machineCpu} / ${use.submit.machineCpu} (1 = saturated).`,
    `    - One submission in process, one at a time (${inProcess.submissions}: the secret check's read + submitApplication): ` +
      `${pct(inProcess.total)}; ${inProcess.queriesPerSubmit} queries taking ${inProcess.queryMsPerSubmit} ms, ` +
      `${inProcess.otherMsPerSubmit} ms besides (JavaScript, BEGIN/COMMIT); by query: ` +
      `${inProcess.queries.map((q) => `${q.query} ×${q.perSubmit} ${q.msPerSubmit} ms`).join(', ')}; ` +
      `an empty transaction (BEGIN, select 1, COMMIT) ${pct(inProcess.emptyTransaction)}.`,
    `    - The server's thread during a separate submit run under the CPU profiler (${apps.cpuProfile.submissions} at ` +
      `${apps.cpuProfile.requestsPerSecond}/s): ${apps.cpuProfile.shares.map((c) => `${c.part} ${c.percent} %`).join(', ')}.`,
  );
}

const finished = new Date();
const durationS = Math.round((Date.now() - started) / 1000);
machine.loadAverageAtEnd = os.loadavg().map((x) => Number(x.toFixed(2)));
const markdown = [
  '# Loket benchmarks: latest run',
  '',
  `${finished.toISOString()} · Node ${machine.node} · ${machine.cpuModel} · ${machine.cores} cores · ` +
    `load average ${machine.loadAverageAtStart[0]} at start, ${machine.loadAverageAtEnd[0]} at end · ${durationS} s` +
    (process.env.LOKET_BENCH_QUICK === '1' ? ' · QUICK run (LOKET_BENCH_QUICK=1)' : '') +
    (process.env.LOKET_BENCH_ONLY ? ` · only ${only.join(', ')} (LOKET_BENCH_ONLY)` : ''),
  '',
  ...(runServer
    ? ['The catalogue is the real one plus a SYNTHETIC one (generated, labelled, never loaded by default).']
    : []),
  'Ratios compare with a baseline measured in the same run. See bench/README.md.',
  '',
  ...table,
  '',
  ...(details.length ? ['## Details', '', ...details, ''] : []),
  ...(sizes ? ['## First-load size (script-tag bundle)', '', ...sizeDetails(sizes), ''] : []),
].join('\n');

const summary = {
  timestamp: finished.toISOString(),
  durationSeconds: durationS,
  quick: process.env.LOKET_BENCH_QUICK === '1',
  only,
  machine,
  targets,
  size: sizes,
  engines: legs,
};
// A partial run (LOKET_BENCH_ONLY) writes beside the last full run, not over it.
const base = only.length === PARTS.length ? 'latest' : `latest-${only.join('-')}`;
await mkdir(resultsDir, { recursive: true });
await writeFile(join(resultsDir, `${base}.json`), `${JSON.stringify(summary, null, 2)}\n`);
await writeFile(join(resultsDir, `${base}.md`), markdown);
console.log(`\n${markdown}`);
console.log(`[bench] wrote bench/results/${base}.json and bench/results/${base}.md (${durationS} s)`);

const anyFail = targets.some((t) => t.result === 'FAIL');
if (failed) process.exit(1);
if (anyFail && process.env.LOKET_BENCH_STRICT === '1') {
  console.error('[bench] LOKET_BENCH_STRICT=1 and a target FAILED');
  process.exit(1);
}
