#!/usr/bin/env node
// Prints the CDN tags for this version of @loket/components, with their Subresource Integrity
// hashes computed from the files as built (= as packed: `pnpm pack` ships dist/loket unchanged, and
// jsDelivr serves a package's files byte for byte). Run after `pnpm build`:
//   node packages/components/scripts/cdn-tag.mjs [--cdn https://cdn.jsdelivr.net/npm] [--dir <package dir>]
// At release (docs/packages.md) it keeps docs/embedding.md's tag in step with the files:
//   --write-docs [file]   puts this version's tags in the documented tag (`pnpm version-packages`)
//   --check-docs [file]   fails (exit 1) when the documented tag differs (`pnpm release`, and the
//                         package's prepublishOnly, so a stale hash is never published)
// packages/package-tests/test/cdn.test.ts loads the packed package through these tags and checks
// the documented ones.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const JSDELIVR = 'https://cdn.jsdelivr.net/npm';

/** `sha384-…` of a file, as the `integrity` attribute wants it. */
export function sri(file) {
  return `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`;
}

/**
 * The stylesheet and script tags for the package in `dir` (its package.json gives name and version),
 * served from `cdn` under `<cdn>/<name>@<version>/`.
 */
export function cdnTags({ dir, cdn = JSDELIVR }) {
  const { name, version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const base = `${cdn}/${name}@${version}/dist/loket`;
  const css = sri(join(dir, 'dist/loket/reserve.css'));
  const js = sri(join(dir, 'dist/loket/loket.esm.js'));
  return {
    base,
    css,
    js,
    html:
      `<link rel="stylesheet" href="${base}/reserve.css" integrity="${css}" crossorigin="anonymous">\n` +
      `<script type="module" src="${base}/loket.esm.js" integrity="${js}" crossorigin="anonymous"></script>`,
  };
}

/** The documented tag's two lines: the stylesheet and the script of @loket/components on a CDN. */
const DOCUMENTED = [
  /^<link rel="stylesheet" href="[^"]*\/@loket\/components@[^"/]*\/dist\/loket\/reserve\.css"[^>]*>$/m,
  /^<script type="module" src="[^"]*\/@loket\/components@[^"/]*\/dist\/loket\/loket\.esm\.js"[^>]*><\/script>$/m,
];

/**
 * `text` (a Markdown page) with its documented CDN tag replaced by `tags.html`. Throws when the page
 * does not hold the tag's two lines exactly once each (so a reworded page is noticed, not skipped).
 */
export function withDocumentedTags(text, tags) {
  const lines = tags.html.split('\n');
  return DOCUMENTED.reduce((out, pattern, i) => {
    const global = new RegExp(pattern.source, 'gm');
    const found = out.match(global)?.length ?? 0;
    if (found !== 1) throw new Error(`expected the CDN tag's line ${pattern} once, found it ${found} times`);
    return out.replace(pattern, () => lines[i]);
  }, text);
}

/** The documented tag's lines in `text`, as written. */
export function documentedTags(text) {
  return DOCUMENTED.map((pattern) => text.match(pattern)?.[0] ?? null);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const here = dirname(fileURLToPath(import.meta.url));
  const dir = resolve(arg('--dir') ?? join(here, '..'));
  const tags = cdnTags({ dir, cdn: arg('--cdn') ?? JSDELIVR });
  const mode = ['--write-docs', '--check-docs'].find((m) => process.argv.includes(m));
  if (!mode) {
    console.log(tags.html);
  } else {
    const given = arg(mode);
    const docs = resolve(given && !given.startsWith('--') ? given : join(here, '../../../docs/embedding.md'));
    const text = readFileSync(docs, 'utf8');
    const wanted = withDocumentedTags(text, tags);
    if (mode === '--write-docs') {
      if (wanted !== text) writeFileSync(docs, wanted);
      console.log(`${docs}: ${wanted === text ? 'already has' : 'now has'} the tag of ${tags.base}`);
    } else if (wanted !== text) {
      console.error(
        `${docs}: the documented CDN tag is not this build's (run \`pnpm build\` and ` +
          `\`node packages/components/scripts/cdn-tag.mjs --write-docs\`).\n` +
          `documented:\n${documentedTags(text).join('\n')}\nbuilt:\n${tags.html}`,
      );
      process.exitCode = 1;
    } else {
      console.log(`${docs}: the documented CDN tag is this build's (${tags.base})`);
    }
  }
}
