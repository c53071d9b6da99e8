#!/usr/bin/env node
// Records what the real Loket API answers to the requests the Storybook stories make, so the stories
// show the real catalogue (served to them by MSW, see stories/msw/handlers.ts) and never hand-written data.
//
//   pnpm build && node scripts/record-story-fixtures.mjs [--out <dir>]
//
// `--out` writes the files to another directory than stories/fixtures (`pnpm test`'s
// `fixtures:check` step records into a temporary one and compares it with stories/fixtures).
// It starts the built server (packages/server/dist) in this process on an in-memory PGlite, migrates it,
// seeds it from packages/server/data, and asks it through Fastify's `inject` (no port, no network) with
// the same headers the SDK sends. Each language gets one file, stories/fixtures/catalogue.<lang>.json:
// `{ "GET <path>?<sorted query>": { "status": …, "body": … } }`, keys sorted. The output depends only on
// the catalogue data and the server code: run it twice and nothing changes. See stories/README.md.
// recordApplicationForm (below) writes stories/fixtures/application-form.<lang>.json for the form's stories.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { requestKey } from '../stories/msw/request-key.mjs';
import { recordTracker } from './record-tracker-fixtures.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = join(root, 'stories', 'fixtures');
const serverDist = join(root, 'packages', 'server', 'dist');

// What the stories show (keep in step with stories/loket-service-finder.stories.ts).
const REGION = '35.78'; // Kota Surabaya
const SEARCH = 'ktp'; // the Results, theme, narrow and English stories; typed in the keyboard story
const NO_MATCH = 'kolam renang'; // the Empty story: nothing in the catalogue matches it
const LANGS = ['id', 'en'];
// The finder's page sizes (loket-service-finder.tsx): PAGE_SIZE for the list, 6 for suggestions.
const PAGE_SIZE = 20;
const SUGGESTIONS = 6;

/** The requests, in the finder's own words (it always adds the region, see the SDK's withRegion). */
function* plan() {
  yield list({}); // the list behind a service opened by deep link (Detail story)
  yield list({ q: SEARCH });
  yield list({ q: NO_MATCH });
  yield list({ q: NO_MATCH }, SUGGESTIONS);
  // Suggestions while typing: whatever prefix the debounce catches.
  for (let n = 2; n <= SEARCH.length; n++) yield list({ q: SEARCH.slice(0, n) }, SUGGESTIONS);
  yield { path: `/v1/regions/${REGION}/locations`, query: {} };
}

const list = (query, limit = PAGE_SIZE) => ({
  path: '/v1/services',
  query: { ...query, limit: String(limit), region: REGION },
});

/**
 * The built server on a fresh in-memory database, seeded; `options` go to buildApp (`now` fixes
 * its clock, `uploadsDir`). `app` is the Fastify instance (for `inject`); `officerToken` makes an
 * officer's token.
 */
