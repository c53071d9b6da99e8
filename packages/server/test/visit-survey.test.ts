import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficerToken } from '../src/applications/officer-tokens.js';
import { addOrigin } from '../src/applications/origins.js';
import { formatCode } from '../src/applications/secrets.js';
import { transition } from '../src/applications/state.js';
import { addEndpoint } from '../src/notifications/webhook-endpoints.js';
import type { WebhookBody } from '../src/notifications/webhook-payload.js';
import { createOutbox, type Outbox } from '../src/notifications/worker.js';
import { startTestServer, type TestServer } from './helpers/app.js';
import { secret as applicationSecret, insertApplication, memoryLog, settings } from './helpers/notify.js';
import { startSmtp, type TestSmtp } from './helpers/smtp.js';
import { booking, call, clock, key, monday } from './helpers/visits.js';
import { startReceiver, type TestReceiver } from './helpers/webhook-receiver.js';

// Issue 17 item 1: the survey after a served visit (the booking's code and secret, once; stored
// like every response, without the booking), and the one-time link of every survey invitation
// (e-mail and webhook, for applications and visits): no secret, a token kept only as a hash,
// used up by the one response, expired after 30 days.

const time = clock(monday); // Monday 11 January 2027, 08:00 WIB
const hall = '/v1/officer/locations/mpp-surabaya-siola';
const surveyUrl = 'https://layanan.{region}.example/survei.html#survei={token}';
let server: TestServer;
let smtp: TestSmtp;
let receiver: TestReceiver;
let outbox: Outbox;
let officer: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer({ now: time.now });
  [smtp, receiver] = await Promise.all([startSmtp(), startReceiver()]);
  for (const region of ['35.78', '33.74'])
    await addEndpoint(
      server.db,
      { agency_id: 'dukcapil', region_code: region, url: receiver.url, event_types: [], created_by: 'test' },
      { allowPrivate: true, now: monday },
    );
  const { token } = await createOfficerToken(server.db, {
    name: 'Siola',
    agency: 'dukcapil',
    region: '35.78',
  });
  officer = { authorization: `Bearer ${token}` };
  outbox = createOutbox(server.db, settings(smtp.url, { surveyUrl }), memoryLog(), time.now);
}, 180_000);
afterAll(async () => {
  await outbox?.stop();
  await server?.close();
  await smtp?.close();
  await receiver?.close();
});

const wib = (hhmm: string) => `2027-01-11T${hhmm}:00+07:00`;
const answer = { scores: [4, 4, 3, 4, 3, 4, 4, 3, 3], profile: { sex: 'male' } };

/** A booking today at `slot`, checked in, called and served at Loket 1 (or only booked). */
async function visit(phone: string, slot: string, serve = true) {
  time.set(wib('08:00'));
  const booked = await call(server.url, 'POST', '/v1/bookings', {
    body: booking({ date: '2027-01-11', time: slot, phone, email: `warga${phone.slice(-2)}@example.com` }),
    headers: key(),
  });
  expect(booked.status).toBe(201);
  const b = booked.body as { code: string; secret: string };
  if (!serve) return b;
  time.set(wib('09:00'));
  await call(server.url, 'POST', `${hall}/check-ins`, { body: { code: b.code }, headers: officer });
  time.set(wib(slot));
  const called = await call(server.url, 'POST', `${hall}/counters/dukcapil-1/call-next`, {
    headers: officer,
  });
  const outcome = await call(server.url, 'POST', `${hall}/tickets/${called.body.called.id}/outcome`, {
    body: { outcome: 'done' },
    headers: officer,
  });
  expect(outcome.body.status).toBe('done');
  return b;
}

async function deliver() {
  const [mails, hooks] = [smtp.received.length, receiver.received.length];
  await outbox.runOnce();
  return {
    mails: smtp.received.slice(mails),
    hooks: receiver.received.slice(hooks).map((r) => JSON.parse(r.body) as WebhookBody),
  };
}

const linkCall = (method: 'GET' | 'POST', token: string, lang = 'id', origin?: string) =>
  call(server.url, method, '/v1/survey/link', {
    headers: { 'loket-survey-link': token, 'accept-language': lang, ...(origin ? { origin } : {}) },
    ...(method === 'POST' ? { body: answer } : {}),
  });
const tokenOf = (url: string | null | undefined) =>
  new URLSearchParams(new URL(url ?? '').hash.slice(1)).get('survei') ?? '';

