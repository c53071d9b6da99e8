import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn, waitFor, within } from 'storybook/test';
import { API_BASE } from './msw/handlers';
import { resetSurveys } from './msw/survey';
import { applications, type Scenario, statusFailing, statusSlow, tracker } from './msw/tracker';
import { props } from './support/controls';
import { patience } from './support/finder';
import { fill, shown } from './support/locale';
import { ALL_GOOD, answerAndSend, startSurvey, surveyIn, surveyWords } from './support/survey';
import { forgetDevice, trackerIn, trackerWords } from './support/tracker';

// Every state of <loket-status-tracker>, on real applications: created, submitted and moved on by
// an officer on the real server, recorded (scripts/record-tracker-fixtures.mjs) and served by MSW.
// The play functions do what a citizen does and check what they would notice; axe checks each.

interface TrackerArgs {
  'api-base': string;
  code?: string;
  secret?: string;
  'form-href'?: string;
  onLoketStatusChange: (event: CustomEvent<{ code: string; status: string; previous: string }>) => void;
}

const meta = {
  title: 'Components/Status tracker',
  // The play functions take the tracker's words in the story's language (support/tracker.ts
  // trackerWords): every story follows the Language toolbar.
  component: 'loket-status-tracker',
  tags: ['autodocs'],
  args: { 'api-base': API_BASE, 'form-href': '/ajukan.html?layanan={service}', onLoketStatusChange: fn() },
  render: (args) => html`
    <loket-status-tracker
      ${props(args)}
      @loketStatusChange=${args.onLoketStatusChange}
    ></loket-status-tracker>
  `,
  parameters: { msw: { handlers: { tracker: tracker() } } },
  beforeEach: () => {
    forgetDevice();
    resetSurveys();
  },
} satisfies Meta<TrackerArgs>;

export default meta;
type Story = StoryObj<TrackerArgs>;

/** A story with its own MSW handlers gets its own iframe on the docs page (which shares one set). */
const ownFrameInDocs = { docs: { story: { inline: false, iframeHeight: 520 } } };

/** The tracker on one recorded application. */
const on = (scenario: Scenario) => ({
  code: applications[scenario].code,
  secret: applications[scenario].secret,
});

type StatusCode = keyof ReturnType<typeof trackerWords>['t']['status']['words'];

/** The status heading as the tracker says it, e.g. "Status: Terkirim". */
const statusName = (globals: Record<string, unknown>, status: StatusCode) => {
  const { t } = trackerWords(globals);
  return fill(t.status.current, { status: t.status.words[status] });
};

/** The status heading once shown. */
async function statusShown(canvasElement: HTMLElement, globals: Record<string, unknown>, status: StatusCode) {
  const found = await trackerIn(canvasElement);
  const name = statusName(globals, status);
  const heading = await found.view.findByRole('heading', { level: 3, name }, patience);
  await expect(heading).toBeVisible();
  return { ...found, heading, w: trackerWords(globals) };
}

/** The recorded applications' service, as the API names it in each language. */
const lostIdCard = { id: 'Penggantian KTP-el karena Hilang', en: 'Replacement of Lost KTP-el' };
/** Their due date: a lost KTP-el takes at most 1 working day. */
const dueInOneDay = {
  id: '24 November 2026 (1 hari kerja sejak permohonan dikirim)',
  en: '24 November 2026 (1 working day after it was sent)',
};

/** No tracking code yet: the lookup form asks for the code and the secret. */
export const Lookup: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = trackerWords(globals);
    const { view } = await trackerIn(canvasElement);
    await expect(view.getByRole('heading', { level: 2, name: t.lookup.heading })).toBeVisible();
    await expect(view.getByRole('textbox', { name: t.lookup.code })).toHaveAttribute('autocomplete', 'off');
    await expect(view.getByRole('textbox', { name: t.lookup.secret })).toHaveAccessibleDescription(
      t.lookup.secretHint,
    );
  },
};

/** The code and the secret typed, then Enter: focus moves to the application's status. */
export const LookupFound: Story = {
  play: async ({ canvasElement, globals, userEvent }) => {
    const { t, say } = trackerWords(globals);
    const { root, view } = await trackerIn(canvasElement);
    await userEvent.type(view.getByRole('textbox', { name: t.lookup.code }), applications.in_review.code);
    await userEvent.type(
      view.getByRole('textbox', { name: t.lookup.secret }),
      `${applications.in_review.secret}{Enter}`,
    );
    const heading = await view.findByRole('heading', { level: 2, name: say(lostIdCard) }, patience);
    await waitFor(() => expect(root.activeElement).toBe(heading));
    await expect(
      view.getByRole('heading', { level: 3, name: statusName(globals, 'in_review') }),
    ).toBeVisible();
  },
};

