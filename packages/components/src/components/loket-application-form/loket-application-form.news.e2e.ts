import '../../../dist/components/loket-application-form.js';
import { createLoketCore, getApplication } from '@loket/sdk';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { violations } from '../../../test/a11y';
import { fillToCheck, mountForm, shownKey, submitFromCheck } from '../../../test/form';

// News only when the citizen asks for it (issue 15): on check your answers a box per contact the
// citizen gave, unticked; the choice goes with the submission and is stored with the application.

afterEach(async () => {
  await page.viewport(1024, 768);
});

const news = () => page.getByRole('group', { name: 'Kabar tentang permohonan ini' });
const phoneBox = () => page.getByRole('checkbox', { name: 'Kirim kabar ke nomor HP 0812 3456 7890' });

for (const [name, width, height] of [
  ['a phone', 412, 915],
  ['a desktop', 1024, 768],
] as const) {
  describe(`on ${name} (${width} × ${height})`, () => {
    it('asks for news by the contacts given, unticked, and sends the choice with the application', async () => {
      await page.viewport(width, height);
      const form = await mountForm();
      await fillToCheck();
      await expect.element(news()).toBeVisible();
      // Only the phone was given (the e-mail question was left empty): one box, not ticked.
      expect(news().element().querySelectorAll('input[type="checkbox"]')).toHaveLength(1);
      await expect.element(phoneBox()).not.toBeChecked();
      await expect.element(phoneBox()).toHaveAccessibleDescription(/layanan pesan daerah Anda/);
      expect(await violations(form)).toEqual([]);
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);

      await userEvent.click(phoneBox());
      await submitFromCheck(form);
      const { code, secret } = shownKey(form);
      const { application } = await getApplication(
        createLoketCore({ baseUrl: inject('apiBase') }),
        code,
        secret,
      );
      expect(application.notify).toEqual(['phone']);
    });
  });
}
