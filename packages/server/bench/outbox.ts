/**
 * The outbox leg of `pnpm bench` (scripts/bench.mjs runs it once per engine, after the main leg):
 *
 *   tsx bench/outbox.ts --engine pglite --out result.json
 *   tsx bench/outbox.ts --engine postgres --url postgres://…/postgres --out result.json
 *
 * The real server (`dist/cli.js serve`, as deployed, rate limits counted but out of reach) on a
 * database of its own, its e-mail going to a real SMTP receiver in this process
 * (test/helpers/smtp-receipts.ts). Ready applications with an e-mail answer are cloned beforehand
 * (lib/applications.ts), so each submission makes one `application.submitted` event, one e-mail.
 *
 * 1. Throughput and lag: the applications submitted with 50 connections (outbox-client.mjs notes
 *    when each response arrived, i.e. after its commit) while the worker delivers; per e-mail, the
 *    lag from that response to the receiver accepting it, and from the event's own timestamp (taken
 *    in the transaction, before the commit: an upper bound); deliveries per second.
 * 2. Crash: more applications submitted, the server killed with SIGKILL once part of their e-mails
 *    arrived, started again on the same database; then, per delivery id, what the receiver got:
 *    raw receipts, distinct ids, lost, and ids received more than once (at least once: a message
 *    accepted by the receiver just before the kill, whose row was not yet marked delivered, is sent
 *    again with the same Message-ID once its lease runs out).
 * Env: see bench/README.md (LOKET_BENCH_OUTBOX_*).
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { buildApp } from '../src/app.js';
import { createStorage } from '../src/applications/storage.js';
import { seed } from '../src/catalogue/seed.js';
import { loadNationalComplaintChannels } from '../src/complaints.js';
import { type Db, migrate } from '../src/db/index.js';
import { openPGlite } from '../src/db/pglite.js';
import { openPostgres } from '../src/db/postgres.js';
import { countPerDelivery, type Receiver, startReceiver } from '../test/helpers/smtp-receipts.js';
import { cloneApplications, prepareThroughApi, readTemplate } from './lib/applications.js';
import { benchLimits } from './lib/limits.js';
import { quiet, startServer, stopServer, submitAll, until } from './lib/outbox-processes.js';
import { summarize } from './lib/stats.js';

const { values } = parseArgs({
  options: { engine: { type: 'string' }, url: { type: 'string' }, out: { type: 'string' } },
});
const engine = values.engine;
if (engine !== 'pglite' && engine !== 'postgres') throw new Error('--engine must be pglite or postgres');
const quick = process.env.LOKET_BENCH_QUICK === '1';
const env = (name: string, fallback: number) => {
  const n = Number(process.env[name] || fallback);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number`);
  return n;
};
const config = {
  connections: Math.trunc(env('LOKET_BENCH_SUBMIT_CONNECTIONS', 50)),
  applications: Math.trunc(env('LOKET_BENCH_OUTBOX_APPLICATIONS', quick ? 1000 : 4000)),
  crashApplications: Math.trunc(env('LOKET_BENCH_OUTBOX_CRASH_APPLICATIONS', quick ? 400 : 1000)),
  /** The kill comes once this share of the crash run's e-mails has arrived. */
  killAfter: 0.3,
  /** The crash run's lease (LOKET_OUTBOX_LEASE_MS): how long the restarted server waits for what the dead one held. */
  crashLeaseMs: Math.trunc(env('LOKET_BENCH_OUTBOX_LEASE_MS', 3000)),
  region: '33.74',
};
const log = (message: string) => console.error(`[bench:${engine}:outbox] ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const bare = (code: string) => code.replace(/^LKT-/, '').replaceAll('-', '');

const dataDir = await mkdtemp(join(os.tmpdir(), 'loket-bench-outbox-'));
let databaseUrl: string | undefined;
let dropDatabase = async () => {};
if (engine === 'postgres') {
  if (!values.url) throw new Error('the postgres leg needs --url');
  const name = `loket_bench_outbox_${process.pid}`;
  const admin = postgres(values.url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(values.url);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
  dropDatabase = async () => {
    const cleanup = postgres(values.url as string, { max: 1, onnotice: () => {} });
    await cleanup.unsafe(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  };
}
const openDb = async (): Promise<Db> =>
  databaseUrl ? openPostgres(databaseUrl, { max: 4 }) : (await openPGlite(dataDir)).db;

const place = (rcv: Receiver) => ({ dataDir, databaseUrl, smtpUrl: rcv.url });
let server: ChildProcess | null = null;
let receiver: Receiver | null = null;
try {
  // --- Ready applications, with an e-mail answer, in the server's database and uploads ---
  log(`preparing ${config.applications} + ${config.crashApplications} applications`);
  let db = await openDb();
  await migrate(db);
  await seed(db);
  const uploadsDir = join(dataDir, 'uploads');
  const storage = createStorage(uploadsDir);
  const app = await buildApp({
    db,
    nationalComplaintChannels: await loadNationalComplaintChannels(),
    uploadsDir,
    limits: benchLimits,
  });
  const first = await prepareThroughApi(await app.listen({ host: '127.0.0.1', port: 0 }), db, config.region);
  await app.close();
  const template = await readTemplate(db, storage, first.code);
  template.answers = { ...template.answers, email: 'warga@bench.example' };
  const load = await cloneApplications(db, storage, template, config.applications);
  const crash = await cloneApplications(db, storage, template, config.crashApplications);
  await db.close();

  receiver = await startReceiver();
  const rcv = receiver;

  // --- 1. Throughput and lag while submissions run ---
  server = await startServer(place(rcv), {});
  log(`submitting ${load.length} applications with ${config.connections} connections`);
  // Tolerant: on an overloaded machine a few submissions may time out (408); they are counted, and
  // only the answered ones are timed (an unanswered one may still have committed and sent its e-mail).
  const loadRun = await submitAll(server, load, config.connections, { tolerant: true });
  const loadCodes = new Set(loadRun.done.map(([code]) => code));
  await until(() => rcv.distinct(loadCodes) >= loadCodes.size, 180_000, 'the load run’s e-mails');
  await stopServer(server, 'SIGTERM');
  const loadReceipts = rcv.receipts.filter((r) => r.code && loadCodes.has(r.code));

  // --- 2. SIGKILL mid-delivery (and mid-submission), restart, count per delivery id ---
  const leaseEnv = { LOKET_OUTBOX_LEASE_MS: String(config.crashLeaseMs) };
  server = await startServer(place(rcv), leaseEnv);
  const crashCodes = new Set(crash.map((a) => a.code));
  // Five into a batch of ten (the worker claims 10 and sends them at once): the rest of that batch
  // is in flight when the kill comes.
  const killAt = Math.max(1, Math.floor((crash.length * config.killAfter) / 10) * 10 + 5);
  log(`crash run: ${crash.length} applications, SIGKILL once ${killAt} of their e-mails arrived`);
  // Submissions still in flight at the kill fail (connection reset or refused): those applications
  // stay drafts or were committed just before; the database says which afterwards.
  const submitting = submitAll(server, crash, config.connections, { tolerant: true });
  await until(() => rcv.distinct(crashCodes) >= killAt, 180_000, 'the crash run’s first e-mails');
  const receivedAtKill = rcv.distinct(crashCodes);
  await stopServer(server, 'SIGKILL');
  const crashRun = await submitting;
  log(
    `killed with ${receivedAtKill} e-mails received, ${crashRun.done.length} submissions answered; starting again`,
  );
  const restartedAt = Date.now();
  server = await startServer(place(rcv), leaseEnv);
  // Resends of what the dead process held come after its lease: wait past it, then for quiet.
  await sleep(config.crashLeaseMs + 2000);
  await quiet(rcv, 3000);
  const finishedAt = Date.now();
  await stopServer(server, 'SIGTERM');
  server = null;

  // --- What the database says ---
  db = await openDb();
  const events = await db.query<{ code: string; at: number }>(
    `select a.code, (extract(epoch from e.created_at) * 1000)::float8 as at from outbox_event e
     join application a on a.id = e.application_id where e.topic = 'application.submitted'`,
  );
  const eventAt = new Map(events.map((e) => [e.code, Number(e.at)]));
  const crashBare = [...crashCodes].map(bare);
  const crashRows = await db.query<{ id: string; status: string; attempts: number }>(
    `select d.id, d.status, d.attempts from delivery d join outbox_event e on e.id = d.event_id
     join application a on a.id = e.application_id where a.code = any($1::text[])`,
    [crashBare],
  );
  const [committed] = await db.query<{ submitted: number; events: number; unfanned: number }>(
    `select count(distinct a.id) filter (where a.status = 'submitted')::int as submitted,
       count(e.id)::int as events, count(e.id) filter (where e.fanned_out_at is null)::int as unfanned
     from application a left join outbox_event e on e.application_id = a.id where a.code = any($1::text[])`,
    [crashBare],
  );
  await db.close();

  const responseAt = new Map(loadRun.done);
  const firstReceipt = new Map<string, number>();
  for (const r of loadReceipts) if (r.code && !firstReceipt.has(r.code)) firstReceipt.set(r.code, r.at);
  const fromResponse: number[] = [];
  const fromEvent: number[] = [];
  for (const [code, at] of firstReceipt) {
    fromResponse.push(at - (responseAt.get(code) ?? Number.NaN));
    fromEvent.push(at - (eventAt.get(bare(code)) ?? Number.NaN));
  }
  const submitStart = loadRun.startedAt;
  const submitEnd = submitStart + loadRun.seconds * 1000;
  const lastReceipt = Math.max(...loadReceipts.map((r) => r.at));
  const duringSubmissions = loadReceipts.filter((r) => r.at <= submitEnd).length;
  const statusCount = (status: string) => crashRows.filter((r) => r.status === status).length;
  const perDelivery = countPerDelivery(
    rcv.receipts.filter((r) => r.code && crashCodes.has(r.code)),
    crashRows.map((r) => r.id),
  );
  const result = {
    engine,
    config,
    throughput: {
      applications: load.length,
      submitted: loadRun.done.length,
      statuses: loadRun.statuses,
      errors: loadRun.errors,
      submitSeconds: Number(loadRun.seconds.toFixed(2)),
      submissionsPerSecond: Math.round(loadRun.done.length / loadRun.seconds),
      submitLatency: summarize(loadRun.latencies),
      emails: loadReceipts.length,
      distinctEmails: firstReceipt.size,
      /** E-mails accepted by the receiver while the submissions ran, per second of that window. */
      deliveriesPerSecondDuringSubmissions: Math.round(duringSubmissions / loadRun.seconds),
      /** All the run's e-mails over the time from the first submission to the last e-mail. */
      deliveriesPerSecond: Math.round(firstReceipt.size / ((lastReceipt - submitStart) / 1000)),
      /** From the last response to the last e-mail: the backlog left when the submissions stopped. */
      drainSeconds: Number(Math.max(0, (lastReceipt - submitEnd) / 1000).toFixed(2)),
      lagFromResponseMs: summarize(fromResponse),
      lagFromEventMs: summarize(fromEvent),
    },
    crash: {
      applications: crash.length,
      /** Submissions answered 2xx before the kill (the rest failed with the connection). */
      answered: crashRun.done.length,
      clientErrors: crashRun.errors,
      /** Committed, per the database afterwards: submitted applications and their outbox events. */
      committed: committed?.submitted ?? 0,
      events: committed?.events ?? 0,
      eventsNotFannedOut: committed?.unfanned ?? 0,
      receivedAtKill,
      /** 0 < receivedAtKill < committed: the kill came mid-delivery. */
      midDelivery: receivedAtKill > 0 && receivedAtKill < (committed?.submitted ?? 0),
      leaseMs: config.crashLeaseMs,
      secondsAfterRestart: Number(((finishedAt - restartedAt) / 1000).toFixed(2)),
      deliveries: crashRows.length,
      deliveryStatuses: {
        delivered: statusCount('delivered'),
        pending: statusCount('pending'),
        failed: statusCount('failed'),
      },
      maxAttempts: Math.max(0, ...crashRows.map((r) => r.attempts)),
      /** Deliveries claimed again after the restart: the dead process held their lease. */
      reclaimed: crashRows.filter((r) => r.attempts > 1).length,
      /** SMTP connections the kill cut off mid-conversation, as the receiver saw them. */
      connectionsCut: rcv.connectionErrors,
      perDelivery,
    },
  };
  log(
    `${result.throughput.submissionsPerSecond} submissions/s; ${result.throughput.deliveriesPerSecond} e-mails/s; ` +
      `lag p95 ${result.throughput.lagFromResponseMs.p95.toFixed(0)} ms from the response ` +
      `(${result.throughput.lagFromEventMs.p95.toFixed(0)} ms from the event); crash: ` +
      `${perDelivery.lost} lost, ${perDelivery.duplicatedIds} ids twice (${perDelivery.rawReceipts} raw, ${perDelivery.distinct} distinct of ${perDelivery.expected})`,
  );
  const json = `${JSON.stringify(result, null, 2)}\n`;
  if (values.out) await writeFile(values.out, json);
  else process.stdout.write(json);
} finally {
  if (server && server.exitCode === null) server.kill('SIGKILL');
  await receiver?.close();
  await dropDatabase();
  await rm(dataDir, { recursive: true, force: true });
}
