import { fileURLToPath } from 'node:url';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { commands } from './test/commands.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The component tests, as two projects. vitest 4 does not read `projects` from a config file that
 * a glob matched (nested projects come in a later version), so the root config imports this list
 * and this file's default export runs the same two projects from packages/components.
 *
 * - components-unit: i18n and utils in Node (`src/**\/*.spec.ts`).
 * - components-browser: the built <loket-service-finder> in a real headless Chromium
 *   (`src/**\/*.e2e.ts`) against the real API server that test/global-setup.ts starts.
 *   Run `pnpm build` first: the tests load dist/components/loket-service-finder.js.
 */
export const componentProjects: TestProjectInlineConfiguration[] = [
  {
    root,
    test: {
      name: 'components-unit',
      include: ['src/**/*.spec.ts'],
      environment: 'node',
    },
  },
  {
    root,
    // Pre-bundled up front, so that vite never reloads the page in the middle of a run.
    optimizeDeps: { include: ['axe-core'] },
    test: {
      name: 'components-browser',
      include: ['src/**/*.e2e.ts'],
      globalSetup: ['test/global-setup.ts'],
      testTimeout: 20_000,
      hookTimeout: 60_000,
      // One file at a time: the files share one origin, so one localStorage (the form's saved
      // applications, which a form on the page follows across tabs) and one set of network faults.
      fileParallelism: false,
      // expect.element and expect.poll wait up to 5 s (not 1 s) on a busy machine.
      expect: { poll: { timeout: 5_000 } },
      browser: {
        enabled: true,
        headless: true,
        screenshotFailures: false,
        viewport: { width: 1024, height: 768 },
        provider: playwright({
          launchOptions: { executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
        }),
        instances: [{ browser: 'chromium' }],
        commands,
      },
    },
  },
];

export default defineConfig({ test: { projects: componentProjects } });
