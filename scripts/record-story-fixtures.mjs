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
// recordApplicationForm (fixtures/application-form.mjs) writes stories/fixtures/application-form.<lang>.json
// for the form's stories, recordTracker (record-tracker-fixtures.mjs) tracker.<lang>.json; the server
// and the helpers they share are in fixtures/server.mjs.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { recordApplicationForm } from './fixtures/application-form.mjs';
import { LANGS, REGION, root, sorted, startServer } from './fixtures/server.mjs';
import { recordTracker } from './record-tracker-fixtures.mjs';

const FIXTURES = join(root, 'stories', 'fixtures');

// What the stories show (keep in step with stories/loket-service-finder.stories.ts).
const SEARCH = 'ktp'; // the Results, theme, narrow and English stories; typed in the keyboard story
const NO_MATCH = 'kolam renang'; // the Empty story: nothing in the catalogue matches it
const COMPLAINT = 'lampu jalan mati'; // the Complaint story: a complaint, which no service covers
const BROWSE_CATEGORY = 'civil-registration'; // the BrowseCategory story opens it
// The finder's page sizes (loket-service-finder.tsx): PAGE_SIZE for the list, 6 for suggestions.
const PAGE_SIZE = 20;
const SUGGESTIONS = 6;

/** The requests, in the finder's own words (it always adds the region, see the SDK's withRegion). */
function* plan() {
  yield list({}); // the list behind a service opened by deep link (Detail story)
  yield list({ q: SEARCH });
  yield list({ q: NO_MATCH });
  yield list({ q: NO_MATCH }, SUGGESTIONS);
  yield list({ q: COMPLAINT });
  yield list({ q: COMPLAINT }, SUGGESTIONS);
  // Suggestions while typing: whatever prefix the debounce catches.
  for (let n = 2; n <= SEARCH.length; n++) yield list({ q: SEARCH.slice(0, n) }, SUGGESTIONS);
  // Browsing before a search: the life events (each one's steps, recorded in `record`), the
  // categories, and one category's services (the Browse stories).
  yield { path: '/v1/life-events', query: { region: REGION } };
  yield { path: '/v1/categories', query: { region: REGION } };
  yield list({ category: BROWSE_CATEGORY });
  // The MppHours story: a service in a region whose MPP has sourced hours and a phone.
  const { region, service } = MPP_HOURS;
  yield { path: '/v1/services', query: { limit: String(PAGE_SIZE), region }, onePage: true };
  yield { path: `/v1/services/${service}`, query: { region } };
  yield { path: `/v1/regions/${region}/locations`, query: { service } };
}

// Keep in step with demo.mppHours in stories/msw/demo.ts: DKI Jakarta's MPP has hours and a phone.
const MPP_HOURS = { region: '31.74', service: 'skck' };

const list = (query, limit = PAGE_SIZE) => ({
  path: '/v1/services',
  query: { ...query, limit: String(limit), region: REGION },
});

async function record(server, lang) {
  const recorded = new Map();
  const get = async (path, query) => {
    const answer = await server.get(path, query, lang);
    if (answer.status !== 200) throw new Error(`${answer.key} (${lang}) answered ${answer.status}`);
    recorded.set(answer.key, { status: answer.status, body: answer.body });
    return answer.body;
  };
  for (const { path, query, onePage } of plan()) {
    const page = await get(path, query);
    if (path === '/v1/life-events') {
      for (const { id } of page.data) await get(`/v1/life-events/${id}`, { region: REGION });
    }
    if (onePage || path !== '/v1/services' || query.limit !== String(PAGE_SIZE)) continue;
    // "Load more": every following page of a list.
    let next = page.page.next_cursor;
    while (next) next = (await get(path, { ...query, cursor: next })).page.next_cursor;
    // The filters of the search results, and every service they list (clicking any result works).
    if (query.q !== SEARCH) continue;
    for (const { id } of page.facets.categories) await get(path, { ...query, category: id });
    for (const { id } of page.facets.agencies) await get(path, { ...query, agency: id });
    for (const { id } of page.data) {
      await get(`/v1/services/${encodeURIComponent(id)}`, { region: REGION });
      await get(`/v1/regions/${REGION}/locations`, { service: id }); // the MPPs that offer it
    }
  }
  return sorted(Object.fromEntries(recorded));
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

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = process.argv.indexOf('--out');
  const outDir = out === -1 ? FIXTURES : process.argv[out + 1];
  if (!outDir) throw new Error('--out needs a directory');
  main(resolve(outDir)).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
