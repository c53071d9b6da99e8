import { emptyRecord, recordStore } from '@loket/sdk/session';
import { expect, waitFor, within } from 'storybook/test';
import { seedApplication } from '../msw/applications';
import { demo } from '../msw/demo';

/** A citizen's ktp-el-hilang answers that the shared validator accepts (the NIK's date fits the form's rules). */
export const answers = {
  nama_lengkap: 'Siti Aminah',
  nik: '3578015505900001',
  telepon: '081234567890',
  email: 'siti.aminah@example.id',
  tanggal_kehilangan: '2026-03-01',
  nomor_surat_kehilangan: 'SKH/123/III/2026',
  pernyataan_benar: true,
};
export const FILES = ['surat_keterangan_kehilangan', 'kartu_keluarga'];

/** This device's saved application for `service` (the stories' own by default), as an earlier visit left it. */
export function onThisDevice(
  record: Partial<ReturnType<typeof emptyRecord>>,
  service: string = demo.service,
) {
  recordStore(service, demo.region, localStorage).write({ ...emptyRecord(), ...record });
}

/** Forgets this device's saved application for `service`: a first visit. */
export function notOnThisDevice(service: string = demo.service) {
  recordStore(service, demo.region, localStorage).remove();
}

/** A draft the server (the mock) holds with every answer and file, saved on this device too. */
export async function completeDraft(place: string) {
  const key = await seedApplication({ answers, files: FILES });
  onThisDevice({ key, place });
}

/** Long enough for the SDK's retries (0.3 s + 0.6 s) and a slow CI machine. */
export const patience = { timeout: 5000 };

/** The form in the story, and Testing Library queries inside its shadow root. */
export async function formIn(canvasElement: HTMLElement) {
  const el = canvasElement.querySelector('loket-application-form');
  if (!el) throw new Error('No <loket-application-form> in this story');
  await customElements.whenDefined('loket-application-form');
  await waitFor(() => expect(el.shadowRoot?.querySelector('h2')).toBeTruthy(), patience);
  return { el, view: within(el.shadowRoot as unknown as HTMLElement) };
}
