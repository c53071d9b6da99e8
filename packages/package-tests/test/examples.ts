import { mkdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { addOrigin } from '../../server/src/applications/origins.js';
import type { TestServer } from '../../server/test/helpers/app.js';
import { launchChromium, watch } from './browser.js';
import { workspace } from './packed.js';
import { type StaticServer, serveStatic } from './static-server.js';

export const examples = join(workspace, 'packages/package-tests/examples');

/**
 * The example apps import @loket/components and @loket/sdk as an app would; they find them in
 * examples/node_modules, which points at the packed packages installed in the fresh project (the
 * frameworks themselves come from this package's devDependencies).
 */
export function linkPackedPackages(consumer: string): void {
  const scope = join(examples, 'node_modules/@loket');
  mkdirSync(scope, { recursive: true });
  for (const name of ['components', 'sdk']) {
    const link = join(scope, name);
    const target = join(consumer, 'node_modules/@loket', name);
    if (linkTarget(link) === target) continue; // another test file of this run made it
    rmSync(link, { force: true });
    symlinkSync(target, link);
  }
}

function linkTarget(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}

/** Serves a built app with the API's address in <html data-api>, and lets its origin submit. */
export async function serveApp(dist: string, index: string, api: TestServer): Promise<StaticServer> {
  const server = await serveStatic({
    routes: { '/': dist },
    pages: { '/': index.replace('<html lang="id"', `<html lang="id" data-api="${api.url}"`) },
  });
  await addOrigin(api.db, '35.78', server.origin);
  return server;
}

/**
 * What every example shows: the finder gets its properties (api base, region, service) and opens
 * the service; "Ajukan secara daring" fires loketApply, which the app cancels and shows; the app
 * then mounts the form with the event's detail as properties; "Mulai" fires loketStepChange.
 */
export async function checkExample(browser: Browser, url: string, framework: string): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 412, height: 915 } });
  const problems = await watch(page);
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: `Layanan Kota Surabaya (${framework})` }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Penggantian KTP-el karena hilang' }).waitFor();
  await page.getByRole('button', { name: 'Ajukan secara daring' }).click();
  await expect.poll(() => page.locator('#applied').textContent()).toBe('ktp-el-hilang di 35.78');
  const form = page.locator('loket-application-form');
  await form.getByRole('button', { name: 'Mulai' }).click();
  await expect.poll(() => page.locator('#steps').textContent()).not.toBe('');
  await form.getByRole('heading', { level: 2, name: /^Langkah 1 dari/ }).waitFor();
  expect(problems).toEqual([]);
  await page.close();
}

export { launchChromium };
