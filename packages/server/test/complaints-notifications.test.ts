import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficerToken } from '../src/applications/officer-tokens.js';
import { formatCode } from '../src/applications/secrets.js';
import type { ComplaintEventData } from '../src/notifications/complaint-facts.js';
import { deliveryId } from '../src/notifications/deliveries.js';
import { addEndpoint } from '../src/notifications/webhook-endpoints.js';
import type { WebhookBody } from '../src/notifications/webhook-payload.js';
import { createOutbox, type Outbox } from '../src/notifications/worker.js';
import { startTestServer, type TestServer } from './helpers/app.js';
import { checkSchema } from './helpers/contract.js';
import { insertApplication, memoryLog, secret, settings } from './helpers/notify.js';
import { startSmtp, type TestSmtp } from './helpers/smtp.js';
import { call, clock, key } from './helpers/visits.js';
import { type Received, startReceiver, type TestReceiver } from './helpers/webhook-receiver.js';

// Complaint events reach the citizen by e-mail (a real SMTP server), only on the channels ticked on
// the complaint form, and the agency's systems by signed webhook (a real HTTP receiver): received,
// and answered with what the agency answered. Never the secret; a stop link stops the e-mails.

// Monday 11 January 2027, 09:00 WIB: the response date is 5 working days later.
const time = clock(new Date('2027-01-11T02:00:00Z'));
let server: TestServer;
let smtp: TestSmtp;
let receiver: TestReceiver;
let outbox: Outbox;
let whsec: string;
let officer: Record<string, string>;
let application: { id: string; code: string };

beforeAll(async () => {
  server = await startTestServer({ now: time.now });
  smtp = await startSmtp();
  receiver = await startReceiver();
  // A province endpoint: it hears of its kabupaten/kota's complaints too.
  const hook = await addEndpoint(
    server.db,
    { agency_id: 'dukcapil', region_code: '33', url: receiver.url, event_types: [], created_by: 'test' },
    { allowPrivate: true, now: time.now() },
  );
  whsec = hook.secret;
  const { token } = await createOfficerToken(server.db, {
    name: 'Petugas Semarang',
    agency: 'dukcapil',
    region: '33.74',
  });
  officer = { authorization: `Bearer ${token}` };
  application = await insertApplication(server.db, { status: 'submitted' });
  outbox = createOutbox(server.db, settings(smtp.url), memoryLog(), time.now);
});
afterAll(async () => {
  await outbox?.stop();
  await server?.close();
  await smtp?.close();
  await receiver?.close();
});

async function fileComplaint(over: Record<string, unknown>, lang: 'id' | 'en' = 'id') {
  const { status, body } = await call(server.url, 'POST', '/v1/complaints', {
    body: {
      about: { kind: 'application', code: formatCode(application.code), secret },
      category: 'time',
      description: 'Sudah lewat batas waktu dan belum ada kabar sama sekali.',
      ...over,
    },
    headers: { ...key(), 'accept-language': lang },
  });
  expect(status).toBe(201);
  return body as { code: string; secret: string; due: { date: string } };
}

const answer = async (code: string, text: string) =>
  expect(
    (
      await call(server.url, 'POST', `/v1/officer/complaints/${code}/answer`, {
        body: { answer: text },
        headers: officer,
      })
    ).status,
  ).toBe(200);

/** Runs the worker once and returns the e-mails and webhooks it sent. */
async function deliver() {
  const [mails, hooks] = [smtp.received.length, receiver.received.length];
  await outbox.runOnce();
  return { mails: smtp.received.slice(mails), hooks: receiver.received.slice(hooks) };
}

/** The body of a request signed as the reference implementation (standardwebhooks) signs it. */
function verified(request: Received | undefined) {
  if (!request) throw new Error('no webhook received');
  const [id, timestamp, signature] = ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) =>
    String(request.headers[h]),
  );
  expect(signature).toBe(
    new Webhook(whsec).sign(String(id), new Date(Number(timestamp) * 1000), request.body),
  );
  const body = JSON.parse(request.body) as WebhookBody & { data: ComplaintEventData };
  // The contract documents the body (ComplaintWebhookEvent): what is sent conforms to it.
  expect(checkSchema('ComplaintWebhookEvent', body)).toEqual([]);
  return body;
}

const recipient = (mail: { to?: unknown } | undefined) =>
  mail?.to && typeof mail.to === 'object' && 'text' in mail.to ? mail.to.text : '';

function neverTheSecret(everything: string, given: string) {
  expect(everything).not.toContain(given);
  expect(everything).not.toContain(given.replaceAll('-', ''));
  expect(everything).not.toContain(secret);
}

