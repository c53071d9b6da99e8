import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import react from '@vitejs/plugin-react';
import vue from '@vitejs/plugin-vue';
import type { Browser } from 'playwright-core';
import { build, type InlineConfig } from 'vite';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { startTestServer, type TestServer } from '../../server/test/helpers/app.js';
import { checkExample, examples, launchChromium, linkPackedPackages, serveApp } from './examples.js';
import { workspace } from './packed.js';
import type { StaticServer } from './static-server.js';

// React 19 and Vue 3 use the elements as they are (no wrappers): each tiny app in examples/ is
// built with Vite from the packed packages and run in Chromium.
const run = promisify(execFile);
let api: TestServer;
let browser: Browser;
const servers: StaticServer[] = [];

beforeAll(async () => {
  linkPackedPackages(inject('consumer'));
  [api, browser] = await Promise.all([startTestServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.close()));
  await api?.close();
});

async function buildAndServe(name: string, config: InlineConfig): Promise<string> {
  const root = join(examples, name);
  await build({
    root,
    logLevel: 'warn',
    configFile: false,
    build: { outDir: 'dist', emptyOutDir: true },
    ...config,
  });
  const server = await serveApp(join(root, 'dist'), readFileSync(join(root, 'dist/index.html'), 'utf8'), api);
  servers.push(server);
  return `${server.origin}/`;
}

test('React 19: properties, typed loketApply / loketStepChange handlers, type-checked against the packed types', async () => {
  const tsc = join(workspace, 'node_modules/typescript/bin/tsc');
  const checked = await run(process.execPath, [tsc, '-p', join(examples, 'react/tsconfig.json')]).catch(
    (e: { stdout: string }) => e,
  );
  expect(checked.stdout).toBe('');
  await checkExample(browser, await buildAndServe('react', { plugins: [react()] }), 'React');
});

test('Vue 3: properties, loketApply / loketStepChange listeners', async () => {
  const plugins = [
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('loket-') } } }),
  ];
  await checkExample(browser, await buildAndServe('vue', { plugins }), 'Vue');
});
