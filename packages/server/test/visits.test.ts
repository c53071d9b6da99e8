import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/app.js';
import { booking, call, clock, configure, key, monday } from './helpers/visits.js';

const time = clock(monday);
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ now: time.now });
});
afterAll(() => server.close());

describe('a location set up for visits (the demo set-up of MPP Siola)', () => {
  it('is listed for its region, with counters, policy and the demo label', async () => {
    const { status, body } = await call(
      server.url,
      'GET',
      '/v1/regions/35.78/visit-locations?service=ktp-el-hilang',
    );
    expect(status).toBe(200);
    expect(body.data.map((l: { id: string }) => l.id)).toEqual(['mpp-surabaya-siola']);
    expect(body.data[0].demo).toBe(true);
    expect(body.data[0].counters.map((c: { agency_id: string }) => c.agency_id)).toContain('dukcapil');
    const none = await call(server.url, 'GET', '/v1/regions/35.78/visit-locations?service=paspor-baru');
    expect(none.body.data).toEqual([]);
  });

  it('lists a day in slots of WIB with the places left, and marks holidays, weekends and the past', async () => {
    const day = await call(
      server.url,
      'GET',
      '/v1/locations/mpp-surabaya-siola/slots?service=ktp-el-hilang&date=2027-01-12',
    );
    expect(day.status).toBe(200);
    expect(day.body.status).toBe('open');
    expect(day.body.slots[0]).toEqual({
      time: '08:00',
      end: '08:30',
      starts_at: '2027-01-12T01:00:00.000Z',
      remaining: 6, // two Dukcapil counters serve ktp-el-hilang: (4 places - 1 kept for walk-ins) each
      bookable: true,
    });
    expect(day.body.slots.at(-1).time).toBe('14:30');
    const days = await call(
      server.url,
      'GET',
      '/v1/locations/mpp-surabaya-siola/days?service=ktp-el-hilang&from=2027-01-04&days=14',
    );
    const status = Object.fromEntries(
      days.body.data.map((d: { date: string; status: string }) => [d.date, d.status]),
    );
    expect(status['2027-01-04']).toBe('past');
    expect(status['2027-01-11']).toBe('open'); // today, later slots still before their cut-off
    expect(status['2027-01-16']).toBe('closed'); // Saturday
    expect(days.body.data.find((d: { date: string }) => d.date === '2027-01-05')).toMatchObject({
      status: 'past',
    });
    const holiday = await call(
      server.url,
      'GET',
      '/v1/locations/mpp-surabaya-siola/slots?service=ktp-el-hilang&date=2027-02-05',
    );
    expect(holiday.body).toMatchObject({
      status: 'holiday',
      reason: 'Cuti Bersama Tahun Baru Imlek 2578 Kongzili',
      slots: [],
    });
    const far = await call(
      server.url,
      'GET',
      '/v1/locations/mpp-surabaya-siola/slots?service=ktp-el-hilang&date=2027-03-01',
    );
    expect(far.body.status).toBe('too_far');
    const unknown = await call(
      server.url,
      'GET',
      '/v1/locations/mpp-surabaya-siola/slots?service=paspor-baru&date=2027-01-12',
    );
    expect(unknown.status).toBe(404);
  });

  it('does not book a slot past its cut-off', async () => {
    // 08:00 WIB now: the 08:30 slot is within the hour's cut-off, 09:00 is not.
    const today = await call(
      server.url,
      'GET',
      '/v1/locations/mpp-surabaya-siola/slots?service=ktp-el-hilang&date=2027-01-11',
    );
    const bookable = Object.fromEntries(
      today.body.slots.map((s: { time: string; bookable: boolean }) => [s.time, s.bookable]),
    );
    expect(bookable['08:30']).toBe(false);
    expect(bookable['09:00']).toBe(true);
    const late = await call(server.url, 'POST', '/v1/bookings', {
      body: booking({ date: '2027-01-11', time: '08:30' }),
      headers: key(),
    });
    expect(late.status).toBe(409);
    expect(late.body.type).toBe('urn:loket:problem:slot-unavailable');
  });
});

