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
  /** The run's actual length in seconds. */
  durationSeconds: number;
  latencyMs: { mean: number; p50: number; p97_5: number; p99: number };
  bytesPerSecond: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Responses per HTTP status. */
  statusCodes: Record<string, number>;
  /** Every response's client-side latency in ms, when asked for. */
  latencies?: Float64Array;
}

/** autocannon against one URL for `duration` seconds with `connections` connections. */
export function cannon(
  base: string,
  path: string,
  connections: number,
  duration: number,
  options: { latencies?: boolean } = {},
): Promise<CannonResult> {
  return runWorker({ kind: 'autocannon', base, path, connections, duration, latencies: options.latencies });
}

/**
 * One POST /v1/applications/<code>/submit per application in `apps` ([formatted code, secret,
 * Idempotency-Key]), over `connections` connections, each application once.
 */
export function submits(
  base: string,
  apps: [string, string, string][],
  connections: number,
): Promise<
  CannonResult & {
    latencies: Float64Array;
    requestsBuilt: number;
    autocannonDurationSeconds: number;
    /** Until the first connection had sent its share: all connections busy. */
    fullConcurrency: { seconds: number; responses: number; requestsPerSecond: number };
  }
> {
  return runWorker({ kind: 'submits', base, apps, connections });
}

/** `amount` POST /v1/bookings over `connections` connections, each another person, at `slots` in turn. */
export function bookings(
  base: string,
  task: { amount: number; connections: number; location: string; service: string; slots: [string, string][] },
): Promise<CannonResult & { latencies: Float64Array }> {
  return runWorker({ kind: 'bookings', base, ...task });
}
