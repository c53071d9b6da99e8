import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn, waitFor, within } from 'storybook/test';
import { API_BASE } from './msw/handlers';
import { resetSurveys } from './msw/survey';
import { applications, type Scenario, statusFailing, statusSlow, tracker } from './msw/tracker';
import { props } from './support/controls';
import { patience } from './support/finder';
import { ALL_GOOD, answerAndSend, startSurvey, surveyIn } from './support/survey';
import { forgetDevice, trackerIn } from './support/tracker';

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
  // Its checks read Indonesian words: it stays in Indonesian (the Language toolbar is locked on it;
  // see support/locale.ts for stories that follow the toolbar); its English stories set `locale: 'en'`.
  globals: { locale: 'id' },
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

/** The status heading once shown, e.g. "Status: Terkirim". */
async function statusShown(canvasElement: HTMLElement, word: string) {
  const found = await trackerIn(canvasElement);
  const heading = await found.view.findByRole('heading', { level: 3, name: `Status: ${word}` }, patience);
  await expect(heading).toBeVisible();
  return { ...found, heading };
}

/** No tracking code yet: the lookup form asks for the code and the secret. */
export const Lookup: Story = {
  play: async ({ canvasElement }) => {
    const { view } = await trackerIn(canvasElement);
    await expect(view.getByRole('heading', { level: 2, name: 'Lacak permohonan' })).toBeVisible();
    await expect(view.getByRole('textbox', { name: 'Kode pelacakan' })).toHaveAttribute(
      'autocomplete',
      'off',
    );
    await expect(view.getByRole('textbox', { name: 'Kode rahasia' })).toHaveAccessibleDescription(
      /^Diberikan bersama kode pelacakan/,
    );
  },
};

/** The code and the secret typed, then Enter: focus moves to the application's status. */
export const LookupFound: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const { root, view } = await trackerIn(canvasElement);
    await userEvent.type(view.getByRole('textbox', { name: 'Kode pelacakan' }), applications.in_review.code);
    await userEvent.type(
      view.getByRole('textbox', { name: 'Kode rahasia' }),
      `${applications.in_review.secret}{Enter}`,
    );
    const heading = await view.findByRole(
      'heading',
      { level: 2, name: 'Penggantian KTP-el karena Hilang' },
      patience,
    );
    await waitFor(() => expect(root.activeElement).toBe(heading));
    await expect(view.getByRole('heading', { level: 3, name: 'Status: Sedang diperiksa' })).toBeVisible();
  },
};

/** Nothing typed, then a code that cannot be one: the error summary takes focus and links to the fields. */
export const LookupErrors: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const { root, view } = await trackerIn(canvasElement);
    await userEvent.click(view.getByRole('button', { name: 'Lacak' }));
    const summary = (await view.findByRole('heading', { name: 'Ada masalah' })).closest(
      '[part]',
    ) as HTMLElement;
    await waitFor(() => expect(root.activeElement).toBe(summary));
    await expect(within(summary).getByRole('link', { name: 'Masukkan kode rahasia' })).toBeVisible();
    await userEvent.click(within(summary).getByRole('link', { name: 'Masukkan kode pelacakan' }));
    await waitFor(() =>
      expect(root.activeElement).toBe(view.getByRole('textbox', { name: 'Kode pelacakan' })),
    );
    await userEvent.keyboard('LKT/7K4M');
    await userEvent.click(view.getByRole('button', { name: 'Lacak' }));
    await expect(await view.findByRole('link', { name: /^Kode pelacakan berisi 8 sampai 20/ })).toBeVisible();
    await expect(view.getByRole('textbox', { name: 'Kode pelacakan' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
  },
};

/** A real code with a wrong secret: the API's 404, said plainly, never which of the two is wrong. */
export const NotFound: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const { view } = await trackerIn(canvasElement);
    await userEvent.type(view.getByRole('textbox', { name: 'Kode pelacakan' }), applications.submitted.code);
    await userEvent.type(view.getByRole('textbox', { name: 'Kode rahasia' }), 'rahasia-yang-salah');
    await userEvent.click(view.getByRole('button', { name: 'Lacak' }));
    await expect(
      await view.findByRole(
        'link',
        { name: 'Kode pelacakan atau kode rahasia tidak cocok. Periksa keduanya, lalu coba lagi.' },
        patience,
      ),
    ).toBeVisible();
  },
};

