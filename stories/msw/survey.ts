import type { KioskSurveyAnswer, SurveyAnswer } from '@loket/sdk';
import { SKM_UNSUR } from '@loket/sdk/rules';
import { HttpResponse, http } from 'msw';
import id from '../fixtures/tracker.id.json';
import { API_BASE } from './handlers';
import { requestKey } from './request-key.mjs';
import { sameSecret } from './secret';

/**
 * The satisfaction survey's endpoints for <loket-satisfaction-survey> and the tracker, as a small
 * stateful mock in the page that follows the server's rules (src/survey/): the recorded
 * applications (fixtures/tracker.*.json) with their recorded status, open once completed or
 * rejected and answered once; nine scores of 1–4 (`SKM_UNSUR` of @loket/sdk/rules, as the
 * contract's SurveyScores); a kiosk by its token, six responses a minute (the server's default
 * LOKET_KIOSK_PER_MINUTE); the server's problem titles and details.
 */
export const KIOSK_TOKEN = 'kiosk_TabletContohMppSiola000000';
/** A kiosk whose minute is used up: its next response is the seventh. */
export const BUSY_KIOSK_TOKEN = 'kiosk_TabletContohYangSibuk00000';

/** The one-time link of a visit's survey invitation (`#survei=…`), and one already used. */
export const LINK_TOKEN = 'tUgfo3hT0pB9T3yq0uK1mNvW';
export const USED_LINK_TOKEN = 'Qm9rZ0dBbmFsaXNpczAwMDAx';

const answered = new Set<string>();
const kioskHits = new Map<string, number>([[BUSY_KIOSK_TOKEN, 6]]);

/** Every story starts with no survey answered (the mock's state lives in the page). */
export const resetSurveys = () => {
  answered.clear();
  answered.add(USED_LINK_TOKEN);
  kioskHits.clear();
  kioskHits.set(BUSY_KIOSK_TOKEN, 6);
};

