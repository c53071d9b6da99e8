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
  formWords,
  onThisDevice,
  patience,
} from './support/form';
import { escapeRegExp, fill, shown } from './support/locale';

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
  // The play functions take the form's words in the story's language (support/form.ts formWords:
  // its dictionaries and the recorded form's labels): every story follows the Language toolbar.
  component: 'loket-application-form',
  tags: ['autodocs'],
} satisfies Meta<FormArgs>;

export default meta;
type Story = StoryObj<FormArgs>;

/** The first page: what to prepare, the fee and the time, one button to start. */
/** "Mulai" / "Start", the button that opens the first step. */
const start = (w: ReturnType<typeof formWords>) => new RegExp(`^${escapeRegExp(w.t.prepare.start)}`);

export const Prepare: Story = {
  play: async ({ canvasElement, globals }) => {
    const w = formWords(globals);
    const { view } = await formIn(canvasElement);
    await expect(await view.findByRole('heading', { level: 2, name: TITLE[w.lang] }, patience)).toBeVisible();
    await expect(view.getByRole('heading', { level: 3, name: w.t.prepare.requirements })).toBeVisible();
    await expect(view.getByRole('button', { name: start(w) })).toBeVisible();
  },
};

/** The first step, empty, one question per field with its hint; the heading has focus. */
export const EmptyStep: Story = {
  play: async ({ canvasElement, globals, userEvent }) => {
    const w = formWords(globals);
    const { view } = await formIn(canvasElement);
    await userEvent.click(await view.findByRole('button', { name: start(w) }, patience));
    const heading = await view.findByRole('heading', { level: 2, name: w.step(1, 3) }, patience);
    await expect(heading).toBeVisible();
    await expect(view.getByRole('textbox', { name: w.label('nama_lengkap') })).toHaveValue('');
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
  play: async ({ canvasElement, globals }) => {
    const w = formWords(globals);
    const { view } = await formIn(canvasElement);
    await expect(await view.findByRole('textbox', { name: w.label('nama_lengkap') }, patience)).toHaveValue(
      answers.nama_lengkap,
    );
    await expect(view.getByRole('textbox', { name: w.label('nik') })).toHaveValue(answers.nik);
    await waitFor(() => expect(view.getByText(w.t.save.saved)).toBeVisible(), patience);
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
  play: async ({ canvasElement, globals, userEvent }) => {
    const w = formWords(globals);
    const phone = w.label('telepon');
    const { view } = await formIn(canvasElement);
    await userEvent.type(await view.findByRole('textbox', { name: phone }, patience), '0812');
    await userEvent.click(view.getByRole('button', { name: w.t.step.continue }));
    const summary = await view.findByRole('alert', {}, patience);
    await expect(within(summary).getByText(w.t.errors.title)).toBeVisible();
    // Each problem starts with its field's label.
    const about = (label: string) => ({ name: new RegExp(`^${escapeRegExp(label)}`) });
    await expect(within(summary).getByRole('link', about(w.label('nik')))).toBeVisible();
    await expect(within(summary).getByRole('link', about(phone))).toBeVisible();
  },
};

/** A draft on the server with every answer, left on the documents step on this device. */
async function onTheDocumentsStep() {
  const key = await seedApplication({ answers });
  onThisDevice({ key, place: 'dokumen' });
}

/** A file on its way: its name, how much is sent, and a way to cancel. */
export const Uploading: Story = {
  parameters: { msw: { handlers: { uploads: slowUploads() } } },
  beforeEach: onTheDocumentsStep,
  play: async ({ canvasElement, globals, userEvent }) => {
    const w = formWords(globals);
    const { view } = await formIn(canvasElement);
    const input = await view.findByLabelText(w.label('kartu_keluarga'), {}, patience);
    await userEvent.upload(input, new File([SAMPLE_PDF], 'kk.pdf', { type: 'application/pdf' }));
    await expect(
      await view.findByRole('progressbar', { name: fill(w.t.file.uploading, { name: 'kk.pdf' }) }, patience),
    ).toBeVisible();
    await expect(view.getByRole('button', { name: w.t.file.cancel })).toBeVisible();
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
  play: async ({ canvasElement, globals, userEvent }) => {
    const w = formWords(globals);
    const { view } = await formIn(canvasElement);
    const nik = await view.findByRole('textbox', { name: w.label('nik') }, patience);
    await expect(nik).toHaveAttribute('inputmode', 'numeric');
    await userEvent.type(nik, '3578 0155 0590 0001');
    await userEvent.click(view.getByRole('button', { name: w.t.step.continue }));
    await expect(await view.findByRole('heading', { level: 2, name: w.step(2, 3) }, patience)).toBeVisible();
  },
};

/** A 1×1 PNG: enough for a thumbnail. */
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

/** The documents: the page's own picker button, an uploaded photo as a thumbnail, with Hapus. */
export const Documents: Story = {
  beforeEach: onTheDocumentsStep,
  play: async ({ canvasElement, globals, userEvent }) => {
    const w = formWords(globals);
    const { view } = await formIn(canvasElement);
    const input = await view.findByLabelText(w.label('surat_keterangan_kehilangan'), {}, patience);
    await expect(view.getAllByText(w.t.file.choose)[0]).toBeVisible();
    await userEvent.upload(input, new File([PNG], 'surat.png', { type: 'image/png' }));
    await waitFor(
      () =>
        expect(
          canvasElement.querySelector('loket-application-form')?.shadowRoot?.querySelector('img.thumb'),
        ).toBeTruthy(),
      patience,
    );
    await expect(view.getByRole('button', { name: `${w.t.file.remove} surat.png` })).toBeVisible();
  },
};

/** No network: the answers stay on this device, and the form says so. */
export const Offline: Story = {
  parameters: { msw: { handlers: { applications: offlineApplications() } } },
  beforeEach: () => onThisDevice({ place: 'pemohon' }),
  play: async ({ canvasElement, globals, userEvent }) => {
    const w = formWords(globals);
    const { view } = await formIn(canvasElement);
    await userEvent.type(
      await view.findByRole('textbox', { name: w.label('nama_lengkap') }, patience),
      'Siti',
    );
    await expect(await view.findByText(w.t.save.offline, {}, { timeout: 8000 })).toBeVisible();
    await expect(view.getByText(w.t.save.local)).toBeVisible();
  },
};

/** Check your answers once its heading shows, and the form's words. */
async function checkAnswersShown(canvasElement: HTMLElement, globals: Record<string, unknown>) {
  const { later } = formWords(globals);
  const { view } = await formIn(canvasElement);
  await expect(
    await view.findByRole('heading', { level: 2, name: later.check.title }, patience),
  ).toBeVisible();
  return { later, view };
}

/** Check your answers: every answer by step, with a change link, the declaration and the submit button. */
export const CheckAnswers: Story = {
  beforeEach: () => completeDraft('check'),
  play: async ({ canvasElement, globals }) => {
    const { later, view } = await checkAnswersShown(canvasElement, globals);
    await expect(view.getByText(answers.nama_lengkap)).toBeVisible();
    // News only if the citizen ticks it (issue 15): e-mail and phone (the region's gateway takes it), each unticked.
    await expect(view.getByRole('group', { name: later.check.newsTitle })).toBeVisible();
    await expect(
      view.getByRole('checkbox', { name: fill(later.check.newsEmail, { email: answers.email }) }),
    ).not.toBeChecked();
    await expect(
      view.getByRole('checkbox', { name: fill(later.check.newsPhone, { phone: '0812 3456 7890' }) }),
    ).not.toBeChecked();
    await expect(view.getByRole('button', { name: later.check.submit })).toBeVisible();
  },
};

/** Check your answers where the region has no phone gateway: news by e-mail only, no phone box. */
export const NoPhoneGateway: Story = {
  parameters: { msw: { handlers: { news: newsChannels(false) } } },
  beforeEach: () => completeDraft('check'),
  play: async ({ canvasElement, globals }) => {
    const { later, view } = await checkAnswersShown(canvasElement, globals);
    const news = view.getByRole('group', { name: later.check.newsTitle });
    await expect(
      within(news).getByRole('checkbox', { name: fill(later.check.newsEmail, { email: answers.email }) }),
    ).toBeVisible();
    await expect(within(news).getAllByRole('checkbox')).toHaveLength(1);
    await expect(
      view.queryByRole('checkbox', { name: shown(later.check.newsPhone, { phone: '' }, true) }),
    ).toBeNull();
  },
};

/** Sent: the confirmation with the tracking code and the secret, and what happens next. */
export const Submitted: Story = {
  beforeEach: () => completeDraft('check'),
  play: async ({ canvasElement, globals, userEvent }) => {
    const { later, t } = formWords(globals);
    const { view } = await formIn(canvasElement);
    await userEvent.click(await view.findByRole('checkbox', { name: later.check.declaration }, patience));
    await userEvent.click(view.getByRole('button', { name: later.check.submit }));
    await expect(await view.findByRole('heading', { level: 2, name: t.done.title }, patience)).toBeVisible();
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
  play: async ({ canvasElement, globals }) => {
    const { t } = formWords(globals);
    const { view } = await formIn(canvasElement);
    await expect(
      await view.findByRole('heading', { level: 2, name: t.revision.title }, patience),
    ).toBeVisible();
    // The officer's note as written.
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