describe('the survey of a visit', () => {
  it('opens once the visit was served, is answered once with the booking secret, and is stored without the booking', async () => {
    const b = await visit('081300000001', '09:30', false);
    const path = `/v1/bookings/${b.code}/survey`;
    const withSecret = { 'loket-secret': b.secret, 'accept-language': 'en' };
    expect((await call(server.url, 'GET', path, { headers: withSecret })).body).toEqual({ state: 'not_yet' });
    const early = await call(server.url, 'POST', path, { headers: withSecret, body: answer });
    expect(early.status).toBe(409);
    expect(early.body.detail).toBe(
      'The satisfaction survey opens once your visit has been served at the counter.',
    );

    // Served: now open; a wrong secret and an unknown code get the same 404.
    const served = await visit('081300000002', '10:00');
    const servedPath = `/v1/bookings/${served.code}/survey`;
    const own = { 'loket-secret': served.secret, 'accept-language': 'en' };
    expect((await call(server.url, 'GET', servedPath, { headers: own })).body).toEqual({ state: 'open' });
    const wrongSecret = await call(server.url, 'GET', servedPath, {
      headers: { 'loket-secret': 'WRNG-WRNG-WRNG-WRNG' },
    });
    const wrongCode = await call(server.url, 'GET', '/v1/bookings/ANT-2222-2222/survey', { headers: own });
    expect([wrongSecret.status, wrongCode.status]).toEqual([404, 404]);
    expect(wrongSecret.body.type).toBe(wrongCode.body.type);

    const before = await server.db.query<{ n: number }>(
      `select coalesce(sum(n), 0)::int as n from survey_tally
       where region_code = '35.78' and location_id = 'mpp-surabaya-siola' and service_id = 'ktp-el-hilang'`,
    );
    const first = await call(server.url, 'POST', servedPath, { headers: own, body: answer });
    expect(first).toMatchObject({ status: 201, body: { received: true, channel: 'visit' } });
    const again = await call(server.url, 'POST', servedPath, { headers: own, body: answer });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      type: 'urn:loket:problem:survey-answered',
      detail: 'The survey for this visit has already been answered. Thank you.',
    });
    expect((await call(server.url, 'GET', servedPath, { headers: own })).body).toEqual({ state: 'answered' });

    // Stored as a visit's response at Siola, counted in its location's, service's and region's cell.
    const [stored] = await server.db.query<Record<string, unknown>>(
      `select * from survey_response where channel = 'visit' and not synthetic`,
    );
    expect(stored).toMatchObject({
      service_id: 'ktp-el-hilang',
      agency_id: 'dukcapil',
      region_code: '35.78',
      location_id: 'mpp-surabaya-siola',
      month: expect.anything(),
      sex: 'male',
    });
    const text = JSON.stringify(stored);
    for (const leak of [served.code, served.code.replaceAll('-', '').slice(3), 'Siti', '0812'])
      expect(text).not.toContain(leak);
    const after = await server.db.query<{ n: number }>(
      `select coalesce(sum(n), 0)::int as n from survey_tally
       where region_code = '35.78' and location_id = 'mpp-surabaya-siola' and service_id = 'ktp-el-hilang'`,
    );
    expect((after[0]?.n ?? 0) - (before[0]?.n ?? 0)).toBe(1);
    await deliver(); // this visit's messages are the next test's business no more
  });
});

