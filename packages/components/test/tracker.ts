/**
 * Browser-side helpers for the <loket-status-tracker> tests: real applications on the real API
 * (test/global-setup.ts), made the way a citizen's form makes them (the SDK's functions: create,
 * upload, save, submit) and moved on by an officer (commands.officer), and the tracker mounted
 * on them.
 */
import {
  createApplication,
  createLoketCore,
  saveAnswers,
  submitApplication,
  uploadAttachment,
} from '@loket/sdk';
import type { ApplicationKey } from '@loket/sdk/session';
import { afterEach, beforeAll, expect, inject } from 'vitest';
import { commands, page } from 'vitest/browser';
import { officerMoves } from './officer';
import { pngFile } from './png';

export const TAG = 'loket-status-tracker';
export const REGION = '35.78'; // Kota Surabaya
export const SERVICE = 'ktp-el-hilang';

// The test page plays an Indonesian government site (vitest's own page says lang="en").
document.documentElement.lang = 'id';

const startUrl = location.href;
const added = new Set<Element>();

// Surabaya allows the test page's origin (as `origins add` does for a website): without it, every
// application request from this page fails like a site the region never allowed.
beforeAll(() => {
  forgetDevice();
  return commands.allowOrigin(REGION, location.origin);
});

/** The real API, for the SDK calls a citizen's form would make. */
export const core = () => createLoketCore({ baseUrl: inject('apiBase'), region: REGION });

/** Answers of a Surabaya resident whose KTP-el was lost (the NIK is well-formed, not a real one). */
const answers = {
  nama_lengkap: 'Siti Aminah',
  nik: '3578015505900001',
  telepon: '081234567890',
  tanggal_kehilangan: '2026-03-01',
  nomor_surat_kehilangan: 'SKH/123/III/2026',
  pernyataan_benar: true,
};

/** A draft of ktp-el-hilang with every answer and both files, not sent yet. */
export async function draftApplication(): Promise<ApplicationKey & { etag: string }> {
  const api = core();
  const { application } = await createApplication(api, { service: SERVICE, region: REGION });
  const { code, secret } = application;
  const file = await pngFile('surat-kehilangan.png');
  const report = await uploadAttachment(api, code, secret, 'surat_keterangan_kehilangan', file, {
    filename: 'surat-kehilangan.png',
  });
  const kk = await uploadAttachment(api, code, secret, 'kartu_keluarga', file, { filename: 'kk.png' });
  const saved = await saveAnswers(
    api,
    code,
    secret,
    {
      ...answers,
      surat_keterangan_kehilangan: [report.attachment.id],
      kartu_keluarga: [kk.attachment.id],
    },
    kk.etag,
  );
  return { code, secret, etag: saved.etag };
}

/** A ktp-el-hilang application, submitted: its tracking code and secret. */
export async function submittedApplication(): Promise<ApplicationKey> {
  const { code, secret } = await draftApplication();
  const sent = await submitApplication(core(), code, secret, { declaration: true });
  expect(sent.status.status).toBe('submitted');
  return { code, secret };
}

/** A submitted application moved on to `status` by an officer. */
export async function applicationIn(
  status: 'submitted' | 'in_review' | 'needs_revision' | 'completed' | 'rejected',
): Promise<ApplicationKey> {
  const key = await submittedApplication();
  if (status === 'submitted') return key;
  await officerMoves(key.code, { to: 'in_review' });
  if (status === 'needs_revision')
    await officerMoves(key.code, {
      to: 'needs_revision',
      public_note: 'Foto surat kehilangan buram.',
      fields: ['surat_keterangan_kehilangan', 'nik'],
    });
  if (status === 'completed')
    await officerMoves(key.code, { to: 'completed', public_note: 'KTP-el dapat diambil di MPP Siola.' });
  if (status === 'rejected')
    await officerMoves(key.code, { to: 'rejected', public_note: 'Surat kehilangan tidak sah.' });
  return key;
}

/** The heading of the current status, by its word ("Status: Diperiksa"). */
export const stateHeading = (word: string) =>
  page.getByRole('heading', { level: 3, name: `Status: ${word}` });

/** Mounts a tracker on the real API; `attrs` override or add attributes (`null` removes one). */
export function mountTracker(
  attrs: Record<string, string | null> = {},
  parent: HTMLElement = document.body,
): HTMLElement {
  const el = document.createElement(TAG);
  const all: Record<string, string | null> = { 'api-base': inject('apiBase'), ...attrs };
  for (const [name, value] of Object.entries(all)) if (value !== null) el.setAttribute(name, value);
  parent.append(el);
  added.add(el);
  return el;
}

/** Adds `node` to <body> (or <head>) and removes it after the test. */
export function addToPage<T extends Element>(node: T, where: 'head' | 'body' = 'body'): T {
  document[where].append(node);
  added.add(node);
  return node;
}

/** A <style> with `css`, removed after the test. */
export function addStyle(css: string): HTMLStyleElement {
  const style = document.createElement('style');
  style.textContent = css;
  return addToPage(style, 'head');
}

export function shadow(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no open shadow root`);
  return el.shadowRoot;
}

/** The element that has focus, looking through open shadow roots. */
export function focused(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

afterEach(() => {
  for (const node of added) node.remove();
  added.clear();
  document.documentElement.removeAttribute('data-loket-theme');
  history.replaceState(null, '', startUrl);
  forgetDevice();
});

/**
 * What this device knows of applications (the tracker's list, the one shown in this tab, the
 * form's records): gone, so each test's tracker starts as on a new device.
 */
export function forgetDevice(): void {
  sessionStorage.removeItem('loket:tracker:current');
  for (const name of Object.keys(localStorage))
    if (name.startsWith('loket:tracker:') || name.startsWith('loket:application:'))
      localStorage.removeItem(name);
}
