#!/usr/bin/env node
// The Lighthouse part of `pnpm bench` (`pnpm bench lighthouse` runs it alone): Lighthouse 12.2.3
// (pinned: later versions need Node 22) through its Node API, in Chromium (CHROME_PATH, else
// /usr/bin/chromium) started by chrome-launcher, with Lighthouse's defaults: mobile (Moto G Power
// screen), simulated throttling (Slow 4G, 4× CPU). Pages: the demo's finder, apply page and
// tracker, with the API and the demo as `pnpm start` serves them (bench-lighthouse/stack.mjs).
// Each page is audited LOKET_BENCH_LIGHTHOUSE_RUNS times (3; quick 1) and the median run by
// Lighthouse's own computeMedianRun is reported.
//
// Alone, after `pnpm build`: `node scripts/bench-lighthouse.mjs` prints the table
// (`--url http://127.0.0.1:8081` audits a demo that is already running instead).
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { CATEGORIES, LIGHTHOUSE_PAGES, lighthouseDetails, METRICS } from './bench-lighthouse/report.mjs';
import { startStack } from './bench-lighthouse/stack.mjs';

/** What one Lighthouse report says about a page: scores, metrics and the audits that did not pass. */
function summarize(lhr) {
  const scores = Object.fromEntries(
    CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)]),
  );
  const metrics = Object.fromEntries(
    Object.entries(METRICS).map(([key, id]) => [key, lhr.audits[id]?.numericValue ?? null]),
  );
  const failing = [];
  for (const id of CATEGORIES) {
    for (const ref of lhr.categories[id]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 0.9) continue;
      const saving = audit.details?.overallSavingsMs;
      failing.push(`${id}: ${audit.title}${saving ? ` (${Math.round(saving)} ms)` : ''}`);
    }
  }
  const opportunities = Object.values(lhr.audits)
    .filter((a) => a.details?.type === 'opportunity' && (a.details.overallSavingsMs ?? 0) >= 50)
    .map((a) => `${a.title} (${Math.round(a.details.overallSavingsMs)} ms)`);
  return { scores, metrics, failing, opportunities, lighthouseVersion: lhr.lighthouseVersion };
}

/**
 * One Lighthouse run. A run that fails to record its trace (NO_NAVSTART and the like: Lighthouse
 * says "run Lighthouse again") is run again, at most twice.
 */
async function audit(url, port, log) {
  for (let attempt = 1; ; attempt++) {
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error' });
    if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
    const error = result.lhr.runtimeError;
    if (!error) return result.lhr;
    if (attempt === 3) throw new Error(`${url}: ${error.message}`);
    log(`[bench] Lighthouse: ${error.code} on ${url}, running it again`);
  }
}

/**
 * Audits the demo's pages. Without `site`, starts the API and the demo first (and stops them).
 *
 * @param {{ site?: string, runs?: number, log?: (line: string) => void }} [options]
 */
export async function measureLighthouse({ site, runs, log = (line) => console.error(line) } = {}) {
  const count =
    runs ??
    Number(process.env.LOKET_BENCH_LIGHTHOUSE_RUNS || (process.env.LOKET_BENCH_QUICK === '1' ? 1 : 3));
  const stack = site ? null : await startStack({ log });
  const base = site ?? stack?.site;
  const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
  let chrome = null;
  try {
    chrome = await launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
    const pages = [];
    for (const page of LIGHTHOUSE_PAGES) {
      const url = `${base}${page.path}`;
      const reports = [];
      for (let i = 0; i < count; i++) {
        log(`[bench] Lighthouse ${page.name} (${url}), run ${i + 1} of ${count}`);
        reports.push(await audit(url, chrome.port, log));
      }
      const median = computeMedianRun(reports);
      pages.push({
        ...page,
        runs: reports.length,
        ...summarize(median),
        performanceOfRuns: reports.map((r) => Math.round((r.categories.performance?.score ?? 0) * 100)),
      });
    }
    return { chrome: chromePath, runs: count, pages };
  } finally {
    await chrome?.kill();
    await stack?.stop();
  }
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  const at = process.argv.indexOf('--url');
  const result = await measureLighthouse({
    site: at > 0 ? process.argv[at + 1]?.replace(/\/$/, '') : undefined,
  });
  console.log(lighthouseDetails(result).join('\n'));
  if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
}
