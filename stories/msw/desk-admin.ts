import { HttpResponse, http } from 'msw';
import { saysTo } from './desk';
import { API_BASE } from './handlers';

// The supervisor's and the admin's part of the officer API for the desk's stories, shaped as the
// server answers (officer-workload.ts, routes/officer-admin.ts) and with its rules for a new
// password (at least 12 characters, not the username, not one's own account: 422 with a pointer).

const ktp = { id: 'ktp-el-hilang', name: 'Penggantian KTP-el karena hilang' };
const kk = { id: 'kartu-keluarga-baru', name: 'Penerbitan Kartu Keluarga baru' };

/** The workload of the queue's three applications (msw/desk.ts `Queue`) and one more service. */
export const workload = {
  lang: 'id',
  as_of: '2026-03-16',
  officers: [
    { officer: null, in_review: 0, needs_revision: 0, waiting: 1, overdue: 1, decided_week: 0 },
    { officer: 'Siti Rahayu', in_review: 1, needs_revision: 1, waiting: 1, overdue: 0, decided_week: 4 },
  ],
  services: [
    { service: ktp, open: 3, owed: 2, overdue: 1, due_week: 2 },
    { service: kk, open: 1, owed: 1, overdue: 0, due_week: 0 },
  ],
  overdue: [
    { code: 'LKT-7Q4M-2K9P', service: ktp, status: 'submitted', due_date: '2026-03-13', officer: null },
  ],
  overdue_total: 1,
};

const account = (username: string, name: string, roles: string[], extra: Record<string, unknown> = {}) => ({
  username,
  name,
  agency: 'dukcapil',
  region: '35.78',
  roles,
  password: true,
  totp: roles.includes('admin'),
  sso: false,
  disabled_at: null,
  created_at: '2026-03-02T01:00:00.000Z',
  ...extra,
});

const accounts = [
  account('budi.loket', 'Budi Santoso', ['officer']),
  account('rina.sso', 'Rina Wulandari', ['officer', 'supervisor'], { password: false, sso: true }),
  account('siti.dukcapil', 'Siti Rahayu', ['officer', 'supervisor', 'admin']),
  account('yanto.lama', 'Yanto', ['officer'], { disabled_at: '2026-03-10T03:00:00.000Z' }),
];

const webhook = {
  id: '5d0f4c3a-8b1e-4f7a-9c2d-6e5b4a3f2e1d',
  agency: 'dukcapil',
  region: '35.78',
  url: 'https://sms.surabaya.go.id/loket',
  event_types: [],
  description: 'Gateway SMS',
  enabled: true,
  disabled_reason: null,
  disabled_at: null,
  consecutive_failures: 0,
  last_error: null,
  last_failure_at: null,
  last_success_at: '2026-03-15T02:00:00.000Z',
  created_at: '2026-03-02T01:00:00.000Z',
};

function refused(title: string, detail: string, pointer?: string) {
  const body = { type: 'urn:loket:problem:invalid-password', title, status: 422, detail };
  return HttpResponse.json(pointer ? { ...body, errors: [{ pointer, detail }] } : body, {
    status: 422,
    headers: { 'content-type': 'application/problem+json' },
  });
}

export const adminHandlers = [
  http.get(`${API_BASE}/v1/officer/workload`, () => HttpResponse.json(workload)),
  http.get(`${API_BASE}/v1/officer/accounts`, () => HttpResponse.json({ lang: 'id', data: accounts })),
  http.get(`${API_BASE}/v1/officer/origins`, () =>
    HttpResponse.json({ lang: 'id', data: [{ region: '35.78', origin: 'https://layanan.surabaya.go.id' }] }),
  ),
  http.get(`${API_BASE}/v1/officer/webhooks`, () => HttpResponse.json({ lang: 'id', data: [webhook] })),
  http.put<{ username: string }>(
    `${API_BASE}/v1/officer/accounts/:username/password`,
    async ({ params, request }) => {
      const { password } = (await request.json()) as { password: string };
      const found = accounts.find((a) => a.username === params.username);
      const says = saysTo(request);
      if (params.username === 'siti.dukcapil') return refused(says.title, says.own);
      if (password.length < 12) return refused(says.title, says.short, '/password');
      if (password.toLowerCase().includes(String(params.username)))
        return refused(says.title, says.username, '/password');
      return HttpResponse.json({ ...found, password: true });
    },
  ),
];
