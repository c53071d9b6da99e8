import '../../../dist/components/loket-application-form.js';
import { afterEach, describe, expect, it } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import { addToPage, focused, setPageQuery, shadow } from '../../../test/finder';
import {
  anotherDevice,
  button,
  expectFocus,
  fillToCheck,
  heading,
  label,
  mountForm,
  openWithKey,
  step,
  submitFromCheck,
  TITLE,
} from '../../../test/form';
import { officerView } from '../../../test/officer';
import { pngFile } from '../../../test/png';

afterEach(() => commands.clearNetworkFaults());

describe('where the form starts', () => {
  it('takes the service from the page URL’s `layanan` parameter (the finder’s deep link)', async () => {
    setPageQuery({ layanan: 'ktp-el-hilang' });
    await mountForm({ service: null });
    await expect.element(heading(TITLE)).toBeVisible();
  });

  it('shows the latest service when `service` changes twice quickly (the older load never wins)', async () => {
    const form = await mountForm();
    await expect.element(heading(TITLE)).toBeVisible();
    await commands.slowNetwork({ url: '/v1/services/kk-baru', ms: 1_500 });
    form.setAttribute('service', 'kk-baru'); // its answers come late…
    form.setAttribute('service', 'akta-kelahiran'); // …after this one's
    await expect.element(heading('Akta kelahiran')).toBeVisible();
    await new Promise((done) => setTimeout(done, 2_500)); // kk-baru's answers would have arrived
    await expect.element(heading('Akta kelahiran')).toBeVisible();
    expect(shadow(form).querySelector('h2')?.textContent).toBe('Akta kelahiran');
  });

  it('says plainly when a service cannot be applied for online, and offers no start button', async () => {
    const form = await mountForm({ service: 'sim-a-baru' });
    await expect
      .element(page.getByRole('heading', { level: 3, name: 'Belum bisa diajukan secara daring' }))
      .toBeVisible();
    await expect.element(page.getByRole('heading', { level: 3, name: 'Yang perlu disiapkan' })).toBeVisible();
    expect(shadow(form).querySelectorAll('button, a[href]')).toHaveLength(0);
  });

  it('a failed load says so; "Coba lagi" loads the form and focus goes to its heading', async () => {
    await commands.networkFault({ url: '/v1/services/ktp-el-hilang', when: 'before' });
    const form = await mountForm();
    const errors: unknown[] = [];
    form.addEventListener('loketError', (e) => errors.push((e as CustomEvent).detail));
    await expect.element(heading('Formulir tidak dapat dimuat'), { timeout: 15_000 }).toBeVisible();
    await expect.element(page.getByRole('status')).toHaveTextContent('Formulir tidak dapat dimuat');
    expect(errors).toEqual([{ type: 'urn:loket:problem:network', status: 0, detail: expect.any(String) }]);
    await commands.clearNetworkFaults();
    await userEvent.click(button('Coba lagi'));
    await expect.element(heading(TITLE)).toBeVisible();
    await expect.poll(() => focused()?.id).toBe('loket-heading');
  });

  it('leaves the element’s own DOM methods alone (focus(), blur(), click() … still work)', async () => {
    const form = await mountForm();
    await expect.element(heading(TITLE)).toBeVisible();
    const dom = new Set(
      [HTMLElement.prototype, Element.prototype, Node.prototype, EventTarget.prototype].flatMap((p) =>
        Object.getOwnPropertyNames(p),
      ),
    );
    const own = [
      ...Object.getOwnPropertyNames(form),
      ...Object.getOwnPropertyNames(Object.getPrototypeOf(form)),
    ];
    expect(own.filter((name) => dom.has(name) && name !== 'constructor')).toEqual([]);
    form.focus(); // not focusable itself, but it must not throw
  });

  it('says when the service does not exist', async () => {
    await mountForm({ service: 'tidak-ada-layanan-ini' });
    await expect.element(page.getByText('Layanan ini tidak ditemukan.')).toBeVisible();
  });

  it('an unknown resume link says so and starts a new application; the secret leaves the address bar', async () => {
    openWithKey({ code: 'LKT-0000-0000-0000', secret: 'bukan-rahasia' });
    await mountForm();
    await expect.element(page.getByText(/Tautan permohonan ini tidak dikenal/)).toBeVisible();
    await expect.element(heading(TITLE)).toBeVisible();
    expect(location.hash).toBe('');
    await userEvent.click(button(/^Mulai/));
    await expect.element(page.getByText(/Tautan permohonan ini tidak dikenal/)).not.toBeInTheDocument();
  });

  it('follows a language switch of the page in place, on the same step', async () => {
    const wrapper = addToPage(document.createElement('div'));
    wrapper.lang = 'id';
    await mountForm({}, wrapper);
    await userEvent.click(button(/^Mulai/));
    await userEvent.fill(label('Nama lengkap'), 'Siti Aminah');
    wrapper.lang = 'en';
    await expect.element(heading(/^Step 1 of 3\s*:\s*Applicant$/)).toBeVisible();
    await expect.poll(() => (label('Full name').element() as HTMLInputElement).value).toBe('Siti Aminah');
    wrapper.lang = 'id';
    await expect.element(heading(step(1, 'Data pemohon'))).toBeVisible();
  });

  it('speaks English on an English page, loading its strings on demand', async () => {
    const wrapper = addToPage(document.createElement('div'));
    wrapper.lang = 'en';
    await mountForm({}, wrapper);
    await expect.element(heading('Replace a lost KTP-el')).toBeVisible();
    await userEvent.click(button(/^Start/));
    await expect.element(heading(/^Step 1 of 3\s*:\s*Applicant$/)).toBeVisible();
    await expect.element(label('Email address (optional)')).toBeVisible();
    await expect.element(button(/^Back$/)).toBeVisible();
  });
});

