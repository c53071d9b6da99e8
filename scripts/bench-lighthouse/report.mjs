// The Lighthouse part's pages and targets, and its rows, targets and details for
// bench/results/latest.{md,json} (no Lighthouse import: the table is built without running it).

/** The demo's three pages (the apply page with a service that has an online form). */
export const LIGHTHOUSE_PAGES = [
  { name: 'finder', path: '/' },
  { name: 'apply', path: '/ajukan.html?layanan=ktp-el-hilang' },
  { name: 'tracker', path: '/lacak.html' },
];
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
/** Targets of issue 14: the category scores (0–100) at least, CLS at most. */
export const LIGHTHOUSE_TARGETS = {
  performance: 95,
  accessibility: 100,
  'best-practices': 100,
  seo: 100,
  cls: 0.05,
};
export const METRICS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  si: 'speed-index',
};

const pass = (ok) => (ok ? 'PASS' : 'FAIL');
const metricText = (m) =>
  `FCP ${(m.fcp / 1000).toFixed(1)} s, LCP ${(m.lcp / 1000).toFixed(1)} s, TBT ${Math.round(m.tbt)} ms, CLS ${m.cls.toFixed(3)}`;

/** Whether a page meets every target. */
function pageOk(page) {
  const t = LIGHTHOUSE_TARGETS;
  return CATEGORIES.every((id) => page.scores[id] >= t[id]) && page.metrics.cls <= t.cls;
}

const targetText = () => {
  const t = LIGHTHOUSE_TARGETS;
  return `perf ≥ ${t.performance}, a11y ${t.accessibility}, BP ${t['best-practices']}, SEO ${t.seo}, CLS ≤ ${t.cls}`;
};

/** Rows of the bench table (same columns as the others): one per page. */
export function lighthouseRows(result) {
  return result.pages.map((p) => [
    `Lighthouse 12 (mobile, simulated throttling), demo ${p.name} ${p.path}`,
    '— (demo)',
    `perf ${p.scores.performance} · a11y ${p.scores.accessibility} · BP ${p.scores['best-practices']} · SEO ${p.scores.seo} · CLS ${p.metrics.cls.toFixed(3)}`,
    `${metricText(p.metrics)}; perf of the ${p.runs} runs: ${p.performanceOfRuns.join(', ')}`,
    '—',
    targetText(),
    pass(pageOk(p)),
  ]);
}

export function lighthouseTargets(result) {
  return result.pages.map((p) => ({
    engine: null,
    benchmark: `lighthouse-${p.name}`,
    target: targetText(),
    result: pass(pageOk(p)),
  }));
}

/** The Details lines: a per-page table and what Lighthouse still flags. */
export function lighthouseDetails(result) {
  const version = result.pages[0]?.lighthouseVersion ?? '?';
  const lines = [
    `Lighthouse ${version}, ${result.chrome}, mobile with simulated throttling (Lighthouse's defaults), median of ${result.runs} run(s) per page; the API and the demo as \`pnpm start\` serves them.`,
    '',
    '| Page | Performance | Accessibility | Best practices | SEO | CLS | FCP | LCP | TBT |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...result.pages.map(
      (p) =>
        `| ${p.name} \`${p.path}\` | ${p.scores.performance} | ${p.scores.accessibility} | ${p.scores['best-practices']} | ${p.scores.seo} | ${p.metrics.cls.toFixed(3)} | ${(p.metrics.fcp / 1000).toFixed(1)} s | ${(p.metrics.lcp / 1000).toFixed(1)} s | ${Math.round(p.metrics.tbt)} ms |`,
    ),
    '',
  ];
  for (const p of result.pages) {
    const flagged = [...p.failing, ...p.opportunities.map((o) => `opportunity: ${o}`)];
    lines.push(`- ${p.name}: ${flagged.length ? flagged.join('; ') : 'nothing flagged'}`);
  }
  return lines;
}
