import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * PGlite is a database inside one process: two processes opening the same data directory would
 * corrupt it. A pid file refuses the second one with a clear message (a lock left by a process
 * that died is taken over). Returns the release function.
 */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'loket.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, String(process.pid), { flag: 'wx' });
      return () => rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number((await readFile(file, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
        throw new Error(
          `The embedded database in ${dir} is in use by process ${holder} (a running loket-server?). ` +
            'Stop it first, or run the command while the server is stopped, or use PostgreSQL (DATABASE_URL).',
        );
      }
      await rm(file, { force: true });
    }
  }
  throw new Error(`could not lock ${dir}`);
}
