#!/usr/bin/env node
// Records what the real Loket API answers to the requests the Storybook stories make, so the stories
// show the real catalogue (served to them by MSW, see stories/msw/handlers.ts) and never hand-written data.
//
//   pnpm build && node scripts/record-story-fixtures.mjs
//
// It starts the built server (packages/server/dist) in this process on an in-memory PGlite, migrates it,
// seeds it from packages/server/data, and asks it through Fastify's `inject` (no port, no network) with
// the same headers the SDK sends. Each language gets one file, stories/fixtures/catalogue.<lang>.json:
// `{ "GET <path>?<sorted query>": { "status": …, "body": … } }`, keys sorted. The output depends only on
// the catalogue data and the server code: run it twice and nothing changes. See stories/README.md.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { requestKey } from '../stories/msw/request-key.mjs';
import { recordTracker } from './record-tracker-fixtures.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'stories', 'fixtures');
const serverDist = join(root, 'packages', 'server', 'dist');

// What the stories show (keep in step with stories/loket-service-finder.stories.ts).
const REGION = '35.78'; // Kota Surabaya
const SEARCH = 'ktp'; // the Results, theme, narrow and English stories; typed in the keyboard story
const NO_MATCH = 'kapal selam'; // the Empty story: nothing in the catalogue matches it
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
 * The built server on a fresh in-memory database, seeded; `now` fixes its clock (the tracker's
 * due dates). `app` is the Fastify instance (for `inject`); `officerToken` makes an officer's token.
 */
async function startServer({ now } = {}) {
  const load = (file) => import(pathToFileURL(join(serverDist, file)).href);
  let server;
  try {
    server = await load('index.js');
  } catch (error) {
    throw new Error(`Cannot load ${relative(root, serverDist)}: run \`pnpm build\` first.`, { cause: error });
  }
  const { loadNationalComplaintChannels } = await load('complaints.js');
  const { createOfficerToken } = await load('applications/officers.js');
  const db = await server.openDatabase({}); // no URL and no directory: PGlite in memory
  await server.migrate(db);
  await server.seed(db);
  const app = await server.buildApp({
    db,
    nationalComplaintChannels: await loadNationalComplaintChannels(),
    responseCache: false,
    ...(now ? { now } : {}),
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

async function main() {
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
  console.log(`recorded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
