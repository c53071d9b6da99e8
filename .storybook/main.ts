import type { StorybookConfig } from '@storybook/web-components-vite';

// Stories of the built components (packages/components/dist: run `pnpm build` first). The API is
// mocked by MSW from recorded real responses; its worker is served from ./public.
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  staticDirs: ['./public'],
  core: { disableTelemetry: true },
};

export default config;
