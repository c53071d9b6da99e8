import '../../../dist/components/loket-status-tracker.js';
import { afterEach, describe, expect, it } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import { officerMoves, officerView } from '../../../test/officer';
import {
  addToPage,
  applicationIn,
  focused,
  mountTracker,
  shadow,
  stateHeading,
  submittedApplication,
} from '../../../test/tracker';
import type { LoketStatusChangeDetail } from './loket-status-tracker';

const liveRegion = (el: HTMLElement) => shadow(el).querySelector('[role="status"]') as HTMLElement;

/** Every `loketStatusChange` of `el`. */
function changesOf(el: HTMLElement): LoketStatusChangeDetail[] {
  const seen: LoketStatusChangeDetail[] = [];
  el.addEventListener('loketStatusChange', (e) =>
    seen.push((e as CustomEvent<LoketStatusChangeDetail>).detail),
  );
  return seen;
}

/** `YYYY-MM-DD`, `days` from today (negative: in the past). */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

afterEach(async () => {
  await commands.clearNetworkFaults();
  await page.viewport(1024, 768);
});

describe('changes', () => {
  it('“Perbarui” picks up an officer’s transition, announces it and emits loketStatusChange', async () => {
    const key = await submittedApplication();
    const el = mountTracker({ code: key.code, secret: key.secret });
    const changes = changesOf(el);
    await expect.element(stateHeading('Terkirim')).toBeVisible();

    await userEvent.click(page.getByRole('button', { name: 'Perbarui' }));
    await expect.poll(() => liveRegion(el).textContent).toMatch(/^Tidak ada perubahan\. Diperbarui pukul/);

    await officerMoves(key.code, { to: 'in_review' });
    await userEvent.click(page.getByRole('button', { name: 'Perbarui' }));
    await expect.element(stateHeading('Sedang diperiksa')).toBeVisible();
    await expect.poll(() => liveRegion(el).textContent).toBe('Status permohonan berubah: Sedang diperiksa.');
    expect(changes).toEqual([{ code: key.code, status: 'in_review', previous: 'submitted' }]);
    // The button stays where it was, with focus on it.
    expect(focused()?.getAttribute('part')).toBe('button refresh-button');
  });

  it('moves focus to the new status when a final one takes away the button that had it', async () => {
    const key = await applicationIn('in_review');
    mountTracker({ code: key.code, secret: key.secret });
    await expect.element(stateHeading('Sedang diperiksa')).toBeVisible();
    await officerMoves(key.code, { to: 'completed' });
    await userEvent.click(page.getByRole('button', { name: 'Perbarui' }));
    await expect.element(stateHeading('Selesai')).toBeVisible();
    await expect.poll(() => focused()?.id).toBe('loket-state');
  });

  it('checks at once when the page is shown again, never while it is hidden', async () => {
    const key = await submittedApplication();
    const el = mountTracker({ code: key.code, secret: key.secret });
    await expect.element(stateHeading('Terkirim')).toBeVisible();
    await officerMoves(key.code, { to: 'in_review' });
    const visibility = (state: DocumentVisibilityState) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
      document.dispatchEvent(new Event('visibilitychange'));
    };
    try {
      visibility('hidden');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(shadow(el).querySelector('#loket-state')?.textContent).toBe('Status: Terkirim');
      visibility('visible');
      await expect.element(stateHeading('Sedang diperiksa')).toBeVisible();
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
    }
  });

  it('a failed refresh keeps what is shown and says so quietly', async () => {
    const key = await applicationIn('in_review');
    const el = mountTracker({ code: key.code, secret: key.secret });
    await expect.element(stateHeading('Sedang diperiksa')).toBeVisible();
    await commands.networkFault({ url: '/status', when: 'before' });
    await userEvent.click(page.getByRole('button', { name: 'Perbarui' }));
    const note = 'Status belum dapat diperbarui. Kami akan mencoba lagi nanti.';
    const refreshArea = () => shadow(el).querySelector('[part~="refresh"]')?.textContent ?? '';
    await expect.poll(refreshArea, { timeout: 10_000 }).toContain(note);
    expect(shadow(el).querySelector('[role="alert"]')).toBeNull();
    await expect.element(stateHeading('Sedang diperiksa')).toBeVisible();
    await expect.poll(() => liveRegion(el).textContent).toBe(note);

    await commands.clearNetworkFaults();
    await userEvent.click(page.getByRole('button', { name: 'Perbarui' }));
    await expect.poll(refreshArea).not.toContain(note);
    expect(refreshArea()).toMatch(/Diperbarui pukul/);
  });
});

