// After `stencil build`: gives every relative import in the published type declarations
// (dist/types, dist/components, loader) its file extension, `./i18n` → `./i18n/index.js`,
// `./types` → `./types.js`. Stencil writes them extensionless, which TypeScript's
// `moduleResolution: node16`/`nodenext` (an ESM consumer in Node) cannot resolve: such a project
// would see the elements' types as `any` (@arethetypeswrong/cli: "Internal resolution error").
// The JavaScript is untouched. Checked by packages/package-tests (attw, and a node16 consumer).
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}(?:\/[^'"]*)?)\2/g;

function* declarations(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* declarations(path);
    else if (name.endsWith('.d.ts')) yield path;
  }
}

/** The specifier with the extension that names the declaration file it means. */
function withExtension(file, specifier) {
  if (/\.(js|mjs|cjs|json)$/.test(specifier)) return specifier;
  const target = resolve(dirname(file), specifier);
  if (existsSync(`${target}.d.ts`)) return `${specifier}.js`;
  if (existsSync(join(target, 'index.d.ts'))) return `${specifier.replace(/\/$/, '')}/index.js`;
  throw new Error(`${file}: no declaration for '${specifier}'`);
}

let changed = 0;
for (const dir of ['dist/types', 'dist/components', 'loader']) {
  for (const file of declarations(join(root, dir))) {
    const text = readFileSync(file, 'utf8');
    const next = text.replace(
      SPECIFIER,
      (_, keyword, quote, specifier) => `${keyword}${quote}${withExtension(file, specifier)}${quote}`,
    );
    if (next !== text) {
      writeFileSync(file, next);
      changed++;
    }
  }
}
console.log(`declarations-for-node16: ${changed} declaration files given import extensions`);
