import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficerToken } from '../src/applications/officer-tokens.js';
import { formatCode } from '../src/applications/secrets.js';
import { normalizeComplaintCode } from '../src/complaints/present.js';
import { addEndpoint } from '../src/notifications/webhook-endpoints.js';
import { createOutbox, type Outbox } from '../src/notifications/worker.js';
import { startTestServer, type TestServer } from './helpers/app.js';
import { insertApplication, memoryLog, secret, settings } from './helpers/notify.js';
import { startSmtp, type TestSmtp } from './helpers/smtp.js';
import { call, clock, key } from './helpers/visits.js';
import { startReceiver, type TestReceiver } from './helpers/webhook-receiver.js';

// GET /v1/officer/complaints/{code}/deliveries: the officer sees what became of each notification
// about a complaint (delivered, waiting for a retry, failed, stopped), on which channel, when and
// after how many attempts; the address masked as in an application's log, never the message.

const time = clock(new Date('2027-01-11T02:00:00Z'));
let server: TestServer;
let smtp: TestSmtp;
let receiver: TestReceiver;
let outbox: Outbox;
let officer: Record<string, string>;
let hookId: string;

beforeAll(async () => {
  server = await startTestServer({ now: time.now });
  smtp = await startSmtp();
  receiver = await startReceiver();
  const hook = await addEndpoint(
    server.db,
    { agency_id: 'dukcapil', region_code: '33.74', url: receiver.url, event_types: [], created_by: 'test' },
    { allowPrivate: true, now: time.now() },
  );
  hookId = hook.id;
  const { token } = await createOfficerToken(server.db, {
    name: 'Petugas',
    agency: 'dukcapil',
    region: '33.74',
  });
  officer = { authorization: `Bearer ${token}` };
  outbox = createOutbox(server.db, settings(smtp.url, { maxAttempts: 2 }), memoryLog(), time.now);
});
afterAll(async () => {
  await outbox?.stop();
  await server?.close();
  await smtp?.close();
  await receiver?.close();
});

const description = 'Loket tutup sebelum jam yang tertulis di papan pengumuman.';

async function file() {
  const app = await insertApplication(server.db, { status: 'submitted' });
  const { status, body } = await call(server.url, 'POST', '/v1/complaints', {
    body: {
      about: { kind: 'application', code: formatCode(app.code), secret },
      category: 'time',
      description,
      contact: { email: 'Budi.Santoso@example.com', phone: '0812 3456 7890' },
      notify: ['email'],
    },
    headers: key(),
  });
  expect(status).toBe(201);
  return body as { code: string };
}

const log = (code: string, headers = officer) =>
  call(server.url, 'GET', `/v1/officer/complaints/${code}/deliveries`, { headers });

describe('a complaint’s delivery log', () => {
  it('lists each notification with its channel, masked recipient, status, attempts and times, oldest first', async () => {
    const { code } = await file();
    await outbox.runOnce();
    const received = await log(code);
    expect(received.status).toBe(200);
    expect(received.headers.get('cache-control')).toBe('no-store');
    expect(received.body.data).toHaveLength(2);
    expect(received.body.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          topic: 'complaint.received',
          channel: 'email',
          target: 'b***@example.com',
        }),
        expect.objectContaining({ topic: 'complaint.received', channel: 'webhook', target: hookId }),
      ]),
    );
    for (const d of received.body.data)
      expect(d).toMatchObject({ status: 'delivered', attempts: 1, delivered_at: '2027-01-11T02:00:00.000Z' });

    // The answer's e-mail is refused for good; its last error quotes the address, which is masked too.
    time.set('2027-01-12T03:00:00Z');
    const answered = await call(server.url, 'POST', `/v1/officer/complaints/${code}/answer`, {
      body: { answer: 'Jam layanan sudah kami tegaskan kepada petugas loket.' },
      headers: officer,
    });
    expect(answered.status).toBe(200);
    smtp.refuse(1, 550);
    await outbox.runOnce();
    await server.db.query(
      `update delivery set last_error = last_error || ' <budi.santoso@example.com> +6281234567890'
       where status = 'failed'`,
    );
    const after = (await log(code)).body.data as Record<string, unknown>[];
    expect(after).toHaveLength(4);
    // Oldest first: the answer's deliveries after the first two.
    expect(after.map((d) => d.topic)).toEqual([
      'complaint.received',
      'complaint.received',
      'complaint.answered',
      'complaint.answered',
    ]);
    const failed = after.find((d) => d.topic === 'complaint.answered' && d.channel === 'email');
    expect(failed).toMatchObject({
      status: 'failed',
      attempts: 1,
      delivered_at: null,
      target: 'b***@example.com',
    });
    expect(failed?.last_error).toMatch(/550/);
    expect(failed?.last_error).toContain('<b***@example.com> +62***890');
    // Never the address in full, the message, what the citizen wrote or what the agency answered.
    const everything = JSON.stringify(after);
    for (const hidden of ['budi.santoso@example.com', '6281234567890', description, 'Jam layanan'])
      expect(everything).not.toContain(hidden);
  });

  it('masks a phone delivery’s number, in the complaint’s and in an application’s log', async () => {
    const { code } = await file();
    const [row] = await server.db.query<{ event_id: string; application_id: string | null }>(
      `select e.id as event_id, c.application_id from outbox_event e join complaint c on c.id = e.complaint_id
       where c.code = $1`,
      [normalizeComplaintCode(code)],
    );
    const appEvent = await server.db.query<{ id: string }>(
      `insert into outbox_event (id, application_id, topic, payload, created_at)
       values (gen_random_uuid(), $1, 'application.in_review', '{}'::jsonb, now()) returning id`,
      [row?.application_id],
    );
    for (const [event, id] of [
      [row?.event_id, 'a'],
      [appEvent[0]?.id, 'b'],
    ])
      await server.db.query(
        `insert into delivery (id, event_id, channel, target, status, next_attempt_at, created_at)
         values ($1, $2, 'phone', '+6281234567890', 'cancelled', now(), now())`,
        [id?.repeat(64), event],
      );
    const phone = (await log(code)).body.data.find((d: { channel: string }) => d.channel === 'phone');
    expect(phone).toMatchObject({ target: '+62***890', status: 'cancelled' });
    const { body: ofApp } = await call(
      server.url,
      'GET',
      `/v1/officer/applications/${row?.application_id ? await trackingCode(row.application_id) : ''}/deliveries`,
      { headers: officer },
    );
    expect(ofApp.data.find((d: { channel: string }) => d.channel === 'phone')).toMatchObject({
      target: '+62***890',
    });
  });

  it('is 404 for an unknown code, 403 for another agency’s officer, 401 without one', async () => {
    const { code } = await file();
    expect((await log('ADU-0000-0000')).status).toBe(404);
    const other = await createOfficerToken(server.db, { name: 'Lain', agency: 'djp', region: '33.74' });
    expect((await log(code, { authorization: `Bearer ${other.token}` })).status).toBe(403);
    expect((await log(code, {})).status).toBe(401);
  });
});

async function trackingCode(applicationId: string) {
  const [row] = await server.db.query<{ code: string }>('select code from application where id = $1', [
    applicationId,
  ]);
  return formatCode(row?.code ?? '');
}
