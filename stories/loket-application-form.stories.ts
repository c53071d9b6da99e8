import { recordStore } from '@loket/sdk/session';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor, within } from 'storybook/test';
import {
  newsChannels,
  offlineApplications,
  SAMPLE_PDF,
  seedApplication,
  slowUploads,
} from './msw/applications';
import { demo } from './msw/demo';
import {
  answers,
  completeDraft,
  FILES,
  type FormArgs,
  formIn,
  formStories,
  onThisDevice,
  patience,
} from './support/form';

// Every state of <loket-application-form> for ktp-el-hilang in Kota Surabaya: the service and the
// form are the real API's (recorded), the application endpoints a small stateful mock with the
// contract's rules (msw/applications.ts). A story that starts mid-way puts this device's saved
// application (the local record) and the server's copy (the mock) where a citizen would have
// left them; the play functions then act as the citizen does. A revision's rejected file and the
// answers copied by `same_as`: loket-application-form.earlier.stories.ts.

const TITLE = { id: 'Penggantian KTP-el karena hilang', en: 'Replace a lost KTP-el' };

const meta = {
  ...formStories,
  title: 'Components/Application form',
  // Its checks read Indonesian words: it stays in Indonesian (the Language toolbar is locked on it;
  // see support/locale.ts for stories that follow the toolbar); its English stories set `locale: 'en'`.
  globals: { locale: 'id' },
  component: 'loket-application-form',
  tags: ['autodocs'],
} satisfies Meta<FormArgs>;

export default meta;
type Story = StoryObj<FormArgs>;

/** The first page: what to prepare, the fee and the time, one button to start. */
export const Prepare: Story = {
  play: async ({ canvasElement }) => {
    const { view } = await formIn(canvasElement);
    await expect(await view.findByRole('heading', { level: 2, name: TITLE.id }, patience)).toBeVisible();
    await expect(view.getByRole('heading', { level: 3, name: 'Yang perlu disiapkan' })).toBeVisible();
    await expect(view.getByRole('button', { name: /^Mulai/ })).toBeVisible();
  },
};

/** The first step, empty, one question per field with its hint; the heading has focus. */
export const EmptyStep: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const { view } = await formIn(canvasElement);
    await userEvent.click(await view.findByRole('button', { name: /^Mulai/ }, patience));
    const heading = await view.findByRole('heading', { level: 2, name: /^Langkah 1 dari 3/ }, patience);
    await expect(heading).toBeVisible();
    await expect(view.getByRole('textbox', { name: 'Nama lengkap' })).toHaveValue('');
  },
};

/** The first step as a citizen left it: the answers come back from this device. */
export const FilledStep: Story = {
  beforeEach: () =>
    onThisDevice({
      answers: { nama_lengkap: answers.nama_lengkap, nik: answers.nik, telepon: answers.telepon },
      dirty: ['nama_lengkap', 'nik', 'telepon'],
      place: 'pemohon',
    }),
  play: async ({ canvasElement }) => {
    const { view } = await formIn(canvasElement);
    await expect(await view.findByRole('textbox', { name: 'Nama lengkap' }, patience)).toHaveValue(
      answers.nama_lengkap,
    );
    await expect(view.getByRole('textbox', { name: 'NIK' })).toHaveValue(answers.nik);
    await waitFor(() => expect(view.getByText('Tersimpan')).toBeVisible(), patience);
  },
};

/** Continue with a wrong answer: the error summary has focus and links to the field. */
export const Errors: Story = {
  beforeEach: () =>
    onThisDevice({
      answers: { nama_lengkap: answers.nama_lengkap },
      dirty: ['nama_lengkap'],
      place: 'pemohon',
    }),
  play: async ({ canvasElement, userEvent }) => {
    const { view } = await formIn(canvasElement);
    await userEvent.type(await view.findByRole('textbox', { name: 'Nomor HP' }, patience), '0812');
    await userEvent.click(view.getByRole('button', { name: 'Lanjut' }));
    const summary = await view.findByRole('alert', {}, patience);
    await expect(within(summary).getByText('Ada masalah')).toBeVisible();
    await expect(within(summary).getByRole('link', { name: /^NIK/ })).toBeVisible();
    await expect(within(summary).getByRole('link', { name: /^Nomor HP/ })).toBeVisible();
  },
};