describe('the one-time link of a survey invitation', () => {
  it('a served visit is invited by e-mail and webhook, each with its own link and never the secret', async () => {
    const b = await visit('081300000003', '10:30');
    const { mails, hooks } = await deliver();
    const mail = mails.find((m) => m.subject === `Kunjungan ${b.code}: bagaimana pelayanan kami?`);
    const link = mail?.text?.match(/https:\/\/layanan\.35\.78\.example\/survei\.html#survei=[\w-]+/)?.[0];
    expect(link).toBeTruthy();
    expect(mail?.html).toContain(`href="${link}"`);
    expect(mail?.text).toContain('Tautan hanya dapat dipakai sekali dan berlaku 30 hari');
    const hook = hooks.find((h) => h.type === 'survey.invitation');
    const hookUrl = (hook?.data as { survey_url?: string } | undefined)?.survey_url;
    expect(hookUrl).toMatch(/^https:\/\/layanan\.35\.78\.example\/survei\.html#survei=[\w-]{24}$/);
    const [mailToken, hookToken] = [tokenOf(link), tokenOf(hookUrl)];
    expect(mailToken).not.toBe(hookToken);
    for (const sent of [`${mail?.subject}${mail?.text}${mail?.html}`, JSON.stringify(hook)]) {
      expect(sent).not.toContain(b.secret);
      expect(sent).not.toContain(b.secret.replaceAll('-', ''));
    }
    // Only the tokens' hashes are kept.
    const kept = await server.db.query<{ token_hash: string }>('select token_hash from survey_link');
    expect(kept.map((k) => k.token_hash).join()).not.toContain(mailToken);

    // The e-mail's link: open, answered without the secret, then used up, for the webhook's too.
    const opened = await linkCall('GET', mailToken);
    expect(opened.body).toEqual({
      state: 'open',
      about: 'visit',
      service: { id: 'ktp-el-hilang', name: expect.stringContaining('KTP') },
    });
    expect(await linkCall('POST', mailToken)).toMatchObject({ status: 201, body: { channel: 'visit' } });
    for (const [token, lang] of [
      [mailToken, 'id'],
      [hookToken, 'en'],
    ] as const) {
      const second = await linkCall('POST', token, lang);
      expect(second.status).toBe(409);
      expect(second.body.type).toBe('urn:loket:problem:survey-answered');
      expect(second.body.detail).toBe(
        lang === 'en'
          ? 'The survey for this visit has already been answered. Thank you.'
          : 'Survei untuk kunjungan ini sudah diisi. Terima kasih.',
      );
      expect((await linkCall('GET', token)).body.state).toBe('answered');
    }
    const bySecret = await call(server.url, 'GET', `/v1/bookings/${b.code}/survey`, {
      headers: { 'loket-secret': b.secret },
    });
    expect(bySecret.body).toEqual({ state: 'answered' });
  });

  it('an application is invited with a link too; a link is refused unknown, from another region’s page, and after 30 days', async () => {
    time.set('2027-01-11T03:00:00Z');
    const app = await insertApplication(server.db, { status: 'in_review', lang: 'en' });
    await server.db.transaction((tx) =>
      transition(tx, { id: app.id, status: 'in_review', version: 1 }, 'officer', 'completed', {
        actor: 'officer:test',
        at: time.now(),
      }),
    );
    const { mails, hooks } = await deliver();
    const code = formatCode(app.code);
    const mail = mails.find((m) => m.subject === `Application ${code}: how did we do?`);
    const link = mail?.text?.match(/https:\/\/layanan\.33\.74\.example\/survei\.html#survei=[\w-]+/)?.[0];
    expect(mail?.text).toContain('The link works once and for 30 days');
    expect(mail?.text).not.toContain(applicationSecret);
    const hook = hooks.find((h) => h.type === 'survey.invitation');
    expect((hook?.data as { survey_url?: string } | undefined)?.survey_url).toMatch(
      /survei\.html#survei=[\w-]{24}$/,
    );
    // The other events of the application carry no link.
    expect(hooks.find((h) => h.type === 'application.completed')?.data).not.toHaveProperty('survey_url');

    const token = tokenOf(link);
    expect((await linkCall('GET', token, 'en')).body).toMatchObject({ state: 'open', about: 'application' });
    // A page of a site no region allowed: refused, as with the secret.
    expect((await linkCall('GET', token, 'id', 'https://evil.example')).status).toBe(403);
    await addOrigin(server.db, '33.74', 'https://layanan.semarang.example');
    expect((await linkCall('GET', token, 'id', 'https://layanan.semarang.example')).status).toBe(200);
    expect((await linkCall('GET', 'not-a-token-we-ever-gave-out')).status).toBe(404);
    expect((await linkCall('GET', '')).status).toBe(404);
    // 30 days later the link has expired; the secret still opens the survey.
    time.set('2027-02-10T03:00:01Z');
    const expired = await linkCall('POST', token, 'en');
    expect(expired.status).toBe(404);
    expect(expired.body.detail).toBe('This survey link is unknown or has expired.');
    const bySecret = await call(server.url, 'GET', `/v1/applications/${code}/survey`, {
      headers: { 'loket-secret': applicationSecret },
    });
    expect(bySecret.body).toEqual({ state: 'open' });
  });

  it('without a survey page (LOKET_SURVEY_URL unset) the invitation links to the booking page, where the secret opens it', async () => {
    const plain = createOutbox(server.db, settings(smtp.url), memoryLog(), time.now);
    const b = await visit('081300000004', '11:00');
    const before = smtp.received.length;
    await plain.runOnce();
    await plain.stop();
    const mail = smtp.received
      .slice(before)
      .find((m) => m.subject === `Kunjungan ${b.code}: bagaimana pelayanan kami?`);
    expect(mail?.text).toContain(`https://layanan.35.78.example/antrean.html#kode=${b.code}`);
    expect(mail?.text).toContain('masukkan kode rahasia pemesanan Anda di sana');
    expect(mail?.text).not.toContain('survei.html');
  });
});
