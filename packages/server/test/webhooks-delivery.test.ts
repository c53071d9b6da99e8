import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { transition } from '../src/applications/state.js';
import type { Db } from '../src/db/index.js';
import { newStopToken, stopNotifications } from '../src/notifications/stop.js';
import {
  addEndpoint,
  enableEndpoint,
  findEndpoint,
  newWebhookSecret,
} from '../src/notifications/webhook-endpoints.js';
import type { ApplicationEventData, WebhookBody } from '../src/notifications/webhook-payload.js';
import { createOutbox } from '../src/notifications/worker.js';
import { createTestDb } from './helpers/db.js';
import { answers, insertApplication, memoryLog, secret, settings } from './helpers/notify.js';
import { type Received, startReceiver, type TestReceiver } from './helpers/webhook-receiver.js';

// Signed webhooks on the outbox, against a real HTTP receiver: signatures checked with the
// reference implementation of Standard Webhooks (the `standardwebhooks` package), retries with the
// same webhook-id, disabling after failures in a row, the scope of an endpoint, bounded time.

let db: Db;
let receiver: TestReceiver;
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
  await receiver?.close();
  // Each test's endpoints only: the next test's events must not go to them.
  await db.query('delete from webhook_endpoint');
});

async function endpoint(
  url: string,
  scope = { agency_id: 'dukcapil', region_code: '33.74' },
  types: string[] = [],
) {
  return addEndpoint(
    db,
    { ...scope, url, event_types: types, created_by: 'test' },
    { allowPrivate: true, now: new Date() },
  );
}

/** A submitted Semarang (33.74, dukcapil) application sent back for revision: one event. */
async function needsRevision() {
  const app = await insertApplication(db, { status: 'in_review' });
  await db.transaction((tx) =>
    transition(tx, { id: app.id, status: 'in_review', version: 1 }, 'officer', 'needs_revision', {
      actor: 'officer:test',
      at: new Date(t),
      public_note: 'Foto surat kehilangan buram.',
      fields: ['surat_keterangan_kehilangan'],
    }),
  );
  return app;
}

/** Verifies one request as a receiver would, with the reference implementation. */
function verified(request: Received | undefined, whsec: string) {
  if (!request) throw new Error('nothing received');
  const headers = {
    'webhook-id': String(request.headers['webhook-id']),
    'webhook-timestamp': String(request.headers['webhook-timestamp']),
    'webhook-signature': String(request.headers['webhook-signature']),
  };
  return new Webhook(whsec).verify(request.body, headers) as WebhookBody & {
    data: ApplicationEventData | null;
  };
}

