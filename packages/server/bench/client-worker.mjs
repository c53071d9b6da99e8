// The HTTP client side of the benchmarks, in a worker thread: its own event loop (and, on a
// multi-core machine, its own core), so the load generator does not run on the server's loop.
// Only ever talks to 127.0.0.1. Messages: { kind: 'sequential', base, paths, rounds, warmupRounds }
// -> { latencies: number[] (ms), statuses: Record<code, count> }; { kind: 'autocannon', base, path,
// connections, duration, latencies? } -> autocannon's result (with every response's latency when
// asked); { kind: 'submits', base, apps: [code, secret, key][], connections } -> the same, one
// POST /v1/applications/<code>/submit per prepared application; { kind: 'bookings', … } -> the same,
// POST /v1/bookings for as many different people.
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

/** autocannon's figures, with every response's latency when `latencies` (a Float64Array of ms). */
function summary(raw, opts, latencies) {
  // Inside a worker thread autocannon hands back its raw histograms: aggregate them as it would.
  const result = raw.requests?.average === undefined ? autocannon.aggregateResult([raw], opts) : raw;
  const { latency, non2xx, errors, timeouts } = result;
  return {
    // Completed requests over the run's actual duration (the per-second samples are not
    // aggregated inside a worker).
    requestsPerSecond: Math.round(raw.totalCompletedRequests / raw.duration),
    totalRequests: raw.totalCompletedRequests,
    durationSeconds: raw.duration,
    latencyMs: { mean: latency.average, p50: latency.p50, p97_5: latency.p97_5, p99: latency.p99 },
    bytesPerSecond: Math.round(raw.totalBytes / raw.duration),
    non2xx,
    errors,
    timeouts,
    statusCodes: Object.fromEntries(
      Object.entries(raw.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]),
    ),
    ...(latencies ? { latencies } : {}),
  };
}

/** Collects the client-side time of every response (fractional ms, unlike autocannon's histogram). */
function recordLatencies(instance) {
  let samples = new Float64Array(1 << 16);
  let n = 0;
  instance.on('response', (_client, _status, _bytes, ms) => {
    if (n === samples.length) {
      const bigger = new Float64Array(samples.length * 2);
      bigger.set(samples);
      samples = bigger;
    }
    samples[n++] = ms;
  });
  return () => samples.slice(0, n);
}

async function cannon({ base, path, connections, duration, latencies }) {
  assertLocal(base);
  const opts = { url: new URL(path, base).toString(), connections, duration };
  const instance = autocannon(opts);
  const collected = latencies ? recordLatencies(instance) : null;
  const raw = await instance;
  return summary(raw, opts, collected?.());
}

/**
 * POST /v1/applications/<code>/submit, every request for another application of `apps` (each
 * [code, secret, idempotency key]), `apps.length` requests in all: autocannon's `amount` gives
 * each connection its share, and each connection builds exactly as many requests as it sends (the
 * first when it starts, the others after each response; a reconnection sends the next one, never
 * the same one again). No application can be submitted twice; running out throws.
 */
async function submits({ base, apps, connections }) {
  assertLocal(base);
  let next = 0;
  const body = JSON.stringify({ declaration: true });
  const opts = {
    url: new URL('/', base).toString(),
    connections,
    amount: apps.length,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const app = apps[next++];
          if (!app) throw new Error(`more requests than the ${apps.length} prepared applications`);
          const [code, secret, key] = app;
          return {
            ...request,
            method: 'POST',
            path: `/v1/applications/${code}/submit`,
            headers: {
              accept: 'application/json',
              'content-type': 'application/json',
              'loket-secret': secret,
              'idempotency-key': key,
            },
            body,
          };
        },
      },
    ],
  };
  const started = performance.now();
  const instance = autocannon(opts);
  const collected = recordLatencies(instance);
  // autocannon notices that every connection is done only at its next 1 s tick, so its duration
  // can be up to a second too long: time the run from the start to the last response instead, and
  // note when the first connection ran out of work (the end of the run at full concurrency).
  let last = started;
  let firstDone = Number.POSITIVE_INFINITY;
  let atFirstDone = 0;
  let responses = 0;
  const perClient = new Map();
  instance.on('response', (client) => {
    last = performance.now();
    responses += 1;
    const n = (perClient.get(client) ?? 0) + 1;
    perClient.set(client, n);
    if (n === client.responseMax && last < firstDone) {
      firstDone = last;
      atFirstDone = responses;
    }
  });
  const raw = await instance;
  const seconds = (last - started) / 1000;
  const result = summary(raw, opts, collected());
  return {
    ...result,
    requestsPerSecond: Math.round(result.totalRequests / seconds),
    durationSeconds: Number(seconds.toFixed(2)),
    autocannonDurationSeconds: raw.duration,
    fullConcurrency: {
      seconds: Number(((firstDone - started) / 1000).toFixed(2)),
      responses: atFirstDone,
      requestsPerSecond: Math.round(atFirstDone / ((firstDone - started) / 1000)),
    },
    requestsBuilt: next,
  };
}

/**
 * POST /v1/bookings, `amount` requests over `connections` connections, each another person (phone),
 * another Idempotency-Key, at one of `slots` ([date, time]) in turn.
 */
async function bookings({ base, amount, connections, location, service, slots }) {
  assertLocal(base);
  let next = 0;
  const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const opts = {
    url: new URL('/', base).toString(),
    connections,
    amount,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const i = next++;
          const [date, time] = slots[i % slots.length];
          const phone = `0819${String(10_000_000 + i).slice(-8)}`;
          return {
            ...request,
            method: 'POST',
            path: '/v1/bookings',
            headers: {
              accept: 'application/json',
              'content-type': 'application/json',
              'idempotency-key': `bench-${run}-${i}`,
            },
            body: JSON.stringify({ service, location, date, time, name: `Bench ${i}`, phone }),
          };
        },
      },
    ],
  };
  const started = performance.now();
  const instance = autocannon(opts);
  const collected = recordLatencies(instance);
  let last = started;
  instance.on('response', () => {
    last = performance.now();
  });
  const raw = await instance;
  const result = summary(raw, opts, collected());
  const seconds = (last - started) / 1000;
  return {
    ...result,
    requestsPerSecond: Math.round(result.totalRequests / seconds),
    durationSeconds: Number(seconds.toFixed(2)),
  };
}

const task = workerData;
const run = { sequential, autocannon: cannon, submits, bookings }[task.kind];
run(task).then(
  (result) => parentPort.postMessage({ ok: true, result }),
  (error) => parentPort.postMessage({ ok: false, error: String(error?.stack ?? error) }),
);