describe('questions', () => {
  it('shows and hides a conditional question live, and never sends the hidden answer', async () => {
    const form = await mountForm({ service: 'kk-perubahan' });
    await userEvent.click(button(/^Mulai/));
    await userEvent.fill(label('Nama lengkap'), 'Budi Santoso');
    await userEvent.fill(label('NIK'), '3578010101900001');
    await userEvent.fill(label('Nomor HP'), '081234567890');
    await userEvent.click(button('Lanjut'));
    await expect.element(heading(step(2, 'Perubahan'))).toBeVisible();
    const member = label('NIK anggota keluarga yang datanya berubah');
    await expect.element(member).not.toBeInTheDocument();
    await userEvent.click(label('Mengubah data anggota keluarga (mis. status perkawinan atau pendidikan)'));
    await expect.element(member).toBeVisible();
    await userEvent.fill(member, '3578014101950002');
    await userEvent.click(label('Menambah anggota keluarga (mis. karena kelahiran)'));
    await expect.element(member).not.toBeInTheDocument();
    await userEvent.fill(label('Nomor KK yang akan diubah'), '3578010101010001');
    await userEvent.fill(label('Jelaskan perubahannya'), 'Menambah anak kedua yang baru lahir.');
    await userEvent.click(label('Ya, masih ada'));
    await userEvent.click(button('Lanjut'));
    // The documents follow the answer about the old KK: its copy, not a police report.
    await expect.element(heading(step(3, 'Dokumen'))).toBeVisible();
    await expect.element(label('Surat keterangan kehilangan dari kepolisian')).not.toBeInTheDocument();
    await userEvent.upload(label('KK lama'), await pngFile('kk-lama.png'));
    await expect.element(page.getByText('kk-lama.png sudah terunggah.')).toBeInTheDocument();
    await userEvent.upload(label('Dokumen bukti perubahan'), await pngFile('bukti.png'));
    await expect.element(page.getByText('bukti.png sudah terunggah.')).toBeInTheDocument();
    await userEvent.click(button('Lanjut'));
    await expect.element(heading('Periksa jawaban Anda')).toBeVisible();
    expect(shadow(form).textContent).not.toContain('NIK anggota keluarga');
    const { code } = { code: await submitFromCheck(form) };
    const officer = await officerView(code);
    expect(officer.answers).not.toHaveProperty('nik_anggota');
    expect(officer.answers).toMatchObject({ jenis_perubahan: 'tambah_anggota' });
  });

  it('checks a field when it is left, without “wajib diisi” for one not filled in yet', async () => {
    await mountForm();
    await userEvent.click(button(/^Mulai/));
    const nik = label('NIK');
    await userEvent.click(label('Nama lengkap'));
    await userEvent.tab(); // leaves the name empty: no error
    await expect.element(page.getByText('Nama lengkap wajib diisi.')).not.toBeInTheDocument();
    await userEvent.keyboard('12345');
    await userEvent.tab();
    await expect.element(nik).toHaveAccessibleDescription(/NIK harus 16 digit \(yang diisi 5\)/);
    await userEvent.fill(nik, '3578015505900001');
    await userEvent.click(label('Nomor HP'));
    await expect.element(page.getByText(/NIK harus 16 digit/)).not.toBeInTheDocument();
  });

  it('refuses a file that is not what the question takes before sending it, and removes an uploaded one', async () => {
    const form = await mountForm();
    await fillToCheck();
    await userEvent.click(button('Ubah Kartu Keluarga (KK)'));
    await expect.element(heading(step(3, 'Dokumen'))).toBeVisible();
    // One file fits: the picker is back only once the uploaded one is removed.
    expect(shadow(form).querySelector('#loket-f-kartu_keluarga')).toBeNull();
    await userEvent.click(button('Hapus kk.png'));
    await expect.element(page.getByText('kk.png dihapus.')).toBeInTheDocument();
    await expectFocus('Kartu Keluarga (KK)');
    // Were it sent, this would fail as a network error (with "Coba lagi"), not as a wrong type.
    await commands.networkFault({ url: '/attachments', when: 'before' });
    const fake = new File(['bukan gambar'], 'kk.png', { type: 'image/png' });
    await userEvent.upload(label('Kartu Keluarga (KK)'), fake);
    await expect
      .element(label('Kartu Keluarga (KK)'))
      .toHaveAccessibleDescription(/harus berupa berkas PDF, JPG,? atau PNG/);
    await userEvent.click(button('Lanjut'));
    await expect
      .element(page.getByRole('link', { name: 'Kartu Keluarga (KK) wajib diunggah.' }))
      .toBeVisible();
  });
});