describe('complaint e-mails and webhooks', () => {
  it('tells the citizen in Indonesian that it was received, then what the agency answered, each answer in its own e-mail', async () => {
    const filed = await fileComplaint({
      contact: { name: 'Budi', email: 'Budi@Example.com' },
      notify: ['email'],
    });
    const link = `https://layanan.33.74.example/pengaduan.html#kode=${filed.code}`;
    const { mails, hooks } = await deliver();
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(recipient(mail)).toBe('budi@example.com');
    expect(mail?.subject).toBe(`Pengaduan ${filed.code}: diterima`);
    const text = mail?.text ?? '';
    expect(text).toContain('Pengaduan Anda tentang layanan Penggantian KTP-el karena Hilang sudah diterima');
    expect(text).toContain(`- Kode pengaduan: ${filed.code}`);
    expect(text).toContain(`- Tentang permohonan: ${formatCode(application.code)}`);
    expect(filed.due.date).toBe('2027-01-18');
    expect(text).toContain('- Batas waktu jawaban: Senin, 18 Januari 2027');
    expect(text).toContain(`(masukkan kode rahasia pengaduan Anda di halaman itu):\n${link}`);
    expect(mail?.html).toContain(`href="${link}"`);
    expect(mail?.html).toContain('<html lang="id">');
    const header = (name: string) => mail?.headerLines.find((h) => h.key === name)?.line ?? '';
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(header('list-unsubscribe')).toMatch(
      /<https:\/\/api\.semarang\.example\/v1\/notifications\/stop\/[\w-]+>/,
    );
    expect(text).toMatch(
      /Berhenti berlangganan:\nhttps:\/\/api\.semarang\.example\/v1\/notifications\/stop\/[\w-]+/,
    );
    neverTheSecret(`${mail?.subject}${text}${mail?.html}`, filed.secret);

    expect(hooks).toHaveLength(1);
    neverTheSecret(hooks[0]?.body ?? '', filed.secret);
    const received = verified(hooks[0]);
    expect(received).toMatchObject({ type: 'complaint.received', timestamp: '2027-01-11T02:00:00.000Z' });
    expect(received.data).toEqual({
      code: filed.code,
      status: 'received',
      category: 'time',
      about: {
        kind: 'application',
        service: { id: 'ktp-el-hilang', name: 'Penggantian KTP-el karena Hilang' },
        application: formatCode(application.code),
        visit: null,
      },
      due: { date: '2027-01-18', working_days: 5 },
      answer: null,
      region: '33.74',
      agency: 'dukcapil',
      lang: 'id',
      tracker_url: link,
      contact: { email: 'budi@example.com', phone: null },
    });
    expect(received.data).not.toHaveProperty('description');

    // Answered twice before the worker ran: each e-mail and webhook says the answer of its event.
    time.set('2027-01-12T03:00:00Z');
    await answer(filed.code, 'Mohon maaf atas keterlambatan. KTP-el Anda dicetak hari ini.');
    time.set('2027-01-12T04:00:00Z');
    await answer(filed.code, 'KTP-el Anda sudah dapat diambil di kantor Dispendukcapil.');
    const later = await deliver();
    expect(later.mails.map((m) => m.subject)).toEqual([
      `Pengaduan ${filed.code}: sudah dijawab`,
      `Pengaduan ${filed.code}: sudah dijawab`,
    ]);
    const texts = later.mails.map((m) => m.text ?? '');
    expect(
      texts.some((t) =>
        t.includes('Jawaban instansi\n- Mohon maaf atas keterlambatan. KTP-el Anda dicetak hari ini.'),
      ),
    ).toBe(true);
    expect(
      texts.some((t) =>
        t.includes('Jawaban instansi\n- KTP-el Anda sudah dapat diambil di kantor Dispendukcapil.'),
      ),
    ).toBe(true);
    for (const t of texts) {
      expect(t).toContain('menjawab pengaduan Anda tentang layanan Penggantian KTP-el karena Hilang.');
      expect(t).toContain('SP4N-LAPOR! di www.lapor.go.id');
      expect(t).toContain(link);
    }
    const answers = later.hooks.map(verified).map((e) => [e.type, e.data.status, e.data.answer]);
    expect(answers).toEqual(
      expect.arrayContaining([
        [
          'complaint.answered',
          'answered',
          {
            text: 'Mohon maaf atas keterlambatan. KTP-el Anda dicetak hari ini.',
            at: '2027-01-12T03:00:00.000Z',
          },
        ],
        [
          'complaint.answered',
          'answered',
          {
            text: 'KTP-el Anda sudah dapat diambil di kantor Dispendukcapil.',
            at: '2027-01-12T04:00:00.000Z',
          },
        ],
      ]),
    );
    expect(answers).toHaveLength(2);
  });

  it('writes in English to a complaint filed in English, about a service in general; its gateway gets the phone', async () => {
    const filed = await fileComplaint(
      {
        about: { kind: 'service', service: 'ktp-el-hilang', region: '33.74' },
        category: 'conduct',
        contact: { email: 'siti@example.org', phone: '0812 3456 7890' },
        notify: ['email', 'phone'],
      },
      'en',
    );
    const { mails, hooks } = await deliver();
    // The phone goes through the region's gateway (the webhook's contact), never as an e-mail.
    expect(mails.map(recipient)).toEqual(['siti@example.org']);
    const mail = mails[0];
    expect(mail?.subject).toBe(`Complaint ${filed.code}: received`);
    expect(mail?.text).toContain('Your complaint about');
    expect(filed.due.date).toBe('2027-01-19'); // filed on Tuesday the 12th (the clock moved on)
    expect(mail?.text).toContain('Answer due by: Tuesday, 19 January 2027');
    expect(mail?.text).toContain('No more e-mails about this complaint? Stop them here:');
    expect(mail?.html).toContain('<html lang="en">');
    neverTheSecret(`${mail?.subject}${mail?.text}${mail?.html}`, filed.secret);
    const event = verified(hooks[0]);
    expect(event.data).toMatchObject({
      code: filed.code,
      lang: 'en',
      category: 'conduct',
      about: { kind: 'service', application: null, visit: null },
      contact: { email: 'siti@example.org', phone: '+6281234567890' },
    });

    await answer(filed.code, 'We spoke to the officer.');
    const answered = await deliver();
    expect(answered.mails[0]?.subject).toBe(`Complaint ${filed.code}: answered`);
    expect(answered.mails[0]?.text).toContain('The agency’s answer\n- We spoke to the officer.');
    expect(answered.mails[0]?.text).toContain('report it to SP4N-LAPOR! at www.lapor.go.id');
  });

  it('sends no e-mail when no box was ticked; the agency’s systems still hear of it, without a contact', async () => {
    const filed = await fileComplaint({ contact: { email: 'diam@example.org' }, notify: [] });
    const { mails, hooks } = await deliver();
    expect(mails).toEqual([]);
    const event = verified(hooks[0]);
    expect(event.data).toMatchObject({ code: filed.code, contact: { email: null, phone: null } });
    const [row] = await server.db.query<{ id: string; complaint_id: string }>(
      `select d.id, e.complaint_id::text from delivery d join outbox_event e on e.id = d.event_id
       join complaint c on c.id = e.complaint_id where c.code = $1`,
      [filed.code.replace(/^ADU-/, '').replace('-', '')],
    );
    // The delivery id is the one every channel uses: sha256 of event, channel and target.
    expect(row?.id).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.id).toBe(String(hooks[0]?.headers['webhook-id']));
  });

  it('stops the e-mails about one complaint with its stop link; the webhooks go on without the contact', async () => {
    const filed = await fileComplaint({ contact: { email: 'rina@example.org' }, notify: ['email'] });
    const other = await fileComplaint({ contact: { email: 'rina@example.org' }, notify: ['email'] });
    const { mails } = await deliver();
    const of = (code: string) => mails.find((m) => m.subject?.includes(code))?.text ?? '';
    const stopPath = /\nhttps:\/\/api\.semarang\.example(\/v1\/notifications\/stop\/[\w-]+)/.exec(
      of(filed.code),
    )?.[1];
    expect(stopPath).toBeDefined();
    const page = await fetch(`${server.url}${stopPath}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(
      'Berhenti menerima e-mail tentang pengaduan ini? Pengaduan Anda tetap ditangani.',
    );
    const stopped = await fetch(`${server.url}${stopPath}`, { method: 'POST' });
    expect(stopped.status).toBe(200);
    expect(await stopped.text()).toContain('Anda tidak akan menerima e-mail lagi tentang pengaduan ini.');

    await answer(filed.code, 'Sudah kami tindak lanjuti.');
    await answer(other.code, 'Sudah kami tindak lanjuti juga.');
    const after = await deliver();
    // Only the other complaint's answer is e-mailed; both reach the webhook, the stopped one without contact.
    expect(after.mails.map((m) => m.subject)).toEqual([`Pengaduan ${other.code}: sudah dijawab`]);
    const events = after.hooks.map(verified);
    expect(events.find((e) => e.data.code === filed.code)?.data.contact).toBeNull();
    expect(events.find((e) => e.data.code === other.code)?.data.contact).toEqual({
      email: 'rina@example.org',
      phone: null,
    });
    const [stop] = await server.db.query<{ n: number }>(
      `select count(*)::int as n from notification_stop_token t join complaint c on c.id = t.complaint_id
       where c.code = $1`,
      [filed.code.replace(/^ADU-/, '').replace('-', '')],
    );
    expect(stop?.n).toBe(1);
  });
});

it('makes the same delivery ids as deliveryId() for a complaint event', async () => {
  const filed = await fileComplaint({ contact: { email: 'ids@example.org' }, notify: ['email'] });
  await deliver();
  const rows = await server.db.query<{
    id: string;
    event_id: string;
    channel: 'email' | 'webhook';
    target: string;
  }>(
    `select d.id, d.event_id::text, d.channel, d.target from delivery d join outbox_event e on e.id = d.event_id
     join complaint c on c.id = e.complaint_id where c.code = $1 order by d.channel`,
    [filed.code.replace(/^ADU-/, '').replace('-', '')],
  );
  expect(rows.map((r) => r.channel)).toEqual(['email', 'webhook']);
  for (const r of rows) expect(r.id).toBe(deliveryId(r.event_id, r.channel, r.target));
});
