import type { CallNextResult, Hall, HallTicket, VisitLocation, VisitLocationList } from '@loket/sdk';
import { HttpResponse, http } from 'msw';
import { csrfRefused, problem } from './desk';
import { API_BASE } from './handlers';
import { SIOLA, TODAY } from './visits';

// The counter officer's part of the officer API (routes/hall.ts, visits/hall.ts) for the desk's
// visits stories, typed by the contract's own types and following the server's rules: a booking's
// code (any case) checks it in once (twice answers the same ticket; an unknown code is 404 with a
// pointer, a cancelled one 409); call-next calls the longest-waiting checked-in number for the
// counter's services (`called: null` when nobody waits); only a called number gets an outcome
// (409 otherwise); every write carries the session's CSRF token. The place is MPP Siola
// (msw/visits.ts) with a second Dispendukcapil counter closed today: a demonstration set-up.

const loket2 = {
  id: 'dukcapil-2',
  label: 'Loket 2',
  agency_id: 'dukcapil',
  agency_name: 'Dispendukcapil Kota Surabaya',
  service_ids: ['kartu-keluarga-baru'],
  prefix: 'B',
};
export const LOCATION: VisitLocation = { ...SIOLA, counters: [...SIOLA.counters, loket2] };

const ktp = { id: 'ktp-el-hilang', name: 'Penggantian KTP-el karena Hilang' };
const kk = { id: 'kartu-keluarga-baru', name: 'Penerbitan Kartu Keluarga baru' };

/** Today's numbers: not arrived yet, checked in, being served at Loket 1; one cancelled by Loket 2's closure. */
const start = (): HallTicket[] => [
  ticket('A-010', '08:00', 'Siti Aminah', 'booked'),
  ticket('A-011', '08:30', 'Budi Santoso', 'waiting', { checked_in_at: `${TODAY}T00:50:00.000Z` }),
  ticket('A-012', null, null, 'called', {
    kind: 'walk_in',
    code: null,
    checked_in_at: `${TODAY}T00:40:00.000Z`,
    called_at: `${TODAY}T01:05:00.000Z`,
  }),
  ticket('B-010', '09:00', 'Dewi Lestari', 'cancelled', { service: kk, counter_id: loket2.id }),
];

/** The booking code of the number A-010, as its holder shows it (msw/visits.ts writes them so). */
export const ARRIVING = { code: 'ANT-0104-0800', number: 'A-010' };

function ticket(
  number: string,
  time: string | null,
  name: string | null,
  status: HallTicket['status'],
  over: Partial<HallTicket> = {},
): HallTicket {
  return {
    id: `t-${number}`,
    number,
    kind: 'booked',
    status,
    service: ktp,
    counter_id: 'dukcapil-1',
    time,
    code: time ? `ANT-0104-${time.replace(':', '')}` : null,
    name,
    checked_in_at: null,
    called_at: null,
    passed_over: 0,
    ...over,
  };
}

/** What the server says, in the request's language (packages/server/src/messages/visits.ts). */
const says = (request: Request) =>
  request.headers.get('accept-language')?.toLowerCase().startsWith('en')
    ? { notFound: (c: string) => `Booking "${c}" was not found, or its secret is wrong.` }
    : { notFound: (c: string) => `Pemesanan "${c}" tidak ditemukan, atau kode rahasianya salah.` };

/** The handlers of one story over its own day; `reset()` (in the story's beforeEach) starts it over. */
export function visitsApi() {
  let tickets = start();
  let clock = Date.parse(`${TODAY}T01:10:00.000Z`);
  const now = () => {
    clock += 60_000;
    return new Date(clock).toISOString();
  };
  const counterOf = (id: string) => LOCATION.counters.find((c) => c.id === id);
  const hall = (): Hall => ({
    lang: 'id',
    location_id: LOCATION.id,
    date: TODAY,
    timezone: LOCATION.timezone,
    counters: LOCATION.counters.map((c) => {
      const mine = tickets.filter((t) => t.counter_id === c.id);
      const called = mine.filter((t) => t.status === 'called');
      called.sort((a, b) => String(b.called_at).localeCompare(String(a.called_at)));
      return { ...c, closed: c.id === loket2.id, current: called[0] ?? null, tickets: mine };
    }),
    waiting: tickets.filter((t) => t.status === 'waiting').length,
    board: [],
  });
  const handlers = [
    http.get(`${API_BASE}/v1/regions/:code/visit-locations`, ({ params }) =>
      HttpResponse.json<VisitLocationList>({
        lang: 'id',
        region_code: String(params.code),
        data: params.code === LOCATION.region_code ? [LOCATION] : [],
      }),
    ),
    http.get(`${API_BASE}/v1/officer/locations/:id/hall`, () => HttpResponse.json(hall())),
    http.post(`${API_BASE}/v1/officer/locations/:id/check-ins`, async ({ request }) => {
      const refused = csrfRefused(request);
      if (refused) return refused;
      const { code } = (await request.json()) as { code: string };
      const found = tickets.find((t) => t.code && t.code === code.trim().toUpperCase());
      if (!found) return problem(404, 'not-found', 'Tidak ditemukan', says(request).notFound(code), '/code');
      if (found.status === 'cancelled')
        return problem(409, 'not-cancellable', 'Konflik', 'Kunjungan ini sudah dibatalkan.');
      if (found.status === 'booked') Object.assign(found, { status: 'waiting', checked_in_at: now() });
      return HttpResponse.json(found);
    }),
    http.post(`${API_BASE}/v1/officer/locations/:id/counters/:counter/call-next`, ({ params, request }) => {
      const refused = csrfRefused(request);
      if (refused) return refused;
      const counter = counterOf(String(params.counter));
      const next = tickets
        .filter((t) => t.status === 'waiting' && counter?.service_ids.includes(t.service.id))
        .sort((a, b) => String(a.checked_in_at).localeCompare(String(b.checked_in_at)))[0];
      if (next) Object.assign(next, { status: 'called', called_at: now(), counter_id: counter?.id });
      return HttpResponse.json<CallNextResult>({ lang: 'id', called: next ?? null });
    }),
    http.post(`${API_BASE}/v1/officer/locations/:id/tickets/:ticket/outcome`, async ({ params, request }) => {
      const refused = csrfRefused(request);
      if (refused) return refused;
      const { outcome } = (await request.json()) as { outcome: 'done' | 'no_show' };
      const found = tickets.find((t) => t.id === params.ticket);
      if (!found) return problem(404, 'not-found', 'Tidak ditemukan', 'Nomor ini tidak ditemukan.');
      if (found.status !== 'called')
        return problem(409, 'not-checked-in', 'Konflik', 'Nomor ini belum dipanggil ke loket.');
      found.status = outcome;
      return HttpResponse.json(found);
    }),
  ];
  return {
    handlers,
    reset: () => {
      tickets = start();
      clock = Date.parse(`${TODAY}T01:10:00.000Z`);
    },
  };
}
