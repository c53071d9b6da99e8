import {
  createApplication,
  createLoketCore,
  getPerformance,
  saveAnswers,
  submitApplication,
  uploadAttachment,
} from '@loket/sdk';
import { SKM_UNSUR, skmIndex } from '@loket/sdk/rules';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createOfficerToken } from '../../server/src/applications/officer-tokens.js';
import { addOrigin } from '../../server/src/applications/origins.js';
import { webhooksFromEnv } from '../../server/src/config.js';
import { type Outbox, startOutbox } from '../../server/src/notifications/worker.js';
import { createKiosk } from '../../server/src/survey/kiosk.js';
import { startTestServer, type TestServer } from '../../server/test/helpers/app.js';
import { type MailCatcher, startMailCatcher } from '../mail-catcher.mjs';
import { startDemo } from '../serve.mjs';
import { solidPng } from './png.js';
import { launchChromium, watch } from './support.js';

// Issue 17 items 1 and 6 on the demo site: the officer completes an application; the survey
// invitation e-mail arrives (a real SMTP server, the demo's mail catcher); its one-time link opens
// /survei.html, which offers the survey without the secret; the citizen answers it once on a phone
// (followed again, the link says it was used; the tracker, with the secret, that it was answered); the published
// index (/v1/performance) withholds the region's month while it has fewer than 10 respondents
// (the raw count is read from the server's store), and publishes it, by the regulation's formula,
// once a kiosk at MPP Siola (/survei.html in kiosk mode) has brought it to 10.
let api: TestServer;
let mail: MailCatcher;
let outbox: Outbox;
let demo: Awaited<ReturnType<typeof startDemo>>;
let site: string;
let officerToken: string;
let browser: Browser;
const watchers: Awaited<ReturnType<typeof watch>>[] = [];
const REGION = '35.78';
const quiet = { info() {}, warn() {}, error() {} };
/** The month and year the responses count in (Jakarta time, as the server keeps them). */
const month = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Jakarta',
  year: 'numeric',
  month: '2-digit',
})
  .format(new Date())
  .slice(0, 7);

beforeAll(async () => {
  [api, browser, mail] = await Promise.all([startTestServer(), launchChromium(), startMailCatcher()]);
  demo = await startDemo({ host: '127.0.0.1', port: 0, apiUrl: api.url, mail });
  site = demo.url.replace('127.0.0.1', 'localhost');
  await addOrigin(api.db, REGION, new URL(site).origin);
  officerToken = (
    await createOfficerToken(api.db, { name: 'Petugas uji survei', agency: 'dukcapil', region: REGION })
  ).token;
  outbox = startOutbox(
    api.db,
    {
      smtpUrl: mail.url,
      mailFrom: 'Portal Layanan Publik Kota Surabaya (contoh) <loket@surabaya.example>',
      trackerUrl: `${site}/lacak.html#kode={code}`,
      surveyUrl: `${site}/survei.html#survei={token}`,
      apiUrl: api.url,
      pollMs: 50,
      leaseMs: 10_000,
      retryMs: 1000,
      maxAttempts: 5,
      webhooks: webhooksFromEnv({}),
    },
    quiet,
  );
}, 180_000);

afterAll(async () => {
  await outbox?.stop();
  await browser?.close();
  await demo?.close();
  await mail?.close();
  await api?.close();
});

async function open(url: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({
    viewport,
    locale: 'id-ID',
    ...(viewport.width < 500 ? { isMobile: true, hasTouch: true } : {}),
  });
  const page = await context.newPage();
  watchers.push(await watch(page));
  await page.goto(url);
  return page;
}