describe('saving', () => {
  it('offline: a plain banner, and the answers are kept on this device', async () => {
    await mountForm();
    await commands.networkFault({ url: '/v1/applications', when: 'before' });
    await userEvent.click(button(/^Mulai/));
    await userEvent.fill(label('Nama lengkap'), 'Siti Aminah');
    const offline =
      'Anda sedang offline. Jawaban Anda aman di perangkat ini dan akan dikirim saat tersambung lagi.';
    // The banner (the live region says it too).
    await expect
      .element(page.getByText(offline).and(page.getByRole('paragraph')), { timeout: 10_000 })
      .toBeVisible();
    await expect.element(page.getByText('Tersimpan di perangkat ini')).toBeVisible();
  });

  it('once the draft exists, offers its private resume link, which opens it on another device', async () => {
    await mountForm();
    await userEvent.click(button(/^Mulai/));
    await userEvent.fill(label('Nama lengkap'), 'Siti Aminah');
    await expect.element(page.getByText('Tersimpan', { exact: true }), { timeout: 10_000 }).toBeVisible();
    await userEvent.click(page.getByText('Lanjutkan di perangkat lain'));
    const link = page.getByRole('textbox', { name: 'Tautan untuk melanjutkan' });
    await expect.element(link).toHaveAccessibleDescription(/Tautan ini pribadi/);
    const href = (link.element() as HTMLInputElement).value;
    expect(href).toMatch(/#kode=LKT-[^&]+&rahasia=.+/);
    await userEvent.click(button('Salin tautan'));
    await expect
      .element(page.getByRole('status'))
      .toHaveTextContent(/Tautan untuk melanjutkan (disalin|sudah dipilih)/);

    anotherDevice();
    history.replaceState(null, '', href);
    await mountForm();
    // The answers come along; the place is this device's own, so it starts at the beginning.
    await userEvent.click(button(/^Lanjutkan mengisi/));
    await expect.element(heading(step(1, 'Data pemohon'))).toBeVisible();
    await expect.poll(() => (label('Nama lengkap').element() as HTMLInputElement).value).toBe('Siti Aminah');
  });
});
