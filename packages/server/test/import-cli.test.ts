import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bundledRegionDir } from '../src/catalogue/region-data.js';
import { run } from '../src/cli/import.js';
import type { Db } from '../src/db/index.js';
import { createTestDb } from './helpers/db.js';

let db: Db;
let scratch: string;
beforeAll(async () => {
  db = await createTestDb();
  scratch = await mkdtemp(join(tmpdir(), 'loket-import-cli-'));
});
afterAll(async () => {
  await db?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** Runs `loket-server import …` against the test database, capturing what it prints. */
async function importCli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void out.push(parts.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void err.push(parts.join(' ')));
  const withDb = <T>(fn: (db: Db) => Promise<T>) => fn(db);
  try {
    return { code: await run(args, { withDb: withDb as never }), out, err };
  } finally {
    vi.restoreAllMocks();
  }
}

const count = async (sql: string) => Number((await db.query<{ n: string }>(sql))[0]?.n);

describe('loket-server import DIR', () => {
  it("imports a region's folder, its services before its overrides; --dry-run writes nothing", async () => {
    const dir = bundledRegionDir('35.78');
    const dry = await importCli(dir, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toEqual([
      expect.stringMatching(/^would import 1 service\(s\): 1 new, 0 updated$/),
      expect.stringMatching(/^would import \d+ override\(s\): \d+ new, 0 updated, 0 removed$/),
      // The seed loaded the demo visit set-up of MPP Siola: the folder's visits.json updates it.
      'would import 1 visit set-up(s): 0 new, 1 updated',
    ]);
    expect(await count("select count(*) as n from service_override where region_code = '35.78'")).toBe(0);

    const done = await importCli(dir);
    expect(done.code).toBe(0);
    expect(done.err.filter((line) => !/^importing \d+\/\d+$/.test(line))).toEqual([]);
    expect(done.out[0]).toBe('imported 1 service(s): 1 new, 0 updated');
    expect(await count("select count(*) as n from service where region_code = '35.78'")).toBe(1);
    expect(
      await count("select count(*) as n from service_override where region_code = '35.78'"),
    ).toBeGreaterThan(20);
    // Again: the same rows, updated in place.
    expect((await importCli(dir)).out[0]).toBe('imported 1 service(s): 0 new, 1 updated');
  });

  it('stops at the first file with problems and says which; a folder without data files is an error', async () => {
    const bad = join(scratch, 'bad');
    await mkdir(bad);
    await writeFile(join(bad, 'services.json'), '{"services": [{"id": "Not A Slug"}]}');
    await writeFile(
      join(bad, 'overrides.json'),
      JSON.stringify({ overrides: [{ service: 'kia', region: '35.78', duration_days: 3, sources: ['x'] }] }),
    );
    const result = await importCli(bad);
    expect(result.code).toBe(1);
    expect(result.err.at(-1)).toMatch(/^nothing imported from .*services\.json: \d+ problem/);
    expect(result.out).toEqual([]);

    const empty = join(scratch, 'empty');
    await mkdir(empty);
    await expect(importCli(empty)).rejects.toThrow(/has neither services\.json nor overrides\.json/);
  });
});
