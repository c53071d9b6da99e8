import type {
  BoardCall,
  Booking,
  CreateBookingRequest,
  CreatedBooking,
  VisitDay,
  VisitLocation,
  VisitSlot,
} from '@loket/sdk';
import { delay, HttpResponse, http, sse } from 'msw';
import { API_BASE } from './handlers';
import { sameSecret } from './secret';

/**
 * The visit endpoints of <loket-visit-booking> and <loket-queue-board>, as a small stateful mock
 * in the page, typed by the contract's own types (@loket/sdk). The place is MPP Siola as the
 * catalogue records it (packages/server/data/catalogue/mpp-locations.json); its counters, hours
 * and policy are a demonstration set-up (`demo: true`), like the server's seed. The days start on
 * Monday 4 January 2027, so the calendar shows the real holiday of that week (Isra Mikraj, 5
 * January 2027, SKB 3 Menteri: packages/server/data/catalogue/holidays.json).
 */
export const SIOLA: VisitLocation = {
  id: 'mpp-surabaya-siola',
  name: 'Mal Pelayanan Publik Siola Kota Surabaya',
  region_code: '35.78',
  address: 'Gedung Siola, Jl. Tunjungan, Genteng, Surabaya',
  timezone: 'Asia/Jakarta',
  coordinates: null,
  demo: true,
  note: null,
  counters: [
    {
      id: 'dukcapil-1',
      label: 'Loket 1',
      agency_id: 'dukcapil',
      agency_name: 'Dispendukcapil Kota Surabaya',
      service_ids: ['ktp-el-hilang', 'ktp-el-baru', 'kia'],
      prefix: 'A',
    },
  ],
  policy: {
    slot_minutes: 30,
    capacity: 4,
    days_ahead: 30,
    daily_quota: 60,
    cutoff_minutes: 60,
    walk_in_per_slot: 1,
  },
};

export const TODAY = '2027-01-04';
const HOLIDAYS: Record<string, { id: string; en: string }> = {
  '2027-01-05': {
    id: 'Isra Mikraj Nabi Muhammad SAW (1448 H)',
    en: "Isra and Mi'raj of the Prophet (1448 AH)",
  },
};
/** Days the stories show as full. */
const FULL = new Set(['2027-01-07']);

const lang = (request: Request) =>
  request.headers.get('accept-language')?.toLowerCase().startsWith('en') ? 'en' : 'id';
const problemHeaders = { 'content-type': 'application/problem+json' };
const problem = (status: number, kind: string, title: string) =>
  HttpResponse.json(
    { type: `urn:loket:problem:${kind}`, title, status },
    { status, headers: problemHeaders },
  );

const addDays = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

function day(date: string, request: Request): VisitDay {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  const holiday = HOLIDAYS[date];
  if (holiday) return { date, status: 'holiday', reason: holiday[lang(request)], remaining: 0 };
  if (weekday === 0 || weekday === 6) return { date, status: 'closed', reason: null, remaining: 0 };
  if (FULL.has(date)) return { date, status: 'full', reason: null, remaining: 0 };
  return { date, status: 'open', reason: null, remaining: 40 };
}

