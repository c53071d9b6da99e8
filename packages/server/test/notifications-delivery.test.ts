import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { transition } from '../src/applications/state.js';
import type { Db } from '../src/db/index.js';
import { openPostgres } from '../src/db/postgres.js';
import { claim, fanOut } from '../src/notifications/deliveries.js';
import { buildMail } from '../src/notifications/mail.js';
import { smtpMailer } from '../src/notifications/smtp.js';
import { createOutbox } from '../src/notifications/worker.js';
import { createTestDb } from './helpers/db.js';
import { deliveriesOf, insertApplication, memoryLog, settings } from './helpers/notify.js';
import { startSmtp, type TestSmtp } from './helpers/smtp.js';

// The guarantees: at least once, retried with backoff, never lost when the SMTP server is down or
// a worker dies mid-delivery (its lease runs out, the same delivery id and Message-ID are sent),
// and never sent twice by two instances at once. A real SMTP server; the worker's clock is moved.

let db: Db & { url?: string };
let smtp: TestSmtp;
let t: number;
const clock = () => new Date(t);
const later = (ms: number) => {
  t += ms;
};

beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db?.close();
});
afterEach(async () => {
  await smtp?.close();
});

/** A submitted application moved to in_review: one event in the outbox. */
async function statusChange(email = 'warga@example.com') {
  const app = await insertApplication(db, { status: 'submitted', email });
  await db.transaction((tx) =>
    transition(tx, { id: app.id, status: 'submitted', version: 1 }, 'officer', 'in_review', {
      actor: 'officer:test',
      at: new Date(),
    }),
  );
  return app;
}

const ids = (smtp: TestSmtp) => smtp.received.map((m) => m.messageId);

describe('notification delivery', () => {
  it('retries a refusing SMTP server with backoff and delivers exactly one message', async () => {
    smtp = await startSmtp();
    t = Date.now();
    const outbox = createOutbox(db, settings(smtp.url, { retryMs: 1000 }), memoryLog(), clock);
    const app = await statusChange();
    smtp.refuse(2, 451);
    expect(await outbox.runOnce()).toBe(1);
    const [first] = await deliveriesOf(db, app.id);
    expect(first).toMatchObject({ status: 'pending', attempts: 1 });
    expect(first?.last_error).toMatch(/451/);
    expect(await outbox.runOnce()).toBe(0); // not due before the backoff
    later(1000);
    expect(await outbox.runOnce()).toBe(1); // second refusal: the next wait doubles
    later(1000);
    expect(await outbox.runOnce()).toBe(0);
    later(1000);
    expect(await outbox.runOnce()).toBe(1);
    later(60_000);
    expect(await outbox.runOnce()).toBe(0);
    expect(await deliveriesOf(db, app.id)).toEqual([
      expect.objectContaining({ status: 'delivered', attempts: 3, last_error: null }),
    ]);
    expect(smtp.offered).toBe(3);
    expect(ids(smtp)).toEqual([`<${first?.id}@semarang.example>`]);
    await outbox.stop();
  });

  it('fails for good on a permanent refusal, and after the last attempt, with the reason', async () => {
    smtp = await startSmtp();
    t = Date.now();
    const outbox = createOutbox(db, settings(smtp.url, { maxAttempts: 2 }), memoryLog(), clock);
    const refused = await statusChange('nobody@example.com');
    smtp.refuse(1, 550);
    await outbox.runOnce();
    expect(await deliveriesOf(db, refused.id)).toEqual([
      expect.objectContaining({ status: 'failed', attempts: 1, last_error: expect.stringMatching(/550/) }),
    ]);
    const busy = await statusChange('busy@example.com');
    smtp.refuse(5, 451);
    await outbox.runOnce();
    later(1000);
    await outbox.runOnce();
    later(3_600_000);
    expect(await outbox.runOnce()).toBe(0);
    expect(await deliveriesOf(db, busy.id)).toEqual([
      expect.objectContaining({ status: 'failed', attempts: 2, last_error: expect.stringMatching(/451/) }),
    ]);
    expect(smtp.received).toEqual([]);
    await outbox.stop();
  });

  it('loses nothing while the SMTP server is down, and delivers once it is back', async () => {
    smtp = await startSmtp();
    const { port } = smtp;
    await smtp.close();
    t = Date.now();
    const log = memoryLog();
    const outbox = createOutbox(db, settings(`smtp://127.0.0.1:${port}`), log, clock);
    const apps = [await statusChange('a@example.com'), await statusChange('b@example.com')];
    expect(await outbox.runOnce()).toBe(2);
    for (const app of apps) {
      expect((await deliveriesOf(db, app.id))[0]).toMatchObject({ status: 'pending', attempts: 1 });
    }
    expect(log.lines.filter((l) => l.level === 'warn')).toHaveLength(2);
    smtp = await startSmtp(port);
    later(1000);
    expect(await outbox.runOnce()).toBe(2);
    expect(smtp.received.map((m) => (m.to && 'text' in m.to ? m.to.text : '')).sort()).toEqual([
      'a@example.com',
      'b@example.com',
    ]);
    for (const app of apps) expect((await deliveriesOf(db, app.id))[0]?.status).toBe('delivered');
    await outbox.stop();
  });

  it('sends again with the same Message-ID when a worker died mid-delivery, once its lease ran out', async () => {
    smtp = await startSmtp();
    t = Date.now();
    const given = settings(smtp.url, { leaseMs: 10_000 });
    const app = await statusChange();
    // A worker claims the delivery, hands it to the SMTP server, and dies before writing it down.
    await fanOut(db, { email: true, now: clock() });
    const [taken] = await claim(db, { now: clock(), leaseMs: given.leaseMs, limit: 10 });
    expect(taken).toBeDefined();
    const dying = smtpMailer(smtp.url, given.mailFrom, 5000);
    await dying.send(
      await buildMail(db, taken as never, { ...given, domain: 'semarang.example', now: clock() }),
    );
    dying.close();
    // Another instance does not touch it while the lease holds, then sends it again.
    const outbox = createOutbox(db, given, memoryLog(), clock);
    later(5000);
    expect(await outbox.runOnce()).toBe(0);
    later(5001);
    expect(await outbox.runOnce()).toBe(1);
    const [delivery] = await deliveriesOf(db, app.id);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 2 });
    // At least once: the recipient's mail client sees the same message twice and shows it once.
    expect(ids(smtp)).toEqual([`<${delivery?.id}@semarang.example>`, `<${delivery?.id}@semarang.example>`]);
    await outbox.stop();
  });

  it('never sends a delivery twice when two instances work the same database', async () => {
    smtp = await startSmtp();
    t = Date.now();
    // On PostgreSQL the second instance has its own connection pool, as another process would.
    const second: Db = db.url ? openPostgres(db.url, { max: 3 }) : db;
    const apps = [];
    for (let i = 0; i < 12; i++) apps.push(await statusChange(`warga${i}@example.com`));
    const a = createOutbox(db, settings(smtp.url), memoryLog(), clock);
    const b = createOutbox(second, settings(smtp.url), memoryLog(), clock);
    try {
      for (let round = 0; round < 4; round++) await Promise.all([a.runOnce(), b.runOnce(), a.runOnce()]);
      const counts = new Map<string, number>();
      for (const id of ids(smtp)) counts.set(String(id), (counts.get(String(id)) ?? 0) + 1);
      expect(counts.size).toBe(12);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      for (const app of apps) expect((await deliveriesOf(db, app.id))[0]?.status).toBe('delivered');
    } finally {
      await a.stop();
      await b.stop();
      if (second !== db) await second.close();
    }
  });
});
