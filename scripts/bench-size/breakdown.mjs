// What a component's first load is made of: the runtime, its CSS, its Indonesian dictionary, ky,
// the rest of @loket/sdk and its own code, with sizes that add up to the total.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compressedSizes, sub, sum, zero } from './compress.mjs';
import { bundleEstimate, dictionaryEstimate, findDictionary, marginal } from './estimate.mjs';
import { findStyles } from './literals.mjs';
import { componentsDir, root } from './tools.mjs';

export async function breakDown({ componentFiles, runtime, total, source, dictionary: dictionarySource }) {
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
  // esbuild keeps ky in the static chunks when the SDK's index re-exports it, Rollup (the build)
  // does not: when the first load holds no ky (its `prefixUrl` option), ky counts zero here.
  const kyLoaded = componentFiles.some((f) => f.code.includes('prefixUrl'));
  const ky = kyLoaded
    ? { ...sub(fullSize, noKySize), raw: bytesOf((p) => p.includes('/node_modules/ky/')) }
    : { ...zero(), raw: 0 };
  const sdk = {
    ...sub(noKySize, noSdkSize),
    raw: bytesOf((p) => p.startsWith('packages/sdk/') || p.includes('/node_modules/@loket/sdk/')),
  };
  parts.push(
    {
      part: 'ky (HTTP client)',
      ...ky,
      how: kyLoaded
        ? 'esbuild bundle of the source (minified): bytes from ky; compressed = bundle minus bundle with ky external'
        : 'not in the first load: ky comes with the first request (see "on demand")',
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
