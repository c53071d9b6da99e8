import '../../../dist/components/loket-status-tracker.js';
import { afterEach, describe, expect, it } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import {
  applicationIn,
  draftApplication,
  focused,
  mountTracker,
  shadow,
  stateHeading,
  submittedApplication,
} from '../../../test/tracker';

const serviceHeading = () =>
  page.getByRole('heading', { level: 2, name: 'Penggantian KTP-el karena Hilang' });
const liveRegion = (el: HTMLElement) => shadow(el).querySelector('[role="status"]') as HTMLElement;
/** Requests for an application's status the page has made so far. */
const statusRequests = () =>
  performance.getEntriesByType('resource').filter((e) => /\/v1\/applications\/[^/]+\/status/.test(e.name))
    .length;

afterEach(() => commands.clearNetworkFaults());

describe('the lookup', () => {
  it('finds an application by keyboard alone and moves focus to its status', async () => {
    const key = await submittedApplication();
    const el = mountTracker();
    await expect.element(page.getByRole('heading', { level: 2, name: 'Lacak permohonan' })).toBeVisible();
    (document.activeElement as HTMLElement | null)?.blur();
    await userEvent.tab();
    expect(focused()?.id).toBe('loket-code');
    await userEvent.keyboard(key.code);
    await userEvent.tab();
    expect(focused()?.id).toBe('loket-secret');
    await userEvent.keyboard(`${key.secret}{Enter}`);
    await expect.element(serviceHeading()).toBeVisible();
    await expect.element(stateHeading('Terkirim')).toBeVisible();
    await expect.poll(() => focused()?.id).toBe('loket-status-heading');
    // The first load is not announced: nothing changed.
    expect(liveRegion(el).textContent).toBe('');
  });

  it('checks both fields before sending anything; the error summary takes focus and links to each field', async () => {
    mountTracker();
    const before = statusRequests();
    await userEvent.click(page.getByRole('button', { name: 'Lacak' }));
    const summary = page.getByRole('heading', { name: 'Ada masalah' });
    await expect.element(summary).toBeVisible();
    await expect.poll(() => focused()?.getAttribute('part')).toBe('error-summary');
    const codeLink = page.getByRole('link', { name: 'Masukkan kode pelacakan' });
    await expect.element(page.getByRole('link', { name: 'Masukkan kode rahasia' })).toBeVisible();
    expect(page.getByRole('textbox', { name: 'Kode pelacakan' }).element().getAttribute('aria-invalid')).toBe(
      'true',
    );
    await userEvent.click(codeLink);
    await expect.poll(() => focused()?.id).toBe('loket-code');

    await userEvent.keyboard('LKT 7K4M*Q2XP');
    await userEvent.click(page.getByRole('button', { name: 'Lacak' }));
    await expect
      .element(page.getByRole('link', { name: /^Kode pelacakan berisi 8 sampai 20 huruf/ }))
      .toBeVisible();
    // The field's error is part of its description, after its hint.
    const input = page.getByRole('textbox', { name: 'Kode pelacakan' });
    await expect.element(input).toHaveAccessibleDescription(/^Contoh: .* Kesalahan: Kode pelacakan berisi/);
    expect(statusRequests()).toBe(before);
  });

  it('says plainly that the code or the secret does not match (a wrong secret), never which one', async () => {
    const key = await submittedApplication();
    mountTracker();
    await userEvent.fill(page.getByRole('textbox', { name: 'Kode pelacakan' }), key.code);
    await userEvent.fill(page.getByRole('textbox', { name: 'Kode rahasia' }), `${key.secret}x`);
    await userEvent.click(page.getByRole('button', { name: 'Lacak' }));
    await expect
      .element(
        page.getByRole('link', {
          name: 'Kode pelacakan atau kode rahasia tidak cocok. Periksa keduanya, lalu coba lagi.',
        }),
      )
      .toBeVisible();
    await expect.poll(() => focused()?.getAttribute('part')).toBe('error-summary');
    await expect
      .element(page.getByRole('textbox', { name: 'Kode rahasia' }))
      .not.toHaveAttribute('aria-invalid');
  });

  it('says so when the API cannot be reached, and keeps what was typed', async () => {
    const key = await submittedApplication();
    mountTracker();
    await commands.networkFault({ url: '/status', when: 'before' });
    await userEvent.fill(page.getByRole('textbox', { name: 'Kode pelacakan' }), key.code);
    await userEvent.fill(page.getByRole('textbox', { name: 'Kode rahasia' }), key.secret);
    await userEvent.click(page.getByRole('button', { name: 'Lacak' }));
    await expect
      .element(
        page.getByText('Status tidak dapat dimuat. Periksa sambungan internet Anda, lalu coba lagi.'),
        {
          timeout: 10_000,
        },
      )
      .toBeVisible();
    await expect.element(page.getByRole('textbox', { name: 'Kode rahasia' })).toHaveValue(key.secret);
  });
});

