import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transition } from '../src/applications/state.js';
import { seed } from '../src/catalogue/seed.js';
import { type Db, migrate } from '../src/db/index.js';
import { openPGlite } from '../src/db/pglite.js';
import { batch } from '../src/notifications/worker.js';
import { createTestDb, engine } from './helpers/db.js';
import { insertApplication } from './helpers/notify.js';
import { countPerDelivery, type Receiver, startReceiver } from './helpers/smtp-receipts.js';

// `loket-server serve` killed with SIGKILL while it delivers e-mail, then started again on the same
// database (PGlite in its data directory, or PostgreSQL): every status change's e-mail arrives,
// counted per delivery id at a real SMTP server. The server is a real process; the SMTP server
// answers slowly, so some messages are still being accepted when the sender dies. What the dead
// process held is sent again, with the same Message-ID, once its lease runs out (at least once);
// nothing is lost. `pnpm bench` measures the same with load (packages/server/bench/outbox.ts).

const serverDir = new URL('..', import.meta.url).pathname;
// Enough that the delivery (through a pool of 5 SMTP connections) is still going at the kill.
const applications = 60;
const leaseMs = 2000;
let dataDir: string;
let databaseUrl: string | undefined;
let pgDb: (Db & { url?: string }) | undefined;
let receiver: Receiver;
const children: ChildProcess[] = [];

/** The test's own handle on the server's database (PGlite: only while the server is down). */
async function openDb(): Promise<{ db: Db; done: () => Promise<void> }> {
  if (pgDb) return { db: pgDb, done: async () => {} };
  const { db } = await openPGlite(dataDir);
  return { db, done: () => db.close() };
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'loket-crash-'));
  if (engine === 'postgres') {
    pgDb = await createTestDb();
    databaseUrl = pgDb.url;
  } else {
    const { db } = await openPGlite(dataDir);
    await migrate(db);
    await seed(db);
    await db.close();
  }
  receiver = await startReceiver({ delayMs: 300 });
}, 120_000);

afterAll(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await receiver?.close();
  await pgDb?.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function serve(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(serverDir, 'src/cli.ts'), 'serve'], {
    cwd: serverDir,
    env: {
      ...process.env,
      LOKET_DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl ?? '',
      PORT: '0',
      LOG_LEVEL: 'warn',
      LOKET_SMTP_URL: receiver.url,
      LOKET_MAIL_FROM: 'Loket <loket@crash.example>',
      LOKET_OUTBOX_POLL_MS: '100',
      LOKET_OUTBOX_LEASE_MS: String(leaseMs),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
}

async function until(check: () => boolean, timeoutMs: number, what: string) {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the outbox across a SIGKILL of the server', () => {
  it('loses no e-mail, and sends again only with the same delivery id', async () => {
    // Status changes committed while no server runs: the outbox holds them.
    const { db, done } = await openDb();
    for (let i = 0; i < applications; i++) {
      const app = await insertApplication(db, { status: 'submitted', email: `warga${i}@example.com` });
      await db.transaction((tx) =>
        transition(tx, { id: app.id, status: 'submitted', version: 1 }, 'officer', 'in_review', {
          actor: 'officer:test',
          at: new Date(),
        }),
      );
    }
    await done();

    const first = await serve();
    const exited = new Promise((resolve) => first.once('exit', resolve));
    await until(() => receiver.receipts.length >= 8, 60_000, 'the first e-mails');
    first.kill('SIGKILL');
    await exited;
    const atKill = receiver.receipts.length;
    expect(atKill).toBeLessThan(applications); // mid-delivery

    const second = await serve();
    const stopped = new Promise((resolve) => second.once('exit', resolve));
    await until(() => new Set(receiver.receipts.map((r) => r.messageId)).size >= applications, 60_000, 'all');
    // What the dead process held comes again after its lease; then nothing more.
    await new Promise((resolve) => setTimeout(resolve, leaseMs + 1500));
    second.kill('SIGTERM');
    await stopped;

    const after = await openDb();
    const rows = await after.db.query<{ id: string; status: string }>('select id, status from delivery');
    await after.done();
    expect(rows).toHaveLength(applications);
    expect(rows.every((r) => r.status === 'delivered')).toBe(true);
    const counted = countPerDelivery(
      receiver.receipts,
      rows.map((r) => r.id),
    );
    expect(counted).toMatchObject({ expected: applications, distinct: applications, lost: 0, unexpected: 0 });
    // At least once: a copy beyond one per id is only ever of what the dead process had claimed
    // (one batch of at most `batch`), sent again with the same Message-ID.
    expect(counted.rawReceipts).toBe(applications + counted.extraCopies);
    expect(counted.extraCopies).toBeLessThanOrEqual(batch);
  }, 180_000);
});
