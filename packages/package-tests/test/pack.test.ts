import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { startTestServer, type TestServer } from '../../server/test/helpers/app.js';
import { FINDER_READY, launchChromium, watch } from './browser.js';
import { PUBLISHED, workspace } from './packed.js';
import { type StaticServer, serveStatic } from './static-server.js';

const run = promisify(execFile);
const consumer = inject('consumer');
const tarballs = inject('tarballs');
const installed = (name: string) => join(consumer, 'node_modules', name);
const bin = (pkg: string, path: string) => join(workspace, 'packages/package-tests/node_modules', pkg, path);

let api: TestServer;
let browser: Browser;
const servers: StaticServer[] = [];
beforeAll(async () => {
  [api, browser] = await Promise.all([startTestServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.close()));
  await api?.close();
});

describe.each(Object.keys(PUBLISHED))('%s as packed', (name) => {
  test('publint finds nothing, not even a suggestion', async () => {
    const pkg = JSON.parse(readFileSync(join(installed(name), 'package.json'), 'utf8'));
    const { messages } = await publint({ pkgDir: installed(name), pack: false, level: 'suggestion' });
    expect(messages.map((m) => formatMessage(m, pkg))).toEqual([]);
  });

  test('@arethetypeswrong/cli: types resolve for Node16 ESM and bundlers (ESM only, by design)', async () => {
    // `--profile esm-only`: the packages are ESM only (no `require`), so node10 and node16-from-CJS
    // are not checked; reserve.css is a stylesheet, not a module with types.
    const args = [
      tarballs[name] as string,
      '--profile',
      'esm-only',
      '--format',
      'table-flipped',
      '--no-color',
    ];
    if (name === '@loket/components') args.push('--exclude-entrypoints', './reserve.css');
    // Exit code 1 on any problem that is not ignored by the profile.
    const result = await run(process.execPath, [bin('@arethetypeswrong/cli', 'dist/index.js'), ...args]).then(
      (r) => ({ ...r, code: 0 }),
      (error: { stdout: string; code: number }) => error,
    );
    expect(result.code, result.stdout).toBe(0);
  });
});

test('the tarballs hold what users need and nothing of the workspace (sizes recorded)', async () => {
  const sizes: Record<string, { packed: number; files: number; unpacked: number }> = {};
  for (const name of Object.keys(PUBLISHED)) {
    const { stdout } = await run('tar', ['-tvzf', tarballs[name] as string]);
    const lines = stdout.trim().split('\n');
    const files = lines.map((l) => l.split(/\s+/).pop() as string);
    sizes[name] = {
      packed: statSync(tarballs[name] as string).size,
      files: files.length,
      unpacked: lines.reduce((sum, l) => sum + Number(l.split(/\s+/)[2]), 0),
    };
    expect(files).toEqual(
      expect.arrayContaining(['package/LICENSE', 'package/README.md', 'package/package.json']),
    );
    expect(files.filter((f) => /\.(spec|e2e|test)\.tsx?$|\/test\/|tsconfig|\.tsbuildinfo$/.test(f))).toEqual(
      [],
    );
    const manifest = JSON.parse(readFileSync(join(installed(name), 'package.json'), 'utf8'));
    expect(JSON.stringify(manifest)).not.toContain('workspace:');
  }
  const components = (await run('tar', ['-tzf', tarballs['@loket/components'] as string])).stdout;
  expect(components).toContain('package/dist/loket/loket.esm.js');
  expect(components).toContain('package/custom-elements.json');
  expect(components).not.toContain('package/dist/cjs/');
  console.log(
    'packed sizes (bytes):',
    Object.entries(sizes)
      .map(([n, s]) => `${n} ${s.packed} packed, ${s.unpacked} unpacked in ${s.files} files`)
      .join('; '),
  );
  // Room to grow, but a tarball twice today's size is a mistake (a folder packed by accident).
  expect(sizes['@loket/sdk']?.packed).toBeLessThan(400_000);
  expect(sizes['@loket/components']?.packed).toBeLessThan(1_000_000);
});

const CONSUMER_TS = `
import { createLoketClient, isLoketApiError, type ServiceSummary } from '@loket/sdk';
import { canonicalSecret } from '@loket/sdk/rules';
import type { Components, LoketApplyDetail, LoketServiceFinderCustomEvent, LoketSubmitDetail } from '@loket/components';
import { defineCustomElements } from '@loket/components/loader';
import '@loket/components/components/loket-service-finder.js';
import { defineCustomElement } from '@loket/components/components/loket-application-form';

const loket = createLoketClient({ baseUrl: 'https://api.example.go.id/', region: '35.78' });
export async function titles(): Promise<string[]> {
  const { data } = await loket.listServices({ q: 'ktp', limit: 3 });
  return data.map((s: ServiceSummary) => s.name);
}
export const isApiError: (e: unknown) => boolean = isLoketApiError;
export const secret: string | null = canonicalSecret('abcd-efgh');

defineCustomElements(window);
defineCustomElement();
const finder = document.createElement('loket-service-finder');
finder.region = '35.78';
// @ts-expect-error region is a string: the element's types are real, not any
finder.region = 35.78;
finder.addEventListener('loketApply', (event: LoketServiceFinderCustomEvent<LoketApplyDetail>) => {
  const service: string = event.detail.service;
  console.log(service);
});
const form = document.querySelector('loket-application-form');
form?.addEventListener('loketSubmit', (event) => {
  const detail: LoketSubmitDetail = event.detail;
  console.log(detail.code);
});
export const props: Partial<Components.LoketServiceFinder> = { applyHref: '/ajukan.html?layanan={service}' };
`;

