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
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import zlib from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const componentsDir = join(root, 'packages', 'components');
/** The lazy-loading bundle of the `dist` output target (namespace `loket`). */
export const DIST_DIR = join(componentsDir, 'dist', 'loket');
const LOADER = 'loket.esm.js';
export const KIB = 1024;

/**
 * The components whose first load `pnpm bench` measures, with their targets in KiB of gzip.
 * One line per component; `source` defaults to src/components/<tag>/<tag>.tsx and `dictionary`
 * (its Indonesian strings) to src/components/<tag>/messages/id.ts.
 *
 * `runtimeShared`: the target counts the first load beyond the Stencil runtime (loader + runtime
 * chunk), which a page loads once for all its components (issue 6: "runtime shared"); the
 * finder's target (issue 5) counts the runtime too. Both figures are always reported.
 */
export const COMPONENTS = [
  { tag: 'loket-service-finder', targetKiB: 20, runtimeShared: false },
  { tag: 'loket-application-form', targetKiB: 25, runtimeShared: true },
  { tag: 'loket-status-tracker', targetKiB: 15, runtimeShared: true },
];

// --- Tools: esbuild and es-module-lexer are not root dependencies; vite (a root devDependency)
// and storybook depend on both, so they are resolved from there. ---
const toolRequires = [
  'node_modules/vite/package.json',
  'node_modules/storybook/package.json',
  'packages/server/node_modules/tsx/package.json',
]
  .map((p) => join(root, p))
  .filter((p) => existsSync(p))
  .map((p) => createRequire(realpathSync(p)));

function tool(name) {
  for (const req of [createRequire(import.meta.url), ...toolRequires]) {
    try {
      return req(name);
    } catch {}
  }
  throw new Error(
    `cannot load ${name} (looked in the root and next to vite, storybook and tsx): run pnpm install`,
  );
}

let lexer;
async function parseModule(code) {
  if (!lexer) {
    lexer = tool('es-module-lexer');
    await lexer.init;
  }
  const [imports, exports] = lexer.parse(code);
  return {
    /** Relative specifiers of `import … from`, `import "…"`, `export … from`. */
    staticImports: imports.filter((i) => i.d === -1 && i.n).map((i) => i.n),
    /** String specifiers of `import("…")`; template-literal ones (the runtime's entry loader) have none. */
    dynamicImports: imports.filter((i) => i.d >= 0 && i.n).map((i) => i.n),
    exports: exports.map((e) => e.n),
  };
}

// --- Compression ---
export function compressedSizes(text) {
  const buf = Buffer.from(text);
  return {
    raw: buf.length,
    gzip: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      },
    }).length,
  };
}
const KINDS = ['raw', 'gzip', 'brotli'];
const add = (a, b) => Object.fromEntries(KINDS.map((k) => [k, a[k] + b[k]]));
const sub = (a, b) => Object.fromEntries(KINDS.map((k) => [k, a[k] - b[k]]));
const zero = () => ({ raw: 0, gzip: 0, brotli: 0 });
const sum = (list) => list.reduce(add, zero());

// --- Scanning minified JavaScript for literals ---

/** The end (exclusive) of the string literal whose opening quote is at `start`. */
function stringEnd(code, start) {
  const quote = code[start];
  for (let i = start + 1; i < code.length; i++) {
    if (code[i] === '\\') i++;
    else if (code[i] === quote) return i + 1;
  }
  return -1;
}

