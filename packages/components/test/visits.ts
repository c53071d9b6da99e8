/**
 * Browser-side helpers for the visit tests (<loket-visit-booking>, <loket-queue-board>): both on
 * the visits API of test/global-setup.ts, whose clock is Monday 11 January 2027, 08:00 WIB; the
 * Dukcapil officer of Kota Surabaya at MPP Siola through `commands.officer`.
 */
import { afterEach, beforeAll, expect, inject } from 'vitest';
import { commands, page } from 'vitest/browser';
import { addToPage } from './finder';

export const REGION = '35.78';
export const SIOLA = 'mpp-surabaya-siola';

// The test page plays an Indonesian government site (vitest's own page says lang="en").
document.documentElement.lang = 'id';

beforeAll(() => commands.allowOrigin(REGION, location.origin, 'visits'));
afterEach(async () => {
  localStorage.clear();
  await page.viewport(1024, 768);
});

/** Mounts `tag` on the visits API with `attrs`. */
export function mountVisit(
  tag: 'loket-visit-booking' | 'loket-queue-board',
  attrs: Record<string, string> = {},
  parent?: HTMLElement,
): HTMLElement {
  const el = document.createElement(tag);
  const all = {
    'api-base': inject('visitsApiBase'),
    ...(tag === 'loket-visit-booking' ? { region: REGION } : { location: SIOLA }),
    ...attrs,
  };
  for (const [name, value] of Object.entries(all)) el.setAttribute(name, value);
  if (parent) parent.append(el);
  else addToPage(el);
  return el;
}

/** An officer request at Siola (the officer API never answers a browser). */
export async function hall(method: 'GET' | 'POST', path: string, body?: unknown) {
  const answer = await commands.officer({
    server: 'visits',
    agency: 'dukcapil',
    region: REGION,
    method,
    path: `/v1/officer/locations/${SIOLA}${path}`,
    body,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
  return answer.body as Record<string, unknown>;
}

/** A booking made as a citizen's page would make it, today at `time` (for the board's tests). */
export async function bookToday(time: string, name: string): Promise<string> {
  return (await bookingToday(time, name)).code;
}

/** The same, with the secret the citizen is shown once (for opening it from its manage link). */
export async function bookingToday(time: string, name: string): Promise<{ code: string; secret: string }> {
  const response = await fetch(`${inject('visitsApiBase')}/v1/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({
      service: 'ktp-el-hilang',
      location: SIOLA,
      date: '2027-01-11',
      time,
      name,
      email: `${name.split(' ')[0]?.toLowerCase()}@contoh.id`,
    }),
  });
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(201);
  return { code: body.code as string, secret: body.secret as string };
}

export const shadow = (el: HTMLElement) => el.shadowRoot as ShadowRoot;