test('a TypeScript project type-checks against the packed types (node16 and bundler resolution)', async () => {
  mkdirSync(join(consumer, 'src'), { recursive: true });
  writeFileSync(join(consumer, 'src/consumer.ts'), CONSUMER_TS);
  const base = {
    strict: true,
    noEmit: true,
    target: 'ES2022',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    types: [],
  };
  const tsc = join(workspace, 'node_modules/typescript/bin/tsc');
  for (const [module, moduleResolution] of [
    ['nodenext', 'nodenext'],
    ['esnext', 'bundler'],
  ]) {
    const config = join(consumer, `tsconfig.${moduleResolution}.json`);
    // The packages' declarations are checked too (skipLibCheck off); TypeScript's own lib files are not.
    const compilerOptions = {
      ...base,
      module,
      moduleResolution,
      skipLibCheck: false,
      skipDefaultLibCheck: true,
    };
    writeFileSync(config, JSON.stringify({ compilerOptions, include: ['src'] }));
    const result = await run(process.execPath, [tsc, '-p', config]).catch((e: { stdout: string }) => e);
    expect(result.stdout, `${moduleResolution}`).toBe('');
  }
});

test('Node imports every entry of the SDK and reads the real API with it', async () => {
  const script = `
    import { createLoketClient } from '@loket/sdk';
    for (const entry of ['forms', 'contract', 'http', 'session', 'rules']) await import('@loket/sdk/' + entry);
    const loket = createLoketClient({ baseUrl: ${JSON.stringify(`${api.url}/`)}, region: '35.78' });
    const { data } = await loket.listServices({ q: 'ktp hilang', limit: 1 });
    console.log(data[0].id);
  `;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: consumer });
  expect(stdout.trim()).toBe('ktp-el-hilang');
});

test('esbuild bundles the SDK and one element from the packed files; the page works in Chromium', async () => {
  const entry = join(consumer, 'src/browser.ts');
  writeFileSync(
    entry,
    `import { createLoketClient } from '@loket/sdk';
     import '@loket/components/components/loket-service-finder.js';
     const api = document.documentElement.dataset.api as string;
     const { data } = await createLoketClient({ baseUrl: api + '/' }).listServices({ q: 'ktp hilang', limit: 1 });
     document.querySelector('output')!.textContent = data[0]?.id ?? '';`,
  );
  const out = join(consumer, 'bundle');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: out,
    absWorkingDir: consumer,
    metafile: true,
    logLevel: 'silent',
  });
  // Everything came from the installed tarballs (consumer/node_modules), nothing from the workspace.
  const inputs = Object.keys(result.metafile.inputs).filter((i) => i.includes('node_modules'));
  expect(inputs.length).toBeGreaterThan(0);
  expect(inputs.filter((i) => !i.startsWith('node_modules/'))).toEqual([]);
  const site = await serveStatic({
    routes: { '/': out },
    pages: {
      '/': `<!doctype html><html lang="id" data-api="${api.url}"><title>esbuild</title><link rel="icon" href="data:,"><script type="module" src="/browser.js"></script>
        <output></output><loket-service-finder api-base="${api.url}" region="35.78" no-history></loket-service-finder></html>`,
    },
  });
  servers.push(site);
  const page = await browser.newPage();
  const problems = await watch(page);
  await page.goto(`${site.origin}/`);
  await page.getByRole('heading', FINDER_READY).waitFor();
  await expect.poll(() => page.locator('output').textContent()).toBe('ktp-el-hilang');
  expect(problems).toEqual([]);
  await page.close();
});

test('@loket/server as packed: runnable without the repository (its contract inside, every import a dependency)', async () => {
  const out = join(consumer, '..', 'server-pack');
  mkdirSync(out, { recursive: true });
  const { stdout } = await run('pnpm', ['pack', '--pack-destination', out], {
    cwd: join(workspace, 'packages/server'),
  });
  const tarball = stdout.trim().split('\n').pop()?.trim() as string;
  const files = (await run('tar', ['-tzf', tarball], { maxBuffer: 16 * 1024 * 1024 })).stdout.split('\n');
  expect(files).toEqual(
    expect.arrayContaining(['package/openapi/loket.yaml', 'package/dist/cli.js', 'package/LICENSE']),
  );
  expect(files.filter((f) => f.startsWith('package/migrations/')).length).toBeGreaterThan(0);
  // Every package the built code imports is a dependency (a devDependency is not installed with it).
  const manifest = JSON.parse(readFileSync(join(workspace, 'packages/server/package.json'), 'utf8'));
  const dependencies = new Set(Object.keys(manifest.dependencies));
  const missing = new Set<string>();
  for (const file of files.filter((f) => /^package\/dist\/.*\.js$/.test(f))) {
    const code = readFileSync(join(workspace, 'packages/server', file.slice('package/'.length)), 'utf8');
    for (const [, specifier] of code.matchAll(/(?:\bfrom|\bimport\s*\()\s*['"]([^'"./][^'"]*)['"]/g)) {
      if (specifier?.startsWith('node:')) continue;
      const name = specifier
        ?.split('/')
        .slice(0, specifier.startsWith('@') ? 2 : 1)
        .join('/') as string;
      if (!dependencies.has(name)) missing.add(name);
    }
  }
  expect([...missing]).toEqual([]);
});
