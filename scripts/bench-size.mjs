#!/usr/bin/env node
// First-load size of the Loket components in the script-tag bundle (packages/components/dist/loket/,
// after `pnpm build`): what a page with `<script type="module" src=".../loket.esm.js">` and one
// component downloads before the component can render. Used by scripts/bench.mjs (`pnpm bench`);
// `node scripts/bench-size.mjs` prints the same figures alone (`--json` prints them as JSON).
// Needs only the build: no database, no server. See bench/README.md, "First-load size".
//
// First load of a tag = the loader (loket.esm.js) + every chunk it imports statically (the Stencil
// runtime) + the tag's entry chunk (found in the loader's lazy registry) + every chunk that imports
// statically, transitively. Dynamic imports (the English dictionary, code loaded later) are
// reported as "on demand" and not counted. Each file is compressed on its own (gzip level 9 and
// brotli quality 11, as a CDN serves static files); the total is the sum over the files.
//
// The code is in scripts/bench-size/: components.mjs (what is measured, with the targets),
// measure.mjs (the first loads), graph.mjs (the built files and their imports), breakdown.mjs and
// estimate.mjs (what a first load is made of), literals.mjs, compress.mjs, tools.mjs (paths,
// esbuild and es-module-lexer) and report.mjs (the figures as text).
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { measureSizes } from './bench-size/measure.mjs';
import { mdTable, sizeDetails, sizeRows } from './bench-size/report.mjs';

export { COMPONENTS } from './bench-size/components.mjs';
export { compressedSizes } from './bench-size/compress.mjs';
export { measureFirstLoad, measureSizes } from './bench-size/measure.mjs';
export { kib, SIZE_BENCHMARK, sizeDetails, sizeRows, sizeTargets } from './bench-size/report.mjs';
export { DIST_DIR, KIB } from './bench-size/tools.mjs';

// --- Alone: `node scripts/bench-size.mjs [--json]` ---
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  const sizes = await measureSizes();
  if (process.argv.includes('--json')) console.log(JSON.stringify(sizes, null, 2));
  else {
    const header = ['Benchmark', 'Engine', 'Measured', 'Baseline (same run)', 'Ratio', 'Target', 'Result'];
    console.log([...mdTable(header, sizeRows(sizes)), '', ...sizeDetails(sizes)].join('\n'));
  }
  if (sizes.components.some((r) => r.error)) process.exit(1);
  if (process.env.LOKET_BENCH_STRICT === '1' && sizes.components.some((r) => r.pass === false))
    process.exit(1);
}
