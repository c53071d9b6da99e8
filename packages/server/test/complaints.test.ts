import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dueDate } from '../src/applications/calendar.js';
import { createOfficerToken } from '../src/applications/officer-tokens.js';
import { addOrigin } from '../src/applications/origins.js';
import { formatCode } from '../src/applications/secrets.js';
import { setComplaintTarget } from '../src/complaints/target.js';
import { startTestServer, type TestServer } from './helpers/app.js';
import { insertApplication, secret } from './helpers/notify.js';
import { booking, call, clock, configure, key } from './helpers/visits.js';

// Monday 11 January 2027, 09:00 WIB.
const time = clock(new Date('2027-01-11T02:00:00Z'));
let server: TestServer;
let application: { id: string; code: string };
const tokens: Record<string, string> = {};

const officer = async (agency: string, region: string) =>
  (await createOfficerToken(server.db, { name: `Petugas ${agency} ${region}`, agency, region })).token;

const complaint = (over: Record<string, unknown> = {}) => ({
  about: { kind: 'application', code: formatCode(application.code), secret },
  category: 'time',
  description: 'Sudah lewat batas waktu dan belum ada kabar sama sekali.',
  contact: { name: 'Budi', email: 'Budi@Example.com' },
  notify: ['email'],
  ...over,
});

const file = (body: unknown, headers: Record<string, string> = key()) =>
  call(server.url, 'POST', '/v1/complaints', { body, headers });
const lookup = (code: string, given = '') =>
  call(server.url, 'GET', `/v1/complaints/${code}`, { headers: { 'loket-secret': given } });
const asOfficer = (token: string | undefined, method: string, path: string, body?: unknown) =>
  call(server.url, method, path, {
    headers: { authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body }),
  });

const eventsOf = (id: string) =>
  server.db.query<{ topic: string }>(
    `select e.topic from outbox_event e join complaint c on c.id = e.complaint_id where c.id = $1 order by e.created_at, e.topic`,
    [id],
  );
const idOf = async (code: string) =>
  (
    await server.db.query<{ id: string }>('select id from complaint where code = $1', [
      code.replace(/^ADU-/, '').replace('-', ''),
    ])
  )[0]?.id ?? '';

beforeAll(async () => {
  server = await startTestServer({ now: time.now });
  application = await insertApplication(server.db, { status: 'submitted' });
  tokens.semarang = await officer('dukcapil', '33.74');
  tokens.jateng = await officer('dukcapil', '33');
  tokens.surabaya = await officer('dukcapil', '35.78');
  tokens.otherAgency = await officer('imigrasi', '33.74');
});
afterAll(() => server.close());

describe('the complaint form’s channels', () => {
  it('lists the nine SKM unsur as categories and SP4N-LAPOR! with every way to reach it', async () => {
    const { status, body } = await call(server.url, 'GET', '/v1/complaint-channels?lang=en');
    expect(status).toBe(200);
    expect(body.categories.map((c: { id: string }) => c.id)).toHaveLength(10);
    expect(body.categories[2]).toEqual({ id: 'time', name: 'Time to complete' });
    expect(body.categories[9]).toEqual({ id: 'other', name: 'Other' });
    const [lapor] = body.data;
    expect(lapor.name).toBe('SP4N-LAPOR!');
    expect(lapor.ways.find((w: { kind: string }) => w.kind === 'sms')).toMatchObject({
      value: '1708',
      note: 'Text 1708, normal tariff',
    });
    expect(lapor.sources.length).toBeGreaterThan(0);
  });
});

