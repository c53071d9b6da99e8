// The officer desk's part of `pnpm bench` (packages/server/bench/desk-run.ts, one leg per
// engine): its lines for bench/results/latest*.md.
import { ENGINE_NAMES, msUnit as ms } from './format.mjs';

const lat = (s) => `p50 ${ms(s.p50)} / p95 ${ms(s.p95)} (n=${s.n})`;

/** Markdown lines: the desk's queue page with 10 000 applications in scope, per engine and filter. */
export function deskDetails(engines, legs) {
  const lines = [
    "SYNTHETIC applications written straight into the table: one officer has 10 000 in scope, another 100 (the baseline), 30 000 more belong to other agencies or regions. The page is the desk's: 50 rows with the counts of the whole scope, over HTTP, one request at a time.",
    '',
    '| Queue page (GET /v1/officer/applications) | Engine | 10 000 in scope | Baseline: 100 in scope (same run) | p95 ratio |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const engine of engines) {
    const name = ENGINE_NAMES[engine] ?? engine;
    const leg = legs[engine];
    if (!leg || leg.skipped || leg.error) {
      lines.push(`| the whole queue | ${name} | ${leg?.skipped ?? leg?.error ?? 'not run'} | — | — |`);
      continue;
    }
    for (const page of leg.pages) {
      lines.push(
        `| ${page.label} (${page.inScope.total} match) | ${name} | ${lat(page.inScope.latency)} | ${lat(page.baseline.latency)} | ×${page.p95Ratio} |`,
      );
    }
  }
  return lines;
}
