import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficerToken } from '../src/applications/officer-tokens.js';
import { findRegion, scopeOf } from '../src/catalogue/regions.js';
import { findService } from '../src/catalogue/services.js';
import type { VisitEventData } from '../src/notifications/visit-facts.js';
import { addEndpoint } from '../src/notifications/webhook-endpoints.js';
import type { WebhookBody } from '../src/notifications/webhook-payload.js';
import { createOutbox, type Outbox } from '../src/notifications/worker.js';
import { startTestServer, type TestServer } from './helpers/app.js';
import { memoryLog, settings } from './helpers/notify.js';
import { startSmtp, type TestSmtp } from './helpers/smtp.js';
import { booking, call, clock, key, monday } from './helpers/visits.js';
import { type Received, startReceiver, type TestReceiver } from './helpers/webhook-receiver.js';

// Visit events reach the citizen by e-mail (real SMTP server) and the region's systems by signed
// webhook (real HTTP receiver): booked, moved, the day-before reminder the worker schedules, and
// cancelled, by the citizen or because the counter closed for the day. Never the secret.

const time = clock(monday); // Monday 11 January 2027, 08:00 WIB
let server: TestServer;
let smtp: TestSmtp;
let receiver: TestReceiver;
let outbox: Outbox;
let whsec: string;
let officer: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer({ now: time.now });
  smtp = await startSmtp();
  receiver = await startReceiver();
  const hook = await addEndpoint(
    server.db,
    { agency_id: 'dukcapil', region_code: '35', url: receiver.url, event_types: [], created_by: 'test' },
    { allowPrivate: true, now: monday },
  );
  whsec = hook.secret;
  const { token } = await createOfficerToken(server.db, {
    name: 'Siola',
    agency: 'dukcapil',
    region: '35.78',
  });
  officer = { authorization: `Bearer ${token}` };
  outbox = createOutbox(server.db, settings(smtp.url), memoryLog(), time.now);
});
afterAll(async () => {
  await outbox?.stop();
  await server?.close();
  await smtp?.close();
  await receiver?.close();
});

const wib = (date: string, hhmm: string) => `${date}T${hhmm}:00+07:00`;

async function book(over: Record<string, unknown>, lang: 'id' | 'en' = 'id') {
  const { status, body } = await call(server.url, 'POST', '/v1/bookings', {
    body: booking(over),
    headers: { ...key(), 'accept-language': lang },
  });
  expect(status).toBe(201);
  return body as { code: string; secret: string; ticket: { number: string } };
}

/** Runs the worker once and returns the e-mails and webhooks it sent. */
async function deliver() {
  const [mails, hooks] = [smtp.received.length, receiver.received.length];
  await outbox.runOnce();
  return { mails: smtp.received.slice(mails), hooks: receiver.received.slice(hooks) };
}

/**
 * The body of a request whose signature the reference implementation (standardwebhooks) computes
 * alike; its own verify() would refuse the timestamp, which follows the test's clock (2027).
 */
function verified(request: Received | undefined) {
  if (!request) throw new Error('no webhook received');
  const [id, timestamp, signature] = ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) =>
    String(request.headers[h]),
  );
  const expected = new Webhook(whsec).sign(String(id), new Date(Number(timestamp) * 1000), request.body);
  expect(signature).toBe(expected);
  return JSON.parse(request.body) as WebhookBody & { data: VisitEventData };
}

async function bringEn() {
  const region = await findRegion(server.db, '35.78');
  const service = region ? await findService(server.db, 'ktp-el-hilang', scopeOf(region)) : null;
  return service?.requirements.map((r) => r.en) ?? [];
}

