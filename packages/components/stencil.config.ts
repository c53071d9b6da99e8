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
  // The `hydrated` class marks an element that has rendered: reserve.css keeps each element's
  // space until then (docs/embedding.md). `:not(:defined)` cannot: the lazy loader defines every
  // tag at once, long before a component's code, texts and data arrive.
  hydratedFlag: {
    name: 'hydrated',
    selector: 'class',
    property: 'visibility',
    initialValue: 'hidden',
    hydratedValue: 'inherit',
  },
  outputTargets: [
    {
      type: 'dist',
      esmLoaderPath: '../loader',
      copy: [
        { src: 'themes', dest: 'themes' },
        { src: 'reserve.css', dest: 'reserve.css' },
      ],
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
