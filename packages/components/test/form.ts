/**
 * Browser-side helpers for the <loket-application-form> view tests: mount it on the real API
 * (region 35.78 allows the test page's origin), move by keyboard, build a real PNG, and leave
 * the page (elements, this device's saved applications, URL) as it was found.
 */
import { afterEach, expect, inject } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import { focused, focusedName } from './finder';

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

/** The page's one heading (h2), by its name. */
export const heading = (name: string | RegExp) => page.getByRole('heading', { level: 2, name });

/** A step's heading name: "Langkah 2 dari 4: Kehilangan" (the progress is part of it). */
export const step = (n: number, title: string, total = 4) =>
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

/** A valid 1×1 PNG (signature, IHDR, zlib IDAT, IEND, each chunk with its CRC). */
export async function pngFile(name = 'foto.png'): Promise<File> {
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    out.set(new TextEncoder().encode(type), 4);
    out.set(data, 8);
    view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
    return out;
  };
  const ihdr = new Uint8Array(13);
  const header = new DataView(ihdr.buffer);
  header.setUint32(0, 1); // width
  header.setUint32(4, 1); // height
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const raw = new Uint8Array([0, 0x0b, 0x5c, 0xad, 0xff]); // filter 0, one blue pixel
  const idat = new Uint8Array(
    await new Response(new Blob([raw]).stream().pipeThrough(new CompressionStream('deflate'))).arrayBuffer(),
  );
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', new Uint8Array()),
  ];
  return new File(parts, name, { type: 'image/png' });
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const label = (name: string) => page.getByLabelText(name, { exact: true });
const button = (name: string | RegExp) => page.getByRole('button', { name });

/** Fills every step of ktp-el-hilang by pointer (the quick way, for tests about a later page). */
export async function fillToCheck(): Promise<void> {
  await userEvent.click(button(/^(Mulai|Lanjutkan mengisi)/));
  await userEvent.fill(label('Nama lengkap'), citizen.name);
  await userEvent.fill(label('NIK'), citizen.nik);
  await userEvent.fill(label('Nomor HP'), citizen.phone);
  await userEvent.click(button('Lanjut'));
  await userEvent.fill(label('Kapan KTP-el Anda hilang?'), '2025-03-15');
  await userEvent.click(button('Lanjut'));
  await userEvent.upload(label('Surat keterangan kehilangan dari kepolisian'), await pngFile('surat.png'));
  await expect.element(page.getByText('surat.png sudah terunggah.')).toBeInTheDocument();
  await userEvent.upload(label('Kartu Keluarga (KK)'), await pngFile('kk.png'));
  await expect.element(page.getByText('kk.png sudah terunggah.')).toBeInTheDocument();
  await userEvent.click(button('Lanjut'));
  await userEvent.click(label('Saya menyatakan data yang saya isi benar'));
  await userEvent.click(button('Lanjut'));
  await expect.element(heading('Periksa jawaban Anda')).toBeVisible();
}

/** From check your answers: declares and submits; resolves on the confirmation with the tracking code. */
export async function submitFromCheck(form: Element): Promise<string> {
  await userEvent.click(label('Saya menyatakan bahwa semua data dan berkas yang saya berikan benar.'));
  await userEvent.click(button('Kirim permohonan'));
  await expect.element(heading('Permohonan terkirim')).toBeVisible();
  return form.shadowRoot?.querySelector('#loket-code')?.textContent ?? '';
}

/** The application as its agency's officer sees it (the officer API, with a token). */
export async function officerView(code: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const result = await commands.officer({
    agency: 'dukcapil',
    region: REGION,
    method: 'GET',
    path: `/v1/officer/applications/${encodeURIComponent(code)}`,
  });
  return result as { status: number; body: Record<string, unknown> };
}

afterEach(() => {
  for (const el of mounted) el.remove();
  mounted.clear();
  localStorage.clear(); // this device's saved applications
  history.replaceState(null, '', startUrl);
});

/** The officer moves a submitted application on (`in_review`, then `needs_revision` …). */
export async function officerMoves(code: string, body: Record<string, unknown>): Promise<void> {
  const result = await commands.officer({
    agency: 'dukcapil',
    region: REGION,
    method: 'POST',
    path: `/v1/officer/applications/${encodeURIComponent(code)}/transitions`,
    body,
  });
  expect(result.status, JSON.stringify(result.body)).toBe(200);
}

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
