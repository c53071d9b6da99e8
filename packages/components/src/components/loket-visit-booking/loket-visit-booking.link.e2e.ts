import '../../../dist/components/loket-visit-booking.js';
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { violations } from '../../../test/a11y';
import { addToPage } from '../../../test/finder';
import { bookingToday, mountVisit, shadow } from '../../../test/visits';

// A booking's manage link, as the visit e-mails write it (LOKET_BOOKING_URL,
// `…/antrean.html#kode={code}`: never the secret), opened in a tab already on the booking page
// or at its start; the secret kept on this device when it was booked or opened here, or asked for.

const ticketHeading = () => page.getByRole('heading', { name: 'Nomor antrean Anda' });
const lookupHeading = () => page.getByRole('heading', { name: 'Lihat antrean Anda' });
const secretBox = () => page.getByRole('textbox', { name: 'Kode rahasia' });
const focusedId = (el: HTMLElement) => shadow(el).activeElement?.id;
const kept = () => localStorage.getItem('loket:visit:v1') ?? '';

afterEach(() => {
  history.replaceState(history.state, '', location.href.replace(/#.*$/, ''));
});

for (const [name, width, height, hour] of [
  ['a phone', 412, 915, '11'],
  ['a desktop', 1024, 768, '13'],
] as const) {
  describe(`on ${name} (${width} × ${height})`, () => {
    it('asks for the secret of a #kode= link this device does not know, with the code filled in', async () => {
      await page.viewport(width, height);
      const booking = await bookingToday(`${hour}:00`, `Rina${width} Kusuma`);
      location.hash = `kode=${booking.code}`;
      const el = mountVisit('loket-visit-booking');
      await expect.element(lookupHeading()).toBeVisible();
      // The code is filled in and out of the address bar at once; the step's heading has focus.
      expect(location.hash).toBe('');
      await expect.element(page.getByRole('textbox', { name: 'Kode pemesanan' })).toHaveValue(booking.code);
      await expect.poll(() => focusedId(el)).toBe('loket-step-heading');
      expect(await violations(el)).toEqual([]);
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);

      // Nothing typed: the error summary takes focus and links to the field.
      await userEvent.click(page.getByRole('button', { name: 'Lihat antrean' }));
      const missing = page.getByRole('link', { name: 'Masukkan kode rahasia' });
      await expect.element(missing).toBeVisible();
      await expect.poll(() => shadow(el).activeElement?.getAttribute('part')).toBe('error-summary');
      await userEvent.click(missing);
      await expect.poll(() => focusedId(el)).toBe('loket-lookup-secret');
      // A wrong secret: "does not match", never which of the two.
      await userEvent.fill(secretBox(), 'AAAA-BBBB-CCCC-DDDD');
      await userEvent.click(page.getByRole('button', { name: 'Lihat antrean' }));
      await expect
        .element(page.getByRole('link', { name: 'Kode pemesanan atau kode rahasia tidak cocok' }))
        .toBeVisible();
      expect(await violations(el)).toEqual([]);

      // The secret from the ticket, typed in lower case: the ticket, with change and cancel.
      await userEvent.fill(secretBox(), booking.secret.toLowerCase());
      await userEvent.click(page.getByRole('button', { name: 'Lihat antrean' }));
      await expect.element(ticketHeading()).toBeVisible();
      await expect.poll(() => focusedId(el)).toBe('loket-ticket-heading');
      await expect.element(page.getByText(`Senin, 11 Januari 2027, ${hour}.00 WIB`)).toBeVisible();
      await expect.element(page.getByRole('button', { name: 'Ubah jadwal' })).toBeVisible();
      await expect.element(page.getByRole('button', { name: 'Batalkan antrean' })).toBeVisible();
      expect(await violations(el)).toEqual([]);
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);

      // The calendar file links back here with the code alone (never the secret), as the e-mails do.
      const file = page.getByRole('link', { name: 'Tambahkan ke kalender' });
      await expect.element(file).toBeVisible();
      const ics = await (await fetch((file.element() as HTMLAnchorElement).href)).text();
      expect(ics.replace(/\r\n /g, '')).toContain(
        `URL:${location.origin}${location.pathname}#kode=${booking.code}`,
      );
      expect(ics).not.toContain(booking.secret);

      // Kept on this device now: its link opens the ticket without asking again.
      expect(kept()).toContain(booking.code);
      el.remove();
      location.hash = `kode=${booking.code}`;
      const again = mountVisit('loket-visit-booking');
      await expect.element(ticketHeading()).toBeVisible();
      expect(shadow(again).textContent).toContain(booking.secret);
      expect(location.hash).toBe('');
    });

    it('follows a new #kode= link in the open tab: kept ones at once, others by their secret; cancels', async () => {
      await page.viewport(width, height);
      const first = await bookingToday(`${hour}:30`, `Agus${width} Salim`);
      const second = await bookingToday(`${Number(hour) + 1}:00`, `Wati${width} Handayani`);
      // The first comes with its secret (`#kode=…&rahasia=…`): opened, kept, the secret out of the URL.
      location.hash = new URLSearchParams({ kode: first.code, rahasia: first.secret }).toString();
      const el = mountVisit('loket-visit-booking', { service: 'ktp-el-hilang' });
      await expect.element(page.getByText(`Senin, 11 Januari 2027, ${hour}.30 WIB`)).toBeVisible();
      expect(location.hash).toBe('');
      expect(kept()).toContain(first.code);

      // The second's e-mail link, in the same tab: its secret is asked for.
      location.hash = `kode=${second.code}`;
      await expect.element(lookupHeading()).toBeVisible();
      expect(location.hash).toBe('');
      await expect.element(page.getByRole('textbox', { name: 'Kode pemesanan' })).toHaveValue(second.code);
      expect(document.querySelector('loket-visit-booking')).toBe(el);

      // Back to the first one's link: this device knows it, so the ticket, focused.
      location.hash = `kode=${first.code}`;
      await expect.element(page.getByText(`Senin, 11 Januari 2027, ${hour}.30 WIB`)).toBeVisible();
      await expect.poll(() => focusedId(el)).toBe('loket-ticket-heading');
      expect(location.hash).toBe('');

      // A fragment that names no booking (a link to a heading) changes nothing.
      location.hash = 'bantuan';
      await new Promise((resolve) => setTimeout(resolve, 300));
      await expect.element(ticketHeading()).toBeVisible();
      expect(location.hash).toBe('#bantuan');

      // Cancelled from the opened ticket, as after booking: forgotten on this device.
      await userEvent.click(page.getByRole('button', { name: 'Batalkan antrean' }));
      await userEvent.click(page.getByRole('button', { name: 'Ya, batalkan' }));
      await expect.element(page.getByText('Dibatalkan', { exact: true })).toBeVisible();
      expect(await violations(el)).toEqual([]);
      await expect.poll(kept).not.toContain(first.code);
    });
  });
}

