import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../../src/app.js';
import { type ApplicationRow, applicationColumns } from '../../src/applications/security.js';
import { createStorage } from '../../src/applications/storage.js';
import { submitApplication } from '../../src/applications/submit.js';
import type { NationalChannel } from '../../src/catalogue/present.js';
import type { Db } from '../../src/db/index.js';
import {
  type CloneTimings,
  checkClone,
  checkSubmitted,
  cloneApplications,
  prepareThroughApi,
  type ReadyApplication,
  readTemplate,
  SUBMIT_SERVICE,
  submitOnce,
} from './applications.js';
import { type CannonResult, cannon, submits } from './client.js';
import { benchLimits } from './limits.js';
import { shares, profiled as underProfiler } from './profile.js';
import { timedDb } from './setup.js';
import { ratio, type Summary, summarize } from './stats.js';

export interface SubmitConfig {
  region: string;
  /** The catalogue GET of the baseline. */
  service: string;
  connections: number;
  /** Seconds of the GET baseline, and what the submit run is sized for. */
  duration: number;
  warmup: number;
  /** At most this many applications in the measured submit run. */
  maxApplications: number;
  /** Submissions timed one at a time in process, for the breakdown. */
  profileApplications: number;
  /** Seconds of the extra submit run under the CPU profiler. */
  profileSeconds: number;
  analyze: boolean;
}

const withLatency = <T extends CannonResult>({
  latencies,
  ...rest
}: T): Omit<T, 'latencies'> & { latency: Summary } => ({
  ...rest,
  latency: summarize(Array.from(latencies ?? [])),
});

type Counted = Pick<CannonResult, 'totalRequests' | 'non2xx' | 'errors' | 'statusCodes'>;

/** Starts measuring; the returned function gives the event loop's and the machine's CPU use since. */
function loadMeter(): () => { serverEventLoop: number; machineCpu: number } {
  const elu = performance.eventLoopUtilization();
  const busy = () =>
    os.cpus().reduce(
      (acc, c) => {
        const total = c.times.user + c.times.nice + c.times.sys + c.times.idle + c.times.irq;
        return { idle: acc.idle + c.times.idle, total: acc.total + total };
      },
      { idle: 0, total: 0 },
    );
  const before = busy();
  return () => {
    const after = busy();
    const total = after.total - before.total;
    return {
      serverEventLoop: Number(performance.eventLoopUtilization(elu).utilization.toFixed(3)),
      machineCpu: Number((total ? 1 - (after.idle - before.idle) / total : 0).toFixed(3)),
    };
  };
}

/** Parts of one submission, by kind of query (`<verb> <table>`). */
function queryLabel(sql: string): string {
  const text = sql.replace(/\s+/g, ' ').trim().toLowerCase();
  const verb = text.split(' ')[0] ?? '?';
  const table = /\b(?:from|into|update)\s+([a-z_]+)/.exec(text)?.[1] ?? '?';
  return `${verb} ${table}${text.includes(' for update') ? ' for update' : ''}`;
}

/**
 * The applications benchmark: submissions per second and their latency with `connections`
 * concurrent clients, each request submitting another ready application, against the catalogue
 * GET at the same concurrency in the same run. See bench/README.md.
 */
