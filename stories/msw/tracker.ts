import { delay, HttpResponse, http, type JsonBodyType } from 'msw';
import en from '../fixtures/tracker.en.json';
import id from '../fixtures/tracker.id.json';
import { API_BASE } from './handlers';
import { requestKey } from './request-key.mjs';
import { sameSecret } from './secret';

/**
 * The application endpoints of <loket-status-tracker>, answered with what the real server said
 * about real applications (`node scripts/record-story-fixtures.mjs`: scripts/record-tracker-fixtures.mjs).
 * Like the API, a code with a wrong secret gets the same 404 as an unknown code.
 */
interface Recorded {
  status: number;
  body: JsonBodyType;
}
interface TrackerFixture {
  applications: Record<string, { code: string; secret: string }>;
  responses: Record<string, Recorded>;
  notFound: Recorded;
}
const recordings: Record<'id' | 'en', TrackerFixture> = { id, en };

/** The recorded applications by scenario: `submitted`, `in_review`, … `due`, `overdue`, `withdraw`. */
export const applications = id.applications;
export type Scenario = keyof typeof applications;

const langOf = (request: Request) =>
  request.headers.get('accept-language')?.toLowerCase().startsWith('en') ? 'en' : 'id';

const problemHeaders = { 'content-type': 'application/problem+json' };

function answer(request: Request) {
  const recorded = recordings[langOf(request)];
  const url = new URL(request.url);
  const code = decodeURIComponent(url.pathname.split('/')[3] ?? '');
  const known = Object.values(recorded.applications).find((a) => a.code === code);
  const response = recorded.responses[requestKey(request.method, url.pathname, [])];
  if (!known || !sameSecret(request.headers.get('loket-secret'), known.secret) || !response)
    return HttpResponse.json(recorded.notFound.body, { status: 404, headers: problemHeaders });
  return HttpResponse.json(response.body, { status: response.status });
}

const status = `${API_BASE}/v1/applications/:code/status`;
const withdraw = `${API_BASE}/v1/applications/:code/withdraw`;

/** The recorded applications: their status, and the withdrawal of the `withdraw` one. */
export const tracker = () => [
  http.get(status, ({ request }) => answer(request)),
  http.post(withdraw, ({ request }) => answer(request)),
];

/** Status requests fail with 500 problem+json (after the SDK's retries too). */
export const statusFailing = () => [
  http.get(status, () =>
    HttpResponse.json(
      { type: 'urn:loket:problem:internal', title: 'Terjadi kesalahan pada server', status: 500 },
      { status: 500, headers: problemHeaders },
    ),
  ),
];

/** Status requests take `ms` milliseconds (forever by default), then answer as recorded. */
export const statusSlow = (ms: number | 'infinite' = 'infinite') => [
  http.get(status, async ({ request }) => {
    await delay(ms);
    return answer(request);
  }),
];
