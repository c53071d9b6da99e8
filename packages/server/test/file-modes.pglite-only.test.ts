import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createStorage } from '../src/applications/storage.js';
import { openPGlite } from '../src/db/pglite.js';

/** Every entry under `dir` (itself included) with its permission bits, as "0700 path". */
async function modes(dir: string): Promise<string[]> {
  const out: string[] = [];
  const visit = async (path: string) => {
    const info = await stat(path);
    out.push(`${(info.mode & 0o777).toString(8).padStart(4, '0')} ${info.isDirectory() ? 'dir' : 'file'}`);
    if (info.isDirectory()) for (const name of await readdir(path)) await visit(join(path, name));
  };
  await visit(dir);
  return out;
}

const onlyPrivate = (list: string[]) => [...new Set(list)].sort();

// Under the laxest umask, to show the modes are set explicitly and do not rest on the umask.
describe('files holding personal data are this account’s only', () => {
  let base: string;
  let umask: number;
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'loket-modes-'));
  });
  beforeEach(() => {
    umask = process.umask(0);
  });
  afterEach(() => {
    process.umask(umask);
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  it('the embedded database: directory 0700, files 0600, while open and after close', async () => {
    const dir = join(base, 'data');
    const { db } = await openPGlite(dir);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    await db.exec('create table person (name text); insert into person values ($$Siti Aminah$$)');
    await db.close();
    const list = await modes(dir);
    expect(list.length).toBeGreaterThan(100);
    expect(onlyPrivate(list)).toEqual(['0600 file', '0700 dir']);
  }, 120_000);

  it('uploads: directories 0700, files 0600', async () => {
    const dir = join(base, 'uploads');
    const storage = createStorage(dir);
    await storage.write(Readable.from([Buffer.from('%PDF-1.4 KTP scan')]), { maxBytes: 100 });
    expect(onlyPrivate(await modes(dir))).toEqual(['0600 file', '0700 dir']);
  });
});
