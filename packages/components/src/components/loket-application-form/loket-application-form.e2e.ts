import '../../../dist/components/loket-application-form.js';
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { focusedName, shadow } from '../../../test/finder';
import { citizen, expectFocus, heading, mountForm, step, TITLE, tabTo } from '../../../test/form';
import { officerView } from '../../../test/officer';
import { pngFile } from '../../../test/png';

describe('the whole journey by keyboard alone', () => {
  it('prepares, fills every step, uploads, changes an answer, submits once and gets a code the API knows', async () => {
    const form = await mountForm({ 'tracker-href': '/lacak.html' });
    const steps: string[] = [];
    form.addEventListener('loketStepChange', (e) => steps.push((e as CustomEvent).detail.place));
    const submitted: unknown[] = [];
    form.addEventListener('loketSubmit', (e) => submitted.push((e as CustomEvent).detail));

    // Prepare: the form's title, what to have ready, the fee, and one start button.
    await expect.element(heading(TITLE)).toBeVisible();
    await expect.element(page.getByRole('heading', { level: 3, name: 'Yang perlu disiapkan' })).toBeVisible();
    await expect.element(page.getByText('Gratis')).toBeVisible();
    await tabTo('Mulai');
    await userEvent.keyboard('{Enter}');

    // Step 1: the heading (with the progress) has focus.
    await expect.element(heading(step(1, 'Data pemohon'))).toBeVisible();
    await expectFocus(step(1, 'Data pemohon'));
    await tabTo('Nama lengkap');
    await userEvent.keyboard(citizen.name);
    await userEvent.tab();
    await expectFocus('NIK');
    await userEvent.keyboard(citizen.nik);
    await userEvent.tab();
    await expectFocus('Nomor HP');
    await userEvent.keyboard('0812');
    await userEvent.keyboard('{Enter}'); // implicit submission: Continue

    // The phone number is wrong: the error summary has focus, its link goes to the field.
    const summary = page.getByRole('alert').filter({ hasText: 'Ada masalah' });
    await expect.element(summary).toBeVisible();
    await expect
      .element(summary.getByRole('link', { name: /^Nomor HP harus nomor ponsel Indonesia/ }))
      .toBeVisible();
    await expect.poll(focusedName).toMatch(/^div#loket-error-summary/);
    await userEvent.tab();
    await expectFocus(/^Nomor HP harus nomor ponsel Indonesia/);
    await userEvent.keyboard('{Enter}');
    await expectFocus('Nomor HP');
    const phone = page.getByRole('textbox', { name: 'Nomor HP' });
    await expect.poll(() => phone.element().getAttribute('aria-invalid')).toBe('true');
    await expect.element(phone).toHaveAccessibleDescription(/harus nomor ponsel Indonesia/);
    await userEvent.keyboard('567890');
    await userEvent.keyboard('{Enter}');

    // Step 2: a date typed into the native date input.
    await expect.element(heading(step(2, 'Kehilangan'))).toBeVisible();
    await expectFocus(step(2, 'Kehilangan'));
    await tabTo('Kapan KTP-el Anda hilang?');
    await userEvent.keyboard('03152025'); // mm dd yyyy in the test browser's en-US date input
    await tabTo('Lanjut');
    await userEvent.keyboard('{Enter}');

    // Step 3: two real PNG files, one per question.
    await expect.element(heading(step(3, 'Dokumen'))).toBeVisible();
    await tabTo('Surat keterangan kehilangan dari kepolisian');
    await userEvent.upload(
      page.getByLabelText('Surat keterangan kehilangan dari kepolisian'),
      await pngFile('surat.png'),
    );
    await expect.element(page.getByText('surat.png sudah terunggah.')).toBeInTheDocument();
    await tabTo('Kartu Keluarga (KK)');
    await userEvent.upload(page.getByLabelText('Kartu Keluarga (KK)'), await pngFile('kk.png'));
    await expect.element(page.getByText('kk.png sudah terunggah.')).toBeInTheDocument();
    await expect
      .element(page.getByRole('list', { name: 'Kartu Keluarga (KK)' }))
      .toHaveTextContent(/kk\.png/);
    await tabTo('Lanjut');
    await userEvent.keyboard('{Enter}');

    // Check your answers: answers as people read them; change one and come back.
    await expect.element(heading('Periksa jawaban Anda')).toBeVisible();
    await expectFocus('Periksa jawaban Anda');
    const list = page.getByRole('term').filter({ hasText: 'Kapan KTP-el Anda hilang?' });
    await expect.element(list).toBeVisible();
    await expect.element(page.getByText('15 Maret 2025')).toBeVisible();
    await expect.element(page.getByText('surat.png')).toBeVisible();
    await tabTo('Ubah Nomor HP');
    await userEvent.keyboard('{Enter}');
    await expect.element(heading(step(1, 'Data pemohon'))).toBeVisible();
    await expectFocus('Nomor HP');
    await userEvent.keyboard('{Control>}a{/Control}081299998888{Enter}');
    await expect.element(heading('Periksa jawaban Anda')).toBeVisible();
    await expectFocus('Periksa jawaban Anda');
    await expect.element(page.getByText('081299998888')).toBeVisible();

    // Submit: without the declaration the summary says so; with it, the confirmation.
    await tabTo('Kirim permohonan');
    await userEvent.keyboard('{Enter}');
    await expect.poll(focusedName).toMatch(/^div#loket-error-summary/);
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await expectFocus(/^Saya menyatakan bahwa semua data/);
    await userEvent.keyboard(' ');
    await tabTo('Kirim permohonan');
    await userEvent.keyboard('{Enter}');

    await expect.element(heading('Permohonan terkirim')).toBeVisible();
    await expectFocus('Permohonan terkirim');
    const code = shadow(form).querySelector('#loket-code')?.textContent ?? '';
    expect(code).toMatch(/^LKT-/);
    expect(submitted).toEqual([{ code, status: 'submitted' }]);
    const officer = await officerView(code);
    expect(officer.status).toBe('submitted');
    expect(officer.answers).toMatchObject({
      nama_lengkap: citizen.name,
      nik: citizen.nik,
      telepon: '+6281299998888', // stored normalized
    });
    expect(steps).toEqual([
      'pemohon',
      'kehilangan',
      'dokumen',
      'check', // the declaration is ticked there, no step of its own
      'pemohon',
      'check',
      'done',
    ]);
    // Each code has a copy button; the live region says it was copied (or selected to copy).
    await tabTo('Salin kode rahasia');
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByRole('status')).toHaveTextContent(/^Kode rahasia (disalin|sudah dipilih)/);
    // The tracker link carries the code and the secret in its fragment only.
    const track = page.getByRole('link', { name: 'Lihat status permohonan' });
    expect(track.element().getAttribute('href')).toMatch(/\/lacak\.html#kode=LKT-[^&]+&rahasia=.+/);
  });
});
