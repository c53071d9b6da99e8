import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { currentHolder, lockDataDir, procStat } from '../src/db/data-dir-lock.js';
import { openPGlite } from '../src/db/pglite.js';

const serverDir = new URL('..', import.meta.url).pathname;
const holdLock = ['--import', 'tsx', join(serverDir, 'test/fixtures/hold-lock.ts')];

/** Lines a child writes on stdout, as they come. */
function lines(child: ChildProcess): () => Promise<string> {
  const queue: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let rest = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    rest += chunk.toString();
    for (let i = rest.indexOf('\n'); i >= 0; i = rest.indexOf('\n')) {
      const line = rest.slice(0, i);
      rest = rest.slice(i + 1);
      const waiter = waiting.shift();
      if (waiter) waiter(line);
      else queue.push(line);
    }
  });
  return () => {
    const line = queue.shift();
    return line !== undefined ? Promise.resolve(line) : new Promise((resolve) => waiting.push(resolve));
  };
}

async function until(check: () => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the embedded database directory', () => {
  let dir: string;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'loket-lock-'));
  });
  afterEach(async () => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
    await rm(join(dir, 'loket.pid'), { force: true });
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

  it('refuses while another live process really holds it', async () => {
    const holder = spawn(process.execPath, [...holdLock, dir], { cwd: serverDir });
    children.push(holder);
    expect(await lines(holder)()).toBe('locked');
    await expect(lockDataDir(dir)).rejects.toThrow(`in use by process ${holder.pid}`);
  });

  it('takes over at once from a holder killed with -9 that is still a zombie', async () => {
    // The holder's parent never reaps it (a shell that exec'd into sleep), as a supervisor that
    // has not yet noticed the death: the PID still answers signals.
    const shell = spawn(
      'sh',
      ['-c', `"$0" "$@" & echo $!; exec sleep 60`, process.execPath, ...holdLock, dir],
      {
        cwd: serverDir,
      },
    );
    children.push(shell);
    const next = lines(shell);
    const pid = Number(await next());
    expect(await next()).toBe('locked');
    process.kill(pid, 'SIGKILL');
    await until(() => procStat(pid)?.state === 'Z');
    expect(() => process.kill(pid, 0)).not.toThrow(); // what fooled the PID-only lock
    const release = await lockDataDir(dir);
    expect(JSON.parse(await readFile(join(dir, 'loket.pid'), 'utf8'))).toMatchObject({ pid: process.pid });
    await release();
  });

  it('takes over from a lock whose PID now belongs to an unrelated live process', async () => {
    const unrelated = spawn('sleep', ['60']);
    children.push(unrelated);
    const pid = unrelated.pid as number;
    await until(() => procStat(pid) !== null);
    const file = join(dir, 'loket.pid');
    // Written by an earlier process with that PID: another start time.
    const { start, boot } = currentHolder(pid);
    await writeFile(file, JSON.stringify({ pid, start: (start ?? 0) - 100, boot }));
    (await lockDataDir(dir))();
    // The same in the bare-PID format of earlier versions: the lock is older than the process.
    await writeFile(file, String(pid));
    const anHourAgo = new Date(Date.now() - 3600_000);
    await utimes(file, anHourAgo, anHourAgo);
    const release = await lockDataDir(dir);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ pid: process.pid });
    await release();
  });
});
