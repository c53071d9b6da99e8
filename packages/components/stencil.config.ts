import type { Config } from '@stencil/core';

// Two builds of the same components:
// - `dist`: the lazy-loading bundle for one script tag (dist/loket/loket.esm.js, CDN use);
// - `dist-custom-elements`: one tree-shakable module per tag for bundlers.
// Docs: readmes next to each component, docs.json and custom-elements.json (Storybook reads it).
export const config: Config = {
  namespace: 'loket',
  tsconfig: 'tsconfig.build.json',
  taskQueue: 'async',
  // Pages under a strict CSP may forbid inline <style>: components then still show (no
  // "hidden until hydrated" rule is injected into the page).
  invisiblePrehydration: false,
  // No `hydrated` class on upgraded elements: nothing styles it (embedders reserve space with
  // `:not(:defined)`, docs/embedding.md), and the runtime is smaller without it.
  hydratedFlag: null,
  outputTargets: [
    {
      type: 'dist',
      esmLoaderPath: '../loader',
      copy: [{ src: 'themes', dest: 'themes' }],
    },
    {
      type: 'dist-custom-elements',
      customElementsExportBehavior: 'auto-define-custom-elements',
      externalRuntime: false,
    },
    { type: 'docs-readme', footer: '' },
    { type: 'docs-json', file: 'docs.json' },
    { type: 'docs-custom-elements-manifest', file: 'custom-elements.json' },
  ],
  extras: {
    enableImportInjection: true,
  },
};
