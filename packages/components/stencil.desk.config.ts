import type { Config } from '@stencil/core';
import { config as citizen } from './stencil.config';

// The officer desk (/petugas/ on the API server, docs/desk.md): the same Stencil package, kit and
// settings as the citizen components, but its own source folder and namespace, so that the citizen
// lazy loader (dist/loket/loket.esm.js) never registers a desk tag and no citizen page grows.
// - `www`: dist-desk/build/loket-desk.esm.js and its chunks, which the server serves at /petugas/;
// - `dist-custom-elements`: one module per tag (dist-desk/components), for Storybook.
export const config: Config = {
  ...citizen,
  namespace: 'loket-desk',
  srcDir: 'desk',
  tsconfig: 'tsconfig.desk.json',
  outputTargets: [
    { type: 'www', dir: 'dist-desk', buildDir: 'build', serviceWorker: null, empty: true },
    {
      type: 'dist-custom-elements',
      dir: 'dist-desk/components',
      customElementsExportBehavior: 'auto-define-custom-elements',
      externalRuntime: false,
      // Its declarations would go to dist/types and replace the citizen package's (the desk is
      // not published; Storybook needs only its JavaScript).
      generateTypeDeclarations: false,
    },
    { type: 'docs-readme', footer: '' },
  ],
};
