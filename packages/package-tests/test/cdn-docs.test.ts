import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
// @ts-expect-error a plain .mjs script without declarations
import { cdnTags, documentedTags } from '../../components/scripts/cdn-tag.mjs';

// The CDN tag in docs/embedding.md carries SRI hashes of one version's files. The hashes change with
// every build of the components, so they are put in at release, not checked on every run: the
// version step (`pnpm version-packages`) writes this version's tag into the docs, and the publish
// (`pnpm release`, and the package's own prepublishOnly) refuses docs whose tag is not the packed
// files'. These tests run that script on the packed package, and check the wiring.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const script = join(root, 'packages/components/scripts/cdn-tag.mjs');
const packed = join(inject('consumer'), 'node_modules/@loket/components');
const run = promisify(execFile);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loket-cdn-docs-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The script's exit code and output on `args`. */
async function cdnTag(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [script, ...args]);
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout + failed.stderr };
  }
}

test('the release check fails on a documented tag that is not the packed files’, and the version step’s write makes it pass', async () => {
  const docs = await readFile(join(root, 'docs/embedding.md'), 'utf8');
  const [css, js] = documentedTags(docs) as [string, string];
  expect(css).toMatch(/integrity="sha384-/);
  expect(js).toMatch(/integrity="sha384-/);
  // A stale hash (and an older version) in a copy of the docs.
  const file = join(dir, 'embedding.md');
  const stale = docs.replace(
    js,
    js.replace(/sha384-[^"]+/, `sha384-${'A'.repeat(64)}`).replace(/@[\d.]+\//, '@0.0.1/'),
  );
  await writeFile(file, stale);

  const refused = await cdnTag('--check-docs', file, '--dir', packed);
  expect(refused.code).toBe(1);
  expect(refused.out).toContain("the documented CDN tag is not this build's");

  const written = await cdnTag('--write-docs', file, '--dir', packed);
  expect(written.code).toBe(0);
  const after = await readFile(file, 'utf8');
  const { html, base } = cdnTags({ dir: packed });
  const { version } = JSON.parse(await readFile(join(packed, 'package.json'), 'utf8'));
  expect(base).toBe(`https://cdn.jsdelivr.net/npm/@loket/components@${version}/dist/loket`);
  expect(documentedTags(after).join('\n')).toBe(html);
  // Only the tag's two lines changed.
  const lines = (text: string) => text.split('\n');
  const changed = lines(after).filter((line, i) => line !== lines(stale)[i]);
  expect(changed).toEqual(html.split('\n').filter((line: string) => !stale.includes(line)));

  expect(await cdnTag('--check-docs', file, '--dir', packed)).toMatchObject({ code: 0 });
});

test('docs/embedding.md documents the tag of the package’s current version', async () => {
  const docs = await readFile(join(root, 'docs/embedding.md'), 'utf8');
  const { version } = JSON.parse(await readFile(join(packed, 'package.json'), 'utf8'));
  for (const line of documentedTags(docs)) {
    expect(line).toContain(`https://cdn.jsdelivr.net/npm/@loket/components@${version}/dist/loket/`);
  }
});

test('a page without the tag, or with it twice, is an error rather than left alone', async () => {
  const file = join(dir, 'other.md');
  await writeFile(file, '# Nothing here\n');
  const missing = await cdnTag('--write-docs', file, '--dir', packed);
  expect(missing.code).toBe(1);
  expect(missing.out).toMatch(/found it 0 times/);
  const docs = await readFile(join(root, 'docs/embedding.md'), 'utf8');
  await writeFile(file, docs + docs);
  expect((await cdnTag('--check-docs', file, '--dir', packed)).out).toMatch(/found it 2 times/);
});

test('the version step writes the tag after building, the publish checks it first (root scripts, prepublishOnly)', async () => {
  const rootScripts = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')).scripts;
  const steps = (command: string) => command.split('&&').map((step) => step.trim());
  const version = steps(rootScripts['version-packages']);
  expect(version[0]).toBe('changeset version');
  expect(version.indexOf('pnpm build')).toBeGreaterThan(0);
  expect(version.at(-1)).toBe('node packages/components/scripts/cdn-tag.mjs --write-docs');
  const release = steps(rootScripts.release);
  expect(release.indexOf('node packages/components/scripts/cdn-tag.mjs --check-docs')).toBeGreaterThan(
    release.indexOf('pnpm build'),
  );
  expect(release.at(-1)).toBe('changeset publish');
  const components = JSON.parse(await readFile(join(root, 'packages/components/package.json'), 'utf8'));
  expect(components.scripts.prepublishOnly).toBe('node scripts/cdn-tag.mjs --check-docs');
});
