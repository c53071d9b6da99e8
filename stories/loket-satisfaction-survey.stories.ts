import { SKM_UNSUR } from '@loket/sdk/rules';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { API_BASE } from './msw/handlers';
import {
  BUSY_KIOSK_TOKEN,
  KIOSK_TOKEN,
  LINK_TOKEN,
  markAnswered,
  resetSurveys,
  survey,
  surveyOffline,
  USED_LINK_TOKEN,
} from './msw/survey';
import { applications } from './msw/tracker';
import { props } from './support/controls';
import { patience } from './support/finder';
import { escapeRegExp, fill, storyLocale } from './support/locale';
import { ALL_GOOD, answerAndSend, startSurvey, surveyIn, surveyWords } from './support/survey';

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
  // The play functions take the survey's words in the story's language (support/survey.ts
  // surveyWords, the unsur from @loket/sdk/rules): every story follows the Language toolbar.
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

/** The story's language, and the survey's words in it. */
const wordsOf = (globals: Record<string, unknown>) => {
  const lang = storyLocale(globals);
  return { lang, t: surveyWords(lang) };
};

const ownFrameInDocs = { docs: { story: { inline: false, iframeHeight: 640 } } };
const kiosk = { code: undefined, secret: undefined, 'kiosk-token': KIOSK_TOKEN, service: 'ktp-el-hilang' };

/** A completed application: what the survey is, and "Mulai survei". */
export const Start: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = wordsOf(globals);
    const { view } = await surveyIn(canvasElement);
    await expect(await view.findByRole('button', { name: t.start }, patience)).toBeVisible();
    await expect(view.getByRole('heading', { level: 2, name: t.heading })).toBeVisible();
  },
};

/** The nine unsur, each a radio group with the regulation's own answers (worst first). */
export const Questions: Story = {
  play: async ({ canvasElement, globals }) => {
    const { lang, t } = wordsOf(globals);
    const { root, view } = await surveyIn(canvasElement);
    await startSurvey(view, lang);
    const legends = [...root.querySelectorAll('fieldset.question legend')].map((l) => l.textContent);
    await expect(legends).toEqual(SKM_UNSUR.map((u) => `${u.no}. ${u.name[lang]}`));
    await expect(view.getByRole('combobox', { name: t.profile.education.label })).toBeVisible();
  },
};

/** Sent with questions unanswered: the error summary takes focus and links to each. */
export const Unanswered: Story = {
  play: async ({ canvasElement, globals }) => {
    const { lang, t } = wordsOf(globals);
    const { root, view } = await surveyIn(canvasElement);
    await startSurvey(view, lang);
    await userEvent.click(view.getByRole('button', { name: t.send }));
    await waitFor(() => expect(root.activeElement?.getAttribute('part')).toBe('error-summary'));
    const missing = new RegExp(`^${escapeRegExp(t.missing.split('{name}')[0] ?? '')}`);
    await expect(view.getAllByRole('link', { name: missing })).toHaveLength(9);
  },
};

/** Answered and sent: thanks, and `loketSurveyAnswered`. */
export const Sent: Story = {
  play: async ({ canvasElement, args, globals }) => {
    const { lang, t } = wordsOf(globals);
    const { view } = await surveyIn(canvasElement);
    await startSurvey(view, lang);
    await answerAndSend(view, [4, 3, 3, 4, 3, 4, 4, 3, 2], lang);
    await expect(await view.findByRole('heading', { name: t.done }, patience)).toBeVisible();
    await expect(args.onLoketSurveyAnswered).toHaveBeenCalledOnce();
  },
};

/** Answered before (one response per application). */
export const AlreadyAnswered: Story = {
  beforeEach: () => void markAnswered(completed.code),
  play: async ({ canvasElement, globals }) => {
    const { view } = await surveyIn(canvasElement);
    await expect(await view.findByText(wordsOf(globals).t.answered, {}, patience)).toBeVisible();
  },
};

