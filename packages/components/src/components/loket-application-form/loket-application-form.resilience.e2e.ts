import '../../../dist/components/loket-application-form.js';
import type { ApplicationKey } from '@loket/sdk/session';
import { memoryStorage } from '@loket/sdk/session';
import { afterEach, describe, expect, it } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import { citizen, heading, mountForm, step, TITLE } from '../../../test/form';
import { submissions } from '../../../test/officer';
import { pngFile } from '../../../test/png';
import { disposeSessions, fillIn, openSession, person, SERVICE } from '../../../test/session';

// What a citizen on a dropping mobile network goes through: the page reloads mid-form, the
// connection dies while submitting, an upload fails. Nothing typed is lost, and the application
// is submitted exactly once.

afterEach(async () => {
  disposeSessions();
  await commands.clearNetworkFaults();
});

const RECORD = `loket:application:v1:${SERVICE}:35.78`;
const stored = () => JSON.parse(localStorage.getItem(RECORD) ?? 'null');

/** This device's application, prepared through the session as an earlier visit would have left it. */
async function earlierVisit(place: string, fill: (session: ReturnType<typeof openSession>) => Promise<void>) {
  await mountForm().then((el) => el.remove()); // allows the page's origin for 35.78
  const session = openSession(localStorage);
  await session.start();
  await fill(session);
  session.setPlace(place);
  await session.flush();
  session.dispose();
  return stored().key as ApplicationKey;
}

describe('a reload in the middle of the form', () => {
  it('brings back the answers and the step, also what was never saved to the server', async () => {
    const first = await mountForm();
    await expect.element(heading(TITLE)).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: /^Mulai/ }));
    await expect.element(heading(step(1, 'Data pemohon'))).toBeVisible();
    await userEvent.fill(page.getByRole('textbox', { name: 'Nama lengkap' }), citizen.name);
    await userEvent.fill(page.getByRole('textbox', { name: 'NIK' }), citizen.nik);
    await userEvent.fill(page.getByRole('textbox', { name: 'Nomor HP' }), citizen.phone);
    await userEvent.click(page.getByRole('button', { name: 'Lanjut' }));
    await expect.element(heading(step(2, 'Kehilangan'))).toBeVisible();
    await userEvent.fill(
      page.getByRole('textbox', { name: /Nomor surat keterangan kehilangan/ }),
      'SKH/123/V/2026',
    );
    first.remove(); // at once: the debounced save never ran

    await mountForm();
    await expect.element(heading(step(2, 'Kehilangan'))).toBeVisible();
    await expect
      .element(page.getByRole('textbox', { name: /Nomor surat keterangan kehilangan/ }))
      .toHaveValue('SKH/123/V/2026');
    await userEvent.click(page.getByRole('button', { name: 'Kembali' }));
    await expect.element(heading(step(1, 'Data pemohon'))).toBeVisible();
    await expect.element(page.getByRole('textbox', { name: 'Nama lengkap' })).toHaveValue(citizen.name);
    await expect.element(page.getByRole('textbox', { name: 'NIK' })).toHaveValue(citizen.nik);

    // And the server gets them: another device opening the resume link sees every answer.
    await expect.poll(() => stored()?.dirty?.length, { timeout: 10_000 }).toBe(0);
    const other = openSession(memoryStorage());
    await other.start(stored().key);
    expect(other.snapshot.answers).toMatchObject({
      nama_lengkap: citizen.name,
      nik: citizen.nik,
      nomor_surat_kehilangan: 'SKH/123/V/2026',
    });
  });
});

describe('the network fails while submitting', () => {
  it('waits, sends it again with the same key when the network returns, submits once, confirms', async () => {
    const key = await earlierVisit('check', fillIn);
    const before = await commands.countApplications(SERVICE, 'submitted');
    const form = await mountForm();
    const submitted: unknown[] = [];
    form.addEventListener('loketSubmit', (e) => submitted.push((e as CustomEvent).detail));
    await expect.element(heading('Periksa jawaban Anda')).toBeVisible();

    // The server takes the submission, but no answer comes back, not even to the SDK's retries.
    await commands.networkFault({ url: '/submit', when: 'after' });
    await userEvent.click(page.getByRole('checkbox', { name: /Saya menyatakan bahwa semua data/ }));
    await userEvent.click(page.getByRole('button', { name: 'Kirim permohonan' }));
    await expect.element(page.getByRole('heading', { name: 'Menunggu sambungan internet' })).toBeVisible();
    expect(stored().submission).toMatch(/^[0-9a-f-]{36}$/);

    await commands.clearNetworkFaults();
    window.dispatchEvent(new Event('online'));
    await expect.element(heading('Permohonan terkirim')).toBeVisible();
    await expect.element(page.getByText(key.code)).toBeVisible();
    expect(await submissions(key.code)).toBe(1);
    expect(await commands.countApplications(SERVICE, 'submitted')).toBe(before + 1);
    expect(submitted).toEqual([{ code: key.code, status: 'submitted' }]);
    // This device keeps the confirmation, not the answers.
    expect(JSON.stringify(stored())).not.toContain(person.nik);
  });
});

describe('an upload fails', () => {
  it('says so, and "Coba lagi" sends the same file again', async () => {
    const key = await earlierVisit('dokumen', async (session) => {
      for (const [field, value] of Object.entries(person)) session.setAnswer(field, value);
    });
    await mountForm();
    await expect.element(heading(step(3, 'Dokumen'))).toBeVisible();

    await commands.networkFault({ url: '/attachments', when: 'before', times: 1 });
    await userEvent.upload(page.getByLabelText('Kartu Keluarga (KK)'), await pngFile('kk.png'));
    // Said next to the question, and announced.
    await expect
      .element(
        page
          .getByText(/^kk\.png gagal diunggah\./)
          .filter({ hasNotText: /^$/ })
          .last(),
      )
      .toBeVisible();
    await expect
      .element(page.getByRole('status').filter({ hasText: 'kk.png gagal diunggah.' }))
      .toBeInTheDocument();
    await userEvent.click(page.getByRole('button', { name: 'Coba lagi' }));
    await expect.element(page.getByText('kk.png sudah terunggah.')).toBeInTheDocument();

    const other = openSession(memoryStorage());
    await other.start(key);
    expect(other.snapshot.attachments.map((a) => [a.field, a.filename])).toEqual([
      ['kartu_keluarga', 'kk.png'],
    ]);
  });
});
