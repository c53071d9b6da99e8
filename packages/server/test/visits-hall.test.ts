import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficerToken } from '../src/applications/officer-tokens.js';
import { startTestServer, type TestServer } from './helpers/app.js';
import { booking, call, clock, key, monday } from './helpers/visits.js';

// The hall of MPP Siola (the seeded demo set-up: Dukcapil at Loket 1 and 2) on Monday 11 January
// 2027, moved through the morning by the test's clock.

const time = clock(monday);
let server: TestServer;
let officer: Record<string, string>;
const hall = '/v1/officer/locations/mpp-surabaya-siola';

beforeAll(async () => {
  server = await startTestServer({ now: time.now });
  const { token } = await createOfficerToken(server.db, {
    name: 'Loket 1',
    agency: 'dukcapil',
    region: '35.78',
  });
  officer = { authorization: `Bearer ${token}` };
});
afterAll(() => server.close());

const wib = (hhmm: string, date = '2027-01-11') => `${date}T${hhmm}:00+07:00`;

async function book(time: string, phone: string, date = '2027-01-11') {
  const { status, body } = await call(server.url, 'POST', '/v1/bookings', {
    body: booking({ date, time, phone, name: `Warga ${phone.slice(-2)}` }),
    headers: key(),
  });
  expect(status).toBe(201);
  return body;
}

