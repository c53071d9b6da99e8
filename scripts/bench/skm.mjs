// The satisfaction index's part of `pnpm bench` (packages/server/bench/skm-run.ts, one leg per
// engine): its lines for bench/results/latest*.md.
import { ENGINE_NAMES, msUnit as ms } from './format.mjs';

const lat = (s) => `p50 ${ms(s.p50)} / p95 ${ms(s.p95)} / p99 ${ms(s.p99)} (n=${s.n})`;

/** Markdown lines: the IKM of one region and period and survey submissions, per engine. */
export function skmDetails(engines, legs) {
  const lines = [
    '1 000 000 **SYNTHETIC** survey responses (`synthetic = true`, never published) over every kabupaten/kota, 40 services and 24 months; see docs/assessment.md.',
    '',
    '| Benchmark | Engine | Result | Baseline (same run) | Ratio |',
    '| --- | --- | --- | --- | --- |',
  ];
  const details = [];
  for (const engine of engines) {
    const name = ENGINE_NAMES[engine] ?? engine;
    const leg = legs[engine];
    if (!leg || leg.skipped || leg.error) {
      lines.push(
        `| IKM of one region and period | ${name} | ${leg?.skipped ?? leg?.error ?? 'not run'} | — | — |`,
      );
      continue;
    }
    for (const [label, cell] of [
      [
        `IKM of ${leg.config.region} for 2026-Q2 (${leg.regencyQuarter.respondents} respondents)`,
        leg.regencyQuarter,
      ],
      [
        `IKM of ${leg.config.province} with its kabupaten/kota for 2025 (${leg.provinceYear.respondents} respondents)`,
        leg.provinceYear,
      ],
    ]) {
      lines.push(
        `| ${label}, from the running sums | ${name} | ${lat(cell.tallies)} | the same sums from the responses: ${lat(cell.responses)} | p95 ×${cell.p95Ratio} |`,
      );
    }
    const s = leg.submissions;
    lines.push(
      `| Survey submissions (POST /v1/kiosk/survey, ${s.clients} clients × ${s.seconds} s) | ${name} | ${s.perSecond} responses/s, ${lat(s.latency)}, statuses ${JSON.stringify(s.statuses)} | — | none set |`,
    );
    details.push(
      `- ${name}: ${leg.load.responses} responses in ${leg.load.cells} cells, written in ${(leg.load.writeMs / 1000).toFixed(1)} s, running sums built in ${(leg.load.sumsMs / 1000).toFixed(1)} s; after the submissions ${s.storedAndSummed} stored responses and the running sums agree. ${leg.version}`,
    );
  }
  return [...lines, '', ...details];
}