describe('a #kode= link whose booking cannot be opened', () => {
  it('asks for the secret again when the secret in the link is wrong, and offers another booking', async () => {
    const booking = await bookingToday('14:30', 'Hendra Gunawan');
    location.hash = new URLSearchParams({ kode: booking.code, rahasia: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ' }).toString();
    const el = mountVisit('loket-visit-booking', { service: 'ktp-el-hilang' });
    await expect.element(lookupHeading()).toBeVisible();
    await expect
      .element(page.getByRole('link', { name: 'Kode pemesanan atau kode rahasia tidak cocok' }))
      .toBeVisible();
    expect(location.hash).toBe('');
    expect(kept()).not.toContain(booking.code);
    expect(await violations(el)).toEqual([]);
    // "Ambil antrean lain": the booking's first step.
    await userEvent.click(page.getByRole('button', { name: 'Ambil antrean lain' }));
    await expect.element(page.getByRole('radio', { name: /Siola/ })).toBeVisible();
  });
});

describe('in English', () => {
  it('asks for the secret in English, and in Indonesian again when the page switches', async () => {
    const booking = await bookingToday('14:00', 'Joko Widodo');
    const wrapper = addToPage(document.createElement('div'));
    wrapper.lang = 'en';
    location.hash = `kode=${booking.code}`;
    const el = mountVisit('loket-visit-booking', {}, wrapper);
    await expect.element(page.getByRole('heading', { name: 'See your booking' })).toBeVisible();
    await expect.element(page.getByRole('textbox', { name: 'Secret code' })).toBeVisible();
    expect(await violations(el)).toEqual([]);
    wrapper.lang = 'id';
    await expect.element(lookupHeading()).toBeVisible();
  });
});