/** Nothing typed, then a code that cannot be one: the error summary takes focus and links to the fields. */
export const LookupErrors: Story = {
  play: async ({ canvasElement, globals, userEvent }) => {
    const { t } = trackerWords(globals);
    const { root, view } = await trackerIn(canvasElement);
    await userEvent.click(view.getByRole('button', { name: t.lookup.submit }));
    const summary = (await view.findByRole('heading', { name: t.lookup.errorTitle })).closest(
      '[part]',
    ) as HTMLElement;
    await waitFor(() => expect(root.activeElement).toBe(summary));
    await expect(within(summary).getByRole('link', { name: t.lookup.secretMissing })).toBeVisible();
    await userEvent.click(within(summary).getByRole('link', { name: t.lookup.codeMissing }));
    await waitFor(() => expect(root.activeElement).toBe(view.getByRole('textbox', { name: t.lookup.code })));
    await userEvent.keyboard('LKT/7K4M');
    await userEvent.click(view.getByRole('button', { name: t.lookup.submit }));
    await expect(await view.findByRole('link', { name: t.lookup.codeInvalid })).toBeVisible();
    await expect(view.getByRole('textbox', { name: t.lookup.code })).toHaveAttribute('aria-invalid', 'true');
  },
};

/** A real code with a wrong secret: the API's 404, said plainly, never which of the two is wrong. */
export const NotFound: Story = {
  play: async ({ canvasElement, globals, userEvent }) => {
    const { t } = trackerWords(globals);
    const { view } = await trackerIn(canvasElement);
    await userEvent.type(view.getByRole('textbox', { name: t.lookup.code }), applications.submitted.code);
    await userEvent.type(view.getByRole('textbox', { name: t.lookup.secret }), 'rahasia-yang-salah');
    await userEvent.click(view.getByRole('button', { name: t.lookup.submit }));
    await expect(await view.findByRole('link', { name: t.lookup.notFound }, patience)).toBeVisible();
  },
};

/** The status is on its way (the API never answers here). */
export const Loading: Story = {
  args: on('submitted'),
  parameters: { msw: { handlers: { tracker: statusSlow() } }, ...ownFrameInDocs },
  play: async ({ canvasElement, globals }) => {
    const { view } = await trackerIn(canvasElement);
    await expect(view.getByText(trackerWords(globals).t.status.loading)).toBeVisible();
  },
};

/** Sent, waiting for an officer, with its due date (a lost KTP-el: at most 1 working day). */
export const Submitted: Story = {
  args: on('submitted'),
  play: async ({ canvasElement, globals }) => {
    const { root, view, w } = await statusShown(canvasElement, globals, 'submitted');
    await expect(view.getByText(w.say(dueInOneDay))).toBeVisible();
    const history = within(root.querySelector('[part~="history"]') as HTMLElement).getAllByRole('listitem');
    await expect(history.map((item) => item.textContent)).toEqual(
      w.say({
        id: ['Draf 23 November 2026 pukul 08.45 WIB', 'Terkirim 23 November 2026 pukul 09.00 WIB'],
        en: ['Draft 23 November 2026 at 08.45 WIB', 'Sent 23 November 2026 at 09.00 WIB'],
      }),
    );
    await expect(view.getByRole('button', { name: w.t.refresh.button })).toBeVisible();
  },
};

/** An officer is checking it. */
export const InReview: Story = {
  args: on('in_review'),
  play: async ({ canvasElement, globals }) => {
    const { view, w } = await statusShown(canvasElement, globals, 'in_review');
    await expect(view.getByText(w.say(dueInOneDay))).toBeVisible();
    // Said once: the API's status_text ("Sedang diperiksa petugas. Perkiraan selesai …") is not shown.
    await expect(
      view.queryByText(
        w.say({ id: /Perkiraan selesai paling lambat/, en: /An officer is checking the application/ }),
      ),
    ).toBeNull();
  },
};

