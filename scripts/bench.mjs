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
// Then, per engine on the same database server, the outbox (packages/server/bench/outbox.ts): e-mail
// delivery and its lag while submissions run, and a SIGKILL mid-delivery counted per delivery id.
//
// Last, Lighthouse on the demo's three pages (scripts/bench-lighthouse.mjs), with the API and the
// demo as `pnpm start` serves them.
//
// Parts: `pnpm bench lighthouse` (or LOKET_BENCH_ONLY=lighthouse) runs the named parts only.
// Env: LOKET_BENCH_ONLY=size, server, outbox, skm, desk or lighthouse (comma-separated), LOKET_BENCH_QUICK=1 (short runs),
//      LOKET_BENCH_DURATION (autocannon seconds), LOKET_BENCH_ENGINES=pglite,postgres,
//      LOKET_BENCH_DATABASE_URL, LOKET_BENCH_STRICT=1 (exit 1 on a FAIL) and the others in bench/README.md.
// The table and the details are built in scripts/bench/ (table.mjs, details.mjs, format.mjs).
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deskDetails } from './bench/desk.mjs';
import { legDetails } from './bench/details.mjs';
import { ENGINE_NAMES } from './bench/format.mjs';
import { outboxDetails, outboxRows } from './bench/outbox.mjs';
import { skmDetails } from './bench/skm.mjs';
import { benchTable } from './bench/table.mjs';
import { lighthouseDetails } from './bench-lighthouse/report.mjs';
import { measureSizes, sizeDetails } from './bench-size.mjs';
import { findPgBin, startCluster } from './pg-cluster.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const serverDir = join(root, 'packages', 'server');
const resultsDir = join(root, 'bench', 'results');
const tsx = join(serverDir, 'node_modules', '.bin', 'tsx');

/**
 * The parts of the benchmark: `size` (first-load size, build only), `server` (the engines' legs),
 * `outbox` (the engines' outbox legs), `skm` (the satisfaction index with 1 000 000 SYNTHETIC
 * responses, and survey submissions, per engine), `desk` (the officer's queue page with 10 000
 * applications in scope, per engine) and `lighthouse` (the demo's pages in Lighthouse). Named on
 * the command line or in LOKET_BENCH_ONLY.
 */
const PARTS = ['size', 'server', 'outbox', 'skm', 'desk', 'lighthouse'];
const named = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const only = [
  ...new Set(
    (named.length ? named.join(',') : (process.env.LOKET_BENCH_ONLY ?? PARTS.join(',')))
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean),
  ),
];
if (!only.length || only.some((p) => !PARTS.includes(p))) {
  console.error(
    `[bench] parts ${named.length ? named : process.env.LOKET_BENCH_ONLY}: expected ${PARTS.join(', ')}`,
  );
  process.exit(2);
}
const runSize = only.includes('size');
// In PARTS order, so the partial results' file name does not depend on how the variable was written.
only.sort((a, b) => PARTS.indexOf(a) - PARTS.indexOf(b));
const runServer = only.includes('server');
const runOutbox = only.includes('outbox');
const runSkm = only.includes('skm');
const runDesk = only.includes('desk');
const runLighthouse = only.includes('lighthouse');

const engines = (
  runServer || runOutbox || runSkm || runDesk ? (process.env.LOKET_BENCH_ENGINES ?? 'pglite,postgres') : ''
)
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

