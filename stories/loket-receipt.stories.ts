import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, within } from 'storybook/test';
import { API_BASE } from './msw/handlers';
import { applications, type Scenario, tracker } from './msw/tracker';
import { patience } from './support/finder';
import { trackerIn } from './support/tracker';

// The submission receipt ("Bukti pengajuan") and the result document on <loket-status-tracker>, on
// real applications recorded from the real server (scripts/record-tracker-fixtures.mjs: the
// `in_review` and `completed_document` scenarios) and served by MSW. The same receipt opens on
// the form's confirmation. axe checks each story (addon-a11y).

interface Args {
  code: string;
  secret: string;
  lang: string;
}

const on = (scenario: Scenario, lang = 'id') => ({
  code: applications[scenario].code,
  secret: applications[scenario].secret,
  lang,
});

const meta = {
  title: 'Components/Status tracker/Receipt and result document',
  component: 'loket-status-tracker',
  args: on('in_review'),
  render: (args) => html`
    <div lang=${args.lang}>
      <loket-status-tracker api-base=${API_BASE} code=${args.code} secret=${args.secret}></loket-status-tracker>
    </div>
  `,
  parameters: { msw: { handlers: { tracker: tracker() } } },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** "Bukti pengajuan" opened: code, service, agency, date sent, due date, what to bring; "Cetak bukti". */
export const Receipt: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const { root, view } = await trackerIn(canvasElement);
    await userEvent.click(await view.findByRole('button', { name: 'Bukti pengajuan' }, patience));
    const heading = await view.findByRole('heading', { level: 2, name: 'Bukti pengajuan' }, patience);
    const receipt = within(heading.closest('.receipt') as HTMLElement);
    await expect(receipt.getByText(applications.in_review.code)).toBeVisible();
    await expect(receipt.getByText('Surat keterangan kehilangan dari kepolisian')).toBeVisible();
    await expect(receipt.getByRole('button', { name: 'Cetak bukti' })).toBeVisible();
    await expect(root.textContent).not.toContain(applications.in_review.secret);
  },
};

/** The same receipt in English. */
export const ReceiptEnglish: Story = {
  args: on('in_review', 'en'),
  play: async ({ canvasElement, userEvent }) => {
    const { view } = await trackerIn(canvasElement);
    await userEvent.click(await view.findByRole('button', { name: 'Submission receipt' }, patience));
    await expect(
      await view.findByRole('heading', { level: 2, name: 'Submission receipt' }, patience),
    ).toBeVisible();
    await expect(view.getByRole('button', { name: 'Print receipt' })).toBeVisible();
  },
};

/** Completed with a result document the officer attached: "Dokumen hasil" and its download. */
export const CompletedWithDocument: Story = {
  args: on('completed_document'),
  play: async ({ canvasElement }) => {
    const { view } = await trackerIn(canvasElement);
    await expect(
      await view.findByRole('heading', { level: 3, name: 'Dokumen hasil' }, patience),
    ).toBeVisible();
    await expect(view.getByRole('button', { name: 'Unduh dokumen hasil (PDF, 1 KB)' })).toBeVisible();
  },
};

/** Completed without a document: nothing to download, the receipt still there. */
export const CompletedWithoutDocument: Story = {
  args: on('completed'),
  play: async ({ canvasElement }) => {
    const { view } = await trackerIn(canvasElement);
    await expect(await view.findByRole('button', { name: 'Bukti pengajuan' }, patience)).toBeVisible();
    await expect(view.queryByRole('button', { name: /^Unduh dokumen hasil/ })).toBeNull();
  },
};
