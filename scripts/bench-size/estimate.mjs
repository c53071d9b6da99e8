// esbuild: the estimates of the parts that the build output does not delimit (ky, the SDK, the
// dictionary), and what a range of a built file adds to its compressed size.
import { join, relative } from 'node:path';
import { compressedSizes, zero } from './compress.mjs';
import { literalAt } from './literals.mjs';
import { componentsDir, esbuild, root } from './tools.mjs';

/** Bundles `entry` as Stencil would (minified ES2022, `@stencil/core` left out), leaving `external` out too. */
export async function bundleEstimate(entry, external = []) {
  const result = await esbuild().build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    splitting: true, // dynamic imports (the English dictionary) stay separate chunks, as in the build
    outdir: join(root, '.bench-size-virtual'), // nothing is written
    write: false,
    metafile: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    tsconfig: join(componentsDir, 'tsconfig.json'),
    external: ['@stencil/core', ...external],
    logLevel: 'silent',
  });
  // The entry's output and the chunks it imports statically (code shared with a lazy chunk is
  // split out of the entry), as one text; bytes per input summed over them.
  const outputs = result.metafile.outputs;
  const texts = new Map(result.outputFiles.map((f) => [relative(root, f.path).replace(/\\/g, '/'), f.text]));
  const inputs = {};
  let text = '';
  const seen = new Set();
  const visit = (outPath) => {
    if (seen.has(outPath)) return;
    seen.add(outPath);
    text += texts.get(outPath);
    for (const [input, { bytesInOutput }] of Object.entries(outputs[outPath].inputs))
      inputs[input] = (inputs[input] ?? 0) + bytesInOutput;
    for (const i of outputs[outPath].imports) if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  visit(Object.keys(outputs).find((o) => outputs[o].entryPoint));
  return { text, inputs };
}

/** The minified object literal of an Indonesian dictionary, as esbuild emits it. */
export async function dictionaryEstimate(source) {
  const { text } = await bundleEstimate(source);
  const at = text.indexOf('={');
  const range = at >= 0 ? literalAt(text, at + 1) : null;
  if (!range) throw new Error(`no object literal in the minified ${relative(root, source)}`);
  return text.slice(...range);
}

/**
 * The Indonesian dictionary inside the built chunks: an object literal starting like esbuild's
 * minified id.ts (same keys up to the first string) and of about the same length.
 */
export function findDictionary(files, estimate) {
  const prefix = estimate.slice(0, estimate.search(/["'`]/));
  let best = null;
  for (const f of files) {
    for (let at = f.code.indexOf(prefix); at >= 0; at = f.code.indexOf(prefix, at + 1)) {
      const range = literalAt(f.code, at);
      if (!range) continue;
      const off = Math.abs(range[1] - range[0] - estimate.length) / estimate.length;
      if (off <= 0.25 && (!best || off < best.off)) best = { file: f, range, off };
    }
  }
  return best;
}

/** Sizes of `file` minus the sizes of `file` without `ranges` (what these bytes add to it). */
export function marginal(file, ranges) {
  if (!ranges.length) return zero();
  let rest = '';
  let from = 0;
  for (const [s, e] of [...ranges].sort((a, b) => a[0] - b[0])) {
    rest += file.code.slice(from, s);
    from = e;
  }
  rest += file.code.slice(from);
  const without = compressedSizes(rest);
  return {
    raw: ranges.reduce((n, [s, e]) => n + Buffer.byteLength(file.code.slice(s, e)), 0),
    gzip: file.size.gzip - without.gzip,
    brotli: file.size.brotli - without.brotli,
  };
}
