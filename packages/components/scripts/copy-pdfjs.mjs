// Copies pdf.js (pdfjs-dist) next to the desk's build, where the server serves it at
// /petugas/build/ (docs/desk.md), and next to its per-tag modules (Storybook's desk stories): the library and its worker, named by version so they can be
// cached for a year. Run by `pnpm build` after the desk's Stencil build (which empties the folder).
// Fails when desk/pdf.ts names another version than the one installed.
import { copyFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const pkg = require.resolve('pdfjs-dist/package.json');
const { version } = JSON.parse(readFileSync(pkg, 'utf8'));
const source = readFileSync(join(here, '../desk/pdf.ts'), 'utf8');
if (!source.includes(`pdfjsVersion = '${version}'`)) {
  console.error(`desk/pdf.ts must say pdfjsVersion = '${version}' (the installed pdfjs-dist)`);
  process.exit(1);
}
const build = join(dirname(pkg), 'build');
// build/: what the server serves; components/: beside the per-tag modules Storybook loads.
for (const folder of ['build', 'components']) {
  const out = join(here, '../dist-desk', folder);
  copyFileSync(join(build, 'pdf.min.mjs'), join(out, `pdfjs-${version}.js`));
  copyFileSync(join(build, 'pdf.worker.min.mjs'), join(out, `pdfjs-worker-${version}.js`));
}
console.log(`pdf.js ${version} copied to dist-desk/build/ and dist-desk/components/`);
