import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// What npm would publish, used as a regional web team would use it: the packed @loket/sdk and
// @loket/components installed offline into a fresh project (test/global-setup.ts, once per run),
// then checked (publint, attw), type-checked, imported in Node and by esbuild, loaded from a CDN-like
// origin under a strict CSP, and used from React, Vue and Angular apps, in a real headless Chromium
// (playwright-core; CHROME_PATH). Needs `pnpm build`.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    name: 'packages',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['../server/test/pglite-template.ts', 'test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
