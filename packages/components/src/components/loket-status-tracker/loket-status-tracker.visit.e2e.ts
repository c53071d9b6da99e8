import '../../../dist/components/loket-status-tracker.js';
import { createApplication, createLoketCore } from '@loket/sdk';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { page } from 'vitest/browser';
import { violations } from '../../../test/a11y';
import { forgetDevice, mountTracker, shadow } from '../../../test/tracker';
import { REGION, SIOLA } from '../../../test/visits';

// "Datang ke loket" on the tracker, from the real API: an application linked to a booking at MPP
// Siola (the visits API, its clock on Monday 11 January 2027, 08:00 WIB) shows where and when
// to come, with the queue number, on a phone and on a desktop, axe finding nothing.

afterEach(() => forgetDevice());

async function linkedApplication(phone: string) {
  const api = createLoketCore({ baseUrl: inject('visitsApiBase'), region: REGION });
  const { application } = await createApplication(api, { service: 'ktp-el-hilang', region: REGION });
  const { code, secret } = application;
  const response = await fetch(`${inject('visitsApiBase')}/v1/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({
      service: 'ktp-el-hilang',
      location: SIOLA,
      date: '2027-01-12',
      time: '09:30',
      name: 'Siti Aminah',
      phone,
      application: { code, secret },
    }),
  });
  expect(response.status).toBe(201);
  const booking = (await response.json()) as { ticket: { number: string }; counter: { label: string } };
  return { code, secret, booking };
}

describe('the tracker with a linked visit', () => {
  for (const [width, height, phone] of [
    [412, 915, '081277001001'],
    [1024, 768, '081277001002'],
  ] as const) {
    it(`says "Datang ke loket" with day, time, place, counter and number at ${width}px`, async () => {
      await page.viewport(width, height);
      const { code, secret, booking } = await linkedApplication(phone);
      const el = mountTracker({ 'api-base': inject('visitsApiBase'), code, secret });
      const line = page.getByText(/^Datang ke loket:/);
      await expect.element(line).toBeVisible();
      const text = shadow(el).querySelector('[part~="visit"]')?.textContent ?? '';
      expect(text).toBe(
        `Datang ke loket: Selasa, 12 Januari, 09.30 WIB, Mal Pelayanan Publik Siola Kota Surabaya, ${booking.counter.label} (Dispendukcapil Kota Surabaya). Nomor antrean ${booking.ticket.number}.`,
      );
      expect(await violations(el)).toEqual([]);
    });
  }
});
