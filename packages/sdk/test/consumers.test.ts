import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The server, the components, the demo and the Storybook mocks use the SDK through its package
// exports (@loket/sdk, /forms, /rules, /session, /contract, /http), never its sources: what they import
// is then what a published package offers (docs/architecture.md).

const root = new URL('../../../', import.meta.url).pathname;
const consumers = [
  'packages/server/src',
  'packages/server/test',
  'packages/components/src',
  'packages/components/test',
  'packages/components/desk',
  'packages/demo',
  'stories',
  'scripts',
];
const code = /\.(ts|tsx|mjs|js)$/;

function files(path: string): string[] {
  return readdirSync(path, { withFileTypes: true }).flatMap((entry) => {
    const full = join(path, entry.name);
    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name === 'dist' || entry.name === 'www'
        ? []
        : files(full);
    return code.test(entry.name) ? [full] : [];
  });
}

describe('consumers of the SDK', () => {
  const all = consumers.flatMap((dir) => files(join(root, dir)));

  it('finds their modules', () => {
    expect(all.length).toBeGreaterThan(200);
  });

  it('import its package exports, never its sources', () => {
    const offending = all.flatMap((file) =>
      [
        ...readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s*\(\s*)['"]([^'"]*sdk\/src[^'"]*)['"]/g),
      ].map((m) => `${relative(root, file)} imports ${m[1]}`),
    );
    expect(offending).toEqual([]);
  });
});