describe('a booking', () => {
  it('answers a code, the short secret and a ticket; looked up, moved and cancelled with them', async () => {
    const headers = key();
    const created = await call(server.url, 'POST', '/v1/bookings', { body: booking(), headers });
    expect(created.status).toBe(201);
    const b = created.body;
    expect(b.code).toMatch(/^ANT-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(b.secret).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(b).toMatchObject({
      status: 'booked',
      date: '2027-01-12',
      time: '09:30',
      end: '10:00',
      starts_at: '2027-01-12T02:30:00.000Z',
      location: { id: 'mpp-surabaya-siola', name: 'Mal Pelayanan Publik Siola Kota Surabaya' },
      counter: { id: 'dukcapil-1', label: 'Loket 1', agency_id: 'dukcapil' },
      ticket: { number: 'A-001', kind: 'booked', qr: `LOKET-VISIT:${b.code}` },
      contact: { phone: '+62812****890', email: null },
    });

    const again = await call(server.url, 'POST', '/v1/bookings', { body: booking(), headers });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(b);
    const otherBody = await call(server.url, 'POST', '/v1/bookings', {
      body: booking({ time: '10:00' }),
      headers,
    });
    expect(otherBody.status).toBe(422);

    const secret = { 'loket-secret': b.secret.toLowerCase().replaceAll('-', ' ') };
    const looked = await call(server.url, 'GET', `/v1/bookings/${b.code.toLowerCase()}`, { headers: secret });
    expect(looked.body.ticket.number).toBe('A-001');
    const wrong = await call(server.url, 'GET', `/v1/bookings/${b.code}`, {
      headers: { 'loket-secret': 'AAAA-BBBB-CCCC-DDDD' },
    });
    expect(wrong.status).toBe(404);

    const slots = async () =>
      (
        await call(
          server.url,
          'GET',
          '/v1/locations/mpp-surabaya-siola/slots?service=ktp-el-hilang&date=2027-01-12',
        )
      ).body.slots;
    expect((await slots()).find((s: { time: string }) => s.time === '09:30').remaining).toBe(5);

    const moved = await call(server.url, 'POST', `/v1/bookings/${b.code}/reschedule`, {
      body: { date: '2027-01-12', time: '11:00' },
      headers: secret,
    });
    expect(moved.body).toMatchObject({ time: '11:00', code: b.code, ticket: { number: 'A-001' } });
    const after = await slots();
    expect(after.find((s: { time: string }) => s.time === '09:30').remaining).toBe(6);
    expect(after.find((s: { time: string }) => s.time === '11:00').remaining).toBe(5);

    const cancelled = await call(server.url, 'DELETE', `/v1/bookings/${b.code}`, { headers: secret });
    expect(cancelled.body.status).toBe('cancelled');
    expect((await slots()).find((s: { time: string }) => s.time === '11:00').remaining).toBe(6);
    expect((await call(server.url, 'DELETE', `/v1/bookings/${b.code}`, { headers: secret })).status).toBe(
      200,
    );
  });

  it('is one per person (phone or e-mail) per service per day', async () => {
    const first = await call(server.url, 'POST', '/v1/bookings', {
      body: booking({ phone: '081299990001', email: 'budi@example.com', name: 'Budi' }),
      headers: key(),
    });
    expect(first.status).toBe(201);
    const samePhone = await call(server.url, 'POST', '/v1/bookings', {
      body: booking({ phone: '+62 812-9999-0001', time: '13:00', name: 'Budi' }),
      headers: key(),
    });
    expect(samePhone.status).toBe(409);
    expect(samePhone.body.type).toBe('urn:loket:problem:already-booked');
    const sameEmail = await call(server.url, 'POST', '/v1/bookings', {
      body: booking({ phone: undefined, email: 'BUDI@example.com', time: '13:00' }),
      headers: key(),
    });
    expect(sameEmail.status).toBe(409);
    const otherDay = await call(server.url, 'POST', '/v1/bookings', {
      body: booking({ phone: '081299990001', date: '2027-01-13' }),
      headers: key(),
    });
    expect(otherDay.status).toBe(201);
  });

  it('needs a phone or an e-mail, and an Idempotency-Key', async () => {
    const none = await call(server.url, 'POST', '/v1/bookings', {
      body: booking({ phone: undefined }),
      headers: key(),
    });
    expect(none.status).toBe(400);
    const badPhone = await call(server.url, 'POST', '/v1/bookings', {
      body: booking({ phone: '12345' }),
      headers: key(),
    });
    expect(badPhone.status).toBe(400);
    expect((await call(server.url, 'POST', '/v1/bookings', { body: booking() })).status).toBe(428);
  });

  it('is refused from an origin the region has not allowed', async () => {
    const response = await call(server.url, 'POST', '/v1/bookings', {
      body: booking({ phone: '081277770000' }),
      headers: { ...key(), origin: 'https://not-allowed.example' },
    });
    expect(response.status).toBe(403);
    expect(response.body.type).toBe('urn:loket:problem:origin-not-allowed');
  });

  it('links an application, whose status then says where and when to come', async () => {
    const created = await call(server.url, 'POST', '/v1/applications', {
      body: { service: 'ktp-el-hilang', region: '35.78' },
    });
    const { code, secret } = created.body;
    const wrong = await call(server.url, 'POST', '/v1/bookings', {
      body: booking({ phone: '081255550000', application: { code, secret: 'AAAA-BBBB-CCCC-DDDD' } }),
      headers: key(),
    });
    expect(wrong.status).toBe(404);
    const linked = await call(server.url, 'POST', '/v1/bookings', {
      body: booking({ phone: '081255550000', application: { code, secret } }),
      headers: key(),
    });
    expect(linked.body.application).toBe(code);
    const status = await call(server.url, 'GET', `/v1/applications/${code}/status`, {
      headers: { 'loket-secret': secret },
    });
    expect(status.body.visit).toMatchObject({
      code: linked.body.code,
      date: '2027-01-12',
      time: '09:30',
      location: { name: 'Mal Pelayanan Publik Siola Kota Surabaya' },
      counter: { agency_name: 'Dispendukcapil Kota Surabaya', label: 'Loket 1' },
      ticket: { number: linked.body.ticket.number },
    });
  });

  it('goes to the next counter serving the service when the first is full, then answers 409', async () => {
    await configure(server.db, {
      location: 'mpp-surabaya-siola',
      policy: {
        slot_minutes: 30,
        capacity: 1,
        days_ahead: 14,
        daily_quota: 40,
        cutoff_minutes: 0,
        walk_in_per_slot: 0,
      },
      counters: [
        {
          id: 'dukcapil-1',
          label: 'Loket 1',
          agency_id: 'dukcapil',
          agency_name: 'Dispendukcapil',
          prefix: 'A',
          service_ids: ['ktp-el-hilang'],
        },
        {
          id: 'dukcapil-2',
          label: 'Loket 2',
          agency_id: 'dukcapil',
          agency_name: 'Dispendukcapil',
          prefix: 'A',
          service_ids: ['ktp-el-hilang'],
        },
      ],
    });
    const at = { date: '2027-01-14', time: '10:00' };
    const a = await call(server.url, 'POST', '/v1/bookings', {
      body: booking({ ...at, phone: '081211110001' }),
      headers: key(),
    });
    const b = await call(server.url, 'POST', '/v1/bookings', {
      body: booking({ ...at, phone: '081211110002' }),
      headers: key(),
    });
    const c = await call(server.url, 'POST', '/v1/bookings', {
      body: booking({ ...at, phone: '081211110003' }),
      headers: key(),
    });
    expect([a.body.counter.id, b.body.counter.id]).toEqual(['dukcapil-1', 'dukcapil-2']);
    expect([a.body.ticket.number, b.body.ticket.number]).toEqual(['A-001', 'A-002']);
    expect(c.status).toBe(409);
    expect(c.body.type).toBe('urn:loket:problem:slot-full');
  });
});
