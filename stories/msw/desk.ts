import { HttpResponse, http } from 'msw';
import { API_BASE } from './handlers';

// The officer API as the desk's stories meet it, following the server's rules (docs/officers.md):
// a wrong username or password is one 401; the right password of an account with TOTP answers
// `totp-required` until a code comes; a code is good once; every request but GET carries the CSRF
// token the session gave (403 otherwise); a session that has ended answers 401 `session-expired`.
// The accounts, applications and lists are written after what the real server answers (the
// contract's shapes; `pnpm test` checks the server against the same contract).

export const officer = {
  id: '0b6f3c9e-2a51-4c1e-9d0f-8a7b6c5d4e3f',
  name: 'Siti Rahayu',
  username: 'siti.dukcapil',
  agency: 'dukcapil',
  regions: ['35.78'],
  roles: ['officer', 'supervisor', 'admin'],
};
export const deskPassword = 'kata sandi yang panjang';
export const deskCode = '492039';
/** The CSRF token the session gives; every request but GET must carry it (`x-loket-csrf`). */
export const csrf = 'Zm9yLXN0b3JpZXMtb25seS1ub3QtYS1yZWFsLXRva2Vu';

/** What the server says in problems the desk shows as they are, in the request's language. */
export const serverSays = {
  id: {
    title: 'Kata sandi tidak dapat dipakai',
    currentWrong: 'Kata sandi saat ini salah.',
    short: 'Kata sandi baru minimal 12 karakter.',
    username: 'Kata sandi baru tidak boleh memuat nama pengguna.',
    own: 'Ubah kata sandi Anda sendiri di "Kata sandi saya", dengan kata sandi saat ini.',
  },
  en: {
    title: 'Password cannot be used',
    currentWrong: 'The current password is wrong.',
    short: 'The new password must be at least 12 characters.',
    username: 'The new password must not contain the username.',
    own: 'Change your own password under "My password", with your current password.',
  },
};

/** The language the server answers in (Accept-Language, as the SDK sends it; Indonesian by default). */
export const saysTo = (request: Request) =>
  serverSays[request.headers.get('accept-language')?.toLowerCase().startsWith('en') ? 'en' : 'id'];

export function problem(status: number, kind: string, title: string, detail: string, pointer?: string) {
  const body = { type: `urn:loket:problem:${kind}`, title, status, detail };
  return HttpResponse.json(pointer ? { ...body, errors: [{ pointer, detail }] } : body, {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });
}

/** The server's 403 for a request other than GET without the session's CSRF token; null when it has it. */
export const csrfRefused = (request: Request) =>
  request.method !== 'GET' && request.headers.get('x-loket-csrf') !== csrf
    ? problem(403, 'csrf-failed', 'Tidak diizinkan', 'Muat ulang halaman.')
    : null;

export interface DeskMock {
  /** Signed in at the start (a reload of a desk already signed in). */
  signedIn: boolean;
  /** The server offers single sign-on (LOKET_OIDC_ISSUER). */
  sso: boolean;
  applications: Record<string, unknown>[];
}

const session = () => ({ officer, csrf, expiresAt: '2026-03-23T03:30:00.000Z' });
const wrong = () => problem(401, 'unauthorized', 'Perlu masuk', 'Nama pengguna atau kata sandi salah.');
const expired = () =>
  problem(401, 'session-expired', 'Perlu masuk', 'Sesi Anda telah berakhir. Silakan masuk lagi.');

/** One application of the queue (a lost KTP-el in Kota Surabaya), `days` after 9 March 2026. */
export function queued(code: string, status: string, due: string, overdue = false) {
  return {
    lang: 'id',
    code,
    service: { id: 'ktp-el-hilang', name: 'Penggantian KTP-el karena hilang' },
    region: '35.78',
    status,
    form_version: 1,
    answers: {},
    attachments: [],
    revision_fields: [],
    submitted_at: '2026-03-09T02:15:00.000Z',
    due: { date: due, working_days: 10, calendar: 'official' },
    overdue,
    history: [],
    result_document: null,
  };
}

/**
 * The handlers of one story; `reset()` (in the story's beforeEach) starts it over, `endSession()`
 * ends its session as an idle timeout would.
 */
export function deskApi(mock: DeskMock) {
  let live = mock.signedIn;
  let usedCode = false;
  const mutating = csrfRefused;
  const signedIn = <T>(answer: () => T) => (live ? answer() : expired());
  const handlers = [
    http.get(`${API_BASE}/v1/officer/session`, () => (live ? HttpResponse.json(session()) : expired())),
    http.get(`${API_BASE}/v1/officer/session/methods`, () =>
      HttpResponse.json({ password: true, sso: mock.sso }),
    ),
    http.post(`${API_BASE}/v1/officer/session`, async ({ request }) => {
      const body = (await request.json()) as { username?: string; password?: string; totp?: string };
      if (body.username?.trim().toLowerCase() !== officer.username || body.password !== deskPassword)
        return wrong();
      if (!body.totp || body.totp !== deskCode || usedCode)
        return problem(
          401,
          'totp-required',
          'Perlu masuk',
          'Masukkan kode 6 angka dari aplikasi autentikator Anda.',
          '/totp',
        );
      usedCode = true;
      live = true;
      return HttpResponse.json(session());
    }),
    http.delete(`${API_BASE}/v1/officer/session`, ({ request }) => {
      const refused = mutating(request);
      if (refused) return refused;
      live = false;
      return new HttpResponse(null, { status: 204 });
    }),
    http.put(`${API_BASE}/v1/officer/session/password`, async ({ request }) => {
      if (!live) return expired();
      const refused = mutating(request);
      if (refused) return refused;
      const body = (await request.json()) as { current_password: string; new_password: string };
      const says = saysTo(request);
      if (body.current_password !== deskPassword)
        return problem(422, 'invalid-password', says.title, says.currentWrong, '/current_password');
      if (body.new_password.length < 12)
        return problem(422, 'invalid-password', says.title, says.short, '/new_password');
      return HttpResponse.json(session());
    }),
    http.get(`${API_BASE}/v1/officer/applications`, ({ request }) =>
      signedIn(() => {
        const status = new URL(request.url).searchParams.get('status');
        const data = mock.applications.filter((a) => !status || a.status === status);
        const counts: Record<string, number> = {};
        for (const a of mock.applications) counts[a.status as string] = (counts[a.status as string] ?? 0) + 1;
        const overdue = mock.applications.filter((a) => a.overdue).length;
        return HttpResponse.json({
          lang: 'id',
          data,
          total: data.length,
          page: { limit: 50, next_cursor: null },
          counts: { status: counts, overdue, due: overdue },
        });
      }),
    ),
  ];
  return {
    handlers,
    reset: () => {
      live = mock.signedIn;
      usedCode = false;
    },
    endSession: () => {
      live = false;
    },
  };
}
