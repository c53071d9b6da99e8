import { delay, HttpResponse, http, type JsonBodyType } from 'msw';
import en from '../fixtures/tracker.en.json';
import id from '../fixtures/tracker.id.json';
import { complaints } from './complaints';
import { API_BASE } from './handlers';
import { requestKey } from './request-key.mjs';
import { sameSecret } from './secret';
import { survey } from './survey';

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
const receipt = `${API_BASE}/v1/applications/:code/receipt`;
const result = `${API_BASE}/v1/applications/:code/result`;

/** The bytes the recording attached as the `completed_document` result (scripts/record-tracker-fixtures.mjs). */
const resultPdf = '%PDF-1.4\n% Contoh dokumen hasil\n%%EOF\n';

/** The result document of a recorded application whose status names one, as the API sends it. */
function resultFile(request: Request) {
  const url = new URL(request.url);
  const code = decodeURIComponent(url.pathname.split('/')[3] ?? '');
  const recorded = answer(new Request(new URL(`/v1/applications/${code}/status`, url), request));
  return recorded.json().then((body: { result_document?: { filename: string } }) => {
    const doc = body.result_document;
    if (!doc) return HttpResponse.json(recordings.id.notFound.body, { status: 404, headers: problemHeaders });
    return new HttpResponse(resultPdf, {
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="${doc.filename}"`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      },
    });
  });
}

/**
 * The recorded applications: their status, receipt and result document, the withdrawal of the
 * `withdraw` one, and the satisfaction survey the tracker offers once one is decided (msw/survey.ts).
 */
export const tracker = () => [
  http.get(status, ({ request }) => answer(request)),
  http.post(withdraw, ({ request }) => answer(request)),
  http.get(receipt, ({ request }) => answer(request)),
  http.get(result, ({ request }) => resultFile(request)),
  ...survey(),
  ...complaints(),
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
