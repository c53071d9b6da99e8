import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { PGLITE_TEMPLATE, seededPGliteDump } from './helpers/pglite-provided.js';

/**
 * On PGlite, migrates and seeds one database per run and keeps its data directory as a file:
 * each test file's databases start from it (≈ the cost of an empty PGlite) instead of migrating
 * and seeding their own, which took a quarter of the server suite's time.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'loket-pglite-template-'));
  const file = join(dir, 'pgdata.tar');
  await writeFile(file, Buffer.from(await (await seededPGliteDump()).arrayBuffer()));
  project.provide(PGLITE_TEMPLATE, file);
  return () => rm(dir, { recursive: true, force: true });
}
