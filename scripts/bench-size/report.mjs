// The size figures as text: the rows of bench/results/latest.md, the targets of latest.json and
// the Markdown details.
import { KIB } from './tools.mjs';

export const kib = (bytes) => `${(bytes / KIB).toFixed(bytes < 10 * KIB ? 2 : 1)} KiB`;
const bytesText = (n) => `${n.toLocaleString('en-US')} B`;
const targetText = (r) =>
  `≤ ${r.target.gzipKiB} KiB gzip (${r.target.gzipBytes.toLocaleString('en-US')} B)` +
  (r.target.runtimeShared ? ', beyond the shared Stencil runtime' : ', runtime included');
export const SIZE_BENCHMARK = 'First-load size, script-tag bundle (gzip -9 per file, summed)';

/** Rows in the format of bench/results/latest.md: Benchmark, Engine, Measured, Baseline, Ratio, Target, Result. */
export function sizeRows(sizes) {
  return sizes.components.map((r) => {
    const what = `${SIZE_BENCHMARK}: <${r.tag}>`;
    if (r.error) return [what, '— (build)', `error: ${r.error}`, '—', '—', targetText(r), 'ERROR'];
    const { total, baseline, beyondRuntime } = r;
    const counted = r.target.runtimeShared
      ? `${kib(beyondRuntime.gzip)} gzip beyond the runtime (${bytesText(beyondRuntime.gzip)}); with the runtime ${kib(total.gzip)}`
      : `${kib(total.gzip)} gzip (${bytesText(total.gzip)}); beyond the runtime ${kib(beyondRuntime.gzip)}`;
    return [
      what,
      '— (build)',
      `${counted}; brotli ${kib(total.brotli)} with the runtime; ${r.files.length} files`,
      `Stencil runtime alone (loader + runtime chunk): ${kib(baseline.gzip)} gzip`,
      `×${r.ratio.toFixed(2)}`,
      targetText(r),
      r.pass ? 'PASS' : 'FAIL',
    ];
  });
}

/** Entries for `targets` in bench/results/latest.json. */
export function sizeTargets(sizes) {
  return sizes.components.map((r) => ({
    engine: null,
    benchmark: `first-load-size:${r.tag}`,
    target: targetText(r),
    result: r.error ? 'error' : r.pass ? 'PASS' : 'FAIL',
  }));
}

export const mdTable = (header, rows) =>
  [header, header.map(() => '---'), ...rows].map(
    (r) => `| ${r.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`,
  );
const pct = (x) => `${(x * 100).toFixed(0)} %`;

/** Markdown lines: per file, on demand and the breakdown, for each component. */
export function sizeDetails(sizes) {
  const lines = [];
  const b = sizes.build;
  lines.push(
    `Built files in \`${b.dir}\` (built ${b.builtAt ?? '?'}, commit ${b.commit ?? '?'}` +
      (b.uncommittedSourceFiles.length
        ? `; uncommitted source changes: ${b.uncommittedSourceFiles.join(', ')}`
        : '; sources as committed') +
      '). Sizes in bytes and KiB (1 KiB = 1024 B); gzip level 9 and brotli quality 11, each file compressed on its own.',
  );
  if (b.staleWarning) lines.push('', `**Warning: ${b.staleWarning}.**`);
  for (const r of sizes.components) {
    lines.push('', `### <${r.tag}>`, '');
    if (r.error) {
      lines.push(`Error: ${r.error}`);
      continue;
    }
    lines.push(
      ...mdTable(
        ['File', 'Role', 'Raw', 'gzip', 'brotli'],
        [
          ...r.files.map((f) => [f.file, f.role, bytesText(f.raw), bytesText(f.gzip), bytesText(f.brotli)]),
          [
            '**first load**',
            `${r.files.length} files; ${bytesText(r.beyondRuntime.gzip)} gzip beyond the runtime; target ${targetText(r)}: **${r.pass ? 'PASS' : 'FAIL'}**`,
            bytesText(r.total.raw),
            `**${bytesText(r.total.gzip)}** (${kib(r.total.gzip)})`,
            `${bytesText(r.total.brotli)} (${kib(r.total.brotli)})`,
          ],
          ...r.onDemand.map((d) => [
            d.files.map((f) => f.file).join(' + '),
            `on demand, not counted: \`import()\` from ${d.importedBy}` +
              (d.exports.length ? ` (exports ${d.exports.join(', ')})` : ''),
            bytesText(d.total.raw),
            bytesText(d.total.gzip),
            bytesText(d.total.brotli),
          ]),
        ],
      ),
    );
    if (r.breakdown) {
      lines.push(
        '',
        'What the first load is made of (compressed sizes of a part = how much its file shrinks without it, ' +
          'so the rows add up to the total; ky and the SDK are esbuild estimates, see bench/README.md):',
        '',
        ...mdTable(
          ['Part', 'Raw', 'gzip', 'Share of gzip', 'brotli', 'How'],
          r.breakdown.parts.map((p) => [
            p.part,
            bytesText(p.raw),
            bytesText(p.gzip),
            pct(p.shareOfGzip),
            bytesText(p.brotli),
            p.how,
          ]),
        ),
      );
      const e = r.breakdown.esbuildEstimate;
      lines.push(
        '',
        `Cross-check: the ${e.what} is ${bytesText(e.raw)} raw, ${bytesText(e.gzip)} gzip; ` +
          `the component's chunks in the build are ${bytesText(e.componentChunks.raw)} raw, ${bytesText(e.componentChunks.gzip)} gzip.`,
      );
      for (const n of r.breakdown.notes) lines.push('', `**${n}**`);
    }
    if (r.breakdownError) lines.push('', `No breakdown: ${r.breakdownError}`);
  }
  return lines;
}
