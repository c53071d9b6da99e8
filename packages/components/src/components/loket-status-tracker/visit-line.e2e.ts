import '../../../dist/components/loket-status-tracker.js';
import { createApplication, createBooking, createLoketCore } from '@loket/sdk';
import { expect, inject, it } from 'vitest';
import { page } from 'vitest/browser';
import { mountTracker } from '../../../test/tracker';
import { REGION, SIOLA } from '../../../test/visits';

it('shows the visit an application links to: "Datang ke loket", when, where, which counter', async () => {
  const core = createLoketCore({ baseUrl: inject('visitsApiBase'), region: REGION });
  const { application } = await createApplication(core, { service: 'ktp-el-hilang', region: REGION });
  const { booking } = await createBooking(core, {
    service: 'ktp-el-hilang',
    location: SIOLA,
    date: '2027-01-12',
    time: '10:30',
    name: 'Rina Kusuma',
    email: 'rina@contoh.id',
    application: { code: application.code, secret: application.secret },
  });
  mountTracker({ 'api-base': inject('visitsApiBase'), code: application.code, secret: application.secret });
  const line = page.getByText(/Nomor antrean A-/);
  await expect.element(line).toBeVisible();
  expect(line.element().textContent).toBe(
    `Datang ke loket: Selasa, 12 Januari, 10.30 WIB, ${booking.location.name}, ${booking.counter.label} (${booking.counter.agency_name}). Nomor antrean ${booking.ticket.number}.`,
  );
});
