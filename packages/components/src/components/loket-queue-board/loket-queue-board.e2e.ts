import '../../../dist/components/loket-queue-board.js';
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { violations } from '../../../test/a11y';
import { bookToday, hall, mountVisit, shadow } from '../../../test/visits';

type Stream = { source?: EventSource };
const numbers = (el: HTMLElement) =>
  [...shadow(el).querySelectorAll('.number, .recent-number')].map((n) =>
    n.textContent?.replace(/^Nomor /, ''),
  );

/** Checks a booking in and calls it to Loket 1; its queue number. */
async function callNext(code: string): Promise<string> {
  await hall('POST', '/check-ins', { code });
  const called = await hall('POST', '/counters/dukcapil-1/call-next');
  return (called.called as { number: string }).number;
}

describe('<loket-queue-board> on the real API', () => {
  it('shows each call at its counter as it happens, says it, and passes axe', async () => {
    const el = mountVisit('loket-queue-board');
    await expect.element(page.getByText('Langsung')).toBeVisible();
    const number = await callNext(await bookToday('09:00', 'Ani Wijaya'));
    await expect.poll(() => numbers(el)[0]).toBe(number);
    await expect
      .poll(() => shadow(el).querySelector('[role="status"]')?.textContent)
      .toBe(`Nomor ${number}, silakan ke Loket 1.`);
    expect(await violations(el)).toEqual([]);
  });

  it('after a dropped connection, shows the calls made meanwhile once each, none missed', async () => {
    const el = mountVisit('loket-queue-board');
    await expect.element(page.getByText('Langsung')).toBeVisible();
    const first = await callNext(await bookToday('09:30', 'Dewi Lestari'));
    await expect.poll(() => numbers(el)).toContain(first);
    // The connection drops for good (as when a proxy restarts): the browser gives up on it.
    const stream = (el as unknown as { stream: Stream }).stream;
    stream.source?.close();
    stream.source?.dispatchEvent(new Event('error'));
    await expect.element(page.getByText(/Menyambung ulang/)).toBeVisible();
    const second = await callNext(await bookToday('09:30', 'Eko Prasetyo'));
    const third = await callNext(await bookToday('10:00', 'Fajar Nugroho'));
    // Reopened with ?last_event_id=: the two calls arrive, the first is not shown again.
    await expect.element(page.getByText('Langsung')).toBeVisible();
    await expect.poll(() => numbers(el).slice(0, 3)).toEqual([third, second, first]);
    const shown = numbers(el);
    expect(new Set(shown).size).toBe(shown.length);
  });
});