export async function benchSubmissions(
  db: Db,
  channels: NationalChannel[],
  config: SubmitConfig,
  log: (message: string) => void,
) {
  const uploadsDir = await mkdtemp(join(os.tmpdir(), 'loket-bench-uploads-'));
  const storage = createStorage(uploadsDir);
  const app = await buildApp({ db, nationalComplaintChannels: channels, uploadsDir, limits: benchLimits });
  try {
    const base = await app.listen({ host: '127.0.0.1', port: 0 });

    // --- Ready applications: two through the API, the rest cloned from the first ---
    log(`applications: preparing ${SUBMIT_SERVICE} in ${config.region} through the API`);
    let started = performance.now();
    const first = await prepareThroughApi(base, db, config.region);
    const second = await prepareThroughApi(base, db, config.region);
    const viaApi = [first, second];
    const apiMsPerApplication = (performance.now() - started) / viaApi.length;
    const template = await readTemplate(db, storage, first.code);
    const timings: CloneTimings = { filesMs: 0, sqlMs: 0 };
    let cloned = 0;
    const clone = async (n: number) => {
      cloned += n;
      const apps = await cloneApplications(db, storage, template, n, timings);
      // What autovacuum soon does after the tables grew: without it, PostgreSQL keeps planning
      // these tables as the empty ones the catalogue load analyzed.
      if (config.analyze)
        await db.query('analyze application, attachment, application_event, idempotency_key');
      return apps;
    };
    const [probe] = await clone(1);
    if (!probe) throw new Error('no clone');
    // Two applications made through the API are alike (so the comparison hides nothing that
    // differs by itself), and a clone is like them: rows, files, history, and GET over HTTP.
    await checkClone(db, storage, base, first, second);
    const compared = await checkClone(db, storage, base, first, probe);
    // ... and it submits like them (the template itself stays a draft: clones copy its rows).
    const answers = new Set<string>();
    for (const a of [second, probe]) answers.add(await submitOnce(base, db, a));
    if (answers.size !== 1) throw new Error(`a clone submits differently:\n${[...answers].join('\n')}`);
    const submittedOutside = 2;
    log(`applications: a clone matches the API's (${compared.join(', ')}, submit response)`);

    const path = `/v1/services/${config.service}?region=${config.region}`;
    const tuples = (apps: ReadyApplication[]) =>
      apps.map((a) => [a.code, a.secret, a.key] as [string, string, string]);
    const submitRun = async (apps: ReadyApplication[], what: string) => {
      log(`applications: ${what}: ${apps.length} submissions, ${config.connections} connections`);
      const result = await submits(base, tuples(apps), config.connections);
      if (result.requestsBuilt !== apps.length) {
        throw new Error(`${what}: ${result.requestsBuilt} requests built for ${apps.length} applications`);
      }
      // Responses arrive in order: the first `responses` latencies are those of the full-concurrency window.
      const windowLatency = summarize(
        Array.from(result.latencies.subarray(0, result.fullConcurrency.responses)),
      );
      const run = withLatency(result);
      const full = { ...run.fullConcurrency, latency: windowLatency };
      log(
        `applications: ${what}: ${run.requestsPerSecond} submissions/s over ${run.durationSeconds} s, ` +
          `p50 ${run.latency.p50.toFixed(1)} / p95 ${run.latency.p95.toFixed(1)} / p99 ${run.latency.p99.toFixed(1)} ms ` +
          `(while every connection was busy, the first ${full.seconds} s: ${full.requestsPerSecond}/s, ` +
          `p50 ${full.latency.p50.toFixed(1)} / p95 ${full.latency.p95.toFixed(1)} ms)`,
      );
      return { ...run, fullConcurrency: full };
    };
    const check = async (apps: ReadyApplication[], run: Counted, what: string) => {
      const ok = run.totalRequests - run.non2xx;
      const found = await checkSubmitted(db, apps);
      const line =
        `${what}: ${found.applications} applications, ${ok} 2xx responses (statuses ${JSON.stringify(run.statusCodes)}, non-2xx ${run.non2xx}, ` +
        `errors ${run.errors}); ` +
        `${found.submitted} submitted, ${found.drafts} still draft, ${found.withOneSubmittedEvent} with exactly one ` +
        `'submitted' event, ${found.idempotencyKeys} idempotency keys`;
      const good =
        run.non2xx === 0 &&
        run.errors === 0 &&
        ok === apps.length &&
        found.applications === apps.length &&
        found.submitted === ok &&
        found.withOneSubmittedEvent === ok &&
        found.idempotencyKeys === ok;
      log(`applications: ${good ? 'verified' : 'VERIFICATION FAILED'}: ${line}`);
      if (!good) throw new Error(`the submit benchmark does not add up: ${line}`);
      return { ...found, ok, line };
    };

    // --- Warm-up: a few per connection, then about `warmup` seconds at the rate just seen ---
    log(`applications: GET warm-up, ${config.warmup} s`);
    await cannon(base, path, config.connections, config.warmup);
    const warmups: Awaited<ReturnType<typeof submitRun>>[] = [];
    let size = config.connections * 4;
    for (const what of ['warm-up 1', 'warm-up 2']) {
      const apps = await clone(size);
      const run = await submitRun(apps, what);
      await check(apps, run, what);
      warmups.push(run);
      size = Math.max(config.connections * 4, Math.ceil(run.requestsPerSecond * config.warmup));
    }

    // --- Measured: the GET baseline, then submissions sized for `duration` at the last rate ---
    const rate = warmups.at(-1)?.requestsPerSecond ?? 0;
    // A quarter more than the warm-up's rate needs: the rate usually rises once everything is warm,
    // and the run should not end before `duration`.
    const wanted = Math.ceil(rate * config.duration * 1.25);
    const count = Math.min(config.maxApplications, Math.max(config.connections * 4, wanted));
    started = performance.now();
    const before = { ...timings };
    const measuredApps = await clone(count);
    const prepareMs = performance.now() - started;
    log(
      `applications: ${count} cloned in ${(prepareMs / 1000).toFixed(1)} s ` +
        `(files ${((timings.filesMs - before.filesMs) / 1000).toFixed(1)} s, SQL ${((timings.sqlMs - before.sqlMs) / 1000).toFixed(1)} s)`,
    );

    log(`applications: GET baseline, ${config.connections} connections × ${config.duration} s`);
    const getLoad = loadMeter();
    const get = withLatency(
      await cannon(base, path, config.connections, config.duration, { latencies: true }),
    );
    const getUse = getLoad();
    const submitLoad = loadMeter();
    const submit = await submitRun(measuredApps, 'measured');
    const submitUse = submitLoad();
    const verified = await check(measuredApps, submit, 'measured');

    // --- Where the server's thread spends a submission: a short extra run under the profiler ---
    const profileCount = Math.min(
      config.maxApplications,
      Math.max(config.connections * 4, Math.ceil(submit.requestsPerSecond * config.profileSeconds)),
    );
    const profileApps = await clone(profileCount);
    const { result: profiledRun, profile } = await underProfiler(() =>
      submitRun(profileApps, 'under the CPU profiler'),
    );
    await check(profileApps, profiledRun, 'under the CPU profiler');
    const cpu = shares(profile);
    if (process.env.LOKET_BENCH_CPU_PROFILE) {
      const file = `${process.env.LOKET_BENCH_CPU_PROFILE}.${db.engine}.cpuprofile`;
      await writeFile(file, JSON.stringify(profile));
      log(`applications: CPU profile of the server thread written to ${file}`);
    }
    log(
      `applications: server thread during submissions: ${cpu.map((c) => `${c.part} ${c.percent} %`).join(', ')}`,
    );

    const [all] = await db.query<{ submitted: number }>(
      `select count(*)::int as submitted from application where status = 'submitted'`,
    );
    const expected =
      submittedOutside + [...warmups, submit, profiledRun].reduce((n, r) => n + r.totalRequests, 0);
    if (all?.submitted !== expected) {
      throw new Error(`${all?.submitted} applications are submitted in all, expected ${expected}`);
    }

    // --- What one submission costs in process, one at a time, query by query ---
    log(`applications: ${config.profileApplications} submissions in process, one at a time`);
    const profiled = await clone(config.profileApplications);
    const perLabel = new Map<string, { count: number; ms: number }>();
    let record = false;
    const timed = timedDb(db, (sql, ms) => {
      if (!record) return;
      const label = queryLabel(sql);
      const seen = perLabel.get(label) ?? { count: 0, ms: 0 };
      seen.count += 1;
      seen.ms += ms;
      perLabel.set(label, seen);
    });
    const submitInProcess = async (ready: ReadyApplication) => {
      // What the applicationSecret handler reads, then the submit handler's work.
      const [row] = await timed.query<ApplicationRow & { secret_hash: string }>(
        `select ${applicationColumns}, secret_hash from application where code = $1`,
        [ready.code.replace(/^LKT-/, '').replace(/-/g, '')],
      );
      if (!row) throw new Error(`${ready.code} is missing`);
      const { secret_hash: _hash, ...application } = row;
      const result = await submitApplication(
        timed,
        application,
        { declaration: true },
        {
          key: ready.key,
          lang: 'id',
          now: new Date(),
        },
      );
      if (result.status !== 200 || result.replayed) throw new Error(`${ready.code}: ${result.status}`);
    };
    const warm = Math.min(20, Math.floor(profiled.length / 4));
    for (const ready of profiled.slice(0, warm)) await submitInProcess(ready);
    const totals: number[] = [];
    record = true;
    for (const ready of profiled.slice(warm)) {
      const t = performance.now();
      await submitInProcess(ready);
      totals.push(performance.now() - t);
    }
    record = false;
    const n = totals.length;
    const emptyTransaction: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      await db.transaction((tx) => tx.query('select 1'));
      emptyTransaction.push(performance.now() - t);
    }
    const queries = [...perLabel]
      .map(([label, { count: c, ms }]) => ({
        query: label,
        perSubmit: Number((c / n).toFixed(2)),
        msPerSubmit: Number((ms / n).toFixed(3)),
      }))
      .sort((a, b) => b.msPerSubmit - a.msPerSubmit);
    const total = summarize(totals);
    const queryMs = queries.reduce((s, q) => s + q.msPerSubmit, 0);

    return {
      service: SUBMIT_SERVICE,
      region: config.region,
      connections: config.connections,
      getPath: path,
      preparation: {
        throughApi: viaApi.length,
        apiMsPerApplication: Number(apiMsPerApplication.toFixed(1)),
        cloned,
        cloneChecks: [...compared, 'submit response'],
        measuredApplications: count,
        sizedFor: { requestsPerSecond: rate, seconds: config.duration, wanted, max: config.maxApplications },
        prepareMs: Math.round(prepareMs),
        filesMs: Math.round(timings.filesMs),
        sqlMs: Math.round(timings.sqlMs),
      },
      warmups,
      get,
      submit,
      /** The server's event loop busy (0..1) and the machine's CPUs busy (0..1) during each run. */
      load: { get: getUse, submit: submitUse },
      /** Self time on the server's thread during a separate, profiled submit run, by part. */
      cpuProfile: {
        submissions: profiledRun.totalRequests,
        requestsPerSecond: profiledRun.requestsPerSecond,
        shares: cpu,
      },
      ratio: ratio(submit.requestsPerSecond, get.requestsPerSecond),
      p95Ratio: ratio(submit.latency.p95, get.latency.p95),
      verified: {
        line: verified.line,
        applications: verified.applications,
        responses2xx: verified.ok,
        submitted: verified.submitted,
        withOneSubmittedEvent: verified.withOneSubmittedEvent,
        idempotencyKeys: verified.idempotencyKeys,
        submittedInDatabase: expected,
      },
      inProcess: {
        submissions: n,
        total,
        queriesPerSubmit: Number(queries.reduce((s, q) => s + q.perSubmit, 0).toFixed(1)),
        queryMsPerSubmit: Number(queryMs.toFixed(3)),
        /** The rest of a submission's time in process: JavaScript (validation, due date, presenting) and transaction control. */
        otherMsPerSubmit: Number((total.mean - queryMs).toFixed(3)),
        queries,
        emptyTransaction: summarize(emptyTransaction),
      },
    };
  } finally {
    await app.close();
    await rm(uploadsDir, { recursive: true, force: true });
  }
}
