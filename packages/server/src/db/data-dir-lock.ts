import { readFileSync } from 'node:fs';
import { link, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Who holds a lock: a process, told apart from a later one with the same PID by its start time. */
export interface LockHolder {
  pid: number;
  /** Clock ticks since boot when the process started (field 22 of /proc/<pid>/stat); null without /proc. */
  start: number | null;
  /** This boot's id (/proc/sys/kernel/random/boot_id): start times of another boot mean nothing. */
  boot: string | null;
}

const readText = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

/** Process state and start time from /proc/<pid>/stat, or null when there is no such process (or no /proc). */
export function procStat(pid: number): { state: string; start: number } | null {
  const stat = readText(`/proc/${pid}/stat`);
  if (stat === null) return null;
  // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const start = Number(fields[19]); // field 22 overall; fields[0] is field 3 (state)
  return { state: fields[0] ?? '?', start };
}

const hasProc = () => readText('/proc/self/stat') !== null;

export function currentHolder(pid = process.pid): LockHolder {
  return {
    pid,
    start: procStat(pid)?.start ?? null,
    boot: readText('/proc/sys/kernel/random/boot_id')?.trim() ?? null,
  };
}

const signalable = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Whether the process that wrote a lock still runs. With /proc: a process with that PID that is
 * not a zombie (Z) or dead (X) and started at the recorded time in this boot; a PID reused by an
 * unrelated process, or a killed holder its parent has not reaped yet, does not count. Start
 * times are in clock ticks of USER_HZ, which Linux fixes at 100 per second for /proc. Without
 * /proc (macOS), only whether the PID answers a signal.
 */
export function holderAlive(holder: LockHolder, writtenAtMs: number): boolean {
  if (!hasProc()) return signalable(holder.pid);
  const now = currentHolder(holder.pid);
  if (holder.boot !== null && now.boot !== null && holder.boot !== now.boot) return false;
  const proc = procStat(holder.pid);
  if (!proc || proc.state === 'Z' || proc.state === 'X') return false;
  if (holder.start !== null) return holder.start === proc.start;
  // A lock of an older version holds a bare PID: a process that started after the lock was
  // written cannot have written it.
  const bootMs = bootTimeMs();
  return bootMs === null || bootMs + proc.start * 10 <= writtenAtMs + 1000;
}

/** When this boot began (`btime` in /proc/stat), in ms since the epoch. */
function bootTimeMs(): number | null {
  const btime = /^btime (\d+)$/m.exec(readText('/proc/stat') ?? '')?.[1];
  return btime ? Number(btime) * 1000 : null;
}

function parseHolder(text: string): LockHolder | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed), start: null, boot: null };
  try {
    const value = JSON.parse(trimmed) as Partial<LockHolder>;
    if (!Number.isInteger(value.pid) || (value.pid as number) <= 0) return null;
    return {
      pid: value.pid as number,
      start: typeof value.start === 'number' ? value.start : null,
      boot: typeof value.boot === 'string' ? value.boot : null,
    };
  } catch {
    return null;
  }
}

const inUse = (dir: string, pid: number) =>
  new Error(
    `The embedded database in ${dir} is in use by process ${pid} (a running loket-server?). ` +
      'Stop it first, or run the command while the server is stopped, or use PostgreSQL (DATABASE_URL).',
  );

/**
 * PGlite is a database inside one process: two processes opening the same data directory would
 * corrupt it. A lock file (`loket.pid`: PID, process start time and boot id) refuses the second
 * one with a clear message. A lock whose holder is gone — exited, killed and not yet reaped
 * (a zombie), or replaced by an unrelated process that got the same PID — is taken over, so the
 * lock cannot outlive its holder. Returns the release function.
 */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, 'loket.pid');
  const me = currentHolder();
  // This very process (a second open of the same directory) may, as before.
  const isMe = (holder: LockHolder | null) =>
    holder?.pid === me.pid && (holder.start === null || holder.start === me.start);
  const release = async () => {
    if (isMe(parseHolder(await readFile(file, 'utf8').catch(() => '')))) await rm(file, { force: true });
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await writeFile(file, `${JSON.stringify(me)}\n`, { flag: 'wx', mode: 0o600 });
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const [text, info] = await Promise.all([
      readFile(file, 'utf8').catch(() => null),
      stat(file).catch(() => null),
    ]);
    if (text === null || info === null) continue; // released in between: try again
    const holder = parseHolder(text);
    if (holder && !isMe(holder) && holderAlive(holder, info.mtimeMs)) throw inUse(dir, holder.pid);
    // Stale: move it aside atomically, so that of two processes taking over only one removes it.
    const aside = `${file}.stale-${me.pid}`;
    try {
      await rename(file, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    const moved = await readFile(aside, 'utf8').catch(() => null);
    if (moved !== text) {
      // Someone else took it over between our read and the rename: that lock is live; put it back.
      await link(aside, file).catch(() => {});
      await rm(aside, { force: true });
      throw inUse(dir, parseHolder(moved ?? '')?.pid ?? 0);
    }
    await rm(aside, { force: true });
  }
  throw new Error(`could not lock ${dir}`);
}
