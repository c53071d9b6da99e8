// @ts-check
// The <loket-status-tracker> part of scripts/record-story-fixtures.mjs: real applications on the
// real server, moved through their statuses as a citizen and an officer would, and what the API
// answers about them, in stories/fixtures/tracker.<lang>.json (served by stories/msw/tracker.ts).
//
// For each language it starts a fresh server whose clock (`now`) is fixed, creates every
// application through the API (create, upload, save, submit), moves them on with an officer's
// token (transitions) or the citizen's withdrawal, and records `GET …/status` (and the withdrawal's
// answer). The rest is made deterministic: the random tracking codes become fixed ones, the secrets
// fixed ones, and the history's timestamps (the database's own clock) fixed times after the
// submission. Due dates and "overdue" come from the server itself, counted from the fixed clock.
//
// The scenarios are in fixtures/tracker-scenarios.mjs, the requests in fixtures/tracker-api.mjs.
import { requestKey } from '../stories/msw/request-key.mjs';
import { REGION, sorted } from './fixtures/server.mjs';
import { apiOf, tinyPng } from './fixtures/tracker-api.mjs';
import {
  AGENCIES,
  HOUR,
  ktpAnswers,
  ktpFiles,
  nibAnswers,
  RECEIPTS,
  SCENARIOS,
  SUBMITTED,
} from './fixtures/tracker-scenarios.mjs';

export { tinyPng };

/** The result document of the `completed_document` scenario (stories/msw/tracker.ts serves the same bytes). */
export const resultPdf = '%PDF-1.4\n% Contoh dokumen hasil\n%%EOF\n';

/**
 * Records every scenario in `lang` on a fresh server from `startServer({ now })`; resolves to the
 * fixture file's content.
 * @param {(options: { now: () => Date }) => Promise<any>} startServer
 * @param {string} lang
 */
export async function recordTracker(startServer, lang) {
  let clock = SUBMITTED;
  const server = await startServer({ now: () => new Date(clock) });
  try {
    const api = apiOf(server, lang);
    /** @type {Record<string, { authorization: string }>} */
    const officers = {};
    for (const [service, agency] of Object.entries(AGENCIES))
      officers[service] = { authorization: `Bearer ${await server.officerToken(agency, REGION)}` };
    /** @type {Record<string, { code: string; secret: string }>} */
    const applications = {};
    /** @type {Record<string, { status: number; body: unknown }>} */
    const responses = {};
    let notFound;
    for (const scenario of SCENARIOS) {
      clock = SUBMITTED;
      const { code, secret } = await submitted(api, scenario.service);
      const officer = officers[scenario.service];
      for (const move of scenario.moves) {
        clock += 26 * HOUR; // an officer's working day later
        if (move.to === 'completed' && scenario.result) {
          const form = new FormData();
          form.append('file', new Blob([resultPdf], { type: 'application/pdf' }), scenario.result);
          await api.multipart(`/v1/officer/applications/${code}/result`, form, officer, 'PUT', 200);
        }
        await api.expect(200, 'POST', `/v1/officer/applications/${code}/transitions`, move, officer);
      }
      if (RECEIPTS.includes(scenario.name)) {
        const receipt = await api.expect(200, 'GET', `/v1/applications/${code}/receipt`, undefined, {
          'loket-secret': secret,
        });
        responses[requestKey('GET', `/v1/applications/${scenario.code}/receipt`, [])] = {
          status: 200,
          body: JSON.parse(JSON.stringify(receipt.body).replaceAll(code, scenario.code)),
        };
      }
      const status = async () =>
        (
          await api.expect(200, 'GET', `/v1/applications/${code}/status`, undefined, {
            'loket-secret': secret,
          })
        ).body;
      const fixed = (/** @type {unknown} */ body) => normalize(body, code, scenario.code);
      const statusKey = requestKey('GET', `/v1/applications/${scenario.code}/status`, []);
      if (scenario.withdraw) {
        clock += 3 * HOUR;
        if (scenario.withdraw === 'record')
          responses[statusKey] = { status: 200, body: fixed(await status()) };
        const withdrawn = (
          await api.expect(200, 'POST', `/v1/applications/${code}/withdraw`, {}, { 'loket-secret': secret })
        ).body;
        const withdrawKey = requestKey('POST', `/v1/applications/${scenario.code}/withdraw`, []);
        if (scenario.withdraw === 'record') responses[withdrawKey] = { status: 200, body: fixed(withdrawn) };
        else responses[statusKey] = { status: 200, body: fixed(await status()) };
      } else {
        if (scenario.lookAt) clock = scenario.lookAt;
        responses[statusKey] = { status: 200, body: fixed(await status()) };
      }
      applications[scenario.name] = {
        code: scenario.code,
        secret: `contoh-rahasia-${scenario.name.replace('_', '-')}`,
      };
      // A code with a wrong secret: the same 404 as an unknown code (the lookup's "tidak cocok").
      if (!notFound) {
        const wrong = await api.answer('GET', `/v1/applications/${code}/status`, undefined, {
          'loket-secret': `${secret}x`,
        });
        // Its detail names the code: the fixed one. The request id (`instance`) differs each run.
        const body = JSON.parse(JSON.stringify(wrong.body).replaceAll(code, scenario.code));
        notFound = { status: wrong.status, body: { ...body, instance: undefined } };
      }
    }
    if (notFound?.status !== 404) throw new Error(`a wrong secret answered ${notFound?.status}, not 404`);
    return { applications, responses: sorted(responses), notFound };
  } finally {
    await server.close();
  }
}

/** A new application of `service`, answered, with its files, and submitted. */
async function submitted(api, service) {
  const created = await api.expect(201, 'POST', '/v1/applications', { service, region: REGION });
  const { code, secret } = created.body;
  let etag = created.etag;
  const answers = service === 'nib-oss' ? { ...nibAnswers } : { ...ktpAnswers };
  if (service === 'ktp-el-hilang') {
    for (const field of ktpFiles) {
      const form = new FormData();
      form.append('field', field);
      form.append('file', new Blob([tinyPng()], { type: 'image/png' }), `${field}.png`);
      const upload = await api.multipart(`/v1/applications/${code}/attachments`, form, {
        'loket-secret': secret,
      });
      answers[field] = [upload.body.id];
      etag = upload.etag;
    }
  }
  await api.expect(
    200,
    'PATCH',
    `/v1/applications/${code}`,
    { answers },
    { 'loket-secret': secret, 'if-match': etag },
  );
  await api.expect(
    200,
    'POST',
    `/v1/applications/${code}/submit`,
    { declaration: true },
    {
      'loket-secret': secret,
      'idempotency-key': `story-${code}`,
    },
  );
  return { code, secret };
}

/**
 * The fixed code instead of the random one; the history at fixed times: the draft 15 minutes
 * before the submission, the submission, then one working day (26 h) per step after it, the
 * withdrawal 3 hours after the last.
 */
function normalize(body, realCode, fixedCode) {
  const copy = JSON.parse(JSON.stringify(body).replaceAll(realCode, fixedCode));
  let at = SUBMITTED;
  copy.history = copy.history.map((entry, i) => {
    if (i === 0) return { ...entry, at: iso(SUBMITTED - HOUR / 4) };
    if (i > 1) at += entry.status === 'withdrawn' ? 3 * HOUR : 26 * HOUR;
    return { ...entry, at: iso(at) };
  });
  return copy;
}

const iso = (/** @type {number} */ ms) => new Date(ms).toISOString();