/** The status is on its way (the API never answers here). */
export const Loading: Story = {
  args: on('submitted'),
  parameters: { msw: { handlers: { tracker: statusSlow() } }, ...ownFrameInDocs },
  play: async ({ canvasElement }) => {
    const { view } = await trackerIn(canvasElement);
    await expect(view.getByText('Memuat status permohonan…')).toBeVisible();
  },
};

/** Sent, waiting for an officer, with its due date (a lost KTP-el: at most 1 working day). */
export const Submitted: Story = {
  args: on('submitted'),
  play: async ({ canvasElement }) => {
    const { root, view } = await statusShown(canvasElement, 'Terkirim');
    await expect(view.getByText('24 November 2026 (1 hari kerja sejak permohonan dikirim)')).toBeVisible();
    const history = within(root.querySelector('[part~="history"]') as HTMLElement).getAllByRole('listitem');
    await expect(history.map((item) => item.textContent)).toEqual([
      'Draf 23 November 2026 pukul 08.45 WIB',
      'Terkirim 23 November 2026 pukul 09.00 WIB',
    ]);
    await expect(view.getByRole('button', { name: 'Perbarui' })).toBeVisible();
  },
};

/** An officer is checking it. */
export const InReview: Story = {
  args: on('in_review'),
  play: async ({ canvasElement }) => {
    const { view } = await statusShown(canvasElement, 'Sedang diperiksa');
    await expect(view.getByText('24 November 2026 (1 hari kerja sejak permohonan dikirim)')).toBeVisible();
    // Said once: the API's status_text ("Sedang diperiksa petugas. Perkiraan selesai …") is not shown.
    await expect(view.queryByText(/Perkiraan selesai paling lambat/)).toBeNull();
  },
};

/** A `#kode=…&rahasia=…` link opened in the tab already on the tracker: followed without a reload. */
export const LinkInOpenTab: Story = {
  play: async ({ canvasElement }) => {
    const { view } = await trackerIn(canvasElement);
    await expect(view.getByRole('heading', { level: 2, name: 'Lacak permohonan' })).toBeVisible();
    const { code, secret } = applications.in_review;
    location.hash = new URLSearchParams({ kode: code, rahasia: secret }).toString();
    await statusShown(canvasElement, 'Sedang diperiksa');
    await expect(location.hash).toBe('');
  },
};