/** `HH:MM` half an hour later. */
const plus30 = (time: string) => {
  const m = Number(time.slice(0, 2)) * 60 + Number(time.slice(3)) + 30;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

function slots(date: string): VisitSlot[] {
  return ['08:00', '08:30', '09:00', '09:30', '10:00', '10:30'].map((time, i) => ({
    time,
    end: plus30(time),
    starts_at: new Date(Date.parse(`${date}T${time}:00+07:00`)).toISOString(),
    remaining: i === 1 ? 0 : 3 - (i % 3),
    bookable: i !== 1,
  }));
}

/** The bookings "on the server", in the page, and those whose survey was answered. */
const bookings = new Map<string, CreatedBooking>();
const surveyed = new Set<string>();
const replies = new Map<string, CreatedBooking>();

/** A booking of `body`; its code and number follow from its day and time (the same in every story). */
function booked(body: CreateBookingRequest): CreatedBooking {
  const counter = SIOLA.counters[0] as VisitLocation['counters'][number];
  const code = `ANT-${body.date.slice(5, 7)}${body.date.slice(8)}-${body.time.replace(':', '')}`;
  const n = slots(body.date).findIndex((slot) => slot.time === body.time) + 10;
  return {
    lang: 'id',
    code,
    secret: '7KQ2-M9XD-4HTR-0BWE',
    status: 'booked',
    date: body.date,
    time: body.time,
    end: slots(body.date).find((s) => s.time === body.time)?.end ?? body.time,
    starts_at: new Date(Date.parse(`${body.date}T${body.time}:00+07:00`)).toISOString(),
    timezone: 'Asia/Jakarta',
    location: { id: SIOLA.id, name: SIOLA.name, address: SIOLA.address },
    counter: {
      id: counter.id,
      label: counter.label,
      agency_id: counter.agency_id,
      agency_name: counter.agency_name,
    },
    service: { id: 'ktp-el-hilang', name: 'Penggantian KTP-el karena Hilang' },
    ticket: { number: `A-${String(n).padStart(3, '0')}`, kind: 'booked', qr: `LOKET-VISIT:${code}` },
    name: body.name,
    contact: {
      phone: body.phone ? `${body.phone.slice(0, 4)}••••${body.phone.slice(-3)}` : null,
      email: body.email ?? null,
    },
    cancel_reason: null,
    application: null,
    created_at: new Date().toISOString(),
  };
}

function held(request: Request, code: string | readonly string[] | undefined) {
  const found = bookings.get(String(code));
  return found && sameSecret(request.headers.get('loket-secret'), found.secret) ? found : null;
}

const notFound = () => problem(404, 'not-found', 'Tidak ditemukan');
const strip = ({ secret: _, ...rest }: CreatedBooking): Booking => rest;

export const visits = () => [
  http.get(`${API_BASE}/v1/regions/:code/visit-locations`, ({ request }) =>
    HttpResponse.json({ lang: lang(request), region_code: '35.78', data: [SIOLA] }),
  ),
  http.get(`${API_BASE}/v1/locations/:id/days`, ({ request }) => {
    const data = Array.from({ length: 31 }, (_, i) => day(addDays(TODAY, i), request));
    return HttpResponse.json({
      lang: lang(request),
      location_id: SIOLA.id,
      service_id: 'ktp-el-hilang',
      timezone: 'Asia/Jakarta',
      today: TODAY,
      data,
    });
  }),
  http.get(`${API_BASE}/v1/locations/:id/slots`, ({ request }) => {
    const date = new URL(request.url).searchParams.get('date') ?? TODAY;
    const d = day(date, request);
    return HttpResponse.json({
      lang: lang(request),
      location_id: SIOLA.id,
      service_id: 'ktp-el-hilang',
      date,
      timezone: 'Asia/Jakarta',
      status: d.status,
      reason: d.reason,
      slots: d.status === 'open' ? slots(date) : [],
    });
  }),
  http.post(`${API_BASE}/v1/bookings`, async ({ request }) => {
    const key = request.headers.get('idempotency-key') ?? '';
    const replay = replies.get(key);
    if (replay) return HttpResponse.json(replay, { status: 201, headers: { 'idempotent-replayed': 'true' } });
    const body = (await request.json()) as CreateBookingRequest;
    const created = booked(body);
    bookings.set(created.code, created);
    replies.set(key, created);
    return HttpResponse.json(created, { status: 201 });
  }),
  http.get(`${API_BASE}/v1/bookings/:code`, ({ request, params }) => {
    const found = held(request, params.code);
    return found ? HttpResponse.json(strip(found)) : notFound();
  }),
  http.delete(`${API_BASE}/v1/bookings/:code`, ({ request, params }) => {
    const found = held(request, params.code);
    if (!found) return notFound();
    const cancelled = { ...found, status: 'cancelled' as const };
    bookings.set(found.code, cancelled);
    return HttpResponse.json(strip(cancelled));
  }),
  http.post(`${API_BASE}/v1/bookings/:code/reschedule`, async ({ request, params }) => {
    const found = held(request, params.code);
    if (!found) return notFound();
    const { date, time } = (await request.json()) as { date: string; time: string };
    const moved = {
      ...booked({ service: found.service.id, location: found.location.id, date, time, name: found.name }),
      code: found.code,
      secret: found.secret,
      ticket: found.ticket,
    };
    bookings.set(found.code, moved);
    return HttpResponse.json(strip(moved));
  }),
  // The survey of a served visit (src/survey/subject.ts): open once `done`, answered once.
  http.get(`${API_BASE}/v1/bookings/:code/survey`, ({ request, params }) => {
    const found = held(request, params.code);
    if (!found) return notFound();
    const state = found.status !== 'done' ? 'not_yet' : surveyed.has(found.code) ? 'answered' : 'open';
    return HttpResponse.json({ state });
  }),
  http.post(`${API_BASE}/v1/bookings/:code/survey`, ({ request, params }) => {
    const found = held(request, params.code);
    if (!found) return notFound();
    if (found.status !== 'done') return problem(409, 'survey-not-open', 'Survei belum dibuka');
    if (surveyed.has(found.code)) return problem(409, 'survey-answered', 'Survei sudah diisi');
    surveyed.add(found.code);
    return HttpResponse.json({ received: true, channel: 'visit' }, { status: 201 });
  }),
];

/** A booking on the mock's server, for stories that start at the ticket. */
export function seedBooking(
  date = '2027-01-12',
  time = '09:30',
  status: CreatedBooking['status'] = 'booked',
): { code: string; secret: string } {
  const created = booked({
    service: 'ktp-el-hilang',
    location: SIOLA.id,
    date,
    time,
    name: 'Siti Aminah',
    phone: '081234567890',
  });
  bookings.set(created.code, { ...created, status });
  surveyed.delete(created.code);
  return { code: created.code, secret: created.secret };
}

/** Booking answers `409 slot-full`: the time filled up meanwhile. */
export const slotFull = () => [
  http.post(`${API_BASE}/v1/bookings`, () => problem(409, 'slot-full', 'Slot penuh')),
];

/** The visit requests fail with 500 problem+json (after the SDK's retries too). */
export const visitsFailing = () => [
  http.get(`${API_BASE}/v1/regions/:code/visit-locations`, () =>
    problem(500, 'internal', 'Terjadi kesalahan pada server'),
  ),
];

/** The list of places takes forever. */
export const visitsSlow = () => [
  http.get(`${API_BASE}/v1/regions/:code/visit-locations`, async () => {
    await delay('infinite');
    return HttpResponse.json({});
  }),
];

/** The board's stream: `calls` sent one after another, `every` ms apart (none by default). */
export const board = (calls: BoardCall[], every = 0) => [
  sse<{ call: string }>(`${API_BASE}/v1/locations/:id/board`, async ({ client, request }) => {
    const last = Number(
      request.headers.get('last-event-id') ?? new URL(request.url).searchParams.get('last_event_id') ?? 0,
    );
    for (const call of calls.filter((c) => Number(c.id) > last)) {
      if (every) await delay(every);
      client.send({ id: call.id, event: 'call', data: JSON.stringify(call) });
    }
  }),
];

/** A call as the server sends it, `secondsAgo` before now. */
export const call = (id: number, counter: 1 | 2 | 3, number: string, secondsAgo = 0): BoardCall => ({
  id: String(id),
  counter: { id: `counter-${counter}`, label: `Loket ${counter}` },
  number,
  service_id: 'ktp-el-hilang',
  at: new Date(Date.now() - secondsAgo * 1000).toISOString(),
});