/** Reads a board stream until `count` call events arrived; returns them and closes it. */
async function board(count: number, lastEventId?: string) {
  const controller = new AbortController();
  const response = await fetch(`${server.url}/v1/locations/mpp-surabaya-siola/board`, {
    // What EventSource sends: it accepts the event stream only.
    headers: { accept: 'text/event-stream', ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
    signal: controller.signal,
  });
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  const events = () => text.split('\n\n').filter((block) => block.includes('event: call'));
  const deadline = Date.now() + 20_000;
  while (events().length < count && Date.now() < deadline) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  controller.abort();
  return events().map((block) => {
    const id = /^id: (\d+)$/m.exec(block)?.[1];
    const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null');
    expect(data.id).toBe(id);
    return data as { id: string; number: string; counter: { id: string; label: string } };
  });
}

describe('the hall', () => {
  it('checks in, gives walk-ins numbers, and calls booked people at their time without passing anyone over twice', async () => {
    const a = await book('09:30', '081300000001');
    const b = await book('10:00', '081300000002');
    time.set(wib('08:30'));
    const walkIn = await call(server.url, 'POST', `${hall}/walk-ins`, {
      body: { service: 'ktp-el-hilang' },
      headers: officer,
    });
    expect(walkIn.status).toBe(201);
    expect(walkIn.body).toMatchObject({ kind: 'walk_in', status: 'waiting', number: 'A-003', time: null });
    time.set(wib('08:40'));
    const checkedA = await call(server.url, 'POST', `${hall}/check-ins`, {
      body: { code: a.ticket.qr },
      headers: officer,
    });
    expect(checkedA.body).toMatchObject({ status: 'waiting', number: a.ticket.number, name: 'Warga 01' });
    time.set(wib('08:50'));
    await call(server.url, 'POST', `${hall}/check-ins`, {
      body: { code: b.code.toLowerCase() },
      headers: officer,
    });
    const twice = await call(server.url, 'POST', `${hall}/check-ins`, {
      body: { code: b.code },
      headers: officer,
    });
    expect(twice.body.status).toBe('waiting');

    const next = async () =>
      (await call(server.url, 'POST', `${hall}/counters/dukcapil-1/call-next`, { headers: officer })).body
        .called;
    // 09:00: nobody's booked time has come, so the walk-in who came first is called.
    time.set(wib('09:00'));
    expect((await next()).number).toBe('A-003');
    // 10:00: A's and B's times have come; A (09:30) first; nobody arrived before A.
    time.set(wib('10:00'));
    const late = await call(server.url, 'POST', `${hall}/walk-ins`, {
      body: { service: 'ktp-el-hilang' },
      headers: officer,
    });
    expect((await next()).number).toBe(a.ticket.number);
    // B's time has come and B arrived before the late walk-in: B, and the walk-in is not passed over.
    const calledB = await next();
    expect(calledB.number).toBe(b.ticket.number);
    expect(calledB.passed_over).toBe(0);
    expect((await next()).number).toBe(late.body.number);
    expect(await next()).toBeNull();

    const done = await call(server.url, 'POST', `${hall}/tickets/${calledB.id}/outcome`, {
      body: { outcome: 'done' },
      headers: officer,
    });
    expect(done.body.status).toBe('done');
    const other = await call(server.url, 'POST', `${hall}/tickets/${calledB.id}/outcome`, {
      body: { outcome: 'no_show' },
      headers: officer,
    });
    expect(other.status).toBe(409);

    const today = await call(server.url, 'GET', `${hall}/hall`, { headers: officer });
    expect(today.body.counters.map((c: { id: string }) => c.id)).toEqual(['dukcapil-1', 'dukcapil-2']);
    const one = today.body.counters[0];
    expect(one.tickets.map((t: { number: string; status: string }) => `${t.number} ${t.status}`)).toEqual([
      'A-001 called',
      'A-002 done',
      'A-003 called',
      'A-004 called',
    ]);
    expect(today.body.board.map((c: { number: string }) => c.number)).toEqual(['A-004']);
  });

  it('never passes the same person over twice', async () => {
    time.set(wib('10:15'));
    const early = await book('13:00', '081300000011');
    const onTime = await book('11:30', '081300000012');
    const other = await book('12:00', '081300000013');
    for (const [at, code] of [
      ['10:20', early.code],
      ['10:25', onTime.code],
      ['10:30', other.code],
    ]) {
      time.set(wib(at as string));
      await call(server.url, 'POST', `${hall}/check-ins`, { body: { code }, headers: officer });
    }
    time.set(wib('12:00'));
    const next = async () =>
      (await call(server.url, 'POST', `${hall}/counters/dukcapil-2/call-next`, { headers: officer })).body
        .called;
    // 12:00: the 11:30 and 12:00 bookings' times have come; the early one (13:00) arrived first.
    const first = await next();
    expect(first.number).toBe(onTime.ticket.number);
    // The early arrival was passed over once: now they go first, before the 12:00 booking.
    const second = await next();
    expect(second).toMatchObject({ number: early.ticket.number, passed_over: 1 });
    expect((await next()).number).toBe(other.ticket.number);
  });

  it('shows every call on the board, and a board that reconnects with Last-Event-ID misses and repeats none', async () => {
    const start = await board(1);
    const last = start.at(-1) as { id: string };
    time.set(wib('13:00'));
    const x = await call(server.url, 'POST', `${hall}/walk-ins`, {
      body: { service: 'kk-baru' },
      headers: officer,
    });
    time.set(wib('13:01'));
    const y = await call(server.url, 'POST', `${hall}/walk-ins`, {
      body: { service: 'kk-baru' },
      headers: officer,
    });
    await call(server.url, 'POST', `${hall}/counters/dukcapil-2/call-next`, { headers: officer });
    await call(server.url, 'POST', `${hall}/counters/dukcapil-2/call-next`, { headers: officer });
    const resumed = await board(2, last.id);
    expect(resumed.map((c) => c.number)).toEqual([x.body.number, y.body.number]);
    expect(resumed.map((c) => c.counter)).toEqual([
      { id: 'dukcapil-2', label: 'Loket 2' },
      { id: 'dukcapil-2', label: 'Loket 2' },
    ]);
    expect(Number(resumed[0]?.id)).toBeGreaterThan(Number(last.id));
    // A new board starts with the latest call of each counter.
    const fresh = await board(2);
    expect(fresh.map((c) => `${c.counter.id} ${c.number}`)).toEqual([
      `dukcapil-1 A-004`,
      `dukcapil-2 ${y.body.number}`,
    ]);
  });

  it('closes a counter for a day: its bookings are cancelled and each citizen is told through the outbox', async () => {
    time.set(wib('13:30'));
    const tomorrow = await book('09:00', '081300000021', '2027-01-12');
    expect(tomorrow.counter.id).toBe('dukcapil-1');
    const closed = await call(server.url, 'POST', `${hall}/counters/dukcapil-1/closures`, {
      body: { date: '2027-01-12', reason: 'Petugas mengikuti pelatihan.' },
      headers: officer,
    });
    expect(closed.body).toMatchObject({ counter_id: 'dukcapil-1', date: '2027-01-12', cancelled: 1 });
    const seen = await call(server.url, 'GET', `/v1/bookings/${tomorrow.code}`, {
      headers: { 'loket-secret': tomorrow.secret },
    });
    expect(seen.body).toMatchObject({ status: 'cancelled', cancel_reason: 'Petugas mengikuti pelatihan.' });
    const events = await server.db.query<{ topic: string; payload: { reason: string } }>(
      `select e.topic, e.payload from outbox_event e join visit_ticket t on t.id = e.ticket_id where t.code = $1 order by e.created_at`,
      [tomorrow.code.replace(/^ANT-|-/g, '')],
    );
    expect(events.map((e) => e.topic)).toEqual(['visit.booked', 'visit.cancelled']);
    expect(events[1]?.payload.reason).toBe('Petugas mengikuti pelatihan.');
    // The day's slots now count only Loket 2.
    const slots = await call(
      server.url,
      'GET',
      '/v1/locations/mpp-surabaya-siola/slots?service=ktp-el-hilang&date=2027-01-12',
    );
    expect(slots.body.slots[0].remaining).toBe(3);
    const again = await call(server.url, 'POST', `${hall}/counters/dukcapil-1/closures`, {
      body: { date: '2027-01-12', reason: 'Lagi.' },
      headers: officer,
    });
    expect(again.body.cancelled).toBe(0);
  });

  it('refuses another agency, another day and unknown codes', async () => {
    const { token } = await createOfficerToken(server.db, { name: 'Pajak', agency: 'djp', region: '33.74' });
    const stranger = await call(server.url, 'GET', `${hall}/hall`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(stranger.status).toBe(403);
    const future = await book('10:00', '081300000031', '2027-01-13');
    const early = await call(server.url, 'POST', `${hall}/check-ins`, {
      body: { code: future.code },
      headers: officer,
    });
    expect(early.status).toBe(409);
    expect(early.body.type).toBe('urn:loket:problem:wrong-day');
    const unknown = await call(server.url, 'POST', `${hall}/check-ins`, {
      body: { code: 'ANT-0000-0000' },
      headers: officer,
    });
    expect(unknown.status).toBe(404);
    const fromPage = await call(server.url, 'GET', `${hall}/hall`, {
      headers: { ...officer, origin: 'https://x.example' },
    });
    expect(fromPage.status).toBe(403);
  });
});
