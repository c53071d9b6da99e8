import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/index.js';
import { deliveryId, fanOut } from '../src/notifications/deliveries.js';
import { recordRecoveryEvent } from '../src/notifications/outbox.js';
import { type Channel, targetsOf } from '../src/notifications/targets.js';
import { createTestDb } from './helpers/db.js';
import { insertApplication } from './helpers/notify.js';

// Fan-out is one SQL statement (fan-out.ts); the same rules are kept in TypeScript (targets.ts) for
// the webhook payload's contact. Every kind of application gets the same targets from both, with
// the ids deliveryId() gives.

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db?.close();
});

const cases: { name: string; notify: string[] | null; email?: string | null; stopped?: boolean }[] = [
  { name: 'never chose, e-mail answer', notify: null },
  { name: 'never chose, e-mail answer with spaces', notify: null, email: '  budi@example.com ' },
  { name: 'never chose, no e-mail answer', notify: null, email: null },
  { name: 'never chose, not an address', notify: null, email: 'budi at example' },
  { name: 'chose nothing', notify: [] },
  { name: 'chose e-mail', notify: ['email'] },
  { name: 'chose the phone', notify: ['phone'] },
  { name: 'chose both', notify: ['email', 'phone'] },
  { name: 'chose both, then stopped', notify: ['email', 'phone'], stopped: true },
];

async function application(spec: (typeof cases)[number]) {
  const app = await insertApplication(db, {
    status: 'submitted',
    ...(spec.email !== undefined ? { email: spec.email } : {}),
  });
  await db.query(
    `update application set notify = $2, contact_email = 'budi@example.com', contact_phone = '+6281234567890',
       notifications_stopped_at = case when $3 then now() end where id = $1`,
    [app.id, spec.notify, spec.stopped ?? false],
  );
  return app;
}

async function outcome(applicationId: string, available: Record<Channel, boolean>) {
  const [row] = await db.query<{
    id: string;
    topic: string;
    payload: unknown;
    email: unknown;
    notify: string[] | null;
    contact_email: string | null;
    contact_phone: string | null;
    stopped: boolean;
  }>(
    `select e.id, e.topic, e.payload, a.answers->'email' as email, a.notify, a.contact_email, a.contact_phone,
       a.notifications_stopped_at is not null as stopped
     from outbox_event e join application a on a.id = e.application_id where a.id = $1`,
    [applicationId],
  );
  if (!row) throw new Error('no event');
  await fanOut(db, { ...available, now: new Date() });
  const made = await db.query<{ id: string; channel: string; target: string }>(
    'select id, channel, target from delivery where event_id = $1 order by channel',
    [row.id],
  );
  const expected = targetsOf(row, available)
    .map((t) => ({ id: deliveryId(row.id, t.channel, t.target), ...t }))
    .sort((a, b) => a.channel.localeCompare(b.channel));
  return { made, expected };
}

describe('fan-out in one statement', () => {
  for (const available of [
    { email: true, phone: true },
    { email: true, phone: false },
    { email: false, phone: false },
  ]) {
    for (const spec of cases) {
      it(`${spec.name} (e-mail ${available.email ? 'on' : 'off'}, phone ${available.phone ? 'on' : 'off'})`, async () => {
        const app = await application(spec);
        await db.query(
          `insert into outbox_event (id, application_id, topic, payload, created_at)
           values (gen_random_uuid(), $1, 'application.in_review', '{"status":"in_review","from":"submitted","public_note":null,"fields":[]}', now())`,
          [app.id],
        );
        const { made, expected } = await outcome(app.id, available);
        expect(made).toEqual(expected);
      });
    }
  }

  it('sends a recovery link only to the contact that matched, even after a stop', async () => {
    for (const to of ['email', 'phone'] as const) {
      const app = await application({ name: 'stopped', notify: [], stopped: true });
      await recordRecoveryEvent(db, app.id, to, new Date());
      const { made, expected } = await outcome(app.id, { email: true, phone: true });
      expect(made).toEqual(expected);
      expect(made.map((d) => d.channel)).toEqual([to]);
    }
  });
});