describe('visit e-mails and webhooks', () => {
  it('confirms a booking in English with code, number, place, counter, WIB time, what to bring and the manage link', async () => {
    const b = await book(
      { date: '2027-01-13', time: '09:30', phone: undefined, email: 'siti@example.com' },
      'en',
    );
    const { mails, hooks } = await deliver();
    expect(mails).toHaveLength(1);
    const mail = mails[0];
    expect(mail?.to && 'text' in mail.to ? mail.to.text : '').toBe('siti@example.com');
    expect(mail?.subject).toBe(`Visit ${b.code}: Wednesday, 13 January 2027, 09:30 WIB`);
    const text = mail?.text ?? '';
    expect(text).toContain('Your visit to the counter for');
    expect(text).toContain(`Code: ${b.code}`);
    expect(text).toContain(`Queue number: ${b.ticket.number}`);
    expect(text).toContain('Place: Mal Pelayanan Publik Siola Kota Surabaya, Gedung Siola, Jl. Tunjungan');
    expect(text).toMatch(/Counter: Loket \d+ \(/);
    const bring = await bringEn();
    expect(bring.length).toBeGreaterThan(0);
    for (const item of bring) expect(text).toContain(`- ${item}`);
    const manage = `https://layanan.35.78.example/antrean.html#kode=${b.code}`;
    expect(text).toContain(manage);
    expect(mail?.html).toContain(`href="${manage}"`);
    expect(mail?.html).toContain('<html lang="en">');
    expect(text).toMatch(
      /Stop e-mails about this visit:\nhttps:\/\/api\.semarang\.example\/v1\/notifications\/stop\//,
    );
    const everything = `${mail?.subject}${text}${mail?.html}`;
    expect(everything).not.toContain(b.secret);
    expect(everything).not.toContain(b.secret.replaceAll('-', ''));

    expect(hooks).toHaveLength(1);
    expect(hooks[0]?.body).not.toContain(b.secret.replaceAll('-', ''));
    const event = verified(hooks[0]);
    expect(event.type).toBe('visit.booked');
    expect(event.data).toMatchObject({
      code: b.code,
      status: 'booked',
      date: '2027-01-13',
      time: '09:30',
      starts_at: '2027-01-13T02:30:00.000Z',
      timezone: 'Asia/Jakarta',
      location: { id: 'mpp-surabaya-siola' },
      agency: 'dukcapil',
      region: '35.78',
      lang: 'en',
      manage_url: manage,
      bring,
      contact: { email: 'siti@example.com', phone: null },
      reason: null,
    });

    // Moved by the citizen: a new confirmation with the new time, and the webhook.
    const moved = await call(server.url, 'POST', `/v1/bookings/${b.code}/reschedule`, {
      body: { date: '2027-01-13', time: '10:30' },
      headers: { 'loket-secret': b.secret, 'accept-language': 'en' },
    });
    expect(moved.status).toBe(200);
    const again = await deliver();
    expect(again.mails.map((m) => m.subject)).toEqual([
      `Visit ${b.code} moved: Wednesday, 13 January 2027, 10:30 WIB`,
    ]);
    expect(verified(again.hooks[0])).toMatchObject({ type: 'visit.rescheduled', data: { time: '10:30' } });

    // Cancelled by the citizen: told so, with no reason and no queue number.
    expect(
      (await call(server.url, 'DELETE', `/v1/bookings/${b.code}`, { headers: { 'loket-secret': b.secret } }))
        .status,
    ).toBe(200);
    const gone = await deliver();
    expect(gone.mails[0]?.subject).toBe(`Visit ${b.code} cancelled`);
    expect(gone.mails[0]?.text).toContain('If you still need to come, book another time.');
    expect(verified(gone.hooks[0])).toMatchObject({
      type: 'visit.cancelled',
      data: { status: 'cancelled', reason: null },
    });
  });

  it('tells every citizen of a counter closed for the day, in Indonesian, with the office’s reason', async () => {
    const b = await book({ date: '2027-01-14', time: '09:00', email: 'budi@example.com' });
    await deliver();
    const counter = (
      await call(server.url, 'GET', `/v1/bookings/${b.code}`, { headers: { 'loket-secret': b.secret } })
    ).body.counter.id;
    const closed = await call(
      server.url,
      'POST',
      `/v1/officer/locations/mpp-surabaya-siola/counters/${counter}/closures`,
      {
        body: { date: '2027-01-14', reason: 'Petugas mengikuti pelatihan.' },
        headers: officer,
      },
    );
    expect(closed.body.cancelled).toBe(1);
    const { mails, hooks } = await deliver();
    expect(mails.map((m) => m.subject)).toEqual([`Kunjungan ${b.code} dibatalkan`]);
    expect(mails[0]?.text).toContain('Alasan dari kantor layanan\n- Petugas mengikuti pelatihan.');
    expect(mails[0]?.text).toContain('Waktu: Kamis, 14 Januari 2027, pukul 09.00 WIB');
    expect(mails[0]?.text).toContain('Bila masih perlu datang, pesan waktu lain.');
    const event = verified(hooks[0]);
    expect(event).toMatchObject({
      type: 'visit.cancelled',
      data: { code: b.code, reason: 'Petugas mengikuti pelatihan.', lang: 'id' },
    });
    expect(event.data.contact).toEqual({ email: 'budi@example.com', phone: '+6281234567890' });
  });

  it('reminds from 08:00 the day before (the worker schedules it), once, and never after a stop link', async () => {
    const early = await book({
      date: '2027-01-15',
      time: '10:00',
      phone: '081211110001',
      email: 'rina@example.com',
    });
    const stopper = await book({
      date: '2027-01-15',
      time: '11:00',
      phone: '081298765432',
      email: 'agus@example.com',
    });
    const { mails } = await deliver();
    const stopUrl = /\nhttps:\/\/api\.semarang\.example(\/v1\/notifications\/stop\/[\w-]+)/.exec(
      mails.find((m) => m.subject?.includes(stopper.code))?.text ?? '',
    )?.[1];
    expect(stopUrl).toBeDefined();
    const page = await fetch(`${server.url}${stopUrl}`);
    expect(await page.text()).toContain('Berhenti menerima e-mail tentang kunjungan ini?');
    expect((await fetch(`${server.url}${stopUrl}`, { method: 'POST' })).status).toBe(200);
    // Thursday 14th: a booking made the day before gets no reminder (its confirmation just came).
    time.set(wib('2027-01-14', '07:00'));
    const sameDay = await book({
      date: '2027-01-15',
      time: '13:00',
      phone: '081211110002',
      email: 'dewi@example.com',
    });
    expect((await deliver()).mails.map((m) => m.subject)).toEqual([expect.stringContaining(sameDay.code)]);
    time.set(wib('2027-01-14', '07:59'));
    expect((await deliver()).mails).toEqual([]);
    time.set(wib('2027-01-14', '08:00'));
    const { mails: reminders, hooks } = await deliver();
    expect(reminders.map((m) => m.subject)).toEqual([
      `Pengingat kunjungan besok ${early.code}: Jumat, 15 Januari 2027, pukul 10.00 WIB`,
    ]);
    expect(reminders[0]?.text).toContain(`Besok Anda datang ke loket untuk`);
    // The region's systems hear of both reminders; the one who stopped e-mails passes no contact.
    const events = hooks.map(verified);
    expect(events.map((e) => [e.type, e.data.code]).sort()).toEqual(
      [
        ['visit.reminder', early.code],
        ['visit.reminder', stopper.code],
      ].sort(),
    );
    expect(events.find((e) => e.data.code === stopper.code)?.data.contact).toBeNull();
    time.set(wib('2027-01-14', '09:00'));
    expect((await deliver()).mails).toEqual([]);
  });
});