/** A file on its way: its name, how much is sent, and a way to cancel. */
export const Uploading: Story = {
  parameters: { msw: { handlers: { uploads: slowUploads() } } },
  beforeEach: async () => {
    const key = await seedApplication({ answers });
    onThisDevice({ key, place: 'dokumen' });
  },
  play: async ({ canvasElement, userEvent }) => {
    const { view } = await formIn(canvasElement);
    const input = await view.findByLabelText('Kartu Keluarga (KK)', {}, patience);
    await userEvent.upload(input, new File([SAMPLE_PDF], 'kk.pdf', { type: 'application/pdf' }));
    await expect(await view.findByRole('progressbar', { name: 'Mengunggah kk.pdf' }, patience)).toBeVisible();
    await expect(view.getByRole('button', { name: 'Batalkan unggahan' })).toBeVisible();
  },
};

/** Numbers as printed on the card: a NIK typed in groups of four is taken as typed, on a numeric keyboard. */
export const GroupedNumbers: Story = {
  beforeEach: () =>
    onThisDevice({
      answers: { nama_lengkap: answers.nama_lengkap, telepon: '0812-3456-7890' },
      dirty: ['nama_lengkap', 'telepon'],
      place: 'pemohon',
    }),
  play: async ({ canvasElement, userEvent }) => {
    const { view } = await formIn(canvasElement);
    const nik = await view.findByRole('textbox', { name: 'NIK' }, patience);
    await expect(nik).toHaveAttribute('inputmode', 'numeric');
    await userEvent.type(nik, '3578 0155 0590 0001');
    await userEvent.click(view.getByRole('button', { name: 'Lanjut' }));
    await expect(
      await view.findByRole('heading', { level: 2, name: /^Langkah 2 dari 3/ }, patience),
    ).toBeVisible();
  },
};

/** A 1×1 PNG: enough for a thumbnail. */
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

/** The documents: the page's own picker button, an uploaded photo as a thumbnail, with Hapus. */
export const Documents: Story = {
  beforeEach: async () => {
    const key = await seedApplication({ answers });
    onThisDevice({ key, place: 'dokumen' });
  },
  play: async ({ canvasElement, userEvent }) => {
    const { view } = await formIn(canvasElement);
    const input = await view.findByLabelText('Surat keterangan kehilangan dari kepolisian', {}, patience);
    await expect(view.getAllByText('Pilih berkas')[0]).toBeVisible();
    await userEvent.upload(input, new File([PNG], 'surat.png', { type: 'image/png' }));
    await waitFor(
      () =>
        expect(
          canvasElement.querySelector('loket-application-form')?.shadowRoot?.querySelector('img.thumb'),
        ).toBeTruthy(),
      patience,
    );
    await expect(view.getByRole('button', { name: 'Hapus surat.png' })).toBeVisible();
  },
};

/** No network: the answers stay on this device, and the form says so. */
export const Offline: Story = {
  parameters: { msw: { handlers: { applications: offlineApplications() } } },
  beforeEach: () => onThisDevice({ place: 'pemohon' }),
  play: async ({ canvasElement, userEvent }) => {
    const { view } = await formIn(canvasElement);
    await userEvent.type(await view.findByRole('textbox', { name: 'Nama lengkap' }, patience), 'Siti');
    await expect(await view.findByText(/Anda sedang offline/, {}, { timeout: 8000 })).toBeVisible();
    await expect(view.getByText('Tersimpan di perangkat ini')).toBeVisible();
  },
};