describe('signed webhooks', () => {
  it('POSTs each event of its scope signed as Standard Webhooks, with the news and never the secret or answers', async () => {
    receiver = await startReceiver();
    t = Date.now();
    const hook = await endpoint(receiver.url);
    const outbox = createOutbox(db, settings(undefined), memoryLog(), clock);
    const app = await needsRevision();
    expect(await outbox.runOnce()).toBe(1);
    const [request] = receiver.received;
    const event = verified(request, hook.secret);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['webhook-id']).toMatch(/^[0-9a-f]{64}$/);
    expect(Number(request?.headers['webhook-timestamp'])).toBe(Math.floor(t / 1000));
    expect(event).toMatchObject({
      type: 'application.needs_revision',
      data: {
        code: expect.stringMatching(/^LKT-/),
        service: { id: 'ktp-el-hilang', name: expect.any(String) },
        status: 'needs_revision',
        previous_status: 'in_review',
        public_note: 'Foto surat kehilangan buram.',
        fields: [{ id: 'surat_keterangan_kehilangan', label: expect.any(String) }],
        result_document: false,
        region: '33.74',
        agency: 'dukcapil',
        lang: 'id',
        tracker_url: expect.stringContaining('#kode=LKT-'),
        contact: { email: answers.email, phone: null },
      },
    });
    expect(event.data.fields[0]?.label).not.toBe('surat_keterangan_kehilangan');
    expect(new Date(event.timestamp).getTime()).toBeLessThanOrEqual(t);
    for (const leak of [secret, answers.nama_lengkap, answers.nik, answers.telepon]) {
      expect(request?.body).not.toContain(leak);
    }
    // A tampered body or another secret does not verify.
    expect(() =>
      verified(
        { ...(request as Received), body: request?.body.replace('buram', 'jelas') ?? '' },
        hook.secret,
      ),
    ).toThrow();
    expect(() => verified(request, newWebhookSecret())).toThrow();
    const [row] = await db.query<{ status: string; channel: string; target: string }>(
      `select d.status, d.channel, d.target from delivery d join outbox_event e on e.id = d.event_id
       where e.application_id = $1`,
      [app.id],
    );
    expect(row).toEqual({ status: 'delivered', channel: 'webhook', target: hook.id });
    await outbox.stop();
  });

  it('retries after 500s with backoff, the same webhook-id and a fresh signature each time', async () => {
    receiver = await startReceiver();
    t = Date.now();
    const start = t;
    const hook = await endpoint(receiver.url);
    const outbox = createOutbox(db, settings(undefined, { retryMs: 1000 }), memoryLog(), clock);
    await needsRevision();
    receiver.answer(500, 503);
    expect(await outbox.runOnce()).toBe(1);
    expect((await findEndpoint(db, hook.id))?.consecutive_failures).toBe(1);
    expect(await outbox.runOnce()).toBe(0); // not due yet
    later(1000);
    expect(await outbox.runOnce()).toBe(1);
    later(1000);
    expect(await outbox.runOnce()).toBe(0); // the second wait doubled
    later(1000);
    expect(await outbox.runOnce()).toBe(1);
    expect(receiver.received.map((r) => r.status)).toEqual([500, 503, 200]);
    const ids = new Set(receiver.received.map((r) => r.headers['webhook-id']));
    expect(ids.size).toBe(1);
    const stamps = receiver.received.map((r) => Number(r.headers['webhook-timestamp']));
    const first = Math.floor(start / 1000);
    expect(stamps).toEqual([first, first + 1, first + 3]);
    // Every attempt verifies on its own; the body is the same event each time.
    const events = receiver.received.map((r) => verified(r, hook.secret));
    expect(new Set(events.map((e) => JSON.stringify(e))).size).toBe(1);
    const after = await findEndpoint(db, hook.id);
    expect(after).toMatchObject({
      consecutive_failures: 0,
      enabled: true,
      last_error: 'HTTP 503 Service Unavailable',
    });
    expect(after?.last_success_at).not.toBeNull();
    await outbox.stop();
  });

  it('disables an endpoint after N failures in a row, with the reason, and sends it nothing more until enabled', async () => {
    receiver = await startReceiver();
    t = Date.now();
    const hook = await endpoint(receiver.url);
    const base = settings(undefined, { retryMs: 1000, maxAttempts: 10 });
    const given = { ...base, webhooks: { ...base.webhooks, disableAfter: 3 } };
    const log = memoryLog();
    const outbox = createOutbox(db, given, log, clock);
    receiver.always(500);
    // A fails twice (its next try is 2 s later); B, made meanwhile, fails third: that disables.
    const a = await needsRevision();
    await outbox.runOnce();
    later(1000);
    await outbox.runOnce();
    const b = await needsRevision();
    later(1000);
    expect(await outbox.runOnce()).toBe(1);
    const disabled = await findEndpoint(db, hook.id);
    expect(disabled).toMatchObject({ enabled: false, consecutive_failures: 3 });
    expect(disabled?.disabled_reason).toMatch(
      /disabled after 3 failed attempts in a row; the last: HTTP 500/,
    );
    expect(log.lines.some((l) => l.msg === 'outbox: webhook endpoint disabled')).toBe(true);
    const statusOf = async (id: string) =>
      (
        await db.query<{ status: string; last_error: string }>(
          `select d.status, d.last_error from delivery d join outbox_event e on e.id = d.event_id
           where e.application_id = $1 and d.target = $2`,
          [id, hook.id],
        )
      )[0];
    // The delivery whose failure disabled it failed; the rest of what was to go there is cancelled.
    expect(await statusOf(b.id)).toEqual({ status: 'failed', last_error: disabled?.disabled_reason });
    expect(await statusOf(a.id)).toEqual({
      status: 'cancelled',
      last_error: 'the webhook endpoint was disabled after repeated failures',
    });
    later(60_000);
    expect(await outbox.runOnce()).toBe(0);
    const sent = receiver.received.length;
    expect(sent).toBe(3);
    // New events are not fanned out to a disabled endpoint.
    await needsRevision();
    await outbox.runOnce();
    later(60_000);
    await outbox.runOnce();
    expect(receiver.received.length).toBe(sent);
    // Enabled again (the receiver fixed): the next event arrives.
    receiver.always(200);
    expect(await enableEndpoint(db, hook.id)).toMatchObject({
      enabled: true,
      consecutive_failures: 0,
      disabled_reason: null,
    });
    await needsRevision();
    await outbox.runOnce();
    expect(receiver.received.length).toBe(sent + 1);
    expect(verified(receiver.received.at(-1), hook.secret).type).toBe('application.needs_revision');
    await outbox.stop();
  });

  it('goes only to endpoints whose agency, region (a province covers its kota) and event types match', async () => {
    receiver = await startReceiver();
    t = Date.now();
    const url = (name: string) => `${receiver.url}/${name}`;
    await endpoint(url('kota'));
    await endpoint(url('province'), { agency_id: 'dukcapil', region_code: '33' });
    await endpoint(url('completed-only'), { agency_id: 'dukcapil', region_code: '33.74' }, [
      'application.completed',
    ]);
    await endpoint(url('revisions'), { agency_id: 'dukcapil', region_code: '33.74' }, [
      'application.needs_revision',
    ]);
    await endpoint(url('other-kota'), { agency_id: 'dukcapil', region_code: '33.72' });
    await endpoint(url('other-agency'), { agency_id: 'imigrasi', region_code: '33.74' });
    const outbox = createOutbox(db, settings(undefined), memoryLog(), clock);
    await needsRevision();
    await outbox.runOnce();
    const paths = receiver.received.map((r) => r.path.replace('/loket/', '')).sort();
    expect(paths).toEqual(['kota', 'province', 'revisions']);
    await outbox.stop();
  });

  it('ends an attempt that gets no answer within the timeout, and retries it', async () => {
    receiver = await startReceiver();
    t = Date.now();
    const hook = await endpoint(receiver.url);
    const base = settings(undefined);
    const outbox = createOutbox(
      db,
      { ...base, webhooks: { ...base.webhooks, timeoutMs: 1000 } },
      memoryLog(),
      clock,
    );
    const app = await needsRevision();
    receiver.hang(1);
    const started = Date.now();
    expect(await outbox.runOnce()).toBe(1);
    expect(Date.now() - started).toBeLessThan(5000);
    const [row] = await db.query<{ status: string; last_error: string }>(
      `select d.status, d.last_error from delivery d join outbox_event e on e.id = d.event_id where e.application_id = $1`,
      [app.id],
    );
    expect(row).toEqual({ status: 'pending', last_error: 'no answer within 1000 ms' });
    later(1000);
    expect(await outbox.runOnce()).toBe(1);
    expect(receiver.received.map((r) => r.headers['webhook-id'])).toEqual([
      receiver.received[0]?.headers['webhook-id'],
      receiver.received[0]?.headers['webhook-id'],
    ]);
    expect((await findEndpoint(db, hook.id))?.consecutive_failures).toBe(0);
    await outbox.stop();
  });

  it('refuses to connect to a private address unless allowed, and leaves out the contact once the citizen stopped messages', async () => {
    receiver = await startReceiver();
    t = Date.now();
    const hook = await endpoint(receiver.url);
    const base = settings(undefined);
    const strict = createOutbox(
      db,
      { ...base, webhooks: { ...base.webhooks, allowPrivate: false } },
      memoryLog(),
      clock,
    );
    const app = await needsRevision();
    await strict.runOnce();
    expect(receiver.received).toEqual([]);
    expect((await findEndpoint(db, hook.id))?.last_error).toBe('127.0.0.1 is a private address');
    await strict.stop();
    // The citizen stops messages: the region's systems still hear of the application, without the contact.
    expect(await stopNotifications(db, await newStopToken(db, app.id, new Date()), new Date())).toBe(
      'application',
    );
    const outbox = createOutbox(db, base, memoryLog(), clock);
    later(1000);
    await outbox.runOnce();
    expect(verified(receiver.received[0], hook.secret).data.contact).toBeNull();
    await outbox.stop();
  });

  it('passes on only the contacts the citizen chose for news (the phone alone here), as the e-mail channel does', async () => {
    receiver = await startReceiver();
    t = Date.now();
    const hook = await endpoint(receiver.url);
    const app = await insertApplication(db, { status: 'in_review' });
    await db.query(
      `update application set notify = array['phone'], contact_email = 'siti@example.com',
         contact_phone = '+6281234567890' where id = $1`,
      [app.id],
    );
    await db.transaction((tx) =>
      transition(tx, { id: app.id, status: 'in_review', version: 1 }, 'officer', 'completed', {
        actor: 'officer:test',
        at: new Date(t),
      }),
    );
    const outbox = createOutbox(db, settings(undefined), memoryLog(), clock);
    await outbox.runOnce();
    const event = verified(receiver.received[0], hook.secret);
    expect(event.data?.contact).toEqual({ email: null, phone: '+6281234567890' });
    await outbox.stop();
  });
});
