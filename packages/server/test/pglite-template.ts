import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { PGLITE_TEMPLATE, sharedSeededPGliteDump } from './helpers/pglite-provided.js';

const SHARED = Symbol.for('loket.test.pgliteTemplateFile');

interface Shared {
  file: Promise<string>;
  users: number;
}

/**
 * On PGlite, migrates and seeds one database per run and keeps its data directory as a file:
 * each test file's databases start from it (≈ the cost of an empty PGlite) instead of migrating
 * and seeding their own, which took a quarter of the server suite's time. Every project that
 * lists this global setup gets the same file (made once in vitest's process, removed after the
 * last of them).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const holder = globalThis as { [SHARED]?: Shared };
  holder[SHARED] ??= { file: writeTemplate(), users: 0 };
  const shared = holder[SHARED];
  shared.users += 1;
  project.provide(PGLITE_TEMPLATE, await shared.file);
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    delete holder[SHARED];
    await rm(join(await shared.file, '..'), { recursive: true, force: true });
  };
}

async function writeTemplate(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'loket-pglite-template-'));
  const file = join(dir, 'pgdata.tar');
  await writeFile(file, Buffer.from(await (await sharedSeededPGliteDump()).arrayBuffer()));
  return file;
}
