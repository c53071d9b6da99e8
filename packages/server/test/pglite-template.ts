import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { seed } from '../src/catalogue/seed.js';
import { migrate } from '../src/db/index.js';
import { openPGlite } from '../src/db/pglite.js';
import { PGLITE_TEMPLATE } from './helpers/pglite-provided.js';

/**
 * On PGlite, migrates and seeds one database per run and keeps its data directory as a file:
 * each test file's databases start from it (≈ the cost of an empty PGlite) instead of migrating
 * and seeding their own, which took a quarter of the server suite's time.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'loket-pglite-template-'));
  const { db, pg } = await openPGlite();
  await migrate(db);
  await seed(db);
  const file = join(dir, 'pgdata.tar');
  await writeFile(file, Buffer.from(await (await pg.dumpDataDir('none')).arrayBuffer()));
  await db.close();
  project.provide(PGLITE_TEMPLATE, file);
  return () => rm(dir, { recursive: true, force: true });
}
