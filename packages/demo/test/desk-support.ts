import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import axe from 'axe-core';
import type { Locator, Page } from 'playwright-core';
import type { Db } from '../../server/src/db/index.js';
import { addAccount } from '../../server/src/officers/accounts.js';
import { totpCode } from '../../server/src/officers/totp.js';

// What the desk's Chromium tests share: a citizen who applies and revises through the API (as the
// form and the tracker do), and axe run on the desk's page.

const fixture = (name: string) =>
  readFile(new URL(`../../server/test/fixtures/files/${name}`, import.meta.url));

export const answers = {
  nama_lengkap: 'Siti Aminah',
  nik: '3374015505900001',
  telepon: '081234567890',
  tanggal_kehilangan: '2026-03-01',
  pernyataan_benar: true,
};

/** A citizen of Kota Semarang applies for a lost KTP-el: two files, the answers, submitted. */
export async function citizenApplies(api: string): Promise<{ code: string; secret: string }> {
  const call = async (method: string, path: string, headers: Record<string, string>, body?: unknown) => {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body instanceof FormData) init.body = body;
    else if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const response = await fetch(new URL(path, api), init);
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return {
      etag: response.headers.get('etag') ?? '',
      body: (await response.json()) as Record<string, string>,
    };
  };
  const created = await call('POST', '/v1/applications', {}, { service: 'ktp-el-hilang', region: '33.74' });
  const { code, secret } = created.body as { code: string; secret: string };
  const citizen = { 'loket-secret': secret };
  for (const [field, name] of [
    ['kartu_keluarga', 'tiny.pdf'],
    ['surat_keterangan_kehilangan', 'tiny.jpg'],
  ] as const) {
    const form = new FormData();
    form.append('field', field);
    form.append('file', new Blob([await fixture(name)]), name);
    await call('POST', `/v1/applications/${code}/attachments`, citizen, form);
  }
  const current = await call('GET', `/v1/applications/${code}`, citizen);
  await call('PATCH', `/v1/applications/${code}`, { ...citizen, 'if-match': current.etag }, { answers });
  await call(
    'POST',
    `/v1/applications/${code}/submit`,
    { ...citizen, 'idempotency-key': randomUUID() },
    {
      declaration: true,
    },
  );
  return { code, secret };
}

/** The citizen fixes what the officer asked for (the answer `field`) and sends the application again. */
export async function citizenRevises(api: string, app: { code: string; secret: string }, patch: object) {
  const citizen = { 'loket-secret': app.secret };
  const current = await fetch(new URL(`/v1/applications/${app.code}`, api), { headers: citizen });
  const etag = current.headers.get('etag') ?? '';
  const saved = await fetch(new URL(`/v1/applications/${app.code}`, api), {
    method: 'PATCH',
    headers: { ...citizen, 'if-match': etag, 'content-type': 'application/json' },
    body: JSON.stringify({ answers: patch }),
  });
  if (!saved.ok) throw new Error(`revise: ${saved.status} ${await saved.text()}`);
  const sent = await fetch(new URL(`/v1/applications/${app.code}/submit`, api), {
    method: 'POST',
    headers: { ...citizen, 'idempotency-key': randomUUID(), 'content-type': 'application/json' },
    body: JSON.stringify({ declaration: true }),
  });
  if (!sent.ok) throw new Error(`resubmit: ${sent.status} ${await sent.text()}`);
}

/** What axe finds on the page (run through the DevTools protocol, outside the desk's CSP). */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** Nothing of `locator` is cut off at the right edge of the viewport (usable at 1280 × 720 and on a tablet). */
export async function fitsWidth(page: Page, locator: Locator): Promise<boolean> {
  const width = page.viewportSize()?.width ?? 0;
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  const box = await locator.boundingBox();
  return scroll <= width && (box ? box.x + box.width <= width + 1 : false);
}

export const password = 'kata sandi petugas yang panjang';

/** An officer account with a TOTP key (what `loket-server officers add --totp` makes). */
export async function officerAccount(db: Db, username: string, agency: string, region: string) {
  const { totpSecret } = await addAccount(db, {
    username,
    name: `Petugas ${username}`,
    agency,
    region,
    roles: ['officer'],
    password,
    totp: true,
  });
  return { username, secret: totpSecret as string };
}

/** Signs in on the desk's form: username and password, then the code of the authenticator app at `at`. */
export async function signIn(page: Page, account: { username: string; secret: string }, at: Date) {
  const desk = page.locator('loket-desk');
  await desk.getByRole('textbox', { name: 'Nama pengguna' }).fill(account.username);
  await desk.getByLabel('Kata sandi').fill(password);
  await desk.getByRole('button', { name: 'Masuk', exact: true }).click();
  const code = desk.getByRole('textbox', { name: 'Kode verifikasi (6 angka)' });
  await code.fill(totpCode(account.secret, at));
  await desk.getByRole('button', { name: 'Masuk', exact: true }).click();
  await desk.getByRole('button', { name: 'Keluar' }).waitFor();
}