/** An application still in review: the survey opens after the decision. */
export const NotOpenYet: Story = {
  args: { code: applications.in_review.code, secret: applications.in_review.secret },
  play: async ({ canvasElement, globals }) => {
    const { view } = await surveyIn(canvasElement);
    await expect(await view.findByText(wordsOf(globals).t.notYet, {}, patience)).toBeVisible();
  },
};

/** A link whose secret no longer matches (a new secret was taken since). */
export const LinkNoLongerWorks: Story = {
  args: { secret: 'AAAA-BBBB-CCCC-DDDD' },
  play: async ({ canvasElement, globals }) => {
    const { view } = await surveyIn(canvasElement);
    await expect(await view.findByRole('alert', {}, patience)).toHaveTextContent(
      wordsOf(globals).t.problems.link,
    );
  },
};

/** An invitation's one-time link (`#survei=…` in the page's address) on the page that opened it. */
const opened = (token: string) => () => {
  history.replaceState(history.state, '', `#survei=${token}`);
  return () => history.replaceState(history.state, '', location.pathname + location.search);
};
const byLink = { code: undefined, secret: undefined };

/**
 * The invitation e-mail's one-time link (`#survei=…`): no secret asked; it names the visit's
 * service, and the token leaves the address bar at once.
 */
export const ByLink: Story = {
  args: byLink,
  beforeEach: opened(LINK_TOKEN),
  play: async ({ canvasElement, globals }) => {
    const { lang, t } = wordsOf(globals);
    const { view } = await surveyIn(canvasElement);
    const service = { id: 'Penggantian KTP-el karena Hilang', en: 'Replace a lost KTP-el' }[lang];
    await expect(await view.findByText(fill(t.about.visit, { service }), {}, patience)).toBeVisible();
    await expect(view.getByRole('button', { name: t.start })).toBeVisible();
    await expect(location.hash).toBe('');
  },
};

/** Answered through the link: thanks, and `loketSurveyAnswered` says it rated a visit. */
export const ByLinkSent: Story = {
  args: byLink,
  beforeEach: opened(LINK_TOKEN),
  play: async ({ canvasElement, args, globals }) => {
    const { lang, t } = wordsOf(globals);
    const { view } = await surveyIn(canvasElement);
    await startSurvey(view, lang);
    await answerAndSend(view, ALL_GOOD, lang);
    await expect(await view.findByRole('heading', { name: t.done }, patience)).toBeVisible();
    await expect(args.onLoketSurveyAnswered).toHaveBeenCalledWith(
      expect.objectContaining({ detail: { channel: 'visit' } }),
    );
  },
};

/** The same link opened again after its survey was answered: it says so. */
export const ByLinkUsed: Story = {
  args: byLink,
  beforeEach: opened(USED_LINK_TOKEN),
  play: async ({ canvasElement, globals }) => {
    const { t } = wordsOf(globals);
    const { view } = await surveyIn(canvasElement);
    await expect(await view.findByText(t.linkUsed, {}, patience)).toBeVisible();
  },
};

/** A link that is unknown or past its 30 days: said, with where the survey still opens. */
export const ByLinkExpired: Story = {
  args: byLink,
  beforeEach: opened('BukanTautanSurveiYangPernahDikirim'),
  play: async ({ canvasElement, globals }) => {
    const { t } = wordsOf(globals);
    const { view } = await surveyIn(canvasElement);
    await expect(await view.findByRole('alert', {}, patience)).toHaveTextContent(t.problems.expired);
  },
};

/** No code, no link, no kiosk: where the survey opens. */
export const NoKey: Story = {
  args: { code: undefined, secret: undefined },
  play: async ({ canvasElement, globals }) => {
    const { view } = await surveyIn(canvasElement);
    await expect(view.getByText(wordsOf(globals).t.noKey)).toBeVisible();
  },
};

