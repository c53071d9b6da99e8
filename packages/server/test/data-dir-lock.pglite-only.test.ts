import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPGlite } from '../src/db/pglite.js';

describe('the embedded database directory', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'loket-lock-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('refuses a second process while one has it open, and is free again after close', async () => {
    const { db } = await openPGlite(dir);
    // Pretend another live process holds it: our parent process is alive and not us.
    await writeFile(join(dir, 'loket.pid'), String(process.ppid));
    await expect(openPGlite(dir)).rejects.toThrow(/in use by process/);
    await writeFile(join(dir, 'loket.pid'), String(process.pid));
    await db.close();
    const again = await openPGlite(dir);
    await again.db.close();
  });

  it('takes over a lock left by a process that died', async () => {
    const child = spawn(process.execPath, ['-e', '']);
    const pid = child.pid as number;
    await new Promise((resolve) => child.on('exit', resolve));
    await writeFile(join(dir, 'loket.pid'), String(pid));
    const { db } = await openPGlite(dir);
    expect((await db.query<{ one: number }>('select 1 as one'))[0]?.one).toBe(1);
    await db.close();
  });
});
