// Paths of the build and the tools that read it: esbuild and es-module-lexer, resolved from where
// vite (a root devDependency) or storybook have them.
import { existsSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const componentsDir = join(root, 'packages', 'components');
/** The lazy-loading bundle of the `dist` output target (namespace `loket`). */
export const DIST_DIR = join(componentsDir, 'dist', 'loket');
export const LOADER = 'loket.esm.js';
export const KIB = 1024;

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
export async function parseModule(code) {
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

let esbuildModule;
export const esbuild = () => {
  esbuildModule ??= tool('esbuild');
  return esbuildModule;
};