/** Check your answers: every answer by step, with a change link, the declaration and the submit button. */
export const CheckAnswers: Story = {
  beforeEach: () => completeDraft('check'),
  play: async ({ canvasElement }) => {
    const { view } = await formIn(canvasElement);
    await expect(
      await view.findByRole('heading', { level: 2, name: 'Periksa jawaban Anda' }, patience),
    ).toBeVisible();
    await expect(view.getByText(answers.nama_lengkap)).toBeVisible();
    // News only if the citizen ticks it (issue 15): e-mail and phone (the region's gateway takes it), each unticked.
    await expect(view.getByRole('group', { name: 'Kabar tentang permohonan ini' })).toBeVisible();
    await expect(
      view.getByRole('checkbox', { name: `Kirim kabar ke email ${answers.email}` }),
    ).not.toBeChecked();
    await expect(
      view.getByRole('checkbox', { name: 'Kirim kabar ke nomor HP 0812 3456 7890' }),
    ).not.toBeChecked();
    await expect(view.getByRole('button', { name: 'Kirim permohonan' })).toBeVisible();
  },
};

/** Check your answers where the region has no phone gateway: news by e-mail only, no phone box. */
export const NoPhoneGateway: Story = {
  parameters: { msw: { handlers: { news: newsChannels(false) } } },
  beforeEach: () => completeDraft('check'),
  play: async ({ canvasElement }) => {
    const { view } = await formIn(canvasElement);
    await expect(
      await view.findByRole('heading', { level: 2, name: 'Periksa jawaban Anda' }, patience),
    ).toBeVisible();
    const news = view.getByRole('group', { name: 'Kabar tentang permohonan ini' });
    await expect(
      within(news).getByRole('checkbox', { name: `Kirim kabar ke email ${answers.email}` }),
    ).toBeVisible();
    await expect(within(news).getAllByRole('checkbox')).toHaveLength(1);
    await expect(view.queryByRole('checkbox', { name: /Kirim kabar ke nomor HP/ })).toBeNull();
  },
};

/** Sent: the confirmation with the tracking code and the secret, and what happens next. */
export const Submitted: Story = {
  beforeEach: () => completeDraft('check'),
  play: async ({ canvasElement, userEvent }) => {
    const { view } = await formIn(canvasElement);
    await userEvent.click(await view.findByRole('checkbox', { name: /Saya menyatakan/ }, patience));
    await userEvent.click(view.getByRole('button', { name: 'Kirim permohonan' }));
    await expect(
      await view.findByRole('heading', { level: 2, name: 'Permohonan terkirim' }, patience),
    ).toBeVisible();
    const { key } = recordStore(demo.service, demo.region, localStorage).read();
    const [code] = await view.findAllByText(key?.code as string);
    await expect(code).toBeVisible();
  },
};

/** Sent back by the officer: their note and the fields to fix, nothing else can change. */
export const NeedsRevision: Story = {
  beforeEach: async () => {
    const key = await seedApplication({
      status: 'needs_revision',
      answers,
      files: FILES,
      revision: { fields: ['telepon'], note: 'Nomor HP tidak dapat dihubungi. Periksa lagi nomornya.' },
    });
    onThisDevice({ key });
  },
  play: async ({ canvasElement }) => {
    const { view } = await formIn(canvasElement);
    await expect(
      await view.findByRole('heading', { level: 2, name: 'Permohonan Anda perlu diperbaiki' }, patience),
    ).toBeVisible();
    await expect(view.getByText('Nomor HP tidak dapat dihubungi. Periksa lagi nomornya.')).toBeVisible();
  },
};

/** In English (the `lang` of the page), the form's own texts too. */
export const English: Story = {
  globals: { locale: 'en' },
  beforeEach: () =>
    onThisDevice({
      answers: { nama_lengkap: answers.nama_lengkap },
      dirty: ['nama_lengkap'],
      place: 'pemohon',
    }),
  play: async ({ canvasElement }) => {
    const { view } = await formIn(canvasElement);
    await expect(await view.findByRole('textbox', { name: 'Full name' }, patience)).toHaveValue(
      answers.nama_lengkap,
    );
    await expect(view.getByRole('heading', { level: 2, name: /^Step 1 of 3/ })).toBeVisible();
  },
};

/** The dark theme (data-loket-theme="dark"), on check your answers. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  beforeEach: () => completeDraft('check'),
  play: CheckAnswers.play,
};

/** The high-contrast theme, on a step with errors. */
export const HighContrast: Story = {
  globals: { theme: 'high-contrast' },
  beforeEach: Errors.beforeEach,
  play: Errors.play,
};
