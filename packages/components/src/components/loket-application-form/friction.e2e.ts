import '../../../dist/components/loket-application-form.js';
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { violations } from '../../../test/a11y';
import { button, heading, label, mountForm } from '../../../test/form';

// A form without friction (issue 14): numbers typed as on the card, on a phone and a desktop.

const viewports = [
  ['phone', 412, 915],
  ['desktop', 1024, 768],
] as const;

afterEach(async () => {
  await page.viewport(1024, 768);
});

const stored = (service: string) =>
  JSON.parse(localStorage.getItem(`loket:application:v1:${service}:35.78`) ?? 'null');

describe.each(viewports)('numbers in groups, on a %s', (_, width, height) => {
  it('takes a NIK, KK and phone with spaces, dots or dashes, on numeric keyboards, and keeps them as digits', async () => {
    await page.viewport(width, height);
    const form = await mountForm({ service: 'pindah-domisili' });
    await userEvent.click(button(/^(Mulai|Lanjutkan mengisi)/));
    const nik = label('NIK');
    const kk = label('Nomor KK');
    await expect.element(kk).toBeVisible();
    expect(nik.element().getAttribute('inputmode')).toBe('numeric');
    expect(kk.element().getAttribute('inputmode')).toBe('numeric');
    await userEvent.fill(label('Nama lengkap'), 'Siti Aminah');
    await userEvent.fill(nik, '3578 0155 0590 0001');
    await userEvent.fill(label('Nomor HP'), '0812-3456-7890');
    await userEvent.fill(label('Alamat sekarang'), 'Jl. Darmo 1, Surabaya');
    await userEvent.fill(kk, '3578.0612.0315.0007');
    await userEvent.click(nik); // leaving the KK field checks it: no error
    // what was typed stays as typed; the answer is the normalized number
    await expect.element(kk).toHaveValue('3578.0612.0315.0007');
    expect(form.shadowRoot?.querySelector('[part~="error-message"]')).toBeNull();
    expect(stored('pindah-domisili').answers).toMatchObject({
      nik: '3578015505900001',
      nomor_kk: '3578061203150007',
      telepon: '+6281234567890',
    });
    expect(await violations(form)).toEqual([]);
    await userEvent.click(button('Lanjut'));
    await expect.element(heading(/^Langkah 2 dari/)).toBeVisible();
    // a wrong one is still refused, in the same words
    await userEvent.click(button(/Kembali/));
    await userEvent.fill(kk, '3578 0612 0315');
    await userEvent.click(button('Lanjut'));
    await expect
      .element(page.getByRole('link', { name: 'Nomor KK harus 16 digit (yang diisi 12).' }))
      .toBeVisible();
    expect(await violations(form)).toEqual([]);
  });
});
