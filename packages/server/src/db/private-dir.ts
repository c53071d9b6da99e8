import { chmod, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Makes `dir` (created if missing) and everything in it readable by this account only: directories
 * 0700, files 0600. The embedded database and the uploads hold names, NIKs and documents; PGlite
 * creates its files with mode 0666 less the umask, which leaves them world-readable under the usual
 * umask 022 (world-writable under 0). Symbolic links are left alone (never followed).
 */
export async function makePrivate(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  const walk = async (path: string): Promise<void> => {
    for (const entry of await readdir(path, { withFileTypes: true })) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) {
        await chmod(child, 0o700);
        await walk(child);
      } else if (entry.isFile()) {
        await chmod(child, 0o600);
      }
    }
  };
  await walk(dir);
}
