#!/usr/bin/env node
// `pnpm test`: build, generated-files check, the Storybook fixtures recorded again and compared, lint,
// then one vitest run (sdk, server on PGlite, and server on a real PostgreSQL). Stops at the first
// failure and prints a summary. Extra arguments go to vitest:
//   pnpm test -- --project sdk        pnpm test -- packages/server/test/seed.test.ts
// Env: LOKET_TEST_DATABASE_URL (use this superuser URL instead of a throw-away cluster),
//      LOKET_SKIP_POSTGRES=1 (run without the server-postgres project),
//      LOKET_TEST_STEPS=vitest (comma-separated subset of the steps below, e.g. to iterate on tests),
//      LOKET_TEST_REPORT=FILE (keep vitest's JSON report there: every test's duration).
// See scripts/README.md.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findPgBin, PG_MISSING_MESSAGE, startCluster } from './pg-cluster.mjs';

const vitestArgs = process.argv.slice(2);
if (vitestArgs[0] === '--') vitestArgs.shift();

const skipPostgres = process.env.LOKET_SKIP_POSTGRES === '1';
const givenUrl = skipPostgres ? undefined : process.env.LOKET_TEST_DATABASE_URL;
let cluster = null;
let child = null;
let counts = null;

const FIXTURES = 'stories/fixtures';
const STENCIL_GENERATED = [
  'packages/components/src/components.d.ts',
  'packages/components/custom-elements.json',
  ':(glob)packages/components/src/**/readme.md',
];

const steps = [
  ['build', () => run('pnpm', ['build'])],
  ['generate:check', () => run('pnpm', ['--filter', '@loket/sdk', 'generate:check'])],
  // Stencil regenerates these on every build (step 1); committed copies must match.
  [
    'components:generated-check',
    () => run('git', ['diff', '--exit-code', '--stat', '--', ...STENCIL_GENERATED]),
  ],
  // The Storybook fixtures are recorded from the real API: recorded again, they must not change.
  ['fixtures:check', fixturesCheck],
  ['lint', () => run('pnpm', ['lint'])],
  ['vitest', vitest],
];

/**
 * Records the Storybook fixtures again (scripts/record-story-fixtures.mjs, on the build of step 1)
 * into a temporary directory and compares them with stories/fixtures: any difference (a fixture
 * edited by hand, or not recorded again after a change to the API or the catalogue) fails.
 */
async function fixturesCheck() {
  const dir = mkdtempSync(join(tmpdir(), 'loket-fixtures-'));
  try {
    const recorded = await run('node', ['scripts/record-story-fixtures.mjs', '--out', dir]);
    if (recorded !== 0) return recorded;
    const code = await run('git', ['diff', '--no-index', '--exit-code', '--stat', '--', FIXTURES, dir]);
    if (code !== 0) {
      await run('git', ['--no-pager', 'diff', '--no-index', '--unified=1', '--', FIXTURES, dir]);
      console.error(
        `[test] ${FIXTURES} differs from what the API answers now (above: committed → recorded). Record` +
          ' them again (pnpm build && node scripts/record-story-fixtures.mjs), review and commit.',
      );
    }
    return code;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function vitest() {
  const env = { ...process.env };
  delete env.LOKET_TEST_DATABASE_URL;
  if (skipPostgres) {
    banner('LOKET_SKIP_POSTGRES=1: the server-postgres project is SKIPPED (PGlite only)');
  } else if (givenUrl) {
    console.log(`[test] PostgreSQL leg on LOKET_TEST_DATABASE_URL=${redact(givenUrl)}`);
    env.LOKET_TEST_DATABASE_URL = givenUrl;
  } else {
    cluster = await startCluster({ log: (m) => console.log(m) });
    env.LOKET_TEST_DATABASE_URL = cluster.url;
  }
  // The JSON report gives the counts for a plain closing line ("vitest: N passed, N failed"), and,
  // kept where LOKET_TEST_REPORT says, each file's time (to find what makes the suite slow).
  const kept = process.env.LOKET_TEST_REPORT;
  const report = kept ?? join(mkdtempSync(join(tmpdir(), 'loket-vitest-')), 'report.json');
  try {
    const args = [
      'exec',
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ];
    const code = await run('pnpm', [...args, ...vitestArgs], env);
    counts = readCounts(report);
    return code;
  } finally {
    cluster?.stop();
    cluster = null;
    if (!kept) rmSync(dirname(report), { recursive: true, force: true });
  }
}

function readCounts(path) {
  try {
    const r = JSON.parse(readFileSync(path, 'utf8'));
    return {
      passed: r.numPassedTests,
      failed: r.numFailedTests,
      skipped: r.numPendingTests + r.numTodoTests,
    };
  } catch {
    return null;
  }
}

function run(cmd, args, env = process.env) {
  console.log(`\n[test] $ ${cmd} ${args.join(' ')}`);
  return new Promise((resolve) => {
    child = spawn(cmd, args, { stdio: 'inherit', env });
    child.on('error', (err) => {
      console.error(`[test] cannot run ${cmd}: ${err.message}`);
      resolve(127);
    });
    child.on('close', (code, signal) => {
      child = null;
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

function banner(text) {
  const line = '!'.repeat(text.length + 4);
  console.log(`\n${line}\n! ${text} !\n${line}\n`);
}

function redact(url) {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`\n[test] ${signal}: stopping`);
    child?.kill(signal);
    cluster?.stop();
    process.exit(128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 }[signal] ?? 0));
  });
}

// Fail fast, before the build, when the PostgreSQL leg cannot run.
if (!skipPostgres && !givenUrl && !findPgBin()) {
  console.error(`\n[test] FAIL: ${PG_MISSING_MESSAGE}\n[test] (LOKET_SKIP_POSTGRES=1 runs without it)`);
  process.exit(1);
}

const only = process.env.LOKET_TEST_STEPS?.split(',').map((s) => s.trim());
const unknown = only?.filter((s) => !steps.some(([name]) => name === s)) ?? [];
if (unknown.length) {
  console.error(`[test] unknown LOKET_TEST_STEPS: ${unknown} (steps: ${steps.map(([n]) => n)})`);
  process.exit(2);
}

const results = [];
let exitCode = 0;
for (const [name, step] of steps) {
  if (exitCode !== 0 || (only && !only.includes(name))) {
    results.push([name, exitCode !== 0 ? 'not run' : 'skipped (LOKET_TEST_STEPS)', '']);
    continue;
  }
  const t0 = Date.now();
  try {
    exitCode = await step();
  } catch (err) {
    console.error(`[test] ${name}: ${err.message}`);
    exitCode = 1;
  }
  const secs = `${((Date.now() - t0) / 1000).toFixed(1)}s`;
  results.push([name, exitCode === 0 ? 'ok' : `FAILED (exit ${exitCode})`, secs]);
}

console.log('\n[test] summary');
for (const [name, status, secs] of results)
  console.log(`  ${name.padEnd(16)} ${secs.padStart(7)}  ${status}`);
if (skipPostgres) console.log('  (server-postgres project skipped: LOKET_SKIP_POSTGRES=1)');
if (counts) {
  const skipped = counts.skipped ? `, ${counts.skipped} skipped` : '';
  console.log(`\nvitest: ${counts.passed} passed, ${counts.failed} failed${skipped}`);
}
process.exit(exitCode);
