import '../../../dist/components/loket-status-tracker.js';
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { violations } from '../../../test/a11y';
import { applicationIn, focused, mountTracker, shadow, stateHeading } from '../../../test/tracker';

/** What a citizen would do by opening a `#kode=…&rahasia=…` link in the tab already on the tracker. */
const follow = (key: { code: string; secret: string }) => {
  location.hash = new URLSearchParams({ kode: key.code, rahasia: key.secret }).toString();
};

/** How often `text` occurs in what the tracker shows. */
const times = (el: HTMLElement, text: string) => (shadow(el).textContent ?? '').split(text).length - 1;

afterEach(async () => {
  history.replaceState(history.state, '', location.href.replace(/#.*$/, ''));
  await page.viewport(1024, 768);
});

for (const [name, width, height] of [
  ['a phone', 412, 915],
  ['a desktop', 1024, 768],
] as const) {
  describe(`on ${name} (${width} × ${height})`, () => {
    it('follows a new #kode= link in the open tab, without a reload, and says each thing once', async () => {
      await page.viewport(width, height);
      const revision = await applicationIn('needs_revision');
      const done = await applicationIn('completed');
      const el = mountTracker();
      await expect.element(page.getByRole('heading', { level: 2, name: 'Lacak permohonan' })).toBeVisible();

      follow(revision);
      await expect.element(stateHeading('Perlu diperbaiki')).toBeVisible();
      await expect.poll(() => focused()?.id).toBe('loket-status-heading');
      // The secret leaves the address bar at once, as on a first load.
      expect(location.hash).toBe('');
      // The status word in its heading only (the server's "Perlu diperbaiki: …" is not shown too);
      // the officer's note in the status box only (not again in the history).
      expect(times(el, 'Perlu diperbaiki')).toBe(2); // the heading and the history's last entry
      expect(times(el, 'Foto surat kehilangan buram.')).toBe(1);
      expect(await violations(el)).toEqual([]);
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);

      // Another link while one application is shown: the same element shows the other one.
      const marker = el;
      follow(done);
      await expect.element(stateHeading('Selesai')).toBeVisible();
      expect(document.querySelector('loket-status-tracker')).toBe(marker);
      expect(times(el, 'KTP-el dapat diambil di MPP Siola.')).toBe(1);
      expect(shadow(el).textContent).toContain(done.code);
      expect(await violations(el)).toEqual([]);

      // A fragment without a key (a link to a heading of the page) changes nothing.
      location.hash = 'bantuan';
      await new Promise((resolve) => setTimeout(resolve, 300));
      await expect.element(stateHeading('Selesai')).toBeVisible();
      expect(location.hash).toBe('#bantuan');
    });
  });
}