describe('the key in the page URL', () => {
  it('is read from the fragment, then removed from the address bar (the page’s own fragment stays)', async () => {
    const key = await submittedApplication();
    const url = new URL(location.href);
    url.hash = new URLSearchParams({ kode: key.code, rahasia: key.secret, tab: 'status' }).toString();
    history.replaceState(null, '', url);
    mountTracker();
    await expect.element(stateHeading('Terkirim')).toBeVisible();
    expect(location.hash).toBe('#tab=status');
    expect(location.href).not.toContain(key.secret);
  });

  it('with a wrong secret: the lookup, saying so, with the code filled in', async () => {
    const key = await submittedApplication();
    history.replaceState(null, '', `#kode=${key.code}&rahasia=salah`);
    mountTracker();
    await expect
      .element(page.getByRole('link', { name: /^Kode pelacakan atau kode rahasia tidak cocok/ }))
      .toBeVisible();
    await expect.element(page.getByRole('textbox', { name: 'Kode pelacakan' })).toHaveValue(key.code);
    expect(location.hash).toBe('');
  });

  it('when the first load fails: “Coba lagi”, then the status with focus on it', async () => {
    const key = await submittedApplication();
    await commands.networkFault({ url: '/status', when: 'before' });
    mountTracker({ code: key.code, secret: key.secret });
    const alert = page.getByRole('alert');
    await expect
      .element(alert, { timeout: 10_000 })
      .toHaveTextContent(/^Status permohonan tidak dapat dimuat/);
    await commands.clearNetworkFaults();
    await userEvent.click(page.getByRole('button', { name: 'Coba lagi' }));
    await expect.element(stateHeading('Terkirim')).toBeVisible();
    await expect.poll(() => focused()?.id).toBe('loket-status-heading');
  });

  it('goes back to the lookup with “Lacak permohonan lain”', async () => {
    const key = await submittedApplication();
    mountTracker({ code: key.code, secret: key.secret });
    await userEvent.click(page.getByRole('button', { name: 'Lacak permohonan lain' }));
    await expect.element(page.getByRole('heading', { level: 2, name: 'Lacak permohonan' })).toBeVisible();
    await expect.poll(() => focused()?.id).toBe('loket-lookup-heading');
    await expect.element(page.getByRole('textbox', { name: 'Kode pelacakan' })).toHaveValue('');
  });
});

