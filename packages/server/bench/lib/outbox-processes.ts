import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Receiver } from '../../test/helpers/smtp-receipts.js';
import type { ReadyApplication } from './applications.js';

// The outbox leg's processes (bench/outbox.ts): the real server started and stopped (or killed),
// the submissions sent from a worker thread, and waiting for the receiver.

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Rate limits as the other benchmarks set them: counted, never reached. */
const huge = '1000000000';

export interface ServerPlace {
  dataDir: string;
  databaseUrl: string | undefined;
  smtpUrl: string;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** `cli.js serve` on this leg's database, its mail going to the receiver; resolves once it is ready. */
export async function startServer(
  { dataDir, databaseUrl, smtpUrl }: ServerPlace,
  extra: Record<string, string>,
): Promise<ChildProcess & { base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [cli, 'serve'], {
    env: {
      PATH: process.env.PATH,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOKET_DATA_DIR: dataDir,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      LOKET_SMTP_URL: smtpUrl,
      LOKET_MAIL_FROM: 'Loket bench <loket@bench.example>',
      LOKET_TRACKER_URL: 'http://127.0.0.1/lacak.html#kode={code}',
      LOG_LEVEL: 'warn',
      ...Object.fromEntries(
        ['READS', 'WRITES', 'LOOKUPS', 'UPLOADS', 'DRAFTS'].map((k) => [`LOKET_LIMIT_${k}`, huge]),
      ),
      ...extra,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  if (process.env.LOKET_BENCH_OUTBOX_VERBOSE === '1') {
    child.stdout?.pipe(process.stderr);
    child.stderr?.pipe(process.stderr);
  }
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${base}/health/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`the server was not ready:\n${output}`);
    await sleep(100);
  }
  return Object.assign(child, { base });
}

export async function stopServer(child: ChildProcess, signal: 'SIGTERM' | 'SIGKILL') {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

export interface ClientResult {
  done: [string, number][];
  statuses: Record<string, number>;
  errors: number;
  latencies: number[];
  seconds: number;
}

/** Every application submitted once, `connections` at a time, from a worker thread. */
export async function submitAll(
  child: ChildProcess & { base?: string },
  apps: ReadyApplication[],
  connections: number,
  options: { tolerant?: boolean } = {},
) {
  const startedAt = Date.now();
  const result = await new Promise<ClientResult>((resolve, reject) => {
    const worker = new Worker(new URL('../outbox-client.mjs', import.meta.url), {
      workerData: {
        base: child.base,
        apps: apps.map((a) => [a.code, a.secret, a.key]),
        connections,
      },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  if (!options.tolerant && result.done.length !== apps.length) {
    throw new Error(
      `${result.done.length} of ${apps.length} submissions succeeded (${JSON.stringify(result.statuses)}, ${result.errors} errors)`,
    );
  }
  return { ...result, startedAt };
}

export async function until(check: () => boolean, timeoutMs: number, what: string) {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** Waits until the receiver has accepted nothing for `ms`. */
export async function quiet(rcv: Receiver, ms: number) {
  let seen = rcv.receipts.length;
  let since = Date.now();
  while (Date.now() - since < ms) {
    await sleep(100);
    if (rcv.receipts.length !== seen) {
      seen = rcv.receipts.length;
      since = Date.now();
    }
  }
}
