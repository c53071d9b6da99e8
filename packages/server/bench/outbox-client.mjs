// The outbox benchmark's load, in a worker thread (its own event loop, like client-worker.mjs):
// one POST /v1/applications/<code>/submit per prepared application, `connections` at a time over
// keep-alive connections, each application once. Unlike autocannon it notes, per tracking code,
// the wall-clock time (Date.now(), the same clock as the SMTP receiver's) at which the response
// had fully arrived: the submission had committed by then, so "response → e-mail accepted" is the
// outbox's lag from commit (at most the response's own transfer more). Only ever talks to 127.0.0.1.
// workerData: { base, apps: [code, secret, key][], connections } -> { done: [code, ms][], statuses,
// errors, seconds, latencies }
import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { base, apps, connections } = workerData;
if (new URL(base).hostname !== '127.0.0.1') throw new Error(`benchmarks only load 127.0.0.1, not ${base}`);
const agent = new Agent({ keepAlive: true, maxSockets: connections });
const body = JSON.stringify({ declaration: true });

function submit([code, secret, key]) {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = request(
      new URL(`/v1/applications/${code}/submit`, base),
      {
        agent,
        method: 'POST',
        headers: {
          accept: 'application/json',
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'loket-secret': secret,
          'idempotency-key': key,
        },
      },
      (res) => {
        res.on('data', () => {});
        res.on('end', () =>
          resolve({ status: res.statusCode, at: Date.now(), ms: performance.now() - started }),
        );
        res.on('error', (error) => resolve({ error: String(error) }));
      },
    );
    req.on('error', (error) => resolve({ error: String(error) }));
    req.end(body);
  });
}

const done = [];
const statuses = {};
const latencies = [];
let errors = 0;
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: Math.min(connections, apps.length) }, async () => {
    while (next < apps.length) {
      const app = apps[next++];
      const result = await submit(app);
      if (result.error) {
        errors += 1;
        continue;
      }
      statuses[result.status] = (statuses[result.status] ?? 0) + 1;
      latencies.push(result.ms);
      if (result.status >= 200 && result.status < 300) done.push([app[0], result.at]);
    }
  }),
);
agent.destroy();
parentPort.postMessage({ done, statuses, errors, latencies, seconds: (performance.now() - started) / 1000 });
