// The first-load size of a component, and of all of them with the build's state.
import { existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { breakDown } from './breakdown.mjs';
import { COMPONENTS } from './components.mjs';
import { sub, sum } from './compress.mjs';
import {
  lazyRegistry,
  makeReader,
  newestMtime,
  sourceState,
  specifierFile,
  staticClosure,
} from './graph.mjs';
import { componentsDir, DIST_DIR, KIB, LOADER, root } from './tools.mjs';

/**
 * The first-load size of `tag` (see the top of scripts/bench-size.mjs), compared with `targetKiB` KiB of gzip
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
