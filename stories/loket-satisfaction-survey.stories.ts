import { SKM_UNSUR } from '@loket/sdk/rules';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { API_BASE } from './msw/handlers';
import {
  BUSY_KIOSK_TOKEN,
  KIOSK_TOKEN,
  markAnswered,
  resetSurveys,
  survey,
  surveyOffline,
} from './msw/survey';
import { applications } from './msw/tracker';
import { props } from './support/controls';
import { patience } from './support/finder';
import { ALL_GOOD, answerAndSend, startSurvey, surveyIn } from './support/survey';

// Every state of <loket-satisfaction-survey> (SKM, PermenPANRB 14/2017), on the recorded
// applications of the tracker's stories and a mock of the survey endpoints that follows the
// server's rules (msw/survey.ts). The nine unsur and their answers come from @loket/sdk/rules.

interface SurveyArgs {
  'api-base': string;
  code?: string;
  secret?: string;
  'kiosk-token'?: string;
  service?: string;
  onLoketSurveyAnswered: (event: CustomEvent<{ channel: string }>) => void;
}

const completed = { code: applications.completed.code, secret: applications.completed.secret };

const meta = {
  title: 'Components/Satisfaction survey',
  // Its checks read Indonesian words: it stays in Indonesian (the Language toolbar is locked on it;
  // see support/locale.ts for stories that follow the toolbar); its English stories set `locale: 'en'`.
  globals: { locale: 'id' },
  component: 'loket-satisfaction-survey',
  tags: ['autodocs'],
  args: { 'api-base': API_BASE, ...completed, onLoketSurveyAnswered: fn() },
  render: (args) => html`
    <loket-satisfaction-survey
      ${props(args)}
      @loketSurveyAnswered=${args.onLoketSurveyAnswered}
    ></loket-satisfaction-survey>
  `,
  parameters: { msw: { handlers: { survey: survey() } } },
  beforeEach: () => resetSurveys(),
} satisfies Meta<SurveyArgs>;

export default meta;
type Story = StoryObj<SurveyArgs>;

const ownFrameInDocs = { docs: { story: { inline: false, iframeHeight: 640 } } };
const kiosk = { code: undefined, secret: undefined, 'kiosk-token': KIOSK_TOKEN, service: 'ktp-el-hilang' };

/** A completed application: what the survey is, and "Mulai survei". */
export const Start: Story = {
  play: async ({ canvasElement }) => {
    const { view } = await surveyIn(canvasElement);
    await expect(await view.findByRole('button', { name: 'Mulai survei' }, patience)).toBeVisible();
    await expect(view.getByRole('heading', { level: 2, name: 'Survei Kepuasan Masyarakat' })).toBeVisible();
  },
};

/** The nine unsur, each a radio group with the regulation's own answers (worst first). */
export const Questions: Story = {
  play: async ({ canvasElement }) => {
    const { root, view } = await surveyIn(canvasElement);
    await startSurvey(view);
    const legends = [...root.querySelectorAll('fieldset.question legend')].map((l) => l.textContent);
    await expect(legends).toEqual(SKM_UNSUR.map((u) => `${u.no}. ${u.name.id}`));
    await expect(view.getByRole('combobox', { name: 'Pendidikan terakhir' })).toBeVisible();
  },
};

/** Sent with questions unanswered: the error summary takes focus and links to each. */
export const Unanswered: Story = {
  play: async ({ canvasElement }) => {
    const { root, view } = await surveyIn(canvasElement);
    await startSurvey(view);
    await userEvent.click(view.getByRole('button', { name: 'Kirim jawaban' }));
    await waitFor(() => expect(root.activeElement?.getAttribute('part')).toBe('error-summary'));
    await expect(view.getAllByRole('link', { name: /^Pilih jawaban untuk/ })).toHaveLength(9);
  },
};

/** Answered and sent: thanks, and `loketSurveyAnswered`. */
export const Sent: Story = {
  play: async ({ canvasElement, args }) => {
    const { view } = await surveyIn(canvasElement);
    await startSurvey(view);
    await answerAndSend(view, [4, 3, 3, 4, 3, 4, 4, 3, 2]);
    await expect(await view.findByRole('heading', { name: 'Terima kasih' }, patience)).toBeVisible();
    await expect(args.onLoketSurveyAnswered).toHaveBeenCalledOnce();
  },
};

/** Answered before (one response per application). */
export const AlreadyAnswered: Story = {
  beforeEach: () => void markAnswered(completed.code),
  play: async ({ canvasElement }) => {
    const { view } = await surveyIn(canvasElement);
    await expect(
      await view.findByText('Survei untuk permohonan ini sudah diisi. Terima kasih.', {}, patience),
    ).toBeVisible();
  },
};

/** An application still in review: the survey opens after the decision. */
export const NotOpenYet: Story = {
  args: { code: applications.in_review.code, secret: applications.in_review.secret },
  play: async ({ canvasElement }) => {
    const { view } = await surveyIn(canvasElement);
    await expect(
      await view.findByText('Survei kepuasan dibuka setelah permohonan selesai atau ditolak.', {}, patience),
    ).toBeVisible();
  },
};

