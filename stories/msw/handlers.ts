import { delay, HttpResponse, http, type JsonBodyType } from 'msw';
import en from '../fixtures/catalogue.en.json';
import id from '../fixtures/catalogue.id.json';
import { demo } from './demo';
import { requestKey } from './request-key.mjs';

/**
 * The API the stories talk to. Nothing listens there: MSW answers every request to it, from the
 * real server's recorded responses (`node scripts/record-story-fixtures.mjs`, see ../README.md).
 */
export const API_BASE = 'https://api.loket.test';

type Lang = 'id' | 'en';
interface Recorded {
  status: number;
  body: JsonBodyType;
}
const recordings: Record<Lang, Record<string, Recorded>> = { id, en };

/** The server's language choice, as the SDK asks for it (`Accept-Language`; the server defaults to `id`). */
function langOf(request: Request): Lang {
  return request.headers.get('accept-language')?.toLowerCase().startsWith('en') ? 'en' : 'id';
}

/** The real server's recorded answer to `key` ("GET /v1/…") in `lang`: what a story shows, in its language. */
export function recorded<T = Record<string, unknown>>(lang: Lang, key: string): T {
  const found = recordings[lang][key];
  if (!found) throw new Error(`Nothing recorded for "${key}" (${lang})`);
  return found.body as T;
}

function keyOf(request: Request): string {
  const url = new URL(request.url);
  return requestKey(request.method, url.pathname, url.searchParams);
}

function problem(status: number, title: string, detail: string) {
  return HttpResponse.json(
    { type: `urn:loket:problem:${status === 404 ? 'not-found' : 'internal'}`, title, status, detail },
    { status, headers: { 'content-type': 'application/problem+json' } },
  );
}

/** The recorded answer to `request`, or a 404 problem naming what to record. */
function replay(request: Request, key = keyOf(request)) {
  const recorded = recordings[langOf(request)][key];
  if (recorded) return HttpResponse.json(recorded.body, { status: recorded.status });
  return problem(
    404,
    'Not recorded',
    `Nothing recorded for "${key}" (${langOf(request)}): add it to scripts/record-story-fixtures.mjs and re-record.`,
  );
}

const everything = `${API_BASE}/*`;
const serviceLists = `${API_BASE}/v1/services`;

/** The real catalogue, as recorded: every request the stories make, in Indonesian and English. */
export const catalogue = () => [http.get(everything, ({ request }) => replay(request))];

/**
 * The API is down: every request answers 500 problem+json (after the SDK's retries too). A story
 * brings it back with `context.msw.use(...catalogue())`.
 */
export const failing = () => [
  http.get(everything, ({ request }) =>
    langOf(request) === 'en'
      ? problem(500, 'Internal server error', 'Something unexpected went wrong.')
      : problem(500, 'Terjadi kesalahan pada server', 'Terjadi kesalahan yang tidak terduga.'),
  ),
];

/** Service lists take `ms` milliseconds (forever by default), then answer as recorded. */
export const slow = (ms: number | 'infinite' = 'infinite') => [
  http.get(serviceLists, async ({ request }) => {
    await delay(ms);
    return replay(request);
  }),
];

/** Nothing matches: every service list is the real answer to a search that finds nothing. */
export const empty = () => [
  http.get(serviceLists, ({ request }) => {
    const limit = new URL(request.url).searchParams.get('limit') ?? '20';
    const query = new URLSearchParams({ limit, q: demo.noMatch, region: demo.region });
    return replay(request, `GET /v1/services?${query}`);
  }),
];
