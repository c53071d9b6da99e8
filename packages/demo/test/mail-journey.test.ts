import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createOfficerToken } from '../../server/src/applications/officer-tokens.js';
import { addOrigin } from '../../server/src/applications/origins.js';
import { webhooksFromEnv } from '../../server/src/config.js';
import { type Outbox, startOutbox } from '../../server/src/notifications/worker.js';
import { startTestServer, type TestServer } from '../../server/test/helpers/app.js';
import { type CaughtMail, type MailCatcher, startMailCatcher } from '../mail-catcher.mjs';
import { startDemo } from '../serve.mjs';
import { solidPng } from './png.js';
import { launchChromium, watch } from './support.js';

// Issue 15 item 5: a citizen applies on the demo site with an e-mail address; the officer asks
// for one answer to be fixed; the e-mail about it arrives at a real SMTP server (the demo's mail
// catcher, as `pnpm start` runs it) and is read on the demo's mailbox page; its link, opened in the
// same browser, leads to the tracker on that revision (the e-mail never carries the secret); the
// citizen fixes the answer and sends again; the officer completes it and that e-mail arrives too.
// Then the stop link in an e-mail stops every later one. On a phone's screen (412 × 915). And a
// complaint's answer e-mail opens the demo's complaint page with the complaint's code filled in.
let api: TestServer;
let mail: MailCatcher;
let outbox: Outbox;
let demo: Awaited<ReturnType<typeof startDemo>>;
let site: string;
let officerToken: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let watcher: Awaited<ReturnType<typeof watch>>;

const quiet = { info() {}, warn() {}, error() {} };

beforeAll(async () => {
  [api, browser, mail] = await Promise.all([startTestServer(), launchChromium(), startMailCatcher()]);
  demo = await startDemo({ host: '127.0.0.1', port: 0, apiUrl: api.url, mail });
  site = demo.url.replace('127.0.0.1', 'localhost');
  await addOrigin(api.db, '35.78', new URL(site).origin);
  officerToken = (
    await createOfficerToken(api.db, { name: 'Petugas uji surat', agency: 'dukcapil', region: '35.78' })
  ).token;
  // The server's outbox worker, configured as `pnpm start` configures it.
  outbox = startOutbox(
    api.db,
    {
      smtpUrl: mail.url,
      mailFrom: 'Portal Layanan Publik Kota Surabaya (contoh) <loket@surabaya.example>',
      trackerUrl: `${site}/lacak.html#kode={code}`,
      bookingUrl: `${site}/antrean.html#kode={code}`,
      complaintUrl: `${site}/pengaduan.html#kode={code}`,
      apiUrl: api.url,
      pollMs: 50,
      leaseMs: 10_000,
      retryMs: 1000,
      maxAttempts: 5,
      webhooks: webhooksFromEnv({}),
    },
    quiet,
  );
  context = await browser.newContext({ viewport: { width: 412, height: 915 }, locale: 'id-ID' });
  page = await context.newPage();
  watcher = await watch(page);
});

afterAll(async () => {
  await outbox?.stop();
  await browser?.close();
  await demo?.close();
  await mail?.close();
  await api?.close();
});