/** The end (exclusive) of the `{…}`/`[…]` literal opening at `start`; strings are skipped. */
function bracketEnd(code, start) {
  let depth = 0;
  for (let i = start; i < code.length; i++) {
    const c = code[i];
    if (c === '"' || c === "'" || c === '`') {
      i = stringEnd(code, i) - 1;
      if (i < 0) return -1;
    } else if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** The literal (string, object or array) at `start`, as [start, end], or null. */
function literalAt(code, start) {
  const c = code[start];
  const end =
    c === '{' || c === '['
      ? bracketEnd(code, start)
      : c === '"' || c === "'" || c === '`'
        ? stringEnd(code, start)
        : -1;
  return end > start ? [start, end] : null;
}

/**
 * Component styles in a Stencil lazy chunk: `X.style=":host{…}"`, or `X.style=Y` with
 * `Y=":host{…}"` declared in the same chunk, or an object of styles per mode.
 */
function findStyles(code) {
  const ranges = [];
  for (const m of code.matchAll(/\.style=/g)) {
    const at = m.index + m[0].length;
    const direct = literalAt(code, at);
    if (direct) {
      ranges.push(direct);
      continue;
    }
    const id = /^[\w$]+/.exec(code.slice(at))?.[0];
    if (!id) continue;
    const decl = new RegExp(`(?:^|[,;{(\\s])${id.replace(/\$/g, '\\$')}=(?=["'\`{])`, 'g');
    for (const d of code.matchAll(decl)) {
      const range = literalAt(code, d.index + d[0].length);
      if (range) {
        ranges.push(range);
        break;
      }
    }
  }
  return ranges;
}

// --- esbuild: the estimates of parts that the build output does not delimit ---
let esbuildModule;
const esbuild = () => {
  esbuildModule ??= tool('esbuild');
  return esbuildModule;
};

/** Bundles `entry` as Stencil would (minified ES2022, `@stencil/core` left out), leaving `external` out too. */
async function bundleEstimate(entry, external = []) {
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
async function dictionaryEstimate(source) {
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
function findDictionary(files, estimate) {
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
function marginal(file, ranges) {
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

// --- The graph of the built files ---
function makeReader(distDir) {
  const cache = new Map();
  return async (name) => {
    if (!cache.has(name)) {
      const path = join(distDir, name);
      if (!existsSync(path)) throw new Error(`${relative(root, path)} is missing: run pnpm build`);
      const code = readFileSync(path, 'utf8');
      cache.set(name, { name, code, size: compressedSizes(code), ...(await parseModule(code)) });
    }
    return cache.get(name);
  };
}

const specifierFile = (spec) => spec.replace(/^\.\//, '').replace(/[?#].*$/, '');

/** `start` and every file it imports statically, transitively, in discovery order. */
async function staticClosure(read, start, seen = new Set()) {
  const files = [];
  const visit = async (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    const file = await read(name);
    files.push(file);
    for (const spec of file.staticImports) {
      if (spec.startsWith('./') || spec.startsWith('../')) await visit(specifierFile(spec));
    }
  };
  await visit(start);
  return files;
}

/**
 * The loader's lazy registry, `bootstrapLazy([["p-xxx",[[flags,"tag",members,…],…]],…])`: the
 * argument is found by its shape and read as data (a JSON-like literal, evaluated with no globals).
 */
async function lazyRegistry(loaderCode) {
  const { runInNewContext } = await import('node:vm');
  for (const m of loaderCode.matchAll(/\(\[\[["'`]/g)) {
    const range = literalAt(loaderCode, m.index + 1);
    if (!range) continue;
    let value;
    try {
      value = runInNewContext(`(${loaderCode.slice(...range)})`, Object.create(null), { timeout: 1000 });
    } catch {
      continue;
    }
    const ok =
      Array.isArray(value) &&
      value.every(
        (b) =>
          Array.isArray(b) &&
          typeof b[0] === 'string' &&
          Array.isArray(b[1]) &&
          b[1].every((c) => Array.isArray(c) && typeof c[1] === 'string'),
      );
    if (ok) return new Map(value.flatMap(([bundle, cmps]) => cmps.map((c) => [c[1], bundle])));
  }
  throw new Error(`no lazy registry ([["bundle",[[flags,"tag",…]]]]) found in ${LOADER}`);
}

/** Newest modification time of the files under `dir` (recursively), in ms. */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return newest;
}

function sourceState() {
  const git = (args) =>
    execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    const changed = git(['status', '--porcelain', '--', 'packages/components/src', 'packages/sdk/src'])
      .split('\n')
      .filter(Boolean)
      .map((l) => l.slice(3))
      .filter((f) => !/\.(spec|test|e2e)\.[jt]sx?$/.test(f)); // never in the bundle
    return { commit: git(['rev-parse', '--short', 'HEAD']).trim(), uncommittedSourceFiles: changed };
  } catch {
    return { commit: null, uncommittedSourceFiles: [] };
  }
}

/**
 * The first-load size of `tag` (see the top of this file), compared with `targetKiB` KiB of gzip
 * and with the Stencil runtime alone (the loader and the chunks it imports statically: what every
 * component's first load includes, once per page). `breakdown` also splits the first load into
 * runtime, ky, the rest of @loket/sdk, the component's code, its CSS and the Indonesian dictionary.
 */
export async function measureFirstLoad({
  tag,
  targetKiB,
  runtimeShared = false,
  source,
  dictionary,
  breakdown = true,
  distDir = DIST_DIR,
}) {
  const read = makeReader(distDir);
  const loader = await read(LOADER);
  const registry = await lazyRegistry(loader.code);
  const bundle = registry.get(tag);
  if (!bundle)
    throw new Error(`<${tag}> is not in the loader's lazy registry (${[...registry.keys()].join(', ')})`);
  const entryName = `${bundle}.entry.js`;

  const seen = new Set();
  const runtimeFiles = await staticClosure(read, LOADER, seen);
  const componentFiles = await staticClosure(read, entryName, seen);
  const firstLoad = [...runtimeFiles, ...componentFiles];
  const role = (f) =>
    f.name === LOADER
      ? 'loader'
      : runtimeFiles.includes(f)
        ? 'runtime (imported by the loader)'
        : f.name === entryName
          ? `entry of <${tag}>`
          : 'chunk imported by the entry';

  // On demand: string dynamic imports of the first-load files, with what they import statically
  // beyond the first load.
  const onDemand = [];
  const loaded = new Set(seen);
  for (const f of firstLoad) {
    for (const spec of f.dynamicImports) {
      const name = specifierFile(spec);
      if (loaded.has(name)) continue;
      const files = await staticClosure(read, name, loaded);
      onDemand.push({
        chunk: name,
        importedBy: f.name,
        exports: files[0].exports,
        files: files.map((x) => ({ file: x.name, ...x.size })),
        total: sum(files.map((x) => x.size)),
      });
    }
  }

  const total = sum(firstLoad.map((f) => f.size));
  const runtime = sum(runtimeFiles.map((f) => f.size));
  const targetBytes = targetKiB * KIB;
  const beyondRuntime = sub(total, runtime);
  const counted = runtimeShared ? beyondRuntime : total;
  const result = {
    tag,
    entry: entryName,
    target: { gzipKiB: targetKiB, gzipBytes: targetBytes, runtimeShared },
    total,
    beyondRuntime,
    baseline: { what: 'Stencil runtime alone: the loader and the chunks it imports statically', ...runtime },
    ratio: total.gzip / runtime.gzip,
    pass: counted.gzip <= targetBytes,
    files: firstLoad.map((f) => ({ file: f.name, role: role(f), ...f.size })),
    onDemand,
  };
  if (breakdown) {
    const src = source ?? join(componentsDir, 'src', 'components', tag, `${tag}.tsx`);
    const dict = dictionary ?? join(componentsDir, 'src', 'components', tag, 'messages', 'id.ts');
    try {
      result.breakdown = await breakDown({ componentFiles, runtime, total, source: src, dictionary: dict });
    } catch (err) {
      result.breakdownError = err.message; // the sizes above stand without it
    }
  }
  return result;
}

async function breakDown({ componentFiles, runtime, total, source, dictionary: dictionarySource }) {
  const component = sum(componentFiles.map((f) => f.size));
  const parts = [];
  const notes = [];

  // CSS: the style literals in the component's chunks (exact).
  const css = sum(componentFiles.map((f) => marginal(f, findStyles(f.code))));
  parts.push({
    part: 'CSS (style string in the chunk)',
    ...css,
    how: 'the `.style=` string literals in the chunks; compressed = chunk minus chunk without them',
  });

  // ky and the rest of @loket/sdk: esbuild bundles of the component's source (estimates).
  if (!existsSync(source)) throw new Error(`no source ${relative(root, source)}: pass \`source\``);
  const [full, noKy, noSdk] = await Promise.all([
    bundleEstimate(source),
    bundleEstimate(source, ['ky']),
    bundleEstimate(source, ['@loket/sdk', 'ky']),
  ]);
  const [fullSize, noKySize, noSdkSize] = [full, noKy, noSdk].map((b) => compressedSizes(b.text));
  const bytesOf = (test) =>
    Object.entries(full.inputs)
      .filter(([path]) => test(path.replace(/\\/g, '/')))
      .reduce((n, [, bytes]) => n + bytes, 0);

  // Indonesian dictionary: located in the chunks (exact); if the source uses it but it cannot be
  // found, esbuild's estimate.
  if (!existsSync(dictionarySource))
    throw new Error(`no dictionary ${relative(root, dictionarySource)}: pass \`dictionary\``);
  const dictText = await dictionaryEstimate(dictionarySource);
  const found = findDictionary(componentFiles, dictText);
  const dictPath = relative(root, dictionarySource).replace(/\\/g, '/');
  const usesDictionary = bytesOf((p) => p === dictPath) > 0;
  const dictionary = found
    ? marginal(found.file, [found.range])
    : usesDictionary
      ? compressedSizes(dictText)
      : zero();
  parts.push({
    part: `Indonesian dictionary (${relative(join(componentsDir, 'src'), dictionarySource)})`,
    ...dictionary,
    how: found
      ? `its object literal in ${found.file.name}; compressed = chunk minus chunk without it`
      : usesDictionary
        ? 'NOT FOUND in the chunks: esbuild-minified id.ts compressed alone (estimate)'
        : 'not used by the component',
  });
  if (!found && usesDictionary)
    notes.push('The Indonesian dictionary was not found in the built chunks: its row is an estimate.');
  const ky = { ...sub(fullSize, noKySize), raw: bytesOf((p) => p.includes('/node_modules/ky/')) };
  const sdk = {
    ...sub(noKySize, noSdkSize),
    raw: bytesOf((p) => p.startsWith('packages/sdk/') || p.includes('/node_modules/@loket/sdk/')),
  };
  parts.push(
    {
      part: 'ky (HTTP client)',
      ...ky,
      how: 'esbuild bundle of the source (minified): bytes from ky; compressed = bundle minus bundle with ky external',
    },
    {
      part: '@loket/sdk without ky',
      ...sdk,
      how: 'same bundle: bytes from @loket/sdk; compressed = bundle with ky external minus bundle with the SDK external too',
    },
  );

  // The component's own code: the rest of its chunks.
  const own = sub(component, sum([css, dictionary, ky, sdk]));
  parts.push({
    part: "component's own code (and Stencil's per-component glue)",
    ...own,
    how: 'the rest of the chunks: chunk total minus the four rows above',
  });
  parts.unshift({
    part: 'Stencil runtime (loader + runtime chunk)',
    ...runtime,
    how: 'the files themselves (exact)',
  });
  for (const p of parts) p.shareOfGzip = Number((p.gzip / total.gzip).toFixed(3));
  if (own.raw < 0 || own.gzip < 0)
    notes.push("Negative component's own code: the estimates above are too large.");
  return {
    parts: parts.sort((a, b) => b.gzip - a.gzip),
    esbuildEstimate: {
      what: `esbuild bundle of ${relative(root, source)} (minified ES2022, @stencil/core external, CSS not included)`,
      ...fullSize,
      componentChunks: component,
    },
    notes,
  };
}

/**
 * The first loads of `components` (default: COMPONENTS) plus the build's state: `{ components:
 * [result | { tag, error }], build }`. A component that fails is reported, the others still run.
 */
export async function measureSizes(components = COMPONENTS, options = {}) {
  const distDir = options.distDir ?? DIST_DIR;
  const loaderPath = join(distDir, LOADER);
  const build = { dir: relative(root, distDir), ...sourceState(), staleWarning: null };
  if (existsSync(loaderPath)) {
    const built = statSync(loaderPath).mtimeMs;
    const newest = Math.max(
      ...[join(componentsDir, 'src'), join(root, 'packages', 'sdk', 'src')]
        .filter(existsSync)
        .map(newestMtime),
    );
    if (newest > built)
      build.staleWarning = `sources changed after the build (${new Date(built).toISOString()}): run pnpm build`;
    build.builtAt = new Date(built).toISOString();
  }
  const results = [];
  for (const c of components) {
    try {
      results.push(await measureFirstLoad({ ...c, distDir }));
    } catch (err) {
      results.push({
        tag: c.tag,
        target: { gzipKiB: c.targetKiB, gzipBytes: c.targetKiB * KIB, runtimeShared: !!c.runtimeShared },
        error: err.message,
      });
    }
  }
  return { components: results, build };
}

// --- Text ---
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

const mdTable = (header, rows) =>
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
