import type { Delivery, DeliveryList, OfficerComplaint, OfficerComplaintList } from '@loket/sdk';
import { HttpResponse, http } from 'msw';
import { csrfRefused, officer, problem } from './desk';
import { API_BASE } from './handlers';

// The officer's complaints inbox (routes/officer-complaints.ts, complaints/inbox.ts) for the desk's
// stories, typed by the contract's own types and following the server's rules: not answered, then
// answered, then closed, earliest response date first, filtered by status; an answer (received →
// answered, or a new answer to an answered one) is told to the complainant through the outbox, so
// a `complaint.answered` delivery joins the log, queued; a closed complaint cannot be answered
// (409); only an answered one closes (409 before), closing twice changes nothing. The delivery log
// masks the recipient as the server does (notifications/delivery-log.ts maskTarget) and never
// holds the message.

const about = (application: string | null): OfficerComplaint['about'] => ({
  kind: application ? 'application' : 'service',
  service: { id: 'ktp-el-hilang', name: 'Penggantian KTP-el karena Hilang' },
  region: '35.78',
  agency: { id: 'dukcapil', name: 'Dinas Kependudukan dan Pencatatan Sipil' },
  application,
  visit: null,
});

function complaint(code: string, over: Partial<OfficerComplaint>): OfficerComplaint {
  return {
    lang: 'id',
    code,
    status: 'received',
    category: 'time',
    about: about(null),
    description: 'Sudah dua minggu sejak saya datang ke loket dan belum ada kabar.',
    contact: { name: 'Siti Aminah', email: 'siti.aminah@example.com', phone: null },
    notify: ['email'],
    filed_at: '2027-01-04T02:00:00.000Z',
    due: { date: '2027-01-11', working_days: 5, calendar: 'official', basis: 'default' },
    overdue: false,
    answer: null,
    closed_at: null,
    close_note: null,
    ...over,
  };
}

/** The complaint the stories answer, then close. */
export const RECEIVED = 'ADU-7K4M-Q2XP';

const start = (): OfficerComplaint[] => [
  complaint(RECEIVED, { about: about('LKT-7Q4M-2K9P') }),
  complaint('ADU-3H8N-5T2W', {
    status: 'answered',
    category: 'cost',
    description: 'Petugas meminta biaya untuk mencetak KK, padahal layanannya gratis.',
    contact: { name: null, email: null, phone: '+6281234567890' },
    notify: ['phone'],
    filed_at: '2027-01-05T03:00:00.000Z',
    due: { date: '2027-01-12', working_days: 5, calendar: 'official', basis: 'default' },
    answer: {
      text: 'Terima kasih, petugas yang bersangkutan sudah kami tegur.',
      at: '2027-01-06T04:00:00.000Z',
      by: 'Siti Rahayu',
    },
  }),
  complaint('ADU-9C6V-4X7R', {
    status: 'closed',
    category: 'facilities',
    description: 'Antrean di ruang tunggu tidak punya kursi yang cukup.',
    contact: { name: null, email: null, phone: null },
    notify: [],
    filed_at: '2026-12-28T02:00:00.000Z',
    due: { date: '2027-01-04', working_days: 5, calendar: 'official', basis: 'default' },
    answer: { text: 'Kursi tambahan sudah dipasang.', at: '2026-12-30T02:00:00.000Z', by: 'Siti Rahayu' },
    closed_at: '2027-01-02T02:00:00.000Z',
  }),
];

function delivery(topic: string, target: string, over: Partial<Delivery>): Delivery {
  return {
    id: `d-${topic}-${target}`,
    topic,
    channel: 'email',
    target,
    status: 'delivered',
    attempts: 1,
    last_error: null,
    next_attempt_at: '2027-01-04T02:00:05.000Z',
    delivered_at: '2027-01-04T02:00:07.000Z',
    created_at: '2027-01-04T02:00:05.000Z',
    ...over,
  };
}

const startLogs = (): Record<string, Delivery[]> => ({
  [RECEIVED]: [delivery('complaint.received', 's***@example.com', {})],
  'ADU-3H8N-5T2W': [
    delivery('complaint.received', '+62***890', { channel: 'phone', created_at: '2027-01-05T03:00:05.000Z' }),
    delivery('complaint.answered', '+62***890', {
      channel: 'phone',
      status: 'failed',
      attempts: 8,
      last_error: 'gateway answered 503',
      delivered_at: null,
      created_at: '2027-01-06T04:00:05.000Z',
    }),
  ],
  'ADU-9C6V-4X7R': [],
});

const order = { received: 0, answered: 1, closed: 2 };

/** The handlers of one story over its own inbox; `reset()` (in the story's beforeEach) starts it over. */
export function complaintsApi() {
  let list = start();
  let logs = startLogs();
  const found = (code: unknown) => list.find((c) => c.code === code);
  const notFound = () => problem(404, 'not-found', 'Tidak ditemukan', 'Pengaduan tidak ditemukan.');
  const handlers = [
    http.get(`${API_BASE}/v1/officer/complaints`, ({ request }) => {
      const status = new URL(request.url).searchParams.get('status');
      const data = list
        .filter((c) => !status || c.status === status)
        .sort(
          (a, b) => order[a.status] - order[b.status] || String(a.due.date).localeCompare(String(b.due.date)),
        );
      return HttpResponse.json<OfficerComplaintList>({
        lang: 'id',
        data,
        total: data.length,
        page: { limit: 50, next_cursor: null },
      });
    }),
    http.get(`${API_BASE}/v1/officer/complaints/:code/deliveries`, ({ params }) =>
      found(params.code)
        ? HttpResponse.json<DeliveryList>({ lang: 'id', data: logs[String(params.code)] ?? [] })
        : notFound(),
    ),
    http.post(`${API_BASE}/v1/officer/complaints/:code/answer`, async ({ params, request }) => {
      const refused = csrfRefused(request);
      if (refused) return refused;
      const c = found(params.code);
      if (!c) return notFound();
      if (c.status === 'closed')
        return problem(409, 'complaint-closed', 'Konflik', `Pengaduan ${c.code} sudah ditutup.`);
      const { answer } = (await request.json()) as { answer: string };
      const at = '2027-01-06T03:00:00.000Z';
      Object.assign(c, { status: 'answered', answer: { text: answer.trim(), at, by: officer.name } });
      const target = c.contact.email ? 's***@example.com' : '+62***890';
      const queued = delivery('complaint.answered', target, {
        status: 'pending',
        attempts: 0,
        delivered_at: null,
        created_at: at,
        next_attempt_at: '2027-01-06T03:00:05.000Z',
      });
      logs = { ...logs, [c.code]: [...(logs[c.code] ?? []), queued] };
      return HttpResponse.json(c);
    }),
    http.post(`${API_BASE}/v1/officer/complaints/:code/close`, async ({ params, request }) => {
      const refused = csrfRefused(request);
      if (refused) return refused;
      const c = found(params.code);
      if (!c) return notFound();
      if (c.status === 'received')
        return problem(409, 'not-answered', 'Konflik', `Pengaduan ${c.code} belum dijawab.`);
      const { note } = (await request.json()) as { note?: string };
      if (c.status === 'answered')
        Object.assign(c, {
          status: 'closed',
          closed_at: '2027-01-07T02:00:00.000Z',
          close_note: note?.trim() || null,
        });
      return HttpResponse.json(c);
    }),
  ];
  return {
    handlers,
    reset: () => {
      list = start();
      logs = startLogs();
    },
  };
}
