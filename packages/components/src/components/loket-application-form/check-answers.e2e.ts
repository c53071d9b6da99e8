import '../../../dist/components/loket-application-form.js';
import { createApplicationSession } from '@loket/sdk/session';
import { describe, expect, inject, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { violations } from '../../../test/a11y';
import { focused } from '../../../test/finder';
import { button, heading, label, mountForm } from '../../../test/form';
import { viewports } from '../../../test/viewports';
import { loketCore } from '../../utils/client';

// Check your answers lists every answer that is sent: also those not asked because they are an
// earlier one (`same_as`: akta-kelahiran's mother, when she reports the birth herself).

/** A mother's akta-kelahiran draft on this device (and the server), left on check your answers. */
async function motherOnCheck(): Promise<void> {
  await mountForm({ service: 'akta-kelahiran' }).then((el) => el.remove()); // allows the page's origin
  const session = createApplicationSession({
    core: loketCore(inject('apiBase'), '35.78', 'id'),
    service: 'akta-kelahiran',
    region: '35.78',
    storage: localStorage,
  });
  await session.start();
  const answers = {
    nama_lengkap: 'Siti Aminah',
    nik: '3578015505900001',
    hubungan_pelapor: 'ibu',
    telepon: '081234567890',
    nama_anak: 'Budi',
    nama_ayah: 'Ahmad Santoso',
  };
  for (const [field, value] of Object.entries(answers)) session.setAnswer(field, value);
  session.setPlace('check');
  await session.flush();
  session.dispose();
}

/** The answer shown for a question on check your answers, as one string. */
const answerOf = (form: HTMLElement, question: string) => {
  const row = [...(form.shadowRoot?.querySelectorAll('.summary-row') ?? [])].find(
    (r) => r.querySelector('dt')?.textContent === question,
  );
  return row ? [...row.querySelectorAll('dd.answer span')].map((line) => line.textContent).join(' | ') : null;
};

describe.each(viewports)('check your answers on a %s', (_, width, height) => {
  it('lists the answers copied from earlier ones, and changes them where they were given', async () => {
    await page.viewport(width, height);
    await motherOnCheck();
    const form = await mountForm({ service: 'akta-kelahiran' });
    await expect.element(heading('Periksa jawaban Anda')).toBeVisible();
    expect(answerOf(form, 'Nama lengkap ibu')).toBe('Siti Aminah | Sama dengan jawaban “Nama lengkap”');
    expect(answerOf(form, 'NIK ibu')).toBe('3578015505900001 | Sama dengan jawaban “NIK”');
    expect(answerOf(form, 'Nama lengkap ayah')).toBe('Ahmad Santoso'); // asked: no note
    expect(answerOf(form, 'Nama lengkap')).toBe('Siti Aminah');
    expect(await violations(form)).toEqual([]);

    // "Ubah" by the mother's name goes to the question that gave it, and back to check your answers
    await userEvent.click(button('Ubah Nama lengkap ibu'));
    await expect.element(heading(/^Langkah 1 dari 4\s*:\s*Data pelapor$/)).toBeVisible();
    await expect.poll(() => focused()?.id).toBe('loket-f-nama_lengkap');
    await userEvent.fill(label('Nama lengkap'), 'Siti Aminah Rahayu');
    await userEvent.click(button('Lanjut'));
    await expect.element(heading('Periksa jawaban Anda')).toBeVisible();
    expect(answerOf(form, 'Nama lengkap ibu')).toBe(
      'Siti Aminah Rahayu | Sama dengan jawaban “Nama lengkap”',
    );

    // the father reporting: the mother's are asked (not copied), his own are copied
    await userEvent.click(button('Ubah Apa hubungan Anda dengan anak?'));
    await userEvent.click(page.getByRole('radio', { name: 'Ayah' }));
    await userEvent.click(button('Lanjut'));
    await expect.element(heading('Periksa jawaban Anda')).toBeVisible();
    expect(answerOf(form, 'Nama lengkap ibu')).toBe('Tidak diisi');
    expect(answerOf(form, 'Nama lengkap ayah')).toBe(
      'Siti Aminah Rahayu | Sama dengan jawaban “Nama lengkap”',
    );
  });

  it('says so in English', async () => {
    await page.viewport(width, height);
    await motherOnCheck();
    const wrapper = document.createElement('div');
    wrapper.lang = 'en';
    document.body.append(wrapper);
    try {
      const form = await mountForm({ service: 'akta-kelahiran' }, wrapper);
      await expect.element(heading('Check your answers')).toBeVisible();
      expect(answerOf(form, "Mother's full name")).toBe('Siti Aminah | Same as your answer to “Full name”');
      expect(await violations(form)).toEqual([]);
    } finally {
      wrapper.remove();
    }
  });
});
