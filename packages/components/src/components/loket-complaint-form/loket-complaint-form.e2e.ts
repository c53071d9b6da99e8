import '../../../dist/components/loket-complaint-form.js';
import '../../../dist/components/loket-status-tracker.js';
import { describe, expect, inject, it } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import { violations } from '../../../test/a11y';
import {
  addToPage,
  mountTracker,
  REGION,
  SERVICE,
  shadow,
  submittedApplication,
} from '../../../test/tracker';
import { viewports } from '../../../test/viewports';

/** Mounts the form on the real API (Kota Surabaya allows this page's origin: test/tracker.ts). */
function mountForm(attrs: Record<string, string>, props: Record<string, string> = {}): HTMLElement {
  const el = document.createElement('loket-complaint-form');
  for (const [name, value] of Object.entries({ 'api-base': inject('apiBase'), ...attrs }))
    el.setAttribute(name, value);
  Object.assign(el, props);
  return addToPage(el);
}

const answer = (code: string, text: string) =>
  commands.officer({
    agency: 'dukcapil',
    region: REGION,
    method: 'POST',
    path: `/v1/officer/complaints/${code}/answer`,
    body: { answer: text },
  });

describe.each(viewports)('<loket-complaint-form> on a %s', (_, width, height) => {
  it('files a complaint about a service, offers SP4N-LAPOR! with the text, and shows the answer', async () => {
    await page.viewport(width, height);
    const el = mountForm({ about: 'service', service: SERVICE, region: REGION });
    await expect.element(page.getByRole('heading', { name: 'Sampaikan pengaduan' })).toBeVisible();
    await expect.element(page.getByRole('option', { name: 'Waktu Penyelesaian' })).toBeInTheDocument();

    await userEvent.click(page.getByRole('button', { name: 'Kirim pengaduan' }));
    await expect.element(page.getByRole('link', { name: 'Pilih apa yang Anda adukan' })).toBeVisible();
    expect(shadow(el).activeElement?.classList.contains('error-summary')).toBe(true);
    expect(await violations(el)).toEqual([]);

    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Apa yang Anda adukan?' }), 'time');
    const story = 'Sudah dua minggu sejak saya datang ke loket dan belum ada kabar.';
    await userEvent.fill(page.getByRole('textbox', { name: 'Apa yang terjadi?' }), story);
    // The news box appears for a contact given, unticked; emptying the contact takes it away (the
    // phone's only where the agency's gateway takes it: loket-complaint-form.news.e2e.ts).
    expect(shadow(el).querySelector('input[type="checkbox"]')).toBeNull();
    const email = page.getByRole('textbox', { name: 'E-mail' });
    await userEvent.fill(email, 'siti@example.org');
    const news = page.getByRole('checkbox', { name: 'Kirim kabar ke e-mail siti@example.org' });
    await userEvent.click(news);
    await userEvent.fill(email, '');
    await expect.poll(() => shadow(el).querySelectorAll('input[type="checkbox"]').length).toBe(0);
    await userEvent.fill(email, 'siti@example.org');
    await expect.element(news).not.toBeChecked();
    await userEvent.click(news);
    await expect.element(news).toBeChecked();
    expect(await violations(el)).toEqual([]);
    const lapor = page.getByRole('textbox', { name: 'Teks untuk LAPOR!' });
    await expect.element(lapor).toHaveValue(expect.stringContaining(story));
    await expect
      .element(page.getByRole('link', { name: 'Buka lapor.go.id' }))
      .toHaveAttribute('href', 'https://www.lapor.go.id');
    await expect.element(page.getByRole('link', { name: '1708' })).toHaveAttribute('href', 'sms:1708');
    await userEvent.click(page.getByRole('button', { name: 'Kirim pengaduan' }));

    await expect.element(page.getByRole('heading', { name: 'Pengaduan terkirim' })).toBeVisible();
    const code = shadow(el).querySelector('.code')?.textContent ?? '';
    expect(code).toMatch(/^ADU-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await expect
      .element(page.getByText(/hari kerja, batas waktu tindak lanjut instansi di SP4N-LAPOR!/))
      .toBeVisible();
    await expect.element(lapor).toHaveValue(expect.stringContaining(code));
    expect(await violations(el)).toEqual([]);
    // The ticked box went with the complaint: the outbox sends its news to that e-mail only.
    const stored = await commands.officer({
      agency: 'dukcapil',
      region: REGION,
      method: 'GET',
      path: `/v1/officer/complaints/${code}`,
    });
    expect(stored.body).toMatchObject({
      notify: ['email'],
      contact: { email: 'siti@example.org', phone: null },
    });

    expect((await answer(code, 'Berkas Anda sudah kami proses hari ini.')).status).toBe(200);
    await userEvent.click(page.getByRole('button', { name: 'Lihat status dan jawaban' }));
    await expect.element(page.getByText('Berkas Anda sudah kami proses hari ini.')).toBeVisible();
    await expect.poll(() => shadow(el).querySelector('dd.status')?.textContent).toBe('Sudah dijawab');
    expect(await violations(el)).toEqual([]);
  });

  it('looks a complaint up by its code and secret, and says when they do not match', async () => {
    await page.viewport(width, height);
    const filed = mountForm({ about: 'service', service: SERVICE, region: REGION });
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Apa yang Anda adukan?' }), 'conduct');
    await userEvent.fill(
      page.getByRole('textbox', { name: 'Apa yang terjadi?' }),
      'Petugas loket tidak ramah kepada saya.',
    );
    await userEvent.click(page.getByRole('button', { name: 'Kirim pengaduan' }));
    await expect.element(page.getByRole('heading', { name: 'Pengaduan terkirim' })).toBeVisible();
    const [code, secret] = [...shadow(filed).querySelectorAll('.code')].map((n) => n.textContent ?? '');
    filed.remove();

    const el = mountForm({});
    await expect.element(page.getByRole('heading', { name: 'Cek jawaban pengaduan' })).toBeVisible();
    await userEvent.fill(page.getByRole('textbox', { name: 'Kode pengaduan' }), code ?? '');
    await userEvent.fill(page.getByRole('textbox', { name: 'Kode rahasia' }), 'AAAA-BBBB-CCCC-DDDD');
    await userEvent.click(page.getByRole('button', { name: 'Cek jawaban' }));
    await expect
      .element(page.getByText('Pengaduan tidak ditemukan, atau kode rahasianya salah.'))
      .toBeVisible();
    expect(await violations(el)).toEqual([]);
    await userEvent.fill(page.getByRole('textbox', { name: 'Kode rahasia' }), secret ?? '');
    await userEvent.click(page.getByRole('button', { name: 'Cek jawaban' }));
    await expect
      .poll(() => shadow(el).querySelector('dd.status')?.textContent)
      .toBe('Diterima, menunggu jawaban instansi');
    await expect.element(page.getByText('Belum ada jawaban.')).toBeVisible();
    expect(await violations(el)).toEqual([]);
  });
});

describe('a complaint e-mail’s link', () => {
  it('opens the lookup with the complaint’s code filled in (#kode=ADU-…); the secret is asked for', async () => {
    const filed = mountForm({ about: 'service', service: SERVICE, region: REGION });
    await userEvent.selectOptions(
      page.getByRole('combobox', { name: 'Apa yang Anda adukan?' }),
      'facilities',
    );
    await userEvent.fill(
      page.getByRole('textbox', { name: 'Apa yang terjadi?' }),
      'Ruang tunggu penuh dan tidak ada kursi.',
    );
    await userEvent.click(page.getByRole('button', { name: 'Kirim pengaduan' }));
    await expect.element(page.getByRole('heading', { name: 'Pengaduan terkirim' })).toBeVisible();
    const [code, secret] = [...shadow(filed).querySelectorAll('.code')].map((n) => n.textContent ?? '');
    filed.remove();
    expect((await answer(code ?? '', 'Kursi tambahan sudah dipasang.')).status).toBe(200);

    history.replaceState(null, '', `#kode=${encodeURIComponent(code ?? '')}`);
    try {
      const el = mountForm({});
      await expect.element(page.getByRole('textbox', { name: 'Kode pengaduan' })).toHaveValue(code ?? '');
      await expect.element(page.getByRole('textbox', { name: 'Kode rahasia' })).toHaveValue('');
      await userEvent.fill(page.getByRole('textbox', { name: 'Kode rahasia' }), secret ?? '');
      await userEvent.click(page.getByRole('button', { name: 'Cek jawaban' }));
      await expect.element(page.getByText('Kursi tambahan sudah dipasang.')).toBeVisible();
      expect(await violations(el)).toEqual([]);
      el.remove();
      // A form about a service is not a lookup: the link's code is not taken.
      const other = mountForm({ about: 'service', service: SERVICE, region: REGION });
      await expect.element(page.getByRole('heading', { name: 'Sampaikan pengaduan' })).toBeVisible();
      expect(shadow(other).querySelector('#loket-complaint-code')).toBeNull();
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
  });
});

describe('the tracker', () => {
  it('offers a complaint about a sent application, about that application', async () => {
    const key = await submittedApplication();
    const el = mountTracker({ code: key.code, secret: key.secret });
    const open = page.getByRole('button', { name: 'Ada masalah? Sampaikan pengaduan' });
    await expect.element(open).toBeVisible();
    await userEvent.click(open);
    await expect.element(page.getByText(`Tentang permohonan ${key.code}`)).toBeVisible();
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Apa yang Anda adukan?' }), 'procedure');
    await userEvent.fill(
      page.getByRole('textbox', { name: 'Apa yang terjadi?' }),
      'Formulir meminta berkas yang tidak ada di persyaratan.',
    );
    await userEvent.click(page.getByRole('button', { name: 'Kirim pengaduan' }));
    await expect.element(page.getByRole('heading', { name: 'Pengaduan terkirim' })).toBeVisible();
    expect(await violations(el)).toEqual([]);
  });
});