/** The officer asks for changes: the fields to fix, their note, and the link back to the form with the key. */
export const NeedsRevision: Story = {
  args: on('needs_revision'),
  play: async ({ canvasElement }) => {
    const { view } = await statusShown(canvasElement, 'Perlu diperbaiki');
    const fix = view.getByRole('link', { name: 'Perbaiki permohonan' });
    const href = new URL(fix.getAttribute('href') as string);
    await expect(href.pathname).toBe('/ajukan.html');
    await expect(href.searchParams.get('layanan')).toBe('ktp-el-hilang');
    await expect(new URLSearchParams(href.hash.slice(1)).get('kode')).toBe(applications.needs_revision.code);
    await expect(view.getByText('Surat keterangan kehilangan dari kepolisian')).toBeVisible();
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
  play: async ({ canvasElement }) => {
    const { view } = await statusShown(canvasElement, 'Selesai');
    await expect(view.queryByRole('button', { name: 'Perbarui' })).toBeNull();
    await expect(view.queryByRole('button', { name: 'Batalkan permohonan' })).toBeNull();
  },
};

/** Completed: the tracker offers the satisfaction survey (<loket-satisfaction-survey>), answered in place. */
export const CompletedSurvey: Story = {
  args: on('completed'),
  play: async ({ canvasElement }) => {
    const { root } = await statusShown(canvasElement, 'Selesai');
    const { view } = await surveyIn(root);
    await startSurvey(view);
    await answerAndSend(view, ALL_GOOD);
    await expect(await view.findByRole('heading', { name: 'Terima kasih' }, patience)).toBeVisible();
  },
};

/** Rejected, with the officer's reason. */
export const Rejected: Story = {
  args: on('rejected'),
  play: async ({ canvasElement }) => {
    const { view } = await statusShown(canvasElement, 'Ditolak');
    await expect(view.getByRole('heading', { level: 4, name: 'Catatan petugas' })).toBeVisible();
  },
};

/** Withdrawn by the citizen. */
export const Withdrawn: Story = {
  args: on('withdrawn'),
  play: async ({ canvasElement }) => {
    await statusShown(canvasElement, 'Dibatalkan');
  },
};

/** A service with a known duration (NIB through OSS: the same day): the expected date and how sure it is. */
export const DueDate: Story = {
  args: on('due'),
  play: async ({ canvasElement }) => {
    const { view } = await statusShown(canvasElement, 'Terkirim');
    await expect(view.getByText('23 November 2026 (hari yang sama dengan pengiriman)')).toBeVisible();
    await expect(view.getByText('Dihitung dengan kalender hari libur resmi.')).toBeVisible();
  },
};

/** The same, looked at four days later: overdue. */
export const Overdue: Story = {
  args: on('overdue'),
  play: async ({ canvasElement }) => {
    const { view } = await statusShown(canvasElement, 'Terkirim');
    await expect(view.getByRole('heading', { name: 'Sudah melewati batas waktu' })).toBeVisible();
  },
};

/** “Batalkan permohonan” asks in the page first, with an optional reason. */
export const WithdrawConfirmation: Story = {
  args: on('withdraw'),
  play: async ({ canvasElement, userEvent }) => {
    const { root, view } = await statusShown(canvasElement, 'Sedang diperiksa');
    await userEvent.click(view.getByRole('button', { name: 'Batalkan permohonan' }));
    const heading = await view.findByRole('heading', { name: 'Batalkan permohonan ini?' });
    await waitFor(() => expect(root.activeElement).toBe(heading));
    await expect(view.getByRole('textbox', { name: 'Alasan pembatalan (tidak wajib)' })).toHaveAttribute(
      'maxlength',
      '500',
    );
  },
};

/** …then withdraws: the new status, with focus on it, and `loketStatusChange`. */
export const WithdrawDone: Story = {
  args: on('withdraw'),
  tags: ['!autodocs'],
  play: async (context) => {
    await WithdrawConfirmation.play?.(context);
    const { root, view } = await trackerIn(context.canvasElement);
    await context.userEvent.type(view.getByRole('textbox'), 'Sudah menemukan KTP-el saya.');
    await context.userEvent.click(view.getByRole('button', { name: 'Ya, batalkan permohonan' }));
    const state = await view.findByRole('heading', { level: 3, name: 'Status: Dibatalkan' }, patience);
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
  play: async ({ canvasElement, msw, userEvent }) => {
    const { view } = await statusShown(canvasElement, 'Sedang diperiksa');
    msw.use(...statusFailing());
    await userEvent.click(view.getByRole('button', { name: 'Perbarui' }));
    await expect(
      await view.findByText(/Status belum dapat diperbarui/, { selector: '.failed' }, patience),
    ).toBeVisible();
    await expect(view.getByRole('heading', { level: 3, name: 'Status: Sedang diperiksa' })).toBeVisible();
  },
};

/** `lang="en"` on the page: the tracker's words and the API's in English. */
export const English: Story = {
  args: on('needs_revision'),
  globals: { locale: 'en' },
  play: async ({ canvasElement }) => {
    const { view } = await statusShown(canvasElement, 'Needs changes');
    await expect(view.getByRole('link', { name: 'Fix the application' })).toBeVisible();
    // The server's words in English: what happens next (its status_text would repeat the heading).
    await expect(view.getByText('Fix the answers asked for, then send the application again.')).toBeVisible();
  },
};

/** `themes/dark.css` with `data-loket-theme="dark"`. */
export const Dark: Story = {
  args: on('overdue'),
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const { root } = await statusShown(canvasElement, 'Terkirim');
    await expect(getComputedStyle(root.querySelector('.tracker') as Element).backgroundColor).toBe(
      'rgb(21, 24, 28)',
    );
  },
};

/** `themes/high-contrast.css`: black, white and yellow. */
export const HighContrast: Story = {
  args: on('needs_revision'),
  globals: { theme: 'high-contrast' },
  play: async ({ canvasElement }) => {
    const { root } = await statusShown(canvasElement, 'Perlu diperbaiki');
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
  play: async ({ canvasElement, userEvent }) => {
    const { view } = await statusShown(canvasElement, 'Perlu diperbaiki');
    await expect(window.innerWidth).toBe(320);
    await userEvent.click(view.getByRole('button', { name: 'Batalkan permohonan' }));
    await view.findByRole('heading', { name: 'Batalkan permohonan ini?' });
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
  },
};
