import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TestProject } from 'vitest/node';
import { packAndInstall } from './packed.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The fresh project the packed packages were installed into (npm install --offline). */
    consumer: string;
    /** Tarball path by package name. */
    tarballs: Record<string, string>;
  }
}

/** Packs and installs once for every test file of the project. */
export default async function setup(project: TestProject): Promise<() => void> {
  const { project: consumer, tarballs } = await packAndInstall();
  project.provide('consumer', consumer);
  project.provide('tarballs', tarballs);
  return () => rmSync(dirname(consumer), { recursive: true, force: true });
}