describe('each status', () => {
  it('submitted: the status once, what happens next, the due date (or none known), the history', async () => {
    const key = await submittedApplication();
    const el = mountTracker({ code: key.code, secret: key.secret });
    await expect.element(stateHeading('Terkirim')).toBeVisible();
    // The heading says it; the server's status_text ("Terkirim: …", with the due date) would repeat it.
    expect(shadow(el).querySelector('[part~="state"]')?.textContent).toBe('↑Status: Terkirim');
    expect(page.getByText(/^Terkirim: permohonan sudah diterima/).query()).toBeNull();
    await expect.element(page.getByRole('heading', { name: 'Langkah selanjutnya' })).toBeVisible();
    // ktp-el-hilang takes at most 1 working day (Permendagri 19/2018).
    await expect.element(page.getByText(/\(1 hari kerja sejak permohonan dikirim\)$/)).toBeVisible();
    const history = [...shadow(el).querySelectorAll('.timeline li')].map((li) => li.textContent);
    expect(history).toEqual([
      expect.stringMatching(/^Draf \d{1,2} \w+ 20\d\d pukul \d\d\.\d\d WIB$/),
      expect.stringMatching(/^Terkirim \d{1,2} \w+ 20\d\d pukul \d\d\.\d\d WIB$/),
    ]);
    await expect.element(page.getByRole('button', { name: 'Batalkan permohonan' })).toBeVisible();
    await expect.element(page.getByText(/^Diperbarui pukul \d\d\.\d\d WIB$/)).toBeVisible();
    el.remove();

    // A service whose duration nobody has sourced: no date, and the tracker says so.
    await commands.setDue(key.code, { date: null, working_days: null, calendar: 'none' });
    mountTracker({ code: key.code, secret: key.secret });
    await expect
      .element(page.getByText('Belum ada perkiraan tanggal selesai untuk layanan ini.'))
      .toBeVisible();
  });

  it('in_review', async () => {
    const key = await applicationIn('in_review');
    mountTracker({ code: key.code, secret: key.secret });
    await expect.element(stateHeading('Sedang diperiksa')).toBeVisible();
    // The due date of a lost KTP-el (1 working day), once: in its own box, not again in the status.
    await expect
      .element(page.getByText(/^\d{1,2} \w+ 20\d\d \(1 hari kerja sejak permohonan dikirim\)$/))
      .toBeVisible();
    expect(page.getByText(/Perkiraan selesai paling lambat/).query()).toBeNull();
  });

  it('needs_revision: the fields to fix, the officer’s note, and “Perbaiki permohonan” carrying the key', async () => {
    const key = await applicationIn('needs_revision');
    mountTracker({ code: key.code, secret: key.secret, 'form-href': '/ajukan/{service}.html?dari=lacak' });
    await expect.element(stateHeading('Perlu diperbaiki')).toBeVisible();
    const fields = page.getByRole('heading', { name: 'Yang perlu diperbaiki' });
    await expect.element(fields).toBeVisible();
    await expect
      .element(
        page.getByRole('listitem').filter({ hasText: /^Surat keterangan kehilangan dari kepolisian$/ }),
      )
      .toBeVisible();
    await expect.element(page.getByRole('listitem').filter({ hasText: /^NIK$/ })).toBeVisible();
    await expect.element(page.getByText('Foto surat kehilangan buram.', { exact: true })).toBeVisible();
    const fix = page.getByRole('link', { name: 'Perbaiki permohonan' });
    const href = new URL(fix.element().getAttribute('href') as string);
    expect(href.pathname).toBe('/ajukan/ktp-el-hilang.html');
    expect(href.search).toBe('?dari=lacak');
    expect(Object.fromEntries(new URLSearchParams(href.hash.slice(1)))).toEqual({
      kode: key.code,
      rahasia: key.secret,
    });
    await expect.element(page.getByText(/dihitung ulang setelah Anda mengirim perbaikan/)).toBeVisible();
  });

  it('completed and rejected: final, with the officer’s note; no refresh and no withdrawal', async () => {
    for (const [status, word, note] of [
      ['completed', 'Selesai', 'KTP-el dapat diambil di MPP Siola.'],
      ['rejected', 'Ditolak', 'Surat kehilangan tidak sah.'],
    ] as const) {
      const key = await applicationIn(status);
      const el = mountTracker({ code: key.code, secret: key.secret });
      await expect.element(stateHeading(word)).toBeVisible();
      await expect.element(page.getByRole('heading', { level: 4, name: 'Catatan petugas' })).toBeVisible();
      expect(shadow(el).querySelector('[part~="note"]')?.textContent).toBe(`Catatan petugas${note}`);
      // Once: the history's last entry does not say it again.
      expect(shadow(el).textContent?.split(note).length).toBe(2);
      expect(page.getByRole('button', { name: 'Perbarui' }).query()).toBeNull();
      expect(page.getByRole('button', { name: 'Batalkan permohonan' }).query()).toBeNull();
      el.remove();
    }
  });

  it('a draft: “Lanjutkan permohonan” to the form', async () => {
    const key = await draftApplication();
    mountTracker({ code: key.code, secret: key.secret, 'form-href': '/ajukan.html' });
    await expect.element(stateHeading('Draf')).toBeVisible();
    await expect.element(page.getByRole('link', { name: 'Lanjutkan permohonan' })).toBeVisible();
  });
});
