import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The server's layers run one way: routes → domain → db. The domain (applications/, catalogue/, visits/…)
// and what it shares (messages/, problem.ts) know nothing of HTTP: no Fastify, nothing from
// routes/ or http/. See the Layout section of packages/server/README.md. That no package reads the SDK's
// sources instead of its exports is checked in packages/sdk/test/consumers.test.ts.

const src = new URL('../src/', import.meta.url).pathname;
const domain = [
  'applications',
  'catalogue',
  'notifications',
  'survey',
  'visits',
  'messages',
  'problem.ts',
  'db',
];

function files(path: string): string[] {
  if (path.endsWith('.ts')) return [path];
  return readdirSync(path, { withFileTypes: true }).flatMap((entry) => files(join(path, entry.name)));
}

const imports = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map(
    (m) => m[1] as string,
  );

describe('server layers', () => {
  const domainFiles = domain.flatMap((part) => files(join(src, part)));

  it('finds the domain modules', () => {
    expect(domainFiles.length).toBeGreaterThan(20);
  });

  it('keeps Fastify, routes and http out of the domain', () => {
    const offending = domainFiles.flatMap((file) =>
      imports(file)
        .filter((from) => /fastify/.test(from) || /(^|\/)(routes|http)\//.test(from))
        .map((from) => `${relative(src, file)} imports ${from}`),
    );
    expect(offending).toEqual([]);
  });
});