/** What axe finds on the page (run outside the page's CSP, which allows no inline script). */
async function axeViolations(page: Page) {
  await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** Chooses `scores[i]` in question i + 1 of the survey on `page`, by the regulation's words. */
async function answer(page: Page, scores: readonly number[]) {
  const survey = page.locator('loket-satisfaction-survey');
  await survey.getByRole('button', { name: 'Mulai survei' }).click();
  for (const [i, score] of scores.entries()) {
    const u = SKM_UNSUR[i];
    if (!u) throw new Error(`no unsur ${i + 1}`);
    await survey
      .getByRole('group', { name: `${u.no}. ${u.name.id}` })
      .getByText(u.labels.id[score - 1] ?? '', { exact: true })
      .click();
  }
  await survey.getByRole('button', { name: 'Kirim jawaban' }).click();
  await survey.getByRole('heading', { name: 'Terima kasih' }).waitFor();
}

/** A ktp-el-hilang application sent through the API with an e-mail address for news. */
async function sentApplication() {
  const core = createLoketCore({ baseUrl: api.url, region: REGION });
  const { application } = await createApplication(core, { service: 'ktp-el-hilang', region: REGION });
  const { code, secret } = application;
  const png = (name: string) => new File([solidPng(40, 24, [13, 92, 99])], name, { type: 'image/png' });
  const surat = await uploadAttachment(core, code, secret, 'surat_keterangan_kehilangan', png('surat.png'));
  const kk = await uploadAttachment(core, code, secret, 'kartu_keluarga', png('kk.png'));
  const answers = {
    nama_lengkap: 'Sri Wahyuni',
    nik: '3578014107880002',
    telepon: '081298765432',
    email: 'sri@example.com',
    tanggal_kehilangan: '2026-03-04',
    surat_keterangan_kehilangan: [surat.attachment.id],
    kartu_keluarga: [kk.attachment.id],
    pernyataan_benar: true,
  };
  const saved = await saveAnswers(core, code, secret, answers, kk.etag);
  expect(saved.etag).toBeTruthy();
  await submitApplication(core, code, secret, { declaration: true, notify: ['email'] });
  return { code, secret };
}

async function officer(code: string, body: Record<string, unknown>) {
  const response = await fetch(new URL(`/v1/officer/applications/${code}/transitions`, api.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${officerToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

/** The region's month in the server's store: responses and the running sums the index reads. */
async function stored() {
  const [row] = await api.db.query<{ responses: number; tallied: number | null }>(
    `select (select count(*)::int from survey_response where region_code = $1 and month = $2::date and not synthetic) as responses,
       (select n::int from survey_tally_region where region_code = $1 and month = $2::date and not synthetic) as tallied`,
    [REGION, `${month}-01`],
  );
  return row;
}

describe('the survey after a decision, and the published index', () => {
  const application = { code: '', secret: '', link: '' };
  const citizenScores = [4, 3, 3, 4, 3, 4, 4, 3, 2];

  test('the officer completes the application; the survey invitation e-mail arrives with a one-time link', async () => {
    Object.assign(application, await sentApplication());
    await officer(application.code, { to: 'in_review' });
    await officer(application.code, { to: 'completed', public_note: 'KTP-el dapat diambil di MPP Siola.' });
    const subject = `Permohonan ${application.code}: bagaimana pelayanan kami?`;
    const until = Date.now() + 15_000;
    while (!mail.messages().some((m) => m.subject === subject) && Date.now() < until)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const invitation = mail.messages().find((m) => m.subject === subject);
    application.link = invitation?.links.find((l) => l.startsWith(`${site}/survei.html#survei=`)) ?? '';
    expect(application.link).toMatch(/#survei=[\w-]{24}$/);
    expect(invitation?.text).not.toContain(application.secret);
  });

  test('its link opens /survei.html on a phone: the survey without the secret, answered once; opened again, used', async () => {
    const phone = { width: 412, height: 915 };
    const page = await open(application.link, phone);
    const survey = page.locator('loket-satisfaction-survey');
    await survey.getByText('Untuk permohonan Penggantian KTP-el karena Hilang Anda.').waitFor();
    expect(new URL(page.url()).hash).toBe('');
    expect(await axeViolations(page)).toEqual([]);
    await answer(page, citizenScores);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(412);
    // The e-mail's link followed a second time (on a desktop): said plainly, nothing sent.
    const again = await open(application.link, { width: 1280, height: 900 });
    await again
      .locator('loket-satisfaction-survey')
      .getByText('Tautan survei ini sudah dipakai: survei ini sudah diisi. Terima kasih.')
      .waitFor();
    expect(await axeViolations(again)).toEqual([]);
  });

  test('the tracker, with the secret typed, says the survey was answered', async () => {
    const page = await open(`${site}/lacak.html#kode=${encodeURIComponent(application.code)}`, {
      width: 412,
      height: 915,
    });
    const tracker = page.locator('loket-status-tracker');
    // This phone never saw the application: the code comes from the link, the secret is typed.
    const codeBox = tracker.getByRole('textbox', { name: 'Kode pelacakan' });
    await codeBox.waitFor();
    expect(await codeBox.inputValue()).toBe(application.code);
    await tracker.getByRole('textbox', { name: 'Kode rahasia' }).fill(application.secret);
    await tracker.getByRole('button', { name: 'Lacak' }).click();
    await tracker.getByRole('heading', { level: 3, name: 'Status: Selesai' }).waitFor();
    await tracker.getByRole('heading', { name: 'Survei Kepuasan Masyarakat' }).waitFor();
    await tracker.getByText('Survei untuk permohonan ini sudah diisi. Terima kasih.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  test('one respondent: /v1/performance withholds the month, the store has counted it', async () => {
    const core = createLoketCore({ baseUrl: api.url, region: REGION });
    const published = await getPerformance(core, { region: REGION, period: month });
    expect(published.satisfaction).toMatchObject({ published: false, respondents: null, ikm: null });
    const service = published.services.find((s) => s.service === 'ktp-el-hilang');
    expect(service?.decided).toBeGreaterThanOrEqual(1);
    expect(await stored()).toEqual({ responses: 1, tallied: 1 });
  });

  test('a kiosk at MPP Siola (/survei.html#kios=…) takes one person after another', async () => {
    const { token } = await createKiosk(
      api.db,
      { name: 'Tablet uji', location: 'mpp-surabaya-siola' },
      new Date(),
    );
    const page = await open(`${site}/survei.html#kios=${token}`, { width: 1280, height: 900 });
    const survey = page.locator('loket-satisfaction-survey');
    await survey.getByRole('heading', { name: 'Bagaimana pelayanan kami hari ini?' }).waitFor();
    expect(new URL(page.url()).hash).toBe('');
    expect(await axeViolations(page)).toEqual([]);
    await answer(page, [3, 3, 3, 3, 3, 3, 3, 3, 3]);
    await survey.getByRole('button', { name: 'Responden berikutnya' }).click();
    await answer(page, [4, 4, 4, 4, 4, 4, 4, 4, 4]);
    expect(await stored()).toEqual({ responses: 3, tallied: 3 });
  });

  test('at 10 respondents the month is published, with the IKM by the regulation’s formula', async () => {
    // Seven more people on a second and third tablet (each tablet takes 6 a minute).
    const more = [
      [4, 4, 3, 3, 4, 4, 3, 3, 4],
      [2, 3, 3, 4, 3, 3, 4, 4, 3],
      [3, 3, 2, 4, 3, 3, 3, 3, 3],
      [4, 4, 4, 4, 4, 4, 4, 4, 4],
      [1, 2, 2, 3, 2, 2, 3, 2, 2],
      [3, 4, 3, 4, 3, 4, 3, 4, 3],
      [4, 3, 4, 3, 4, 3, 4, 3, 4],
    ];
    const tablets = await Promise.all(
      ['Tablet uji 2', 'Tablet uji 3'].map((name) =>
        createKiosk(api.db, { name, location: 'mpp-surabaya-siola' }, new Date()),
      ),
    );
    for (const [i, scores] of more.entries()) {
      const response = await fetch(new URL('/v1/kiosk/survey', api.url), {
        method: 'POST',
        headers: { 'loket-kiosk': tablets[i % 2]?.token ?? '', 'content-type': 'application/json' },
        body: JSON.stringify({ scores }),
      });
      expect(response.status).toBe(201);
    }
    expect(await stored()).toEqual({ responses: 10, tallied: 10 });
    const all = [citizenScores, [3, 3, 3, 3, 3, 3, 3, 3, 3], [4, 4, 4, 4, 4, 4, 4, 4, 4], ...more];
    const sums = SKM_UNSUR.map((_, u) => all.reduce((sum, scores) => sum + (scores[u] ?? 0), 0));
    const expected = skmIndex(sums, all.length);
    // The year (another query than the month's, which the API keeps for 60 s).
    const core = createLoketCore({ baseUrl: api.url, region: REGION });
    const published = await getPerformance(core, { region: REGION, period: month.slice(0, 4) });
    expect(published.satisfaction).toMatchObject({
      published: true,
      respondents: 10,
      ikm: expected?.score,
      band: { mutu: expected?.band.mutu },
    });
  });

  test('the survey page opened again with the application’s link says it was answered', async () => {
    const link = `${site}/survei.html#kode=${encodeURIComponent(application.code)}&rahasia=${encodeURIComponent(application.secret)}`;
    const page = await open(link, { width: 412, height: 915 });
    await page.getByText('Survei untuk permohonan ini sudah diisi. Terima kasih.').waitFor();
    expect(new URL(page.url()).hash).toBe('');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(412);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('nothing was blocked by the CSP and nothing was logged as an error', () => {
    for (const w of watchers) {
      expect(w.violations).toEqual([]);
      expect(w.problems).toEqual([]);
    }
  });
});