describe('filing a complaint', () => {
  it('about an application: its own code and secret, the agency’s inbox, a response date, the outbox', async () => {
    const { status, body, headers } = await file(complaint());
    expect(status).toBe(201);
    expect(body.code).toMatch(/^ADU-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(body.secret).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(headers.get('location')).toBe(`/v1/complaints/${body.code}`);
    expect(body.status).toBe('received');
    expect(body.about).toMatchObject({
      kind: 'application',
      application: formatCode(application.code),
      region: '33.74',
      agency: { id: 'dukcapil' },
    });
    const expected = await dueDate(server.db, time.now(), 5);
    expect(body.due).toEqual({ ...expected, basis: 'default' });
    expect(body.contact).toEqual({ email: 'b***@example.com', phone: null });
    expect(body.channels[0].name).toBe('SP4N-LAPOR!');
    expect(await eventsOf(await idOf(body.code))).toEqual([{ topic: 'complaint.received' }]);
  });

  it('refuses a wrong secret with the application’s own 404, and stores nothing', async () => {
    const before = await server.db.query<{ n: number }>('select count(*)::int as n from complaint');
    const wrong = complaint({
      about: { kind: 'application', code: formatCode(application.code), secret: 'AAAA-BBBB-CCCC-DDDD' },
    });
    const { status, body } = await file(wrong);
    expect(status).toBe(404);
    expect(body.type).toBe('urn:loket:problem:not-found');
    const after = await server.db.query<{ n: number }>('select count(*)::int as n from complaint');
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it('needs an Idempotency-Key, replays the first answer for it, and refuses it for another body', async () => {
    expect((await file(complaint(), {})).status).toBe(428);
    const headers = key();
    const first = await file(complaint(), headers);
    const again = await file(complaint(), headers);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    const other = await file(complaint({ category: 'cost' }), headers);
    expect(other.status).toBe(422);
    expect(other.body.type).toBe('urn:loket:problem:idempotency-key-reused');
  });

  it('sends news only to a ticked channel that has its contact', async () => {
    const { status, body } = await file(complaint({ contact: { name: 'Budi' }, notify: ['email'] }));
    expect(status).toBe(400);
    expect(body.errors[0].pointer).toBe('/contact/email');
    const silent = await file(complaint({ contact: { phone: '0812 3456 7890' }, notify: [] }));
    expect(silent.status).toBe(201);
    expect(silent.body.notify).toEqual([]);
    expect(silent.body.contact.phone).toMatch(/^\+62\*\*\*890$/);
  });

  it('about a service in general goes to the agency that provides it in the region', async () => {
    const about = { kind: 'service', service: 'ktp-el-hilang', region: '33.74' };
    const { status, body } = await file(complaint({ about, contact: undefined, notify: undefined }));
    expect(status).toBe(201);
    expect(body.about).toMatchObject({
      kind: 'service',
      application: null,
      visit: null,
      agency: { id: 'dukcapil' },
    });
    const nowhere = await file(complaint({ about: { ...about, service: 'no-such-service' } }));
    expect(nowhere.status).toBe(404);
    const unknownRegion = await file(complaint({ about: { ...about, region: '99.99' } }));
    expect(unknownRegion.status).toBe(400);
  });

  it('about a visit: proven by the booking’s secret, to the agency of its counter', async () => {
    await configure(server.db, { location: 'mpp-surabaya-siola' });
    const booked = await call(server.url, 'POST', '/v1/bookings', { body: booking(), headers: key() });
    expect(booked.status).toBe(201);
    const about = { kind: 'visit', code: booked.body.code, secret: booked.body.secret };
    const { status, body } = await file(complaint({ about, category: 'conduct' }));
    expect(status).toBe(201);
    expect(body.about).toMatchObject({
      kind: 'visit',
      visit: booked.body.code,
      region: '35.78',
      agency: { id: 'dukcapil' },
    });
    const wrong = await file(complaint({ about: { ...about, secret: 'AAAA-BBBB-CCCC-DDDD' } }));
    expect(wrong.status).toBe(404);
  });

  it('from a page origin the region has not allowed is 403; an allowed one passes', async () => {
    const about = { kind: 'service', service: 'ktp-el-hilang', region: '33.74' };
    const origin = { ...key(), origin: 'https://layanan.example.org' };
    expect((await file(complaint({ about }), origin)).status).toBe(403);
    await addOrigin(server.db, '33.74', 'https://layanan.example.org');
    expect((await file(complaint({ about }), { ...origin, ...key() })).status).toBe(201);
  });

  it('answers a browser’s preflight only for an origin some region allowed', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/v1/complaints`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, idempotency-key',
        },
      });
    const allowed = await preflight('https://layanan.example.org');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://layanan.example.org');
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/Idempotency-Key/i);
    const other = await preflight('https://elsewhere.example.org');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('uses the agency’s own response target when it has one', async () => {
    await setComplaintTarget(server.db, 'dukcapil', 3, 'https://example.org/sk-pengaduan');
    const { body } = await file(complaint());
    expect(body.due).toEqual({ ...(await dueDate(server.db, time.now(), 3)), basis: 'agency' });
    await setComplaintTarget(server.db, 'dukcapil', null, null);
  });
});

describe('the complaint’s follow-up', () => {
  it('the citizen looks it up; the officer in scope answers and closes; the citizen sees the answer', async () => {
    const filed = await file(complaint({ category: 'conduct' }));
    const { code } = filed.body;
    expect((await lookup(code, 'AAAA-BBBB-CCCC-DDDD')).status).toBe(404);
    const seen = await lookup(code.toLowerCase().replaceAll('-', ''), filed.body.secret);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ code, status: 'received', answer: null });

    expect((await asOfficer(tokens.surabaya, 'GET', `/v1/officer/complaints/${code}`)).status).toBe(403);
    expect((await asOfficer(tokens.otherAgency, 'GET', `/v1/officer/complaints/${code}`)).status).toBe(403);
    expect((await asOfficer(tokens.semarang, 'GET', '/v1/officer/complaints/ADU-0000-0000')).status).toBe(
      404,
    );
    const early = await asOfficer(tokens.semarang, 'POST', `/v1/officer/complaints/${code}/close`, {});
    expect(early.status).toBe(409);

    time.set('2027-01-11T03:00:00Z');
    const answered = await asOfficer(tokens.jateng, 'POST', `/v1/officer/complaints/${code}/answer`, {
      answer: 'Mohon maaf. Petugas sudah kami tegur.',
    });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({
      status: 'answered',
      answer: { text: 'Mohon maaf. Petugas sudah kami tegur.', by: 'Petugas dukcapil 33' },
      contact: { name: 'Budi', email: 'budi@example.com' },
    });
    const id = await idOf(code);
    expect((await eventsOf(id)).map((e) => e.topic)).toEqual(['complaint.received', 'complaint.answered']);

    const citizen = await lookup(code, filed.body.secret);
    expect(citizen.body.status).toBe('answered');
    expect(citizen.body.answer.text).toBe('Mohon maaf. Petugas sudah kami tegur.');
    expect(citizen.body.answer.by).toBeUndefined();

    const closed = await asOfficer(tokens.semarang, 'POST', `/v1/officer/complaints/${code}/close`, {
      note: 'Dikonfirmasi lewat telepon.',
    });
    expect(closed.body).toMatchObject({ status: 'closed', close_note: 'Dikonfirmasi lewat telepon.' });
    expect((await lookup(code, filed.body.secret)).body.close_note).toBeUndefined();
    const late = await asOfficer(tokens.semarang, 'POST', `/v1/officer/complaints/${code}/answer`, {
      answer: 'Lagi.',
    });
    expect(late.status).toBe(409);
    expect(late.body.type).toBe('urn:loket:problem:complaint-closed');
  });

  it('the inbox: the officer’s scope, open ones first, filters, overdue after the response date', async () => {
    const list = async (token: string | undefined, query = '') =>
      (await asOfficer(token, 'GET', `/v1/officer/complaints${query}`)).body;
    const semarang = await list(tokens.semarang, '?limit=50');
    expect(semarang.total).toBeGreaterThan(0);
    expect(semarang.data.every((c: { about: { region: string } }) => c.about.region === '33.74')).toBe(true);
    const statuses = semarang.data.map((c: { status: string }) => c.status);
    expect(statuses.indexOf('closed')).toBeGreaterThan(statuses.lastIndexOf('received'));
    expect((await list(tokens.jateng)).total).toBe(semarang.total);
    expect(semarang.data).toHaveLength(semarang.total);
    const surabaya = await list(tokens.surabaya);
    expect(surabaya.data.map((c: { about: { kind: string } }) => c.about.kind)).toEqual(['visit']);
    expect((await list(tokens.otherAgency)).total).toBe(0);
    expect((await list(tokens.semarang, '?category=conduct&status=closed')).total).toBe(1);
    expect((await list(tokens.semarang, '?overdue=true')).total).toBe(0);
    const page = await list(tokens.semarang, '?limit=2');
    expect(page.data).toHaveLength(2);
    const next = await list(tokens.semarang, `?limit=2&cursor=${page.page.next_cursor}`);
    expect(next.data[0].code).not.toBe(page.data[0].code);
    time.set('2027-02-01T02:00:00Z');
    const overdue = await list(tokens.semarang, '?overdue=true');
    expect(overdue.total).toBe(
      semarang.data.filter((c: { status: string }) => c.status === 'received').length,
    );
    expect(
      overdue.data.every((c: { overdue: boolean; status: string }) => c.overdue && c.status === 'received'),
    ).toBe(true);
  });
});

it('an unused complaint id never leaks: a random code is 404 like a wrong secret', async () => {
  expect((await lookup('ADU-ZZZZ-ZZZZ', randomUUID())).status).toBe(404);
});
