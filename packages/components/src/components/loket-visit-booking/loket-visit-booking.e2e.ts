import '../../../dist/components/loket-visit-booking.js';
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { THEMES, violations } from '../../../test/a11y';
import { addStyle, addToPage } from '../../../test/finder';
import { mountVisit, shadow } from '../../../test/visits';

const next = () => page.getByRole('button', { name: 'Lanjut' });
const focused = (el: HTMLElement) => shadow(el).activeElement;

/** Tab until `name` has focus (keyboard only), then returns it. */
async function tabTo(el: HTMLElement, name: RegExp): Promise<Element> {
  for (let i = 0; i < 40; i += 1) {
    const active = focused(el);
    const label = active?.getAttribute('aria-label') ?? active?.textContent ?? '';
    if (active && name.test(label.trim())) return active;
    await userEvent.keyboard('{Tab}');
  }
  throw new Error(`no focus on ${name}`);
}

describe('<loket-visit-booking> on the real API', () => {
  it('books today with the keyboard alone on a 412 px phone, axe finding nothing at any step', async () => {
    await page.viewport(412, 915);
    const el = mountVisit('loket-visit-booking', { service: 'ktp-el-hilang' });
    const siola = page.getByRole('radio', { name: /Siola/ });
    await expect.element(siola).toBeVisible();
    await expect.element(page.getByText(/belum bisa diurutkan menurut jarak/)).toBeVisible();
    expect(await violations(el)).toEqual([]);
    (siola.element() as HTMLElement).focus();
    await userEvent.keyboard(' ');
    await userEvent.keyboard('{Enter}');
    // The calendar: focus starts on the first open day (today), the arrow keys move by day.
    await expect.element(page.getByRole('grid')).toBeVisible();
    const today = page.getByRole('button', { name: /^Senin, 11 Januari, sisa/ });
    await expect.poll(() => today.element().getAttribute('tabindex')).toBe('0');
    expect(await violations(el)).toEqual([]);
    (today.element() as HTMLElement).focus();
    await userEvent.keyboard('{ArrowRight}');
    await expect.poll(() => focused(el)?.getAttribute('aria-label')).toMatch(/^Selasa, 12 Januari/);
    await userEvent.keyboard('{ArrowLeft}');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => today.element().getAttribute('aria-pressed')).toBe('true');
    await tabTo(el, /^Lanjut$/);
    await userEvent.keyboard('{Enter}');
    // A time with its places left (08:00 and 08:30 are past the hour's cut-off).
    await expect.element(page.getByRole('heading', { name: 'Jam berapa?' })).toBeVisible();
    await expect.element(page.getByRole('radio', { name: /^08\.00/ })).toBeDisabled();
    expect(await violations(el)).toEqual([]);
    (page.getByRole('radio', { name: /^10\.00/ }).element() as HTMLElement).focus();
    await userEvent.keyboard(' ');
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByRole('textbox', { name: 'Nama lengkap' })).toBeVisible();
    await tabTo(el, /^Lanjut$/);
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByRole('link', { name: 'Masukkan nama lengkap' })).toBeVisible();
    expect(await violations(el)).toEqual([]);
    await userEvent.fill(page.getByRole('textbox', { name: 'Nama lengkap' }), 'Siti Aminah');
    await userEvent.fill(page.getByRole('textbox', { name: 'Nomor HP' }), '0812 3456 7890');
    await userEvent.click(next());
    await expect.element(page.getByText('Senin, 11 Januari 2027, 10.00 WIB')).toBeVisible();
    expect(await violations(el)).toEqual([]);
    await userEvent.click(page.getByRole('button', { name: 'Ambil nomor antrean' }));
    const heading = page.getByRole('heading', { name: 'Nomor antrean Anda' });
    await expect.element(heading).toBeVisible();
    await expect.poll(() => focused(el)).toBe(heading.element());
    await expect.element(page.getByRole('img', { name: /Kode QR untuk check-in/ })).toBeVisible();
    await expect.element(page.getByRole('checkbox').first()).toBeVisible();
    expect(await violations(el)).toEqual([]);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(412);
  });

  it('keeps the ticket on the device, and cancels it after asking', async () => {
    const el = mountVisit('loket-visit-booking', { service: 'ktp-el-hilang' });
    await userEvent.click(page.getByRole('radio', { name: /Siola/ }));
    await userEvent.click(next());
    await userEvent.click(page.getByRole('button', { name: /^Selasa, 12 Januari, sisa/ }));
    await userEvent.click(next());
    await userEvent.click(page.getByRole('radio', { name: /^09\.00/ }));
    await userEvent.click(next());
    await userEvent.fill(page.getByRole('textbox', { name: 'Nama lengkap' }), 'Budi Santoso');
    await userEvent.fill(page.getByRole('textbox', { name: 'E-mail' }), 'budi@contoh.id');
    await userEvent.click(next());
    await userEvent.click(page.getByRole('button', { name: 'Ambil nomor antrean' }));
    await expect.element(page.getByRole('heading', { name: 'Nomor antrean Anda' })).toBeVisible();
    const code = shadow(el).querySelector('dd.code')?.textContent ?? '';
    expect(code).toMatch(/^ANT-/);
    el.remove();
    // The page again: the ticket is shown, not the first step.
    const again = mountVisit('loket-visit-booking');
    await expect.element(page.getByText('Selasa, 12 Januari 2027, 09.00 WIB')).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Batalkan antrean' }));
    await expect.element(page.getByRole('heading', { name: 'Batalkan antrean ini?' })).toBeVisible();
    expect(await violations(again)).toEqual([]);
    await userEvent.click(page.getByRole('button', { name: 'Ya, batalkan' }));
    await expect.element(page.getByText('Dibatalkan', { exact: true })).toBeVisible();
    // Forgotten on the device (the list of utils/device-keys.ts), and not shown on return.
    await expect.poll(() => localStorage.getItem('loket:visit:v1') ?? '').not.toContain(code);
  });

  it('speaks English, and passes axe in English and in every theme', async () => {
    const wrapper = addToPage(document.createElement('div'));
    wrapper.lang = 'en';
    const el = mountVisit('loket-visit-booking', { service: 'ktp-el-hilang' }, wrapper);
    await userEvent.click(page.getByRole('radio', { name: /Siola/ }));
    await userEvent.click(page.getByRole('button', { name: 'Continue' }));
    await expect
      .element(page.getByRole('button', { name: /^Monday,? 11 January, \d+ places left/ }))
      .toBeVisible();
    expect(await violations(el)).toEqual([]);
    wrapper.remove();
    for (const { theme, css } of THEMES) {
      const style = addStyle(css);
      document.documentElement.dataset.loketTheme = theme;
      const themed = mountVisit('loket-visit-booking', { service: 'ktp-el-hilang' });
      await userEvent.click(page.getByRole('radio', { name: /Siola/ }));
      await userEvent.click(next());
      await expect.element(page.getByRole('grid')).toBeVisible();
      expect(await violations(themed), theme).toEqual([]);
      themed.remove();
      style.remove();
      delete document.documentElement.dataset.loketTheme;
    }
  });

  it('fits a 320 px screen', async () => {
    await page.viewport(320, 640);
    mountVisit('loket-visit-booking', { service: 'ktp-el-hilang' });
    await userEvent.click(page.getByRole('radio', { name: /Siola/ }));
    await userEvent.click(next());
    await expect.element(page.getByRole('grid')).toBeVisible();
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(320);
  });
});