/** A `#kode=…&rahasia=…` link opened in the tab already on the tracker: followed without a reload. */
export const LinkInOpenTab: Story = {
  play: async ({ canvasElement, globals }) => {
    const { view } = await trackerIn(canvasElement);
    await expect(
      view.getByRole('heading', { level: 2, name: trackerWords(globals).t.lookup.heading }),
    ).toBeVisible();
    const { code, secret } = applications.in_review;
    location.hash = new URLSearchParams({ kode: code, rahasia: secret }).toString();
    await statusShown(canvasElement, globals, 'in_review');
    await expect(location.hash).toBe('');
  },
};

/** The officer asks for changes: the fields to fix, their note, and the link back to the form with the key. */
export const NeedsRevision: Story = {
  args: on('needs_revision'),
  play: async ({ canvasElement, globals }) => {
    const { view, w } = await statusShown(canvasElement, globals, 'needs_revision');
    const fix = view.getByRole('link', { name: w.t.status.fix });
    const href = new URL(fix.getAttribute('href') as string);
    await expect(href.pathname).toBe('/ajukan.html');
    await expect(href.searchParams.get('layanan')).toBe('ktp-el-hilang');
    await expect(new URLSearchParams(href.hash.slice(1)).get('kode')).toBe(applications.needs_revision.code);
    // The field to fix, as the form names it; the officer's note as written (in Indonesian).
    await expect(
      view.getByText(w.say({ id: 'Surat keterangan kehilangan dari kepolisian', en: 'Police loss report' })),
    ).toBeVisible();
    await expect(
      view.getByText(/^Foto surat keterangan kehilangan buram/, { selector: '.note p' }),
    ).toBeVisible();
    // The note once: not again in the history's last entry.
    await expect(view.queryAllByText(/Foto surat keterangan kehilangan buram/)).toHaveLength(1);
  },
};

/** Done: the officer's note says what to do next; nothing is polled any more. */
export const Completed: Story = {
  args: on('completed'),
  play: async ({ canvasElement, globals }) => {
    const { view, w } = await statusShown(canvasElement, globals, 'completed');
    await expect(view.queryByRole('button', { name: w.t.refresh.button })).toBeNull();
    await expect(view.queryByRole('button', { name: w.t.withdraw.open })).toBeNull();
  },
};

/** Completed: the tracker offers the satisfaction survey (<loket-satisfaction-survey>), answered in place. */
export const CompletedSurvey: Story = {
  args: on('completed'),
  play: async ({ canvasElement, globals }) => {
    const { root, w } = await statusShown(canvasElement, globals, 'completed');
    const { view } = await surveyIn(root);
    await startSurvey(view, w.lang);
    await answerAndSend(view, ALL_GOOD, w.lang);
    await expect(
      await view.findByRole('heading', { name: surveyWords(w.lang).done }, patience),
    ).toBeVisible();
  },
};

/** Rejected, with the officer's reason. */
export const Rejected: Story = {
  args: on('rejected'),
  play: async ({ canvasElement, globals }) => {
    const { view, w } = await statusShown(canvasElement, globals, 'rejected');
    await expect(view.getByRole('heading', { level: 4, name: w.t.status.note })).toBeVisible();
  },
};

/** Withdrawn by the citizen. */
export const Withdrawn: Story = {
  args: on('withdrawn'),
  play: async ({ canvasElement, globals }) => {
    await statusShown(canvasElement, globals, 'withdrawn');
  },
};

/** A service with a known duration (NIB through OSS: the same day): the expected date and how sure it is. */
export const DueDate: Story = {
  args: on('due'),
  play: async ({ canvasElement, globals }) => {
    const { view, w } = await statusShown(canvasElement, globals, 'submitted');
    await expect(
      view.getByText(fill(w.t.status.dueDate, { date: '23 November 2026', days: w.t.status.sameDay })),
    ).toBeVisible();
    await expect(view.getByText(w.t.status.calendar.official)).toBeVisible();
  },
};

/** The same, looked at four days later: overdue. */
export const Overdue: Story = {
  args: on('overdue'),
  play: async ({ canvasElement, globals }) => {
    const { view, w } = await statusShown(canvasElement, globals, 'submitted');
    await expect(view.getByRole('heading', { name: w.t.status.overdueTitle })).toBeVisible();
  },
};

