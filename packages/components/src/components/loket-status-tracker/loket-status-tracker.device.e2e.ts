import '../../../dist/components/loket-status-tracker.js';
import { afterEach, describe, expect, it } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import { violations } from '../../../test/a11y';
import { applicationIn, focused, mountTracker, shadow, stateHeading } from '../../../test/tracker';

// The tracker remembers (issue 15): the applications of this device listed ("Permohonan di
// perangkat ini"), the one shown opened again after a reload or the menu's link, one taken off
// the device; and "Lupa kode rahasia?": the request, and the one-time link that gives a new secret.

afterEach(async () => {
  await page.viewport(1024, 768);
});

/** What a citizen does by opening the tracker's address again (a reload, the menu's link). */
const reload = (el: HTMLElement) => {
  el.remove();
  return mountTracker();
};

const deviceHeading = () => page.getByRole('heading', { level: 2, name: 'Permohonan di perangkat ini' });

for (const [name, width, height] of [
  ['a phone', 412, 915],
  ['a desktop', 1024, 768],
] as const) {
  describe(`on ${name} (${width} × ${height})`, () => {
    it("opens a notification's #kode= link (no secret) with the secret this device keeps, or asks for it with the code filled in", async () => {
      await page.viewport(width, height);
      const revision = await applicationIn('needs_revision');
      const done = await applicationIn('completed');
      let el = mountTracker();
      location.hash = new URLSearchParams({ kode: revision.code, rahasia: revision.secret }).toString();
      await expect.element(stateHeading('Perlu diperbaiki')).toBeVisible();
      location.hash = new URLSearchParams({ kode: done.code, rahasia: done.secret }).toString();
      await expect.element(stateHeading('Selesai')).toBeVisible();

      // The e-mail's link names the code only: this device knows its secret, so it opens at once.
      el.remove();
      location.hash = new URLSearchParams({ kode: revision.code }).toString();
      el = mountTracker();
      await expect.element(stateHeading('Perlu diperbaiki')).toBeVisible();
      expect(location.hash).toBe('');
      // In a tab already on the tracker too (hashchange).
      location.hash = new URLSearchParams({ kode: done.code }).toString();
      await expect.element(stateHeading('Selesai')).toBeVisible();

      // A code this device does not know: the lookup, with the code filled in, asking for the secret.
      el.remove();
      localStorage.clear();
      location.hash = 'kode=LKT-0000-0000-0000';
      el = mountTracker();
      await expect
        .element(page.getByRole('textbox', { name: /Kode pelacakan/ }))
        .toHaveValue('LKT-0000-0000-0000');
      expect(location.hash).toBe('');
      expect(await violations(el)).toEqual([]);
    });

    it('opens the application shown again after a reload, lists those of this device, and forgets one', async () => {
      await page.viewport(width, height);
      const revision = await applicationIn('needs_revision');
      const done = await applicationIn('completed');
      let el = mountTracker();
      location.hash = new URLSearchParams({ kode: revision.code, rahasia: revision.secret }).toString();
      await expect.element(stateHeading('Perlu diperbaiki')).toBeVisible();
      expect(location.hash).toBe('');

      // A reload, or the menu's "Lacak permohonan": the same application, though the link is gone.
      el = reload(el);
      await expect.element(stateHeading('Perlu diperbaiki')).toBeVisible();

      // A second one, by its link; then "Lacak permohonan lain": both listed, the latest first.
      location.hash = new URLSearchParams({ kode: done.code, rahasia: done.secret }).toString();
      await expect.element(stateHeading('Selesai')).toBeVisible();
      await userEvent.click(page.getByRole('button', { name: 'Lacak permohonan lain' }));
      await expect.element(deviceHeading()).toBeVisible();
      const items = () =>
        [...shadow(el).querySelectorAll('[part~="device-item"]')].map((li) => li.textContent);
      expect(items()).toHaveLength(2);
      expect(items()[0]).toContain(done.code);
      expect(items()[0]).toContain('Selesai');
      expect(items()[1]).toContain(revision.code);
      expect(await violations(el)).toEqual([]);
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);

      // After "Lacak permohonan lain" a reload shows the list (with two, none is opened for them).
      el = reload(el);
      await expect.element(deviceHeading()).toBeVisible();
      await userEvent.click(page.getByRole('button', { name: `Lihat ${revision.code}` }));
      await expect.element(stateHeading('Perlu diperbaiki')).toBeVisible();
      await expect.poll(() => focused()?.id).toBe('loket-status-heading');

      // Taken off this device: not listed any more, said, and focus stays in the list.
      await userEvent.click(page.getByRole('button', { name: 'Lacak permohonan lain' }));
      await userEvent.click(page.getByRole('button', { name: `Hapus dari perangkat ini ${done.code}` }));
      await expect.poll(() => items()).toHaveLength(1);
      await expect
        .poll(() => shadow(el).querySelector('[aria-live]')?.textContent)
        .toContain(`Permohonan ${done.code} dihapus dari perangkat ini.`);
      await expect.poll(() => focused()?.id).toBe('loket-device-heading');
      expect(await violations(el)).toEqual([]);
      expect(localStorage.getItem('loket:tracker:v1')).not.toContain(done.code);
    });

    it('Lupa kode rahasia?: the same answer for any contact, and a link that gives a new secret once', async () => {
      await page.viewport(width, height);
      const app = await applicationIn('in_review');
      const el = mountTracker();
      await userEvent.click(page.getByRole('button', { name: 'Lupa kode rahasia?' }));
      await expect.element(page.getByRole('heading', { level: 2, name: 'Lupa kode rahasia?' })).toBeVisible();
      await expect.poll(() => focused()?.id).toBe('loket-recovery-heading');
      expect(await violations(el)).toEqual([]);
      await userEvent.fill(page.getByRole('textbox', { name: 'Kode pelacakan' }), app.code);
      await userEvent.fill(page.getByRole('textbox', { name: 'Email atau nomor HP' }), 'bukan@contoh.id');
      await userEvent.click(page.getByRole('button', { name: 'Kirim tautan' }));
      // The text itself is polled (not a locator) so that a failure shows what the tracker said
      // instead (an error, or still "sending" on a loaded machine: up to 15 s).
      await expect
        .poll(() => shadow(el).textContent, { timeout: 15_000 })
        .toMatch(/Bila kode pelacakan dan kontak itu cocok/);
      const sent = page.getByText(/Bila kode pelacakan dan kontak itu cocok/);
      await expect.element(sent).toBeVisible();
      await expect.poll(() => focused()?.id).toBe('loket-recovery-sent');
      expect(await violations(el)).toEqual([]);
      el.remove();

      // The message's link: the tracker takes a new secret, shows it once, and keeps it here.
      const token = await commands.recoveryToken(app.code);
      location.hash = new URLSearchParams({ kode: app.code, pulih: token }).toString();
      const opened = mountTracker();
      await expect.element(stateHeading('Sedang diperiksa')).toBeVisible();
      expect(location.hash).toBe('');
      const notice = shadow(opened).textContent ?? '';
      const secret = /Kode rahasia baru Anda: ([0-9A-Z-]{19})/.exec(notice)?.[1];
      expect(secret).toBeDefined();
      expect(secret).not.toBe(app.secret);
      expect(localStorage.getItem('loket:tracker:v1')).toContain(String(secret));
      expect(await violations(opened)).toEqual([]);
      opened.remove();

      // The same link again: it worked once.
      location.hash = new URLSearchParams({ kode: app.code, pulih: token }).toString();
      const again = mountTracker();
      await expect.element(page.getByText(/Tautan ini sudah dipakai/)).toBeVisible();
      expect(await violations(again)).toEqual([]);
    });
  });
}

it('Lupa kode rahasia?: the code and the contact typed in one frame (autofill) are both sent', async () => {
  const app = await applicationIn('in_review');
  const el = mountTracker();
  await userEvent.click(page.getByRole('button', { name: 'Lupa kode rahasia?' }));
  await expect.poll(() => focused()?.id).toBe('loket-recovery-heading');
  // Both inputs before the tracker renders again: the second must not put back the first's old value.
  const root = el.shadowRoot as ShadowRoot;
  for (const [id, value] of [
    ['loket-recovery-code', app.code],
    ['loket-recovery-contact', 'bukan@contoh.id'],
  ]) {
    const input = root.getElementById(id) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  await userEvent.click(page.getByRole('button', { name: 'Kirim tautan' }));
  await expect
    .poll(() => shadow(el).textContent, { timeout: 15_000 })
    .toMatch(/Bila kode pelacakan dan kontak itu cocok/);
  el.remove();
});
