import '../../../dist/components/loket-application-form.js';
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { violations } from '../../../test/a11y';
import { shadow } from '../../../test/finder';
import { fillToCheck, mountForm, shownKey, submitFromCheck } from '../../../test/form';

// The receipt ("Bukti pengajuan") from the form's confirmation, in a real Chromium on the real API.

const receiptButton = () =>
  page.getByRole('button', { name: 'Bukti pengajuan (untuk disimpan atau dicetak)' });

describe('the receipt on the confirmation', () => {
  it('opens under its button with the code, service and what to bring; never the secret; axe finds nothing', async () => {
    await page.viewport(412, 915);
    try {
      const form = await mountForm();
      await fillToCheck();
      await submitFromCheck(form);
      const key = shownKey(form);
      await userEvent.click(receiptButton());
      await expect.element(page.getByRole('heading', { level: 2, name: 'Bukti pengajuan' })).toBeVisible();
      expect(receiptButton().element().getAttribute('aria-expanded')).toBe('true');
      const receipt = shadow(form).querySelector('.receipt') as HTMLElement;
      expect(receipt.textContent).toContain(key.code);
      expect(receipt.textContent).toContain('Penggantian KTP-el karena Hilang');
      expect(receipt.querySelectorAll('[part~="receipt-bring"] li').length).toBeGreaterThan(0);
      expect(receipt.textContent).not.toContain(key.secret);
      await expect.element(page.getByRole('button', { name: 'Cetak bukti' })).toBeVisible();
      expect(receipt.scrollWidth).toBeLessThanOrEqual(receipt.clientWidth);
      expect(await violations(form)).toEqual([]);

      await userEvent.click(receiptButton());
      expect(shadow(form).querySelector('.receipt')).toBeNull();
    } finally {
      await page.viewport(1024, 768);
    }
  });
});