/** Offline when it opens: says so, with "Coba lagi". */
export const Offline: Story = {
  parameters: { msw: { handlers: { survey: surveyOffline() } }, ...ownFrameInDocs },
  play: async ({ canvasElement, globals }) => {
    const { view } = await surveyIn(canvasElement);
    const retry = wordsOf(globals).t.retry;
    await expect(await view.findByRole('button', { name: retry }, { timeout: 15_000 })).toBeVisible();
  },
};

/** Offline when sending: the answers stay, to send again. */
export const SendFailed: Story = {
  parameters: {
    msw: { handlers: { survey: [...surveyOffline('answers'), ...survey()] } },
    ...ownFrameInDocs,
  },
  play: async ({ canvasElement, globals }) => {
    const { lang, t } = wordsOf(globals);
    const { root, view } = await surveyIn(canvasElement);
    await startSurvey(view, lang);
    await answerAndSend(view, ALL_GOOD, lang);
    await expect(await view.findByRole('alert', {}, patience)).toHaveTextContent(t.problems.network);
    await expect(root.querySelectorAll('input:checked')).toHaveLength(9);
  },
};

/** Kiosk mode (a tablet at MPP Siola's exit): its own heading, the same questions. */
export const Kiosk: Story = {
  args: kiosk,
  play: async ({ canvasElement, globals }) => {
    const { view } = await surveyIn(canvasElement);
    await expect(view.getByRole('heading', { name: wordsOf(globals).t.kioskHeading })).toBeVisible();
  },
};

/** Kiosk: thanks, then "Responden berikutnya" (or by itself after a while). */
export const KioskThanks: Story = {
  args: kiosk,
  play: async ({ canvasElement, globals }) => {
    const { lang, t } = wordsOf(globals);
    const { view } = await surveyIn(canvasElement);
    await startSurvey(view, lang);
    await answerAndSend(view, ALL_GOOD, lang);
    await expect(await view.findByRole('button', { name: t.next }, patience)).toBeVisible();
  },
};

/** Kiosk over its per-device limit: the server's wait, the answers kept. */
export const KioskLimited: Story = {
  args: { ...kiosk, 'kiosk-token': BUSY_KIOSK_TOKEN },
  play: async ({ canvasElement, globals }) => {
    const { lang, t } = wordsOf(globals);
    const { view } = await surveyIn(canvasElement);
    await startSurvey(view, lang);
    await answerAndSend(view, ALL_GOOD, lang);
    // The survey's words, then the server's (msw/survey.ts answers in the request's language).
    const server = {
      id: 'Terlalu banyak permintaan. Coba lagi dalam 42 detik.',
      en: 'Too many requests. Try again in 42 seconds.',
    };
    await expect(await view.findByRole('alert', {}, patience)).toHaveTextContent(
      `${t.problems.limited} ${server[lang]}`,
    );
  },
};

/** Kiosk with a token that is not (or no longer) a kiosk's. */
export const KioskUnknown: Story = {
  args: { ...kiosk, 'kiosk-token': 'kiosk_BukanTokenYangTerdaftar0000' },
  play: async ({ canvasElement, globals }) => {
    const { lang, t } = wordsOf(globals);
    const { view } = await surveyIn(canvasElement);
    await startSurvey(view, lang);
    await answerAndSend(view, ALL_GOOD, lang);
    await expect(await view.findByRole('alert', {}, patience)).toHaveTextContent(t.problems.kiosk);
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
  play: async ({ canvasElement, globals }) => {
    const { view } = await surveyIn(canvasElement);
    await startSurvey(view, wordsOf(globals).lang);
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
  },
};

/** `themes/dark.css`. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement, globals }) => {
    const { view } = await surveyIn(canvasElement);
    await startSurvey(view, wordsOf(globals).lang);
  },
};

/** `themes/high-contrast.css`. */
export const HighContrast: Story = {
  globals: { theme: 'high-contrast' },
  play: async ({ canvasElement, globals }) => {
    const { view } = await surveyIn(canvasElement);
    await startSurvey(view, wordsOf(globals).lang);
  },
};
