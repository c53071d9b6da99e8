import '../../../dist/components/loket-application-form.js';
import { createLoketCore, deleteAttachment, getApplication } from '@loket/sdk';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import { focused, shadow } from '../../../test/finder';
import {
  anotherDevice,
  button,
  fillToCheck,
  heading,
  label,
  mountForm,
  openWithKey,
  shownKey,
  step,
  submitFromCheck,
  TITLE,
} from '../../../test/form';
import { officerView } from '../../../test/officer';
import { pngFile } from '../../../test/png';

afterEach(() => commands.clearNetworkFaults());

describe('after submitting', () => {
  it('when the network drops while sending, says it will be sent by itself, then confirms', async () => {
    const form = await mountForm();
    await fillToCheck();
    await commands.networkFault({ url: '/submit', when: 'before' });
    await userEvent.click(label('Saya menyatakan bahwa semua data dan berkas yang saya berikan benar.'));
    await userEvent.click(button('Kirim permohonan'));
    await expect
      .element(page.getByRole('heading', { name: 'Menunggu sambungan internet' }), { timeout: 15_000 })
      .toBeVisible();
    const waiting = page.getByText(/akan dikirim otomatis, satu kali saja/);
    await expect.element(waiting.and(page.getByRole('paragraph'))).toBeVisible(); // the live region says it too
    // The button stays focusable while it cannot be used again.
    const sending = button('Mengirim permohonan…');
    await expect.poll(() => sending.element().getAttribute('aria-disabled')).toBe('true');
    await commands.clearNetworkFaults();
    window.dispatchEvent(new Event('online'));
    await expect.element(heading('Permohonan terkirim'), { timeout: 10_000 }).toBeVisible();
    await expect.poll(() => focused()?.id).toBe('loket-heading');
    expect(shownKey(form).code).toMatch(/^LKT-/);
  });

  it('a refusal from the server lists its problems, linked to their questions', async () => {
    const form = await mountForm();
    await fillToCheck();
    // Every answer saved (no later save brings the server's copy back before submitting) …
    await expect.element(page.getByText('Tersimpan', { exact: true }), { timeout: 10_000 }).toBeVisible();
    // … then another device removes a file the server requires (this one still lists it).
    const link = (shadow(form).querySelector('#loket-resume-link') as HTMLInputElement).value;
    const key = new URLSearchParams(new URL(link).hash.slice(1));
    const [code, secret] = [key.get('kode') ?? '', key.get('rahasia') ?? ''];
    const core = createLoketCore({ baseUrl: inject('apiBase'), region: '35.78' });
    const { application } = await getApplication(core, code, secret);
    const kk = application.attachments.find((a) => a.field === 'kartu_keluarga');
    await deleteAttachment(core, code, secret, kk?.id ?? '');

    const errors: unknown[] = [];
    form.addEventListener('loketError', (e) => errors.push((e as CustomEvent).detail));
    await userEvent.click(label('Saya menyatakan bahwa semua data dan berkas yang saya berikan benar.'));
    await userEvent.click(button('Kirim permohonan'));
    const problem = page.getByRole('link', { name: /^Kartu Keluarga \(KK\)/ });
    await expect.element(problem).toBeVisible();
    await expect.poll(() => focused()?.id).toBe('loket-error-summary');
    expect(errors).toEqual([expect.objectContaining({ status: 422 })]);
    await userEvent.click(problem);
    await expect.element(heading(step(3, 'Dokumen'))).toBeVisible();
    await expect
      .poll(() => focused()?.closest('[data-field]')?.getAttribute('data-field'))
      .toBe('kartu_keluarga');
    // This device may still list the file the other one removed: removing it again is harmless.
    const stale = button('Hapus kk.png');
    if (stale.query()) {
      await userEvent.click(stale);
      await expect.element(page.getByText('kk.png dihapus.')).toBeInTheDocument();
    }
    await userEvent.upload(label('Kartu Keluarga (KK)'), await pngFile('kk-baru.png'));
    await expect.element(page.getByText('kk-baru.png sudah terunggah.')).toBeInTheDocument();
    await userEvent.click(button('Lanjut'));
    await expect.element(heading('Periksa jawaban Anda')).toBeVisible(); // back where the citizen was
    await userEvent.click(button('Kirim permohonan')); // the declaration is still ticked
    await expect.element(heading('Permohonan terkirim')).toBeVisible();
    expect((await officerView(shownKey(form).code)).status).toBe('submitted');
  });

  it('an application sent before says so and links to the tracker', async () => {
    const form = await mountForm({ 'tracker-href': '/lacak.html' });
    await fillToCheck();
    await submitFromCheck(form);
    const key = shownKey(form);
    anotherDevice();
    openWithKey(key);
    await mountForm({ 'tracker-href': '/lacak.html' });
    await expect.element(heading('Permohonan ini sudah dikirim')).toBeVisible();
    await expect.element(page.getByText(new RegExp(`Permohonan ${key.code} sudah dikirim`))).toBeVisible();
    const track = page.getByRole('link', { name: 'Lihat status permohonan' });
    expect(track.element().getAttribute('href')).toContain(`#kode=${key.code}&rahasia=`);
  });

  it('"Ajukan permohonan baru" forgets the sent application on this device and starts again', async () => {
    const form = await mountForm();
    await fillToCheck();
    await submitFromCheck(form);
    await userEvent.click(button('Ajukan permohonan baru'));
    await expect.element(heading(TITLE)).toBeVisible();
    await expect.poll(() => focused()?.id).toBe('loket-heading');
    await expect.element(button(/^Mulai/)).toBeVisible();
    await userEvent.click(button(/^Mulai/));
    await expect.poll(() => (label('Nama lengkap').element() as HTMLInputElement).value).toBe('');
  });
});