describe('withdrawing', () => {
  it('asks in the page first; “Jangan batalkan” returns focus; then withdraws with a reason', async () => {
    const key = await applicationIn('in_review');
    const el = mountTracker({ code: key.code, secret: key.secret });
    const changes = changesOf(el);
    await userEvent.click(page.getByRole('button', { name: 'Batalkan permohonan' }));
    await expect.element(page.getByRole('heading', { name: 'Batalkan permohonan ini?' })).toBeVisible();
    await expect.poll(() => focused()?.id).toBe('loket-withdraw-heading');
    await userEvent.click(page.getByRole('button', { name: 'Jangan batalkan' }));
    await expect.poll(() => focused()?.getAttribute('part')).toBe('button withdraw-open');

    await userEvent.keyboard('{Enter}');
    const reason = page.getByRole('textbox', { name: 'Alasan pembatalan (tidak wajib)' });
    await expect.element(reason).toBeVisible();
    expect(reason.element().getAttribute('maxlength')).toBe('500');
    await userEvent.fill(reason, 'Sudah menemukan KTP-el saya.');
    await userEvent.click(page.getByRole('button', { name: 'Ya, batalkan permohonan' }));

    await expect.element(stateHeading('Dibatalkan')).toBeVisible();
    await expect.poll(() => focused()?.id).toBe('loket-state');
    expect(changes).toEqual([{ code: key.code, status: 'withdrawn', previous: 'in_review' }]);
    await expect.poll(() => liveRegion(el).textContent).toBe('Status permohonan berubah: Dibatalkan.');
    expect(page.getByRole('button', { name: 'Batalkan permohonan' }).query()).toBeNull();
    expect(page.getByRole('button', { name: 'Perbarui' }).query()).toBeNull();
    // The reason is for officers only: the citizen's history shows no note, the officer's does.
    expect(shadow(el).querySelector('.timeline')?.textContent).not.toContain('Sudah menemukan');
    const { history } = await officerView(key.code);
    expect(history.at(-1)).toMatchObject({ to: 'withdrawn', note: 'Sudah menemukan KTP-el saya.' });
  });

  it('keeps the confirmation open with an alert when the network fails', async () => {
    const key = await submittedApplication();
    mountTracker({ code: key.code, secret: key.secret });
    await userEvent.click(page.getByRole('button', { name: 'Batalkan permohonan' }));
    await commands.networkFault({ url: '/withdraw', when: 'before' });
    await userEvent.click(page.getByRole('button', { name: 'Ya, batalkan permohonan' }));
    await expect
      .element(page.getByRole('alert'))
      .toHaveTextContent('Permohonan belum dibatalkan. Periksa sambungan internet Anda, lalu coba lagi.');
    await expect.element(stateHeading('Terkirim')).toBeVisible();
    expect(focused()?.getAttribute('part')).toBe('button withdraw-confirm');
  });

  it('says so when the officer decided in the meantime', async () => {
    const key = await applicationIn('in_review');
    mountTracker({ code: key.code, secret: key.secret });
    await userEvent.click(page.getByRole('button', { name: 'Batalkan permohonan' }));
    await officerMoves(key.code, { to: 'completed' });
    await userEvent.click(page.getByRole('button', { name: 'Ya, batalkan permohonan' }));
    await expect
      .element(page.getByRole('alert'))
      .toHaveTextContent('Permohonan ini tidak dapat dibatalkan lagi karena statusnya sudah berubah.');
    await expect.element(stateHeading('Selesai')).toBeVisible();
  });
});

describe('the due date', () => {
  it('warns when the application is overdue', async () => {
    const key = await applicationIn('in_review');
    await commands.setDue(key.code, { date: day(-10), working_days: 5, calendar: 'official' });
    mountTracker({ code: key.code, secret: key.secret });
    await expect.element(page.getByRole('heading', { name: 'Sudah melewati batas waktu' })).toBeVisible();
    await expect.element(page.getByText(/^Permohonan ini seharusnya selesai paling lambat \d/)).toBeVisible();
    await expect.element(page.getByText(/\(5 hari kerja sejak permohonan dikirim\)$/)).toBeVisible();
  });

  it('explains in plain words how sure the date is', async () => {
    const key = await submittedApplication();
    for (const [calendar, words] of [
      ['official', 'Dihitung dengan kalender hari libur resmi.'],
      ['provisional', /belum ditetapkan resmi, jadi tanggalnya dapat berubah\.$/],
      ['estimate', /hanya Sabtu dan Minggu yang dilewati\), jadi tanggal ini perkiraan\.$/],
    ] as const) {
      await commands.setDue(key.code, { date: day(20), working_days: 14, calendar });
      const el = mountTracker({ code: key.code, secret: key.secret });
      await expect.element(page.getByText(words)).toBeVisible();
      expect(page.getByRole('heading', { name: 'Sudah melewati batas waktu' }).query()).toBeNull();
      el.remove();
    }
  });
});

describe('in English', () => {
  it('follows lang="en" on an ancestor: its own words and the server’s', async () => {
    const key = await applicationIn('needs_revision');
    const wrapper = addToPage(document.createElement('div'));
    wrapper.lang = 'en';
    mountTracker({ code: key.code, secret: key.secret, 'form-href': '/apply.html' }, wrapper);
    await expect.element(stateHeading('Needs changes')).toBeVisible();
    await expect
      .element(page.getByText(/^Fix the answers asked for, then send the application again\.$/))
      .toBeVisible();
    await expect.element(page.getByRole('heading', { name: 'What to fix' })).toBeVisible();
    await expect
      .element(page.getByRole('listitem').filter({ hasText: /^Police loss report$/ }))
      .toBeVisible();
    await expect.element(page.getByRole('link', { name: 'Fix the application' })).toBeVisible();
    await expect.element(page.getByText(/^Sent \d{1,2} \w+ 20\d\d at \d\d\.\d\d WIB$/).first()).toBeVisible();

    wrapper.lang = 'id'; // the site's language switch
    await expect.element(stateHeading('Perlu diperbaiki')).toBeVisible();
    await expect
      .element(page.getByText(/^Perbaiki isian yang diminta, lalu kirim ulang permohonan\.$/))
      .toBeVisible();
  });
});

describe('on a 320 px phone', () => {
  it('fits without sideways scrolling, the withdraw step included', async () => {
    await page.viewport(320, 640);
    const key = await applicationIn('needs_revision');
    mountTracker({ code: key.code, secret: key.secret, 'form-href': '/ajukan.html' });
    await expect.element(stateHeading('Perlu diperbaiki')).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Batalkan permohonan' }));
    await expect.element(page.getByRole('heading', { name: 'Batalkan permohonan ini?' })).toBeVisible();
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
    for (const button of page.getByRole('button').elements())
      expect(button.getBoundingClientRect().height, button.textContent ?? '').toBeGreaterThanOrEqual(44);
  });
});
