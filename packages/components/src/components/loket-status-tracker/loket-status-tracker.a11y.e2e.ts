import '../../../dist/components/loket-status-tracker.js';
import { describe, expect, it } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import { THEMES, violations } from '../../../test/a11y';
import {
  addStyle,
  addToPage,
  applicationIn,
  draftApplication,
  forgetDevice,
  mountTracker,
  shadow,
  submittedApplication,
} from '../../../test/tracker';

const stateHeading = (name: RegExp | string) => page.getByRole('heading', { level: 3, name });

/** The tracker on `key`, once its status is shown. */
async function shown(key: { code: string; secret: string }, attrs: Record<string, string> = {}) {
  const el = mountTracker({ code: key.code, secret: key.secret, 'form-href': '/ajukan.html', ...attrs });
  await expect.element(stateHeading(/^Status: /)).toBeVisible();
  return el;
}

describe('axe-core finds no violations', () => {
  it('in the lookup form', async () => {
    const el = mountTracker();
    await expect.element(page.getByRole('heading', { name: 'Lacak permohonan' })).toBeVisible();
    expect(await violations(el)).toEqual([]);
  });

  it('in the lookup with errors (each field’s, then a code and secret that do not match)', async () => {
    const el = mountTracker();
    await userEvent.click(page.getByRole('button', { name: 'Lacak' }));
    await expect.element(page.getByRole('link', { name: 'Masukkan kode rahasia' })).toBeVisible();
    expect(await violations(el)).toEqual([]);

    await userEvent.fill(page.getByRole('textbox', { name: 'Kode pelacakan' }), 'LKT-0000-0000-0000');
    await userEvent.fill(page.getByRole('textbox', { name: 'Kode rahasia' }), 'salah');
    await userEvent.click(page.getByRole('button', { name: 'Lacak' }));
    await expect.element(page.getByRole('link', { name: /tidak cocok/ })).toBeVisible();
    expect(await violations(el)).toEqual([]);
  });

  it('in every status', async () => {
    const keys = {
      draft: await draftApplication(),
      submitted: await submittedApplication(),
      in_review: await applicationIn('in_review'),
      needs_revision: await applicationIn('needs_revision'),
      completed: await applicationIn('completed'),
      rejected: await applicationIn('rejected'),
    };
    for (const [status, key] of Object.entries(keys)) {
      const el = await shown(key);
      expect(await violations(el), status).toEqual([]);
      el.remove();
    }
  });

  it('withdrawn, after the confirmation step (itself checked too)', async () => {
    const el = await shown(await submittedApplication());
    await userEvent.click(page.getByRole('button', { name: 'Batalkan permohonan' }));
    await expect.element(page.getByRole('heading', { name: 'Batalkan permohonan ini?' })).toBeVisible();
    expect(await violations(el)).toEqual([]);
    await userEvent.click(page.getByRole('button', { name: 'Ya, batalkan permohonan' }));
    await expect.element(stateHeading('Status: Dibatalkan')).toBeVisible();
    expect(await violations(el)).toEqual([]);
  });

  it('overdue, and after a failed refresh', async () => {
    const key = await applicationIn('in_review');
    await commands.setDue(key.code, { date: '2026-01-05', working_days: 5, calendar: 'official' });
    const el = await shown(key);
    await expect.element(page.getByRole('heading', { name: 'Sudah melewati batas waktu' })).toBeVisible();
    await commands.networkFault({ url: '/status', when: 'before' });
    await userEvent.click(page.getByRole('button', { name: 'Perbarui' }));
    await expect
      .poll(() => shadow(el).querySelector('[part~="refresh"]')?.textContent, { timeout: 10_000 })
      .toContain('belum dapat diperbarui');
    await commands.clearNetworkFaults();
    expect(await violations(el)).toEqual([]);
  });

  it('in English', async () => {
    const key = await applicationIn('needs_revision');
    const wrapper = addToPage(document.createElement('div'));
    wrapper.lang = 'en';
    const el = mountTracker({ code: key.code, secret: key.secret, 'form-href': '/apply.html' }, wrapper);
    await expect.element(stateHeading('Status: Needs changes')).toBeVisible();
    expect(await violations(el)).toEqual([]);
    forgetDevice(); // else this tab opens the application it showed last
    const lookup = mountTracker({}, wrapper);
    await userEvent.click(page.getByRole('button', { name: 'Track', exact: true }));
    await expect.element(page.getByRole('link', { name: 'Enter the tracking code' })).toBeVisible();
    expect(await violations(lookup)).toEqual([]);
  });

  for (const { theme, css, text: themeText } of THEMES) {
    it(`in the ${theme} theme`, async () => {
      addStyle(css);
      document.documentElement.dataset.loketTheme = theme;
      const revision = await shown(await applicationIn('needs_revision'));
      // The theme really applies (its text colour, not the default one).
      const text = getComputedStyle(shadow(revision).querySelector('.tracker') as Element).color;
      expect(text).toBe(themeText);
      expect(await violations(revision)).toEqual([]);
      revision.remove();

      const key = await applicationIn('in_review');
      await commands.setDue(key.code, { date: '2026-01-05', working_days: 5, calendar: 'official' });
      const overdue = await shown(key);
      await userEvent.click(page.getByRole('button', { name: 'Batalkan permohonan' }));
      await expect.element(page.getByRole('heading', { name: 'Batalkan permohonan ini?' })).toBeVisible();
      expect(await violations(overdue)).toEqual([]);
      overdue.remove();

      forgetDevice(); // else this tab opens the application it showed last
      const lookup = mountTracker();
      await userEvent.click(page.getByRole('button', { name: 'Lacak' }));
      await expect.element(page.getByRole('link', { name: 'Masukkan kode rahasia' })).toBeVisible();
      expect(await violations(lookup)).toEqual([]);
    });
  }
});
