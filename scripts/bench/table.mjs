// The table of bench/results/latest.md (one row per benchmark and engine, with the target and
// the verdict) and the targets of latest.json.
import { lighthouseRows, lighthouseTargets } from '../bench-lighthouse/report.mjs';
import { sizeRows, sizeTargets } from '../bench-size.mjs';
import { ENGINE_NAMES, ms, pct, times, verdict } from './format.mjs';

/** Search p95 targets in milliseconds, and the GET throughput target (real / bare). */
const TARGETS = { searchP95Ms: { pglite: 20, postgres: 5 }, getRatio: 0.5 };
/** The applications benchmark has no target yet: its figures are printed without PASS/FAIL. */
const NO_TARGET = 'none set';

/**
 * `{ table, targets }`: the Markdown lines of the table and the targets, for the size figures,
 * each engine leg and the Lighthouse pages.
 */
export function benchTable(
  engines,
  legs,
  sizes,
  lighthouse = null,
  more = () => ({ rows: [], targets: [] }),
) {
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

    // Visits: no target either; the bookings' check in the database is a correctness figure.
    const visits = leg.visits;
    if (visits) {
      const b = visits.bookings;
      const v = visits.verified;
      const checked = v.tickets === v.created && v.slotsOverCapacity === 0;
      rows.push(
        [
          `Visits: bookings (POST /v1/bookings, each another person), ${visits.connections} conn`,
          name,
          `${b.requestsPerSecond} bookings/s (${b.totalRequests} sent, non-2xx ${b.non2xx}), ${pct(b.latency)}; ` +
            `${v.tickets} in the database, ${v.slotsOverCapacity} slots over capacity`,
          '—',
          '—',
          NO_TARGET,
          checked ? '—' : verdict(false),
        ],
        [
          `Visits: a day's slots (GET ${visits.slots.path}), ${visits.connections} conn`,
          name,
          `${visits.slots.requestsPerSecond} req/s, ${pct(visits.slots.latency)}`,
          '—',
          '—',
          NO_TARGET,
          '—',
        ],
      );
      targets.push(
        { engine, benchmark: 'booking-throughput', target: null, result: checked ? 'no target' : 'FAIL' },
        { engine, benchmark: 'slots-p95', target: null, result: 'no target' },
      );
    }

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

  const extra = more();
  rows.push(...extra.rows);
  targets.push(...extra.targets);

  if (lighthouse) {
    rows.push(...lighthouseRows(lighthouse));
    targets.push(...lighthouseTargets(lighthouse));
  }

  const header = ['Benchmark', 'Engine', 'Measured', 'Baseline (same run)', 'Ratio', 'Target', 'Result'];
  const cellText = (cell) => String(cell).replace(/\|/g, '\\|');
  const table = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.map(cellText).join(' | ')} |`);
  return { table, targets };
}
