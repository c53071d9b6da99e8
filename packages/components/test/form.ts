/**
 * Browser-side helpers for the <loket-application-form> view tests: mount it on the real API
 * (region 35.78 allows the test page's origin), move by keyboard, fill it in, and leave
 * the page (elements, this device's saved applications, URL) as it was found.
 */
import { afterEach, expect, inject } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import { focused, focusedName } from './finder';
import { officerMoves } from './officer';
import { pngFile } from './png';

export const FORM = 'loket-application-form';
export const SERVICE = 'ktp-el-hilang';
export const REGION = '35.78';
export const TITLE = 'Penggantian KTP-el karena hilang';

/** A citizen's answers that the validator and the server accept. */
export const citizen = {
  name: 'Siti Aminah',
  nik: '3578015505900001',
  phone: '081234567890',
};

const startUrl = location.href;
const mounted = new Set<Element>();
let allowed = false;

/** Mounts a form for `ktp-el-hilang` in 35.78 on the real API; `attrs` override (`null` removes one). */
export async function mountForm(
  attrs: Record<string, string | null> = {},
  parent: HTMLElement = document.body,
): Promise<HTMLElement> {
  if (!allowed) {
    await commands.allowOrigin(REGION, location.origin);
    allowed = true;
  }
  const el = document.createElement(FORM);
  const all = { 'api-base': inject('apiBase'), region: REGION, service: SERVICE, ...attrs };
  for (const [name, value] of Object.entries(all)) if (value !== null) el.setAttribute(name, value);
  parent.append(el);
  mounted.add(el);
  return el;
}

/** A button of the page, by its name. */
export const button = (name: string | RegExp) => page.getByRole('button', { name });

/** A form control, by the exact text of its label. */
export const label = (name: string) => page.getByLabelText(name, { exact: true });

/** The page's one heading (h2), by its name. */
export const heading = (name: string | RegExp) => page.getByRole('heading', { level: 2, name });

/** A step's heading name: "Langkah 2 dari 3: Kehilangan" (the progress is part of it). */
export const step = (n: number, title: string, total = 3) =>
  new RegExp(`^Langkah ${n} dari ${total}\\s*:\\s*${title}$`);

/** Presses Tab (Shift+Tab with `back`) until `name` matches what has focus; fails after `max`. */
export async function tabTo(name: string | RegExp, { back = false, max = 40 } = {}): Promise<void> {
  const matches = () => {
    const label = accessibleName(focused());
    return typeof name === 'string' ? label === name : name.test(label);
  };
  for (let i = 0; i < max && !matches(); i++) await userEvent.tab({ shift: back });
  expect(matches(), `focus reached “${name}” (it is on ${focusedName()})`).toBe(true);
}

/**
 * A rough accessible name of the focused element, enough to find controls by Tab: its
 * aria-label, its labels' text, else its own text.
 */
export function accessibleName(el: Element | null): string {
  if (!el) return '';
  const labelled = el.getAttribute('aria-label');
  if (labelled) return labelled;
  const labels = (el as HTMLInputElement).labels;
  const from = labels && labels.length > 0 ? [...labels] : [el];
  return from.map(visibleText).join(' ').replace(/\s+/g, ' ').trim();
}

/** Text without what is hidden from screen readers (`aria-hidden` arrows and icons). */
function visibleText(node: Element): string {
  const copy = node.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
  return copy.textContent ?? '';
}

/** Waits until the focused element's name matches. */
export const expectFocus = (name: string | RegExp) =>
  expect
    .poll(() => accessibleName(focused()), { timeout: 5_000 })
    .toMatch(typeof name === 'string' ? new RegExp(`^${literal(name)}$`) : name);

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Fills the first two steps of ktp-el-hilang by pointer, to the documents step. */
export async function fillToDocuments(): Promise<void> {
  await userEvent.click(button(/^(Mulai|Lanjutkan mengisi)/));
  await userEvent.fill(label('Nama lengkap'), citizen.name);
  await userEvent.fill(label('NIK'), citizen.nik);
  await userEvent.fill(label('Nomor HP'), citizen.phone);
  await userEvent.click(button('Lanjut'));
  await userEvent.fill(label('Kapan KTP-el Anda hilang?'), '2025-03-15');
  await userEvent.click(button('Lanjut'));
  await expect.element(heading(/^Langkah 3 dari 3\s*:\s*Dokumen$/)).toBeVisible();
}

/** Fills every step of ktp-el-hilang by pointer (the quick way, for tests about a later page). */
export async function fillToCheck(): Promise<void> {
  await fillToDocuments();
  await userEvent.upload(label('Surat keterangan kehilangan dari kepolisian'), await pngFile('surat.png'));
  await expect.element(page.getByText('surat.png sudah terunggah.')).toBeInTheDocument();
  await userEvent.upload(label('Kartu Keluarga (KK)'), await pngFile('kk.png'));
  await expect.element(page.getByText('kk.png sudah terunggah.')).toBeInTheDocument();
  await userEvent.click(button('Lanjut')); // the declaration is asked once, on check your answers
  await expect.element(heading('Periksa jawaban Anda')).toBeVisible();
}

/** From check your answers: declares and submits; resolves on the confirmation with the tracking code. */
export async function submitFromCheck(form: Element): Promise<string> {
  await userEvent.click(label('Saya menyatakan bahwa semua data dan berkas yang saya berikan benar.'));
  await userEvent.click(button('Kirim permohonan'));
  await expect.element(heading('Permohonan terkirim')).toBeVisible();
  return form.shadowRoot?.querySelector('#loket-code')?.textContent ?? '';
}

afterEach(() => {
  for (const el of mounted) el.remove();
  mounted.clear();
  localStorage.clear(); // this device's saved applications
  history.replaceState(null, '', startUrl);
});

/** The tracking code and secret the confirmation shows. */
export function shownKey(form: Element): { code: string; secret: string } {
  const text = (id: string) => form.shadowRoot?.getElementById(id)?.textContent ?? '';
  return { code: text('loket-code'), secret: text('loket-secret') };
}

/** Opens the page as a resume or "fix it" link does: the code and secret in the fragment. */
export function openWithKey(key: { code: string; secret: string }): void {
  const url = new URL(location.href);
  url.hash = new URLSearchParams({ kode: key.code, rahasia: key.secret }).toString();
  history.replaceState(null, '', url);
}

/** Removes every mounted form and forgets this device's applications: another device. */
export function anotherDevice(): void {
  for (const el of mounted) el.remove();
  mounted.clear();
  localStorage.clear();
}

/**
 * A ktp-el-hilang application sent through the form (with surat.png and kk.png), then sent back by
 * the officer to fix `fields`, with `note`; the page is then another device opening its "fix it"
 * link (the code and secret in the fragment), ready for `mountForm`.
 */
export async function sentBackForRevision(
  fields: string[],
  note: string,
): Promise<{ code: string; secret: string }> {
  const form = await mountForm();
  await fillToCheck();
  const code = await submitFromCheck(form);
  const key = shownKey(form);
  await officerMoves(code, { to: 'in_review' }, { to: 'needs_revision', public_note: note, fields });
  anotherDevice();
  openWithKey(key);
  return key;
}
