import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject, test } from 'vitest';
import { startTestServer, type TestServer } from '../../server/test/helpers/app.js';
import { checkExample, examples, launchChromium, linkPackedPackages, serveApp } from './examples.js';
import type { StaticServer } from './static-server.js';

// Angular 21 (the newest major that runs on Node 20; Angular 22 needs Node 22) uses the elements
// with CUSTOM_ELEMENTS_SCHEMA, no wrappers: examples/angular built by Angular's application
// builder (`ng build`, strict templates; ≈ 10 s of CPU) from the packed packages, run in Chromium.
const run = promisify(execFile);
let api: TestServer;
let browser: Browser;
let server: StaticServer | undefined;

beforeAll(async () => {
  linkPackedPackages(inject('consumer'));
  [api, browser] = await Promise.all([startTestServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await api?.close();
});

test('Angular: properties, loketApply / loketStepChange bindings', { timeout: 180_000 }, async () => {
  const root = join(examples, 'angular');
  const ng = join(examples, '../node_modules/@angular/cli/bin/ng.js');
  await run(process.execPath, [ng, 'build'], {
    cwd: root,
    env: { ...process.env, NG_CLI_ANALYTICS: 'false' },
  });
  const dist = join(root, 'dist');
  server = await serveApp(dist, readFileSync(join(dist, 'index.html'), 'utf8'), api);
  await checkExample(browser, `${server.origin}/`, 'Angular');
});
