import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The demo site end to end: the real API (in-memory seeded PGlite) and the demo server on another
// origin, driven in a real headless Chromium through playwright-core. Needs `pnpm build` (the
// components' dist/loket). One browser per file; set CHROME_PATH when Chromium is elsewhere.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    name: 'e2e',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // The API's databases start from one migrated, seeded PGlite made once per run.
    globalSetup: ['../server/test/pglite-template.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