async function startServer(options = {}) {
  const load = (file) => import(pathToFileURL(join(serverDist, file)).href);
  let server;
  try {
    server = await load('index.js');
  } catch (error) {
    throw new Error(`Cannot load ${relative(root, serverDist)}: run \`pnpm build\` first.`, { cause: error });
  }
  const { loadNationalComplaintChannels } = await load('complaints.js');
  const { createOfficerToken } = await load('applications/officer-tokens.js');
  const db = await server.openDatabase({}); // no URL and no directory: PGlite in memory
  await server.migrate(db);
  await server.seed(db);
  const app = await server.buildApp({
    db,
    nationalComplaintChannels: await loadNationalComplaintChannels(),
    responseCache: false,
    ...options,
  });
  return {
    app,
    async officerToken(agency, region) {
      return (await createOfficerToken(db, { name: `Petugas ${agency} ${region}`, agency, region })).token;
    },
    async get(path, query, lang) {
      const key = requestKey('GET', path, Object.entries(query));
      const response = await app.inject({
        method: 'GET',
        url: key.slice('GET '.length),
        // The SDK's headers (packages/sdk/src/client.ts defaultHeaders).
        headers: { accept: 'application/json, application/problem+json', 'accept-language': lang },
      });
      return { key, status: response.statusCode, body: response.json() };
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
}

async function record(server, lang) {
  const recorded = new Map();
  const get = async (path, query) => {
    const answer = await server.get(path, query, lang);
    if (answer.status !== 200) throw new Error(`${answer.key} (${lang}) answered ${answer.status}`);
    recorded.set(answer.key, { status: answer.status, body: answer.body });
    return answer.body;
  };
  for (const { path, query } of plan()) {
    const page = await get(path, query);
    if (path !== '/v1/services' || query.limit !== String(PAGE_SIZE)) continue;
    // "Load more": every following page of a list.
    let next = page.page.next_cursor;
    while (next) next = (await get(path, { ...query, cursor: next })).page.next_cursor;
    // The filters of the search results, and every service they list (clicking any result works).
    if (query.q !== SEARCH) continue;
    for (const { id } of page.facets.categories) await get(path, { ...query, category: id });
    for (const { id } of page.facets.agencies) await get(path, { ...query, agency: id });
    for (const { id } of page.data) await get(`/v1/services/${encodeURIComponent(id)}`, { region: REGION });
  }
  return Object.fromEntries([...recorded].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

async function main(outDir) {
  const started = Date.now();
  const server = await startServer();
  try {
    await mkdir(outDir, { recursive: true });
    for (const lang of LANGS) {
      const responses = await record(server, lang);
      const file = join(outDir, `catalogue.${lang}.json`);
      await writeFile(file, `${JSON.stringify(responses, null, 2)}\n`);
      console.log(`${relative(root, file)}: ${Object.keys(responses).length} responses`);
      const tracker = await recordTracker(startServer, lang);
      const trackerFile = join(outDir, `tracker.${lang}.json`);
      await writeFile(trackerFile, `${JSON.stringify(tracker, null, 2)}\n`);
      console.log(`${relative(root, trackerFile)}: ${Object.keys(tracker.responses).length} responses`);
    }
  } finally {
    await server.close();
  }
  await recordApplicationForm(outDir);
  console.log(`recorded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// ---------------------------------------------------------------------------------------------
// The application form's stories (stories/loket-application-form.stories.ts)
// ---------------------------------------------------------------------------------------------

const FORM_SERVICE = 'ktp-el-hilang';
/** The server's clock during the journey, so the due dates it computes never change between runs. */
const JOURNEY_NOW = '2026-05-04T02:00:00.000Z';
const jsonHeaders = (lang, extra = {}) => ({
  accept: 'application/json, application/problem+json',
  'accept-language': lang,
  ...extra,
});

/**
 * Records what <loket-application-form> needs from the real API, in stories/fixtures/
 * application-form.<lang>.json: the service and its form definition (answered as recorded by
 * stories/msw/applications.ts), and the server's own words for each status an application
 * passes through (`status_text`, `next_step`, `due`, `overdue`), taken from a real journey on a
 * fixed clock: a draft, submitted with both files, taken into review, sent back for revision.
 * The MSW mock of the application endpoints keeps its state in the browser and answers with
 * these words, never with its own. Along the way it provokes each refusal the mock gives, and
 * keeps the server's title of each problem kind (`problems`).
 */
async function recordApplicationForm(outDir) {
  const uploadsDir = await mkdtemp(join(tmpdir(), 'loket-story-uploads-'));
  const server = await startServer({ uploadsDir, now: () => new Date(JOURNEY_NOW) });
  const { app } = server;
  const call = async (method, url, { lang = 'id', headers = {}, body, payload } = {}) => {
    const response = await app.inject({
      method,
      url,
      headers: jsonHeaders(
        lang,
        body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      ),
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      ...(payload === undefined ? {} : { payload }),
    });
    if (response.statusCode >= 300)
      throw new Error(`${method} ${url} answered ${response.statusCode}: ${response.body}`);
    return {
      status: response.statusCode,
      etag: response.headers.etag,
      body: response.body ? response.json() : null,
    };
  };
  try {
    const service = await call('GET', `/v1/services/${FORM_SERVICE}?region=${REGION}`);
    const application = await call('POST', '/v1/applications', {
      body: {
        service: FORM_SERVICE,
        region: REGION,
        answers: {
          nama_lengkap: 'Siti Aminah',
          nik: '3374015505900001',
          telepon: '081234567890',
          tanggal_kehilangan: '2026-05-01',
          pernyataan_benar: true,
        },
      },
    });
    const { code, secret } = application.body;
    const own = (extra = {}) => ({ 'loket-secret': secret, ...extra });
    const words = Object.fromEntries(LANGS.map((lang) => [lang, {}]));
    const problems = Object.fromEntries(LANGS.map((lang) => [lang, {}]));
    /** Makes the server refuse with `kind`, in each language, and keeps the problem's title. */
    const refused = async (kind, status, method, url, { headers = {}, body, payload } = {}) => {
      for (const lang of LANGS) {
        const json = body === undefined ? {} : { 'content-type': 'application/json' };
        const response = await app.inject({
          method,
          url,
          headers: jsonHeaders(lang, { ...headers, ...json }),
          ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
          ...(payload === undefined ? {} : { payload: payload() }),
        });
        const problem = response.json();
        if (response.statusCode !== status || problem.type !== `urn:loket:problem:${kind}`)
          throw new Error(
            `${method} ${url}: expected ${status} ${kind}, got ${response.statusCode}: ${response.body}`,
          );
        problems[lang][kind] = problem.title;
      }
    };
    const upload = (field, bytes) => () => {
      const form = new FormData();
      if (field) form.append('field', field);
      form.append('file', new Blob([bytes]), 'berkas.pdf');
      return form;
    };
    const patch = `/v1/applications/${code}`;
    await refused('not-found', 404, 'GET', `${patch}/status`, { headers: { 'loket-secret': 'salah' } });
    await refused('precondition-required', 428, 'PATCH', patch, { headers: own(), body: { answers: {} } });
    const stale = own({ 'if-match': '"v0-00000000"' });
    await refused('precondition-failed', 412, 'PATCH', patch, { headers: stale, body: { answers: {} } });
    const anyVersion = own({ 'if-match': '*' });
    const unknown = { answers: { tidak_ada: 'x' } };
    await refused('invalid-answers', 422, 'PATCH', patch, { headers: anyVersion, body: unknown });
    const files = `/v1/applications/${code}/attachments`;
    await refused('invalid-request', 400, 'POST', files, {
      headers: own(),
      payload: upload(null, '%PDF-1.4\n'),
    });
    const gif = upload('kartu_keluarga', 'GIF89a\x01\x00\x01\x00');
    await refused('file-type-not-allowed', 422, 'POST', files, { headers: own(), payload: gif });
    const huge = upload('kartu_keluarga', new Uint8Array(5 * 1024 * 1024 + 1).fill(0x25));
    await refused('file-too-large', 413, 'POST', files, { headers: own(), payload: huge });
    const keepWords = async (status) => {
      for (const lang of LANGS) {
        const { body } = await call('GET', `/v1/applications/${code}/status`, { lang, headers: own() });
        if (body.status !== status) throw new Error(`expected ${status}, the server says ${body.status}`);
        const { status_text, next_step, due, overdue } = body;
        words[lang][status] = { status_text, next_step, due, overdue };
      }
    };
    await keepWords('draft');
    for (const field of ['surat_keterangan_kehilangan', 'kartu_keluarga']) {
      const form = new FormData();
      form.append('field', field);
      form.append('file', new Blob(['%PDF-1.4\n%%EOF\n'], { type: 'application/pdf' }), `${field}.pdf`);
      await call('POST', `/v1/applications/${code}/attachments`, { headers: own(), payload: form });
    }
    const key = { 'idempotency-key': '8a3f7d0e-2b1c-4e5f-9a6b-7c8d9e0f1a2b' };
    await call('POST', `/v1/applications/${code}/submit`, { headers: own(key), body: { declaration: true } });
    await keepWords('submitted');
    await refused('not-editable', 409, 'PATCH', patch, { headers: anyVersion, body: { answers: {} } });
    const anotherKey = own({ 'idempotency-key': '0b9c1d2e-3f4a-4b5c-8d6e-7f8091a2b3c4' });
    const submit = `/v1/applications/${code}/submit`;
    await refused('invalid-transition', 409, 'POST', submit, {
      headers: anotherKey,
      body: { declaration: true },
    });
    const agency = service.body.agency.id;
    const token = await server.officerToken(agency, REGION);
    const officer = (body) =>
      call('POST', `/v1/officer/applications/${code}/transitions`, {
        headers: { authorization: `Bearer ${token}` },
        body,
      });
    await officer({ to: 'in_review' });
    await keepWords('in_review');
    await officer({
      to: 'needs_revision',
      fields: ['telepon'],
      public_note: 'Nomor HP tidak dapat dihubungi.',
    });
    await keepWords('needs_revision');
    // The same key again for the resubmission of other answers.
    await call('PATCH', patch, { headers: anyVersion, body: { answers: { telepon: '081298765432' } } });
    await refused('idempotency-key-reused', 422, 'POST', submit, {
      headers: own(key),
      body: { declaration: true },
    });

    for (const lang of LANGS) {
      const responses = {};
      for (const path of [`/v1/services/${FORM_SERVICE}/form`, `/v1/services/${FORM_SERVICE}`]) {
        const query = path.endsWith('/form') ? {} : { region: REGION };
        const answer = await server.get(path, query, lang);
        if (answer.status !== 200) throw new Error(`${answer.key} (${lang}) answered ${answer.status}`);
        responses[answer.key] = { status: answer.status, body: answer.body };
      }
      const file = join(outDir, `application-form.${lang}.json`);
      const fixture = {
        now: JOURNEY_NOW,
        responses,
        statuses: words[lang],
        problems: sorted(problems[lang]),
      };
      await writeFile(file, `${JSON.stringify(fixture, null, 2)}\n`);
      console.log(
        `${relative(root, file)}: ${Object.keys(responses).length} responses, ${Object.keys(words[lang]).length} statuses, ${Object.keys(problems[lang]).length} problem titles`,
      );
    }
  } finally {
    await server.close();
    await rm(uploadsDir, { recursive: true, force: true });
  }
}

const sorted = (object) => Object.fromEntries(Object.entries(object).sort(([a], [b]) => (a < b ? -1 : 1)));

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = process.argv.indexOf('--out');
  const outDir = out === -1 ? FIXTURES : process.argv[out + 1];
  if (!outDir) throw new Error('--out needs a directory');
  main(resolve(outDir)).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