function runLeg(engine, outFile, url, script = 'bench/run.ts') {
  const args = [script, '--engine', engine, '--out', outFile, ...(url ? ['--url', url] : [])];
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
const outboxLegs = {};
const skmLegs = {};
const deskLegs = {};
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
        outboxLegs.postgres = { skipped: 'skipped: no PostgreSQL' };
        skmLegs.postgres = { skipped: 'skipped: no PostgreSQL' };
        deskLegs.postgres = { skipped: 'skipped: no PostgreSQL' };
        console.error('[bench] no PostgreSQL binaries and no LOKET_BENCH_DATABASE_URL: PostgreSQL SKIPPED');
        continue;
      }
    }
    try {
      if (runServer) {
        const error = await runLeg(engine, outFile, url);
        if (error) {
          failed = true;
          legs[engine] = { error: `benchmark failed: ${error}` };
        } else {
          legs[engine] = JSON.parse(await readFile(outFile, 'utf8'));
        }
      }
      if (runOutbox) {
        const outboxFile = join(tmp, `${engine}.outbox.json`);
        const error = await runLeg(engine, outboxFile, url, 'bench/outbox.ts');
        if (error) {
          failed = true;
          outboxLegs[engine] = { error: `outbox benchmark failed: ${error}` };
        } else {
          outboxLegs[engine] = JSON.parse(await readFile(outboxFile, 'utf8'));
        }
      }
      if (runSkm) {
        const skmFile = join(tmp, `${engine}.skm.json`);
        const error = await runLeg(engine, skmFile, url, 'bench/skm-run.ts');
        if (error) failed = true;
        skmLegs[engine] = error
          ? { error: `benchmark failed: ${error}` }
          : JSON.parse(await readFile(skmFile, 'utf8'));
      }
      if (runDesk) {
        const deskFile = join(tmp, `${engine}.desk.json`);
        const error = await runLeg(engine, deskFile, url, 'bench/desk-run.ts');
        if (error) failed = true;
        deskLegs[engine] = error
          ? { error: `benchmark failed: ${error}` }
          : JSON.parse(await readFile(deskFile, 'utf8'));
      }
    } finally {
      cluster?.stop();
      cluster = null;
    }
  }
} finally {
  await rm(tmp, { recursive: true, force: true });
}

let lighthouseResult = null;
if (runLighthouse) {
  console.error('[bench] Lighthouse on the demo (the API and the demo as `pnpm start` serves them)');
  try {
    const { measureLighthouse } = await import('./bench-lighthouse.mjs');
    lighthouseResult = await measureLighthouse();
  } catch (err) {
    failed = true;
    console.error(`[bench] Lighthouse failed: ${err instanceof Error ? err.message : err}`);
  }
}

const { table, targets } = benchTable(runServer ? engines : [], legs, sizes, lighthouseResult, () =>
  runOutbox ? outboxRows(engines, outboxLegs) : { rows: [], targets: [] },
);
const details = [
  ...legDetails(runServer ? engines : [], legs),
  ...(runOutbox ? outboxDetails(engines, outboxLegs) : []),
];

const finished = new Date();
const durationS = Math.round((Date.now() - started) / 1000);
machine.loadAverageAtEnd = os.loadavg().map((x) => Number(x.toFixed(2)));
const markdown = [
  '# Loket benchmarks: latest run',
  '',
  `${finished.toISOString()} · Node ${machine.node} · ${machine.cpuModel} · ${machine.cores} cores · ` +
    `load average ${machine.loadAverageAtStart[0]} at start, ${machine.loadAverageAtEnd[0]} at end · ${durationS} s` +
    (process.env.LOKET_BENCH_QUICK === '1' ? ' · QUICK run (LOKET_BENCH_QUICK=1)' : '') +
    (only.length < PARTS.length ? ` · only ${only.join(', ')}` : ''),
  '',
  ...(runServer
    ? ['The catalogue is the real one plus a SYNTHETIC one (generated, labelled, never loaded by default).']
    : []),
  'Ratios compare with a baseline measured in the same run. See bench/README.md.',
  '',
  ...table,
  '',
  ...(details.length ? ['## Details', '', ...details, ''] : []),
  ...(runSkm ? ['## Satisfaction index (SKM)', '', ...skmDetails(engines, skmLegs), ''] : []),
  ...(runDesk ? ['## Officer desk: the queue page', '', ...deskDetails(engines, deskLegs), ''] : []),
  ...(sizes ? ['## First-load size (script-tag bundle)', '', ...sizeDetails(sizes), ''] : []),
  ...(lighthouseResult ? ['## Lighthouse (the demo)', '', ...lighthouseDetails(lighthouseResult), ''] : []),
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
  outbox: outboxLegs,
  skm: runSkm ? skmLegs : null,
  desk: runDesk ? deskLegs : null,
  lighthouse: lighthouseResult,
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
