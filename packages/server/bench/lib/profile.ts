import { Session } from 'node:inspector/promises';

/** A V8 CPU profile, as the inspector's Profiler.stop gives it (the parts used here). */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface CpuShare {
  /** Where the time went: a package, a Loket source file, Node's own code, GC, idle. */
  part: string;
  /** Share of the main thread's time (self time of the sampled frames), in percent. */
  percent: number;
}

/** Who a frame belongs to, by its script URL; null for Node's own code and native functions. */
export function ownerOf(functionName: string, url: string): string | null {
  if (functionName === '(idle)') return 'idle (waiting for I/O)';
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (url.startsWith('wasm://')) return 'PGlite WebAssembly (PostgreSQL itself)';
  const pnpm = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  const plain = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  const pkg = pnpm?.[1] ?? plain?.[1];
  if (pkg === '@electric-sql/pglite') return 'PGlite JavaScript (@electric-sql/pglite)';
  if (pkg === 'postgres') return 'postgres.js driver (postgres)';
  if (pkg) return `${pkg} (npm)`;
  const own = /packages\/(server|sdk)\/(?:src|dist)\//.exec(url);
  if (own) return own[1] === 'sdk' ? 'Loket SDK (the shared form validator)' : 'Loket server code';
  return null;
}

/**
 * The server thread's time by part, largest first: each sample goes to the nearest frame on its
 * stack that belongs to a package or a Loket file (so a socket write issued by the database driver
 * counts for the driver), else to Node.js itself (HTTP parsing, sockets, timers). Parts under
 * `minPercent` are summed as "other".
 */
export function shares(profile: CpuProfile, minPercent = 1): CpuShare[] {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const owners = new Map<number, string>();
  const ownerOfNode = (id: number): string => {
    const known = owners.get(id);
    if (known) return known;
    const frames: number[] = [];
    let owner: string | null = null;
    for (let at: number | undefined = id; at !== undefined && owner === null; at = parent.get(at)) {
      const cached = owners.get(at);
      if (cached) {
        owner = cached;
        break;
      }
      frames.push(at);
      const frame = nodes.get(at)?.callFrame;
      owner = frame ? ownerOf(frame.functionName, frame.url) : null;
    }
    const leaf = nodes.get(id)?.callFrame;
    owner ??= leaf?.functionName === '(program)' ? 'V8 (program)' : 'Node.js (HTTP, sockets, timers)';
    for (const f of frames) owners.set(f, owner);
    return owner;
  };
  const micros = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let total = 0;
  for (let i = 0; i < samples.length; i++) {
    const name = ownerOfNode(samples[i] as number);
    // The delta after a sample is the time it stands for.
    const dt = deltas[i + 1] ?? 0;
    micros.set(name, (micros.get(name) ?? 0) + dt);
    total += dt;
  }
  const all = [...micros].map(([p, us]) => ({ part: p, percent: (100 * us) / (total || 1) }));
  const big = all.filter((s) => s.percent >= minPercent).sort((a, b) => b.percent - a.percent);
  const rest = all.filter((s) => s.percent < minPercent).reduce((sum, s) => sum + s.percent, 0);
  return [...big, ...(rest > 0 ? [{ part: `other (each under ${minPercent} %)`, percent: rest }] : [])].map(
    (s) => ({ part: s.part, percent: Number(s.percent.toFixed(1)) }),
  );
}

/** Runs `fn` with V8's sampling profiler on this thread (the server's); returns its result and the profile. */
export async function profiled<T>(fn: () => Promise<T>): Promise<{ result: T; profile: CpuProfile }> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 500 });
    await session.post('Profiler.start');
    let outcome: { ok: true; value: T } | { ok: false; error: unknown };
    try {
      outcome = { ok: true, value: await fn() };
    } catch (error) {
      outcome = { ok: false, error };
    }
    const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
    if (!outcome.ok) throw outcome.error;
    return { result: outcome.value, profile };
  } finally {
    session.disconnect();
  }
}