/** A link whose secret no longer matches (a new secret was taken since). */
export const LinkNoLongerWorks: Story = {
  args: { secret: 'AAAA-BBBB-CCCC-DDDD' },
  play: async ({ canvasElement }) => {
    const { view } = await surveyIn(canvasElement);
    await expect(await view.findByRole('alert', {}, patience)).toHaveTextContent(
      /Tautan ini tidak berlaku lagi/,
    );
  },
};

/** No code, no link, no kiosk: where the survey opens. */
export const NoKey: Story = {
  args: { code: undefined, secret: undefined },
  play: async ({ canvasElement }) => {
    const { view } = await surveyIn(canvasElement);
    await expect(view.getByText(/dibuka dari halaman status permohonan/)).toBeVisible();
  },
};

/** Offline when it opens: says so, with "Coba lagi". */
export const Offline: Story = {
  parameters: { msw: { handlers: { survey: surveyOffline() } }, ...ownFrameInDocs },
  play: async ({ canvasElement }) => {
    const { view } = await surveyIn(canvasElement);
    await expect(await view.findByRole('button', { name: 'Coba lagi' }, { timeout: 15_000 })).toBeVisible();
  },
};

/** Offline when sending: the answers stay, to send again. */
export const SendFailed: Story = {
  parameters: {
    msw: { handlers: { survey: [...surveyOffline('answers'), ...survey()] } },
    ...ownFrameInDocs,
  },
  play: async ({ canvasElement }) => {
    const { root, view } = await surveyIn(canvasElement);
    await startSurvey(view);
    await answerAndSend(view, ALL_GOOD);
    await expect(await view.findByRole('alert', {}, patience)).toHaveTextContent(/Jawaban belum terkirim/);
    await expect(root.querySelectorAll('input:checked')).toHaveLength(9);
  },
};

/** Kiosk mode (a tablet at MPP Siola's exit): its own heading, the same questions. */
export const Kiosk: Story = {
  args: kiosk,
  play: async ({ canvasElement }) => {
    const { view } = await surveyIn(canvasElement);
    await expect(view.getByRole('heading', { name: 'Bagaimana pelayanan kami hari ini?' })).toBeVisible();
  },
};

/** Kiosk: thanks, then "Responden berikutnya" (or by itself after a while). */
export const KioskThanks: Story = {
  args: kiosk,
  play: async ({ canvasElement }) => {
    const { view } = await surveyIn(canvasElement);
    await startSurvey(view);
    await answerAndSend(view, ALL_GOOD);
    await expect(await view.findByRole('button', { name: 'Responden berikutnya' }, patience)).toBeVisible();
  },
};

/** Kiosk over its per-device limit: the server's wait, the answers kept. */
export const KioskLimited: Story = {
  args: { ...kiosk, 'kiosk-token': BUSY_KIOSK_TOKEN },
  play: async ({ canvasElement }) => {
    const { view } = await surveyIn(canvasElement);
    await startSurvey(view);
    await answerAndSend(view, ALL_GOOD);
    await expect(await view.findByRole('alert', {}, patience)).toHaveTextContent(
      'Terlalu banyak jawaban dari perangkat ini dalam waktu singkat. Terlalu banyak permintaan. Coba lagi dalam 42 detik.',
    );
  },
};

/** Kiosk with a token that is not (or no longer) a kiosk's. */
export const KioskUnknown: Story = {
  args: { ...kiosk, 'kiosk-token': 'kiosk_BukanTokenYangTerdaftar0000' },
  play: async ({ canvasElement }) => {
    const { view } = await surveyIn(canvasElement);
    await startSurvey(view);
    await answerAndSend(view, ALL_GOOD);
    await expect(await view.findByRole('alert', {}, patience)).toHaveTextContent(/tidak lagi terdaftar/);
  },
};

/** `lang="en"`: the English rendering of the unsur and their answers. */
export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvasElement }) => {
    const { view } = await surveyIn(canvasElement);
    await startSurvey(view, 'en');
    await expect(view.getByRole('radio', { name: 'Very polite and friendly' })).toBeVisible();
  },
};

/** A 320 px phone: the answers stack, nothing scrolls sideways. */
export const Narrow: Story = {
  globals: { viewport: { value: 'narrow', isRotated: false } },
  play: async ({ canvasElement }) => {
    const { view } = await surveyIn(canvasElement);
    await startSurvey(view);
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
  },
};

/** `themes/dark.css`. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const { view } = await surveyIn(canvasElement);
    await startSurvey(view);
  },
};

/** `themes/high-contrast.css`. */
export const HighContrast: Story = {
  globals: { theme: 'high-contrast' },
  play: async ({ canvasElement }) => {
    const { view } = await surveyIn(canvasElement);
    await startSurvey(view);
  },
};