/** “Batalkan permohonan” asks in the page first, with an optional reason. */
export const WithdrawConfirmation: Story = {
  args: on('withdraw'),
  play: async ({ canvasElement, globals, userEvent }) => {
    const { root, view, w } = await statusShown(canvasElement, globals, 'in_review');
    await userEvent.click(view.getByRole('button', { name: w.t.withdraw.open }));
    const heading = await view.findByRole('heading', { name: w.withdraw.heading });
    await waitFor(() => expect(root.activeElement).toBe(heading));
    await expect(view.getByRole('textbox', { name: w.withdraw.reason })).toHaveAttribute('maxlength', '500');
  },
};

/** …then withdraws: the new status, with focus on it, and `loketStatusChange`. */
export const WithdrawDone: Story = {
  args: on('withdraw'),
  tags: ['!autodocs'],
  play: async (context) => {
    await WithdrawConfirmation.play?.(context);
    const { root, view } = await trackerIn(context.canvasElement);
    const w = trackerWords(context.globals);
    await context.userEvent.type(view.getByRole('textbox'), 'Sudah menemukan KTP-el saya.');
    await context.userEvent.click(view.getByRole('button', { name: w.withdraw.confirm }));
    const name = statusName(context.globals, 'withdrawn');
    const state = await view.findByRole('heading', { level: 3, name }, patience);
    await waitFor(() => expect(root.activeElement).toBe(state));
    await expect(context.args.onLoketStatusChange).toHaveBeenCalledWith(
      expect.objectContaining({
        detail: { code: applications.withdraw.code, status: 'withdrawn', previous: 'in_review' },
      }),
    );
  },
};

/** “Perbarui” while the API fails: a quiet note, and what was shown stays. */
export const RefreshFailure: Story = {
  args: on('in_review'),
  parameters: ownFrameInDocs,
  play: async ({ canvasElement, globals, msw, userEvent }) => {
    const { view, w } = await statusShown(canvasElement, globals, 'in_review');
    msw.use(...statusFailing());
    await userEvent.click(view.getByRole('button', { name: w.t.refresh.button }));
    await expect(
      await view.findByText(shown(w.t.refresh.failed, {}, true), { selector: '.failed' }, patience),
    ).toBeVisible();
    await expect(
      view.getByRole('heading', { level: 3, name: statusName(globals, 'in_review') }),
    ).toBeVisible();
  },
};

/** `lang="en"` on the page: the tracker's words and the API's in English. */
export const English: Story = {
  args: on('needs_revision'),
  globals: { locale: 'en' },
  play: async ({ canvasElement, globals }) => {
    const { view } = await statusShown(canvasElement, globals, 'needs_revision');
    await expect(view.getByRole('link', { name: 'Fix the application' })).toBeVisible();
    // The server's words in English: what happens next (its status_text would repeat the heading).
    await expect(view.getByText('Fix the answers asked for, then send the application again.')).toBeVisible();
  },
};

/** `themes/dark.css` with `data-loket-theme="dark"`. */
export const Dark: Story = {
  args: on('overdue'),
  globals: { theme: 'dark' },
  play: async ({ canvasElement, globals }) => {
    const { root } = await statusShown(canvasElement, globals, 'submitted');
    await expect(getComputedStyle(root.querySelector('.tracker') as Element).backgroundColor).toBe(
      'rgb(21, 24, 28)',
    );
  },
};

/** `themes/high-contrast.css`: black, white and yellow. */
export const HighContrast: Story = {
  args: on('needs_revision'),
  globals: { theme: 'high-contrast' },
  play: async ({ canvasElement, globals }) => {
    const { root } = await statusShown(canvasElement, globals, 'needs_revision');
    await expect(getComputedStyle(root.querySelector('.tracker') as Element).backgroundColor).toBe(
      'rgb(0, 0, 0)',
    );
  },
};

/** A 320 px phone (WCAG reflow): the status and the withdraw step fit without sideways scrolling. */
export const Narrow: Story = {
  args: on('needs_revision'),
  globals: { viewport: { value: 'narrow', isRotated: false } },
  decorators: [
    (story, { viewMode }) =>
      viewMode === 'docs' ? html`<div style="max-width: 320px">${story()}</div>` : story(),
  ],
  play: async ({ canvasElement, globals, userEvent }) => {
    const { view, w } = await statusShown(canvasElement, globals, 'needs_revision');
    await expect(window.innerWidth).toBe(320);
    await userEvent.click(view.getByRole('button', { name: w.t.withdraw.open }));
    await view.findByRole('heading', { name: w.withdraw.heading });
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
  },
};