const en = (request: Request) => request.headers.get('accept-language')?.toLowerCase().startsWith('en');
const problem = (
  request: Request,
  status: number,
  kind: string,
  title: [string, string],
  detail?: [string, string],
) =>
  HttpResponse.json(
    {
      type: `urn:loket:problem:${kind}`,
      title: title[en(request) ? 1 : 0],
      status,
      ...(detail && { detail: detail[en(request) ? 1 : 0] }),
    },
    { status, headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store' } },
  );

/** The recorded application of `code` with its recorded status, when `secret` is its secret. */
function application(request: Request, code: string) {
  const known = Object.values(id.applications).find((a) => a.code === code);
  if (!known || !sameSecret(request.headers.get('loket-secret'), known.secret)) return null;
  const recorded = (id.responses as Record<string, { body: { status?: string } }>)[
    requestKey('GET', `/v1/applications/${code}/status`, [])
  ];
  return { code, status: recorded?.body.status ?? 'draft' };
}

const notFound = (request: Request, code: string) =>
  problem(
    request,
    404,
    'not-found',
    ['Tidak ditemukan', 'Not found'],
    [
      `Permohonan "${code}" tidak ditemukan, atau kode rahasianya salah.`,
      `Application "${code}" was not found, or its secret is wrong.`,
    ],
  );

/** Decided: the survey opens (the server's `decided`, src/survey/application-survey.ts). */
const decided = (status: string) => status === 'completed' || status === 'rejected';

/** The contract's SurveyScores: the nine unsur, each 1 (worst) to 4 (best). */
const validScores = (scores: unknown) =>
  Array.isArray(scores) &&
  scores.length === SKM_UNSUR.length &&
  scores.every((s) => Number.isInteger(s) && s >= 1 && s <= 4);

const invalid = (request: Request) =>
  problem(request, 400, 'invalid-request', ['Permintaan tidak valid', 'Invalid request']);
const received = (channel: 'application' | 'visit' | 'kiosk') =>
  HttpResponse.json({ received: true, channel }, { status: 201, headers: { 'cache-control': 'no-store' } });

const applicationSurvey = `${API_BASE}/v1/applications/:code/survey`;
const kioskSurvey = `${API_BASE}/v1/kiosk/survey`;
const linkSurvey = `${API_BASE}/v1/survey/link`;

/** An invitation's link (src/survey/links.ts): a visit's, by its token alone; unknown or expired: 404. */
function link(request: Request) {
  const token = request.headers.get('loket-survey-link') ?? '';
  return token === LINK_TOKEN || token === USED_LINK_TOKEN ? token : null;
}
const linkUnknown = (request: Request) =>
  problem(
    request,
    404,
    'not-found',
    ['Tidak ditemukan', 'Not found'],
    [
      'Tautan survei ini tidak dikenal atau sudah kedaluwarsa.',
      'This survey link is unknown or has expired.',
    ],
  );

export const survey = () => [
  http.get(linkSurvey, ({ request }) => {
    const token = link(request);
    if (!token) return linkUnknown(request);
    return HttpResponse.json(
      {
        state: answered.has(token) ? 'answered' : 'open',
        about: 'visit',
        service: {
          id: 'ktp-el-hilang',
          name: en(request) ? 'Replace a lost KTP-el' : 'Penggantian KTP-el karena Hilang',
        },
      },
      { headers: { 'cache-control': 'no-store' } },
    );
  }),
  http.post(linkSurvey, async ({ request }) => {
    const token = link(request);
    if (!token) return linkUnknown(request);
    const body = (await request.json()) as SurveyAnswer;
    if (!validScores(body?.scores)) return invalid(request);
    if (answered.has(token))
      return problem(
        request,
        409,
        'survey-answered',
        ['Survei sudah diisi', 'Survey already answered'],
        [
          'Survei untuk kunjungan ini sudah diisi. Terima kasih.',
          'The survey for this visit has already been answered. Thank you.',
        ],
      );
    answered.add(token);
    return received('visit');
  }),
  http.get(applicationSurvey, ({ request, params }) => {
    const app = application(request, String(params.code));
    if (!app) return notFound(request, String(params.code));
    const state = !decided(app.status) ? 'not_yet' : answered.has(app.code) ? 'answered' : 'open';
    return HttpResponse.json({ state }, { headers: { 'cache-control': 'no-store' } });
  }),
  http.post(applicationSurvey, async ({ request, params }) => {
    const app = application(request, String(params.code));
    if (!app) return notFound(request, String(params.code));
    const body = (await request.json()) as SurveyAnswer;
    if (!validScores(body?.scores)) return invalid(request);
    if (!decided(app.status))
      return problem(request, 409, 'survey-not-open', ['Survei belum dibuka', 'Survey not open yet']);
    if (answered.has(app.code))
      return problem(request, 409, 'survey-answered', ['Survei sudah diisi', 'Survey already answered']);
    answered.add(app.code);
    return received('application');
  }),
  http.post(kioskSurvey, async ({ request }) => {
    const token = request.headers.get('loket-kiosk') ?? '';
    if (token !== KIOSK_TOKEN && token !== BUSY_KIOSK_TOKEN)
      return problem(
        request,
        401,
        'unauthorized',
        ['Perlu masuk', 'Authentication required'],
        ['Perangkat kios tidak dikenal atau sudah dicabut.', 'Unknown or revoked kiosk device.'],
      );
    const hits = (kioskHits.get(token) ?? 0) + 1;
    kioskHits.set(token, hits);
    if (hits > 6)
      return problem(
        request,
        429,
        'too-many-requests',
        ['Terlalu banyak permintaan', 'Too many requests'],
        [
          'Terlalu banyak permintaan. Coba lagi dalam 42 detik.',
          'Too many requests. Try again in 42 seconds.',
        ],
      );
    const body = (await request.json()) as KioskSurveyAnswer;
    if (!validScores(body?.scores)) return invalid(request);
    return received('kiosk');
  }),
];

/** The survey of `code` answered already (in another tab, on another day). */
export const markAnswered = (code: string) => answered.add(code);

/** Survey requests fail like a dead connection: every one (`'all'`), or only the answers sent. */
export const surveyOffline = (which: 'all' | 'answers' = 'all') => [
  ...(which === 'all' ? [http.get(applicationSurvey, () => HttpResponse.error())] : []),
  http.post(applicationSurvey, () => HttpResponse.error()),
  http.post(kioskSurvey, () => HttpResponse.error()),
];
