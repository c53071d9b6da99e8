import { formMessagesEn, formMessagesId } from '@loket/sdk/forms';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor, within } from 'storybook/test';
import { SAMPLE_PDF, seedApplication } from './msw/applications';
import { demo } from './msw/demo';
import {
  answers,
  FILES,
  type FormArgs,
  formIn,
  formStories,
  formWords,
  onThisDevice,
  patience,
} from './support/form';
import { escapeRegExp, fill } from './support/locale';

// <loket-application-form> where an earlier answer decides what is asked: a revision whose file the
// officer rejected (the mock refuses it back unchanged, as the server does: msw/applications.ts),
// and akta-kelahiran's questions answered earlier (`same_as`: the mother reporting the birth is
// not asked her name and NIK again). Services, forms and the server's words are recorded.

const meta = {
  ...formStories,
  title: 'Components/Application form: earlier answers',
  // The play functions take the form's words in the story's language (support/form.ts formWords):
  // every story follows the Language toolbar.
  component: 'loket-application-form',
} satisfies Meta<FormArgs>;

export default meta;
type Story = StoryObj<FormArgs>;

const NOTE = 'Foto KK buram. Unggah ulang yang jelas.';

/** Sent back for a clearer KK: the officer's KK (`SAMPLE_PDF`) is the rejected file. */
async function kkSentBack() {
  const key = await seedApplication({
    status: 'needs_revision',
    answers,
    files: FILES,
    revision: { fields: ['kartu_keluarga'], note: NOTE },
  });
  onThisDevice({ key });
}

/** "Mulai memperbaiki" / "Start correcting". */
const startCorrecting = (w: ReturnType<typeof formWords>) =>
  new RegExp(`^${escapeRegExp(w.t.revision.start)}`);

/** The rejected KK removed and sent back unchanged: refused by its question, in the page's language. */
export const RejectedFileSentBack: Story = {
  beforeEach: kkSentBack,
  play: async ({ canvasElement, globals, userEvent }) => {
    const w = formWords(globals);
    const kk = w.label('kartu_keluarga');
    const { view } = await formIn(canvasElement);
    await userEvent.click(await view.findByRole('button', { name: startCorrecting(w) }, patience));
    await userEvent.click(
      await view.findByRole('button', { name: `${w.t.file.remove} kartu_keluarga.pdf` }, patience),
    );
    const input = await view.findByLabelText(kk, { selector: 'input' }, patience);
    await userEvent.upload(input, new File([SAMPLE_PDF], 'kk.pdf', { type: 'application/pdf' }));
    // The server's words for a rejected file sent back unchanged (recorded), in the page's language.
    const message = await view.findByText(w.details['file-rejected'] ?? '', {}, patience);
    await expect(message).toBeVisible();
    // said by the question, tied to its control
    await waitFor(() => {
      const control = view.getByLabelText(kk, { selector: 'input' });
      expect(control.getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
    }, patience);
  },
};

/** The same, in English: the server's English words. */
export const RejectedFileSentBackEnglish: Story = {
  globals: { locale: 'en' },
  beforeEach: kkSentBack,
  play: async ({ canvasElement, userEvent }) => {
    const { view } = await formIn(canvasElement);
    await userEvent.click(await view.findByRole('button', { name: /^Start correcting/ }, patience));
    await userEvent.click(await view.findByRole('button', { name: 'Remove kartu_keluarga.pdf' }, patience));
    const input = await view.findByLabelText('Family Card (KK)', { selector: 'input' }, patience);
    await userEvent.upload(input, new File([SAMPLE_PDF], 'kk.pdf', { type: 'application/pdf' }));
    const refused = 'This is the same file the officer asked you to replace. Upload a new one.';
    await expect(await view.findByText(refused, {}, patience)).toBeVisible();
  },
};

/** The rejected KK left as it was and the application sent again: the shared validator refuses it. */
export const RejectedFileLeftInPlace: Story = {
  beforeEach: kkSentBack,
  play: async ({ canvasElement, globals, userEvent }) => {
    const w = formWords(globals);
    const { view } = await formIn(canvasElement);
    await userEvent.click(await view.findByRole('button', { name: startCorrecting(w) }, patience));
    await userEvent.click(await view.findByRole('button', { name: w.t.step.continue }, patience));
    await userEvent.click(await view.findByRole('checkbox', { name: w.later.check.declaration }, patience));
    await userEvent.click(view.getByRole('button', { name: w.later.check.resubmit }));
    const summary = await view.findByRole('alert', {}, patience);
    // The shared validator's words (@loket/sdk/forms) for the rejected file left in place.
    const problem = { id: formMessagesId, en: formMessagesEn }[w.lang].file_rejected({
      label: w.label('kartu_keluarga'),
    });
    await expect(within(summary).getByRole('link', { name: problem })).toBeVisible();
  },
};

/** akta-kelahiran: the mother reports the birth. */
const mother = {
  nama_lengkap: 'Siti Aminah',
  nik: '3578015505900001',
  hubungan_pelapor: 'ibu',
  telepon: '081234567890',
  nama_anak: 'Budi',
  jenis_kelamin_anak: 'laki_laki',
  tanggal_lahir_anak: '2026-03-01',
  tempat_lahir_anak: 'Surabaya',
  nomor_kk: '3578061203150007',
};

/** The parents' step when the mother reports: her name and NIK are not asked again, the father's are. */
export const SameAsNotAskedAgain: Story = {
  args: { service: demo.prefill },
  beforeEach: () =>
    onThisDevice({ answers: mother, dirty: Object.keys(mother), place: 'orang_tua' }, demo.prefill),
  play: async ({ canvasElement, globals }) => {
    const w = formWords(globals, demo.prefill);
    const { view } = await formIn(canvasElement);
    const heading = new RegExp(`${w.step(3, 4).source}\\s*:\\s*${escapeRegExp(w.stepTitle('orang_tua'))}$`);
    await expect(await view.findByRole('heading', { level: 2, name: heading }, patience)).toBeVisible();
    const named = (field: string) => ({ name: new RegExp(`^${escapeRegExp(w.label(field))}`) });
    await expect(view.getByRole('textbox', named('nama_ayah'))).toBeVisible();
    await expect(view.queryByRole('textbox', named('nama_ibu'))).toBeNull();
    await expect(view.queryByRole('textbox', named('nik_ibu'))).toBeNull();
  },
};

/** Check your answers lists the mother's name and NIK anyway, as the answers they copy. */
export const SameAsOnCheckAnswers: Story = {
  args: { service: demo.prefill },
  beforeEach: async () => {
    const key = await seedApplication({ service: demo.prefill, answers: mother });
    onThisDevice({ key, place: 'check' }, demo.prefill);
  },
  play: async ({ canvasElement, globals }) => {
    const w = formWords(globals, demo.prefill);
    const { view } = await formIn(canvasElement);
    await expect(
      await view.findByRole('heading', { level: 2, name: w.later.check.title }, patience),
    ).toBeVisible();
    const mothersName = w.label('nama_ibu');
    const question = await view.findByText(mothersName, { selector: 'dt' }, patience);
    const row = question.closest('div') as HTMLElement;
    await expect(within(row).getByText(mother.nama_lengkap)).toBeVisible();
    await expect(
      within(row).getByText(fill(w.later.check.copied, { label: w.label('nama_lengkap') })),
    ).toBeVisible();
    const change = new RegExp(`^${escapeRegExp(w.later.check.change)}\\s*${escapeRegExp(mothersName)}$`);
    await expect(within(row).getByRole('button', { name: change })).toBeVisible();
  },
};
