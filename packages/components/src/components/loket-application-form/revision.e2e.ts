import '../../../dist/components/loket-application-form.js';
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { violations } from '../../../test/a11y';
import { focused } from '../../../test/finder';
import { button, heading, label, mountForm, sentBackForRevision, step } from '../../../test/form';
import { officerView } from '../../../test/officer';
import { pngFile } from '../../../test/png';
import { viewports } from '../../../test/viewports';

// A revision must replace a rejected file (issue 14): the same file sent back is refused with
// words that say what to do, in the page's language, on a phone and a desktop; another file is taken.

const NOTE = 'Foto KK buram. Unggah ulang yang jelas.';

/** Sent with kk.png; the officer asks for another KK. */
const kkSentBack = () => sentBackForRevision(['kartu_keluarga'], NOTE);

/** An error message shown by a question, by its exact text. */
const message = (text: string) => page.getByText(text, { exact: true });

describe.each(viewports)('a revision on a %s', (_, width, height) => {
  it('shows the officer’s note and only the fields asked for; the rejected file sent back is refused, another is sent', async () => {
    await page.viewport(width, height);
    const { code } = await kkSentBack();
    const form = await mountForm();
    await expect.element(heading('Permohonan Anda perlu diperbaiki')).toBeVisible();
    await expect.element(page.getByText(NOTE)).toBeVisible();
    await expect.element(page.getByRole('listitem').filter({ hasText: 'Kartu Keluarga (KK)' })).toBeVisible();
    await userEvent.click(button(/^Mulai memperbaiki/));
    await expect.element(heading(step(1, 'Dokumen', 1))).toBeVisible();
    await expect
      .element(page.getByText('Surat keterangan kehilangan dari kepolisian'))
      .not.toBeInTheDocument();
    await userEvent.click(button('Hapus kk.png'));
    await expect.element(page.getByText('kk.png dihapus.')).toBeInTheDocument();
    // the same file sent back is refused at once, in the page's language: it must be replaced
    await userEvent.upload(label('Kartu Keluarga (KK)'), await pngFile('kk.png'));
    const refusal = 'Berkas ini sama dengan yang diminta petugas untuk diganti. Unggah berkas yang baru.';
    await expect.element(message(refusal)).toBeVisible();
    // by the question, tied to its control, and said in the live region
    const input = label('Kartu Keluarga (KK)');
    await expect
      .element(input)
      .toHaveAccessibleDescription(new RegExp(refusal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await expect.element(page.getByText(`kk.png gagal diunggah. ${refusal}`)).toBeInTheDocument();
    const box = message(refusal).element().getBoundingClientRect();
    expect(box.right).toBeLessThanOrEqual(width); // readable on the screen, no sideways scroll
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
    expect(await violations(form)).toEqual([]);

    await userEvent.upload(input, await pngFile('kk-jelas.png', '#2e7d32'));
    await expect.element(page.getByText('kk-jelas.png sudah terunggah.')).toBeInTheDocument();
    await expect.element(message(refusal)).not.toBeInTheDocument();
    await userEvent.click(button('Lanjut'));
    await expect.element(heading('Periksa jawaban Anda')).toBeVisible();
    await expect.element(page.getByText('kk-jelas.png', { exact: true })).toBeVisible();
    await userEvent.click(label('Saya menyatakan bahwa semua data dan berkas yang saya berikan benar.'));
    await userEvent.click(button('Kirim ulang permohonan'));
    await expect.element(heading('Permohonan terkirim')).toBeVisible();
    expect((await officerView(code)).status).toBe('submitted');
  });

  it('in English; the rejected file left in place is refused when sending, linked to its question', async () => {
    await page.viewport(width, height);
    const { code } = await kkSentBack();
    const wrapper = document.createElement('div');
    wrapper.lang = 'en';
    document.body.append(wrapper);
    try {
      const form = await mountForm({}, wrapper);
      await userEvent.click(button(/^Start correcting/));
      await expect.element(heading(/^Step 1 of 1\s*:\s*Documents$/)).toBeVisible();
      // kept as it was, straight to sending: the server's validator refuses it, in English
      await userEvent.click(button('Continue'));
      await expect.element(heading('Check your answers')).toBeVisible();
      await userEvent.click(label('I declare that all the information and documents I gave are true.'));
      await userEvent.click(button('Send the application again'));
      const problem = page.getByRole('link', {
        name: 'Replace Family Card (KK): the officer asked for a new file, not the same one again.',
      });
      await expect.element(problem).toBeVisible();
      await expect.poll(() => focused()?.id).toBe('loket-error-summary');
      expect(await violations(form)).toEqual([]);
      await userEvent.click(problem);
      await expect.element(heading(/^Step 1 of 1\s*:\s*Documents$/)).toBeVisible();
      // removed and uploaded again unchanged: refused at once, in English
      await userEvent.click(button('Remove kk.png'));
      await expect.element(page.getByText('kk.png removed.')).toBeInTheDocument();
      await userEvent.upload(label('Family Card (KK)'), await pngFile('kk.png'));
      await expect
        .element(message('This is the same file the officer asked you to replace. Upload a new one.'))
        .toBeVisible();
      expect(await violations(form)).toEqual([]);
      await userEvent.upload(label('Family Card (KK)'), await pngFile('kk-clear.png', '#2e7d32'));
      await expect.element(page.getByText('kk-clear.png has been uploaded.')).toBeInTheDocument();
      await userEvent.click(button('Continue'));
      await userEvent.click(button('Send the application again')); // the declaration is still ticked
      await expect.element(heading('Application sent')).toBeVisible();
      expect((await officerView(code)).status).toBe('submitted');
    } finally {
      wrapper.remove();
    }
  });
});
