// The graph of the built files: reading them, their static imports, the loader's lazy registry,
// and the state of the build and of the sources it was made from.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compressedSizes } from './compress.mjs';
import { literalAt } from './literals.mjs';
import { LOADER, parseModule, root } from './tools.mjs';

export function makeReader(distDir) {
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

export const specifierFile = (spec) => spec.replace(/^\.\//, '').replace(/[?#].*$/, '');

/** `start` and every file it imports statically, transitively, in discovery order. */
export async function staticClosure(read, start, seen = new Set()) {
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
export async function lazyRegistry(loaderCode) {
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
export function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return newest;
}

export function sourceState() {
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
