#!/usr/bin/env node
// Prints the CDN tags for this version of @loket/components, with their Subresource Integrity
// hashes computed from the files as built (= as packed: `pnpm pack` ships dist/loket unchanged, and
// jsDelivr serves a package's files byte for byte). Run after `pnpm build`, at release, and put
// the output in the release notes and docs/embedding.md:
//   node packages/components/scripts/cdn-tag.mjs [--cdn https://cdn.jsdelivr.net/npm] [--dir <package dir>]
// packages/package-tests/test/cdn.test.ts loads the packed package through these tags.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
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

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const dir = resolve(arg('--dir') ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
  console.log(cdnTags({ dir, cdn: arg('--cdn') ?? JSDELIVR }).html);
}
