import '../../../dist/components/loket-application-form.js';
import { createApplicationSession } from '@loket/sdk/session';
import { describe, expect, inject, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { violations } from '../../../test/a11y';
import { shadow } from '../../../test/finder';
import { button, fillToDocuments, heading, label, mountForm } from '../../../test/form';
import { pngFile } from '../../../test/png';
import { viewports } from '../../../test/viewports';
import { loketCore } from '../../utils/client';

// A form without friction (issue 14): numbers typed as on the card, on a phone and a desktop.

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

/** Chooses a radio option of a question, by their labels. */
const choose = async (question: string, option: string) =>
  userEvent.click(page.getByRole('group', { name: question }).getByRole('radio', { name: option }));

describe.each(viewports)('steps on a %s', (_, width, height) => {
  it('counts the steps that can still apply, so the total never jumps up, and asks no declaration step', async () => {
    await page.viewport(width, height);
    const form = await mountForm({ service: 'kk-baru' });
    await userEvent.click(button(/^(Mulai|Lanjutkan mengisi)/));
    // the documents step holds only conditional uploads: counted while they may still apply
    await expect.element(heading(/^Langkah 1 dari 3\s*:\s*Data pemohon$/)).toBeVisible();
    expect(await violations(form)).toEqual([]);
    await userEvent.fill(label('Nama lengkap kepala keluarga'), 'Budi Santoso');
    await userEvent.fill(label('NIK'), '3578 0117 0890 0001');
    await userEvent.fill(label('Nomor HP'), '081234567890');
    await userEvent.fill(label('Alamat untuk KK baru'), 'Jl. Darmo 1, Surabaya');
    await userEvent.click(button('Lanjut'));
    await expect.element(heading(/^Langkah 2 dari 3\s*:\s*Keluarga$/)).toBeVisible();
    await choose('Apakah KK ini untuk keluarga baru setelah menikah?', 'Ya');
    await choose('Apakah Anda memisahkan diri dari KK orang tua?', 'Tidak');
    await choose('Apakah Anda pindah datang dari kabupaten/kota lain?', 'Tidak');
    await userEvent.fill(label('Siapa saja anggota keluarga dalam KK baru?'), 'Budi, Ani');
    await userEvent.click(button('Lanjut'));
    await expect.element(heading(/^Langkah 3 dari 3\s*:\s*Dokumen$/)).toBeVisible();
    await expect.element(label('Buku nikah atau kutipan akta perkawinan')).toBeInTheDocument();
    // back, and no upload applies any more: the count goes down, never up
    await userEvent.click(button(/Kembali/));
    await choose('Apakah KK ini untuk keluarga baru setelah menikah?', 'Tidak');
    await expect.element(heading(/^Langkah 2 dari 2\s*:\s*Keluarga$/)).toBeVisible();
    // the declaration is no step: after the last step comes check your answers, with the one tick
    await userEvent.click(button('Lanjut'));
    await expect.element(heading('Periksa jawaban Anda')).toBeVisible();
    // one declaration tick (the other boxes are the news channels, issue 15)
    const ticks = page.getByRole('checkbox').elements();
    expect(ticks.filter((box) => /Saya menyatakan/.test(box.labels?.[0]?.textContent ?? ''))).toHaveLength(1);
    expect(ticks.filter((box) => !box.id.startsWith('loket-news-'))).toHaveLength(1);
    expect(form.shadowRoot?.textContent).not.toContain('Saya menyatakan data yang saya isi benar');
    expect(await violations(form)).toEqual([]);
  });

  it('does not ask the mother her name and NIK again when she reports the birth', async () => {
    await page.viewport(width, height);
    const form = await mountForm({ service: 'akta-kelahiran' });
    await userEvent.click(button(/^(Mulai|Lanjutkan mengisi)/));
    await expect.element(heading(/^Langkah 1 dari 4\s*:\s*Data pelapor$/)).toBeVisible();
    await userEvent.fill(label('Nama lengkap'), 'Siti Aminah');
    await userEvent.fill(label('NIK'), '3578 0155 0590 0001');
    await choose('Apa hubungan Anda dengan anak?', 'Ibu');
    await userEvent.fill(label('Nomor HP'), '081234567890');
    await userEvent.click(button('Lanjut'));
    await expect.element(heading(/^Langkah 2 dari 4\s*:\s*Data anak$/)).toBeVisible();
    await userEvent.fill(label('Nama lengkap anak'), 'Budi');
    await choose('Jenis kelamin anak', 'Laki-laki');
    await userEvent.fill(label('Tanggal lahir anak'), '2025-03-01');
    await userEvent.fill(label('Tempat lahir anak'), 'Surabaya');
    await userEvent.fill(label('Nomor KK tempat anak akan didaftarkan'), '3578 0612 0315 0007');
    await userEvent.click(button('Lanjut'));
    await expect.element(heading(/^Langkah 3 dari 4\s*:\s*Orang tua$/)).toBeVisible();
    await expect.element(page.getByLabelText(/^Nama lengkap ayah/)).toBeVisible();
    await expect.element(label('Nama lengkap ibu')).not.toBeInTheDocument();
    await expect.element(page.getByLabelText(/^NIK ibu/)).not.toBeInTheDocument();
    expect(await violations(form)).toEqual([]);
    // the father reporting: he is not asked his own again, the mother's are asked
    await userEvent.click(button(/Kembali/));
    await userEvent.click(button(/Kembali/));
    await choose('Apa hubungan Anda dengan anak?', 'Ayah');
    await userEvent.click(button('Lanjut'));
    await userEvent.click(button('Lanjut'));
    await expect.element(label('Nama lengkap ibu')).toBeVisible();
    await expect.element(page.getByLabelText(/^Nama lengkap ayah/)).not.toBeInTheDocument();
  });
});

/** A PDF of two pages, as far as counting its `/Type /Page` objects goes. */
const twoPages = () =>
  new File(
    [
      '%PDF-1.4\n1 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >> endobj\n',
      '2 0 obj << /Type /Page /Parent 1 0 R >> endobj\n3 0 obj << /Type /Page /Parent 1 0 R >> endobj\n%%EOF\n',
    ],
    'kk.pdf',
    { type: 'application/pdf' },
  );

describe.each(viewports)('the file picker on a %s', (_, width, height) => {
  it('is a button in the page’s language, shows a thumbnail or page count, and removes them', async () => {
    await page.viewport(width, height);
    const form = await mountForm();
    await fillToDocuments();
    const root = shadow(form);
    const policeReport = label('Surat keterangan kehilangan dari kepolisian');
    // the input stays the control (named by the question); what is seen is the page's own button
    await expect.element(policeReport).toBeInTheDocument();
    const face = root.querySelector('[data-field="surat_keterangan_kehilangan"] [part~="picker"]');
    expect(face?.textContent).toBe('Pilih berkas');
    expect(policeReport.element().getAttribute('capture')).toBeNull(); // a document, not a photo
    expect(await violations(form)).toEqual([]);

    await userEvent.upload(policeReport, await pngFile('surat.png'));
    await expect.element(page.getByText('surat.png sudah terunggah.')).toBeInTheDocument();
    const thumb = () =>
      root.querySelector<HTMLImageElement>('[data-field="surat_keterangan_kehilangan"] img');
    await expect.poll(() => thumb()?.src ?? '').toMatch(/^blob:/);
    await expect.poll(() => thumb()?.naturalWidth ?? 0).toBeGreaterThan(0); // a real image
    const url = thumb()?.src as string;
    await userEvent.upload(label('Kartu Keluarga (KK)'), twoPages());
    await expect.element(page.getByText(/^2 halaman · /)).toBeVisible();
    expect(await violations(form)).toEqual([]);

    // removed: the thumbnail goes and its object URL is revoked; the picker is back
    await userEvent.click(page.getByRole('button', { name: 'Hapus surat.png' }));
    await expect.poll(thumb).toBeNull();
    await expect(fetch(url)).rejects.toThrow();
    await expect.element(policeReport).toBeInTheDocument();
  });

  it('opens the camera on phones for a photo', async () => {
    await page.viewport(width, height);
    // a citizen who left the skck form on its documents step comes back to it
    await mountForm({ service: 'skck' }).then((el) => el.remove()); // allows the page's origin
    const core = loketCore(inject('apiBase'), '35.78', 'id');
    const earlier = createApplicationSession({
      core,
      service: 'skck',
      region: '35.78',
      storage: localStorage,
    });
    await earlier.start();
    earlier.setPlace('dokumen');
    earlier.dispose();
    const form = await mountForm({ service: 'skck' });
    const photo = label('Pas foto 4x6 latar merah');
    await expect.element(photo).toBeInTheDocument();
    expect(photo.element().getAttribute('capture')).toBe('environment');
    expect(photo.element().getAttribute('accept')).not.toMatch(/pdf/);
    const face = shadow(form).querySelector('[data-field="pas_foto"] [part~="picker"]');
    expect(face?.textContent).toBe('Ambil foto atau pilih berkas');
    expect(await violations(form)).toEqual([]);
  });
});