async function officer(code: string, body: Record<string, unknown>) {
  const response = await fetch(new URL(`/v1/officer/applications/${code}/transitions`, api.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${officerToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

/** The e-mail about `code` whose subject ends with `what`, once it has arrived. */
async function mailAbout(code: string, what: string, timeoutMs = 15_000): Promise<CaughtMail> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = mail.messages().find((m) => m.subject === `Permohonan ${code}: ${what}`);
    if (found) return found;
    if (Date.now() > until) throw new Error(`no e-mail "${what}" about ${code}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What axe finds on the page (run outside the page's CSP, which allows no inline script). */
async function axeViolations(target: Page) {
  await target.evaluate(axe.source);
  return target.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

const form = () => page.locator('loket-application-form');
const tracker = () => page.locator('loket-status-tracker');
const next = () => form().getByRole('button', { name: 'Lanjut', exact: true });

/** Applies for ktp-el-hilang on the demo site with `email`; returns the code and the secret shown. */
async function apply(email: string) {
  await page.goto(`${site}/ajukan.html?layanan=ktp-el-hilang`);
  await form()
    .getByRole('button', { name: /^Mulai/ })
    .click();
  await form().getByRole('textbox', { name: 'Nama lengkap' }).fill('Dewi Lestari');
  await form().getByRole('textbox', { name: 'NIK', exact: true }).fill('3578014107880002');
  await form().getByRole('textbox', { name: 'Nomor HP' }).fill('081298765432');
  await form()
    .getByRole('textbox', { name: /^Alamat email/ })
    .fill(email);
  await next().click();
  await form().getByLabel('Kapan KTP-el Anda hilang?').fill('2025-03-04');
  await next().click();
  for (const [label, name, rgb] of [
    ['Surat keterangan kehilangan dari kepolisian', 'surat.png', [13, 92, 99]],
    ['Kartu Keluarga (KK)', 'kk.png', [242, 182, 0]],
  ] as const) {
    await form()
      .getByLabel(label)
      .setInputFiles({ name, mimeType: 'image/png', buffer: solidPng(40, 24, [...rgb]) });
    await form().getByText(`${name} sudah terunggah.`).waitFor({ state: 'attached' });
  }
  await next().click();
  // News by e-mail only when asked for (issue 15): the box is unticked until the citizen ticks it.
  await form()
    .getByRole('checkbox', { name: `Kirim kabar ke email ${email}` })
    .check();
  await form()
    .getByRole('checkbox', { name: /^Saya menyatakan bahwa semua data/ })
    .check();
  await form().getByRole('button', { name: 'Kirim permohonan' }).click();
  await form().getByRole('heading', { level: 2, name: 'Permohonan terkirim' }).waitFor();
  const code = (await form().locator('#loket-code').textContent()) ?? '';
  const link =
    (await form().getByRole('link', { name: 'Lihat status permohonan' }).getAttribute('href')) ?? '';
  const secret = new URLSearchParams(new URL(link, site).hash.slice(1)).get('rahasia') ?? '';
  expect(code).toMatch(/^LKT-/);
  expect(secret.length).toBeGreaterThan(10);
  return { code, secret };
}

describe('a revision e-mail brings the citizen back to the application', () => {
  const application = { code: '', secret: '' };

  test('the citizen applies with an e-mail address and is told by e-mail it arrived', async () => {
    Object.assign(application, await apply('dewi@example.com'));
    const received = await mailAbout(application.code, 'permohonan diterima');
    expect(received.to).toBe('dewi@example.com');
  });

  test('the officer asks for the date of the loss to be fixed: that e-mail names it, links the tracker, and keeps the secret out', async () => {
    await officer(application.code, { to: 'in_review' });
    await officer(application.code, {
      to: 'needs_revision',
      public_note: 'Tanggal kehilangan tidak sesuai surat kepolisian.',
      fields: ['tanggal_kehilangan'],
    });
    const revision = await mailAbout(application.code, 'perlu diperbaiki');
    expect(revision.text).toContain('Isian yang perlu diperbaiki:\n- Kapan KTP-el Anda hilang?');
    expect(revision.text).toContain('Tanggal kehilangan tidak sesuai surat kepolisian.');
    const trackerLink = `${site}/lacak.html#kode=${encodeURIComponent(application.code)}`;
    expect(revision.links).toContain(trackerLink);
    for (const part of [revision.text, revision.html ?? '', revision.subject]) {
      expect(part).not.toContain(application.secret);
      expect(part).not.toContain('3578014107880002');
    }
  });

  test('the mailbox page shows it; its link opens the tracker on the revision, with the secret this device kept', async () => {
    await page.goto(`${site}/surat.html`);
    const article = page.getByRole('article', { name: `Permohonan ${application.code}: perlu diperbaiki` });
    await article.getByText('Kapan KTP-el Anda hilang?', { exact: false }).waitFor();
    // The HTML part, rendered in its sandboxed frame, has the same link.
    const trackerLink = `${site}/lacak.html#kode=${encodeURIComponent(application.code)}`;
    await article.frameLocator('iframe').getByRole('link', { name: trackerLink }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(412);
    await article.getByRole('link', { name: trackerLink }).click();
    await page.waitForURL((url) => url.pathname === '/lacak.html');
    await page.getByRole('heading', { level: 1, name: 'Status permohonan' }).waitFor();
    // The e-mail carries no secret: the tracker opens the application with the secret this
    // device kept when the form sent it, with nothing typed.
    await tracker().getByRole('heading', { level: 3, name: 'Status: Perlu diperbaiki' }).waitFor();
    await tracker().getByText('Kapan KTP-el Anda hilang?').waitFor();
    await tracker().getByText('Tanggal kehilangan tidak sesuai surat kepolisian.').waitFor();
  });

  test('the citizen fixes the date and sends the application again', async () => {
    await tracker().getByRole('link', { name: 'Perbaiki permohonan' }).click();
    await page.waitForURL((url) => url.pathname === '/ajukan.html');
    await form().getByRole('heading', { name: 'Permohonan Anda perlu diperbaiki' }).waitFor();
    await form()
      .getByRole('button', { name: /^Mulai memperbaiki/ })
      .click();
    await form().getByLabel('Kapan KTP-el Anda hilang?').fill('2025-03-02');
    await next().click();
    await form().getByRole('heading', { level: 2, name: 'Periksa jawaban Anda' }).waitFor();
    await form().getByText('2 Maret 2025', { exact: true }).waitFor();
    await form()
      .getByRole('checkbox', { name: /^Saya menyatakan bahwa semua data/ })
      .check();
    await form().getByRole('button', { name: 'Kirim ulang permohonan' }).click();
    await form().getByRole('heading', { level: 2, name: 'Permohonan terkirim' }).waitFor();
  });

  test('the officer completes it, and the citizen is told so by e-mail', async () => {
    await officer(application.code, { to: 'in_review' });
    await officer(application.code, { to: 'completed', public_note: 'KTP-el dapat diambil di MPP.' });
    const done = await mailAbout(application.code, 'selesai');
    expect(done.text).toContain('KTP-el dapat diambil di MPP.');
    // The invitation is sent beside it, in the same round: it may arrive a moment later.
    await mailAbout(application.code, 'bagaimana pelayanan kami?');
    // One e-mail per status change, each once: sent, checking, revision, sent again, checking, done;
    // and the invitation to rate the service (SKM) that the completion writes with it.
    const about = mail.messages().filter((m) => m.subject.includes(application.code));
    expect(about).toHaveLength(7);
    expect(new Set(about.map((m) => m.messageId)).size).toBe(7);
  });

  test('nothing was blocked by the CSP and nothing was logged as an error', () => {
    expect(watcher.violations).toEqual([]);
    expect(watcher.problems).toEqual([]);
  });
});

describe('the stop link in an e-mail', () => {
  test('stops every later e-mail about that application', async () => {
    // Another citizen, another device.
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
    page = await context.newPage();
    const { code } = await apply('budi@example.com');
    const first = await mailAbout(code, 'permohonan diterima');
    const stop = first.links.find((href) => href.includes('/v1/notifications/stop/'));
    expect(stop).toBeDefined();
    expect(first.listUnsubscribe).toBe(`<${stop}>`);
    // Opening the link only asks; the button stops.
    await page.goto(stop as string);
    await page.getByRole('button', { name: 'Berhenti menerima e-mail' }).click();
    await page.getByText('Anda tidak akan menerima e-mail lagi tentang permohonan ini.').waitFor();

    await officer(code, { to: 'in_review' });
    await officer(code, { to: 'rejected', public_note: 'Uji: tidak ada e-mail lagi.' });
    // Both events were handled by the worker (fanned out), and no delivery was made for them.
    const pending = async () =>
      (
        await api.db.query<{ n: number }>(
          `select count(*)::int as n from outbox_event e join application a on a.id = e.application_id
           where a.code = $1 and e.fanned_out_at is null`,
          [code.replace(/^LKT-/, '').replaceAll('-', '')],
        )
      )[0]?.n;
    const until = Date.now() + 10_000;
    while ((await pending()) !== 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(await pending()).toBe(0);
    const [events] = await api.db.query<{ n: number }>(
      `select count(*)::int as n from outbox_event e join application a on a.id = e.application_id where a.code = $1`,
      [code.replace(/^LKT-/, '').replaceAll('-', '')],
    );
    // Submitted, in review, completed, and the survey invitation: none sent after the stop.
    expect(events?.n).toBe(4);
    await new Promise((resolve) => setTimeout(resolve, 300)); // a few more worker rounds
    expect(
      mail
        .messages()
        .filter((m) => m.subject.includes(code))
        .map((m) => m.subject),
    ).toEqual([`Permohonan ${code}: permohonan diterima`]);
    // The mailbox page on a desktop lists it once, and passes axe.
    await page.goto(`${site}/surat.html`);
    await page.getByRole('article', { name: `Permohonan ${code}: permohonan diterima` }).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: new RegExp(code) }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('a complaint’s answer by e-mail', () => {
  test('arrives where the news box was ticked, and its link opens the complaint on /pengaduan.html with the code filled in', async () => {
    const filed = await fetch(new URL('/v1/complaints', api.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({
        about: { kind: 'service', service: 'ktp-el-hilang', region: '35.78' },
        category: 'time',
        description: 'Antrean di MPP sangat lama dan tidak ada kabar.',
        contact: { email: 'sari@example.com' },
        notify: ['email'],
      }),
    });
    expect(filed.status).toBe(201);
    const { code, secret } = (await filed.json()) as { code: string; secret: string };
    const answered = await fetch(new URL(`/v1/officer/complaints/${code}/answer`, api.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${officerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ answer: 'Loket tambahan dibuka mulai besok pagi.' }),
    });
    expect(answered.status).toBe(200);
    const until = Date.now() + 15_000;
    let answer: CaughtMail | undefined;
    while (!answer && Date.now() < until) {
      answer = mail.messages().find((m) => m.subject === `Pengaduan ${code}: sudah dijawab`);
      if (!answer) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(answer?.to).toBe('sari@example.com');
    expect(answer?.text).toContain('Jawaban instansi\n- Loket tambahan dibuka mulai besok pagi.');
    for (const part of [answer?.text ?? '', answer?.html ?? '', answer?.subject ?? '']) {
      expect(part).not.toContain(secret);
    }
    const link = `${site}/pengaduan.html#kode=${encodeURIComponent(code)}`;
    expect(answer?.links).toContain(link);

    context = await browser.newContext({ viewport: { width: 412, height: 915 }, locale: 'id-ID' });
    page = await context.newPage();
    const seen = await watch(page);
    await page.goto(link);
    const lookup = page.locator('loket-complaint-form');
    await page.getByRole('heading', { level: 1, name: 'Pengaduan' }).waitFor();
    expect(await lookup.getByRole('textbox', { name: 'Kode pengaduan' }).inputValue()).toBe(code);
    await lookup.getByRole('textbox', { name: 'Kode rahasia' }).fill(secret);
    await lookup.getByRole('button', { name: 'Cek jawaban' }).click();
    await lookup.getByText('Loket tambahan dibuka mulai besok pagi.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(412);
    expect(seen.violations).toEqual([]);
    expect(seen.problems).toEqual([]);
  });
});
