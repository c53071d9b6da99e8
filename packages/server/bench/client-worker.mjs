// The HTTP client side of the benchmarks, in a worker thread: its own event loop (and, on a
// multi-core machine, its own core), so the load generator does not run on the server's loop.
// Only ever talks to 127.0.0.1. Messages: { kind: 'sequential', base, paths, rounds, warmupRounds }
// -> { latencies: number[] (ms), statuses: Record<code, count> }; { kind: 'autocannon', base, path,
// connections, duration } -> autocannon's result.
import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

function assertLocal(base) {
  const { hostname } = new URL(base);
  if (hostname !== '127.0.0.1') throw new Error(`benchmarks only load 127.0.0.1, not ${hostname}`);
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

/** One GET, body read to the end; resolves to [status, milliseconds]. */
function get(base, path) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(new URL(path, base), { agent, headers: { accept: 'application/json' } }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve([res.statusCode, performance.now() - started]));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function sequential({ base, paths, rounds, warmupRounds }) {
  assertLocal(base);
  for (let r = 0; r < warmupRounds; r++) for (const path of paths) await get(base, path);
  const latencies = [];
  const statuses = {};
  for (let r = 0; r < rounds; r++) {
    for (const path of paths) {
      const [status, ms] = await get(base, path);
      latencies.push(ms);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  }
  return { latencies, statuses };
}

async function cannon({ base, path, connections, duration }) {
  assertLocal(base);
  const opts = { url: new URL(path, base).toString(), connections, duration };
  // Inside a worker thread autocannon hands back its raw histograms: aggregate them as it would.
  const raw = await autocannon(opts);
  const result = raw.requests?.average === undefined ? autocannon.aggregateResult([raw], opts) : raw;
  const { latency, non2xx, errors, timeouts } = result;
  return {
    // Completed requests over the run's actual duration (the per-second samples are not
    // aggregated inside a worker).
    requestsPerSecond: Math.round(raw.totalCompletedRequests / raw.duration),
    totalRequests: raw.totalCompletedRequests,
    latencyMs: { mean: latency.average, p50: latency.p50, p97_5: latency.p97_5, p99: latency.p99 },
    bytesPerSecond: Math.round(raw.totalBytes / raw.duration),
    non2xx,
    errors,
    timeouts,
  };
}

const task = workerData;
const run = task.kind === 'sequential' ? sequential : cannon;
run(task).then(
  (result) => parentPort.postMessage({ ok: true, result }),
  (error) => parentPort.postMessage({ ok: false, error: String(error?.stack ?? error) }),
);
