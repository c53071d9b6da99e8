import { Worker } from 'node:worker_threads';

const workerUrl = new URL('../client-worker.mjs', import.meta.url);

function runWorker<T>(task: Record<string, unknown>): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl, { workerData: task });
    worker.once('message', (message: { ok: boolean; result?: T; error?: string }) => {
      if (message.ok) resolve(message.result as T);
      else reject(new Error(message.error));
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

export interface SequentialResult {
  latencies: number[];
  statuses: Record<string, number>;
}

/** GETs every path in turn, one request at a time, `rounds` times after `warmupRounds`. */
export function sequentialGets(
  base: string,
  paths: string[],
  rounds: number,
  warmupRounds: number,
): Promise<SequentialResult> {
  return runWorker({ kind: 'sequential', base, paths, rounds, warmupRounds });
}

export interface CannonResult {
  requestsPerSecond: number;
  totalRequests: number;
  latencyMs: { mean: number; p50: number; p97_5: number; p99: number };
  bytesPerSecond: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** autocannon against one URL for `duration` seconds with `connections` connections. */
export function cannon(
  base: string,
  path: string,
  connections: number,
  duration: number,
): Promise<CannonResult> {
  return runWorker({ kind: 'autocannon', base, path, connections, duration });
}
