import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * The stories files whose play functions follow the Language toolbar: every one whose meta does not
 * keep it in Indonesian (`globals: { locale: 'id' }`, for checks that read Indonesian words; no file
 * does today, see README.md "Languages").
 */
const followTheToolbar = readdirSync(here)
  .filter((f) => f.endsWith('.stories.ts'))
  .filter((f) => !/^ {2}globals: \{ locale: 'id' \},$/m.test(readFileSync(`${here}/${f}`, 'utf8')))
  .map((f) => `stories/${f}`);

// Every story is a test: it renders in Chromium, its play function runs, then axe checks it
// (parameters.a11y.test: 'error' in .storybook/preview.ts). Needs `pnpm build` (the components' dist).
// The stories that follow the Language toolbar run a second time with it on English, as a reader who
// switches it sees them ('storybook (english)': the toolbar's initial value, `locale: 'en'`).
export default defineConfig({
  plugins: [storybookTest({ configDir: fileURLToPath(new URL('../.storybook', import.meta.url)) })],
  test: {
    name: 'storybook',
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: { executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
      }),
      instances: [
        { browser: 'chromium' },
        {
          browser: 'chromium',
          name: 'storybook (english)',
          provide: { 'storybook/test-initial-globals': { locale: 'en' } },
          include: followTheToolbar,
        },
      ],
    },
  },
});
