import { defineConfig } from 'vitest/config';
import { componentProjects } from './packages/components/vitest.config.ts';

// One vitest run covers every package. The server suite runs twice: on embedded PGlite and on a
// real PostgreSQL (LOKET_TEST_DATABASE_URL, set by scripts/test.mjs from a throw-away cluster).
const postgresUrl = process.env.LOKET_TEST_DATABASE_URL;

// vitest runs one test file at a time on a 2-core machine (cores - 1). Two at a time was 14 %
// faster there but made browser tests with 20 s budgets time out: LOKET_TEST_WORKERS=2 to try it.
const workers = Number(process.env.LOKET_TEST_WORKERS) || undefined;

// The server files run one after another in one process that keeps its imported modules (Fastify,
// PGlite, the app): a fresh process per file spent about 2 s importing them again, for each of the
// ~160 server files. Each file still builds its own app on its own database.
// LOKET_TEST_ISOLATE=1 gives each file its own process again (to tell a leak between files).
const isolate = process.env.LOKET_TEST_ISOLATE === '1';

export default defineConfig({
  test: {
    ...(workers ? { maxWorkers: workers } : {}),
    projects: [
      // Browser and end-to-end projects keep their own config next to their code. The components
      // config holds two projects, which vitest 4 reads only inline (no nested project files).
      '{packages/*,stories}/vitest.config.ts',
      '!packages/components/vitest.config.ts',
      ...componentProjects,
      {
        test: {
          name: 'sdk',
          include: ['packages/sdk/test/**/*.test.ts'],
          globalSetup: ['packages/server/test/pglite-template.ts'],
          typecheck: {
            enabled: true,
            include: ['packages/sdk/test/**/*.test-d.ts'],
            tsconfig: 'packages/sdk/tsconfig.json',
          },
        },
      },
      {
        test: {
          name: 'server-pglite',
          include: ['packages/server/test/**/*.test.ts'],
          isolate,
          env: { LOKET_TEST_ENGINE: 'pglite' },
          globalSetup: ['packages/server/test/pglite-template.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(postgresUrl
        ? [
            {
              test: {
                name: 'server-postgres',
                include: ['packages/server/test/**/*.test.ts'],
                isolate,
                exclude: ['packages/server/test/**/*.pglite-only.test.ts'],
                env: { LOKET_TEST_ENGINE: 'postgres', LOKET_TEST_DATABASE_URL: postgresUrl },
                globalSetup: ['packages/server/test/global-setup.ts'],
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
    ],
  },
});
