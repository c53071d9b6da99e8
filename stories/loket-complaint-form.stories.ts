import { SKM_UNSUR } from '@loket/sdk/rules';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { en } from '../packages/components/src/components/loket-complaint-form/messages/en';
import { id } from '../packages/components/src/components/loket-complaint-form/messages/id';
import { ANSWERED, complaintNews, complaints, resetComplaints } from './msw/complaints';
import { API_BASE, failing } from './msw/handlers';
import { props } from './support/controls';
import { patience } from './support/finder';
import { fill, inLocale, storyLocale } from './support/locale';

// Every state of <loket-complaint-form> on MSW's complaint mock (msw/complaints.ts: the SKM
// categories, SP4N-LAPOR! from the server's own data file, one answered complaint).

interface ComplaintArgs {
  'api-base': string;
  about?: 'application' | 'visit' | 'service';
  code?: string;
  service?: string;
  region?: string;
  collapsed?: boolean;
}

const meta = {
  title: 'Components/Complaint form',
  // The play functions take the form's words in the story's language: it follows the Language toolbar.
  component: 'loket-complaint-form',
  tags: ['autodocs'],
  args: { 'api-base': API_BASE, about: 'service', service: 'ktp-el-hilang', region: '35.78' },
  beforeEach: () => resetComplaints(),
  render: (args) => html`
    <loket-complaint-form ${props(args)}></loket-complaint-form>
  `,
  parameters: { msw: { handlers: { complaints: complaints() } } },
} satisfies Meta<ComplaintArgs>;

export default meta;
type Story = StoryObj<ComplaintArgs>;

/** The form's words in the story's language (the Language toolbar's, or the story's own). */
const wordsOf = (globals: Record<string, unknown>) => inLocale(globals, { id, en });
/** The category the stories choose: "Waktu Penyelesaian", the SKM's third unsur. */
const timeCategory = (globals: Record<string, unknown>) => SKM_UNSUR[2]?.name[storyLocale(globals)] ?? '';

async function formIn(canvasElement: HTMLElement) {
  const el = canvasElement.querySelector('loket-complaint-form');
  if (!el) throw new Error('No <loket-complaint-form> in this story');
  await customElements.whenDefined('loket-complaint-form');
  await waitFor(() => expect(el.shadowRoot?.querySelector('[part~="base"]')).toBeTruthy(), patience);
  return { el, view: within(el.shadowRoot as unknown as HTMLElement) };
}

async function fillIn(view: ReturnType<typeof within>, globals: Record<string, unknown>) {
  const t = wordsOf(globals);
  await view.findByRole('option', { name: timeCategory(globals) }, patience);
  await userEvent.selectOptions(view.getByRole('combobox', { name: t.category }), 'time');
  await userEvent.type(
    view.getByRole('textbox', { name: t.description }),
    'Sudah dua minggu sejak saya datang ke loket dan belum ada kabar.',
  );
}

/** A complaint about a service in general: the SKM categories, and SP4N-LAPOR! offered beside it. */
export const Form: Story = {
  play: async ({ canvasElement, globals }) => {
    const { view } = await formIn(canvasElement);
    await view.findByRole('heading', { name: wordsOf(globals).laporTitle }, patience);
    await expect(view.getByRole('link', { name: '1708' })).toHaveAttribute('href', 'sms:1708');
  },
};

/** Sent empty: the error summary, focused, with a link to each field. */
export const Errors: Story = {
  play: async ({ canvasElement, globals }) => {
    const t = wordsOf(globals);
    const { view } = await formIn(canvasElement);
    await userEvent.click(view.getByRole('button', { name: t.send }));
    await view.findByRole('link', { name: t.needCategory }, patience);
    await view.findByRole('link', { name: t.needDescription });
  },
};

/** With an e-mail: the news box, unticked until the citizen ticks it. */
export const NewsOptIn: Story = {
  play: async ({ canvasElement, globals }) => {
    const t = wordsOf(globals);
    const { view } = await formIn(canvasElement);
    await userEvent.type(view.getByRole('textbox', { name: t.email }), 'siti@example.org');
    const box = await view.findByRole('checkbox', { name: fill(t.newsEmail, { email: 'siti@example.org' }) });
    await expect(box).not.toBeChecked();
  },
};

/** Where the agency's gateway takes complaint news: a box for the phone too (without it, none). */
export const NewsByPhone: Story = {
  parameters: { msw: { handlers: { complaints: [...complaintNews(true), ...complaints()] } } },
  play: async ({ canvasElement, globals }) => {
    const t = wordsOf(globals);
    const { view } = await formIn(canvasElement);
    await userEvent.type(view.getByRole('textbox', { name: t.email }), 'siti@example.org');
    await userEvent.type(view.getByRole('textbox', { name: t.phone }), '0812 3456 7890');
    await view.findByRole('checkbox', { name: fill(t.newsPhone, { phone: '0812 3456 7890' }) }, patience);
    await expect(view.getAllByRole('checkbox')).toHaveLength(2);
  },
};

/** Sent: the code and the secret to keep, the response date, and the text for LAPOR! with the code. */
export const Filed: Story = {
  play: async ({ canvasElement, globals }) => {
    const t = wordsOf(globals);
    const { view } = await formIn(canvasElement);
    await fillIn(view, globals);
    await userEvent.click(view.getByRole('button', { name: t.send }));
    await view.findByRole('heading', { name: t.filedTitle }, patience);
    const text = view.getByRole('textbox', { name: t.laporText }) as HTMLTextAreaElement;
    await waitFor(() => expect(text.value).toContain(`${t.code}: ADU-`));
  },
};

/** Offered by the tracker for a sent application: one button that opens the form. */
export const Collapsed: Story = {
  args: {
    about: 'application',
    code: 'LKT-7K4M-Q2XP-9ABC',
    collapsed: true,
    service: undefined,
    region: undefined,
  },
  play: async ({ canvasElement, globals }) => {
    const { view } = await formIn(canvasElement);
    await view.findByRole('button', { name: wordsOf(globals).open }, patience);
  },
};

/** Opened from the tracker: about that application. */
export const AboutApplication: Story = {
  args: { about: 'application', code: 'LKT-7K4M-Q2XP-9ABC', service: undefined, region: undefined },
  play: async ({ canvasElement, globals }) => {
    const { view } = await formIn(canvasElement);
    const about = fill(wordsOf(globals).aboutApplication, { code: 'LKT-7K4M-Q2XP-9ABC' });
    await view.findByText(about, {}, patience);
  },
};

/** Without `about`: the lookup of a complaint's answer. */
export const Lookup: Story = {
  args: { about: undefined, service: undefined, region: undefined },
  play: async ({ canvasElement, globals }) => {
    const { view } = await formIn(canvasElement);
    await view.findByRole('heading', { name: wordsOf(globals).headingLookup }, patience);
  },
};

/** A code and secret that do not match: one answer, whichever is wrong. */
export const LookupNotFound: Story = {
  args: Lookup.args,
  play: async ({ canvasElement, globals }) => {
    const t = wordsOf(globals);
    const { view } = await formIn(canvasElement);
    await userEvent.type(await view.findByRole('textbox', { name: t.code }, patience), ANSWERED.code);
    await userEvent.type(view.getByRole('textbox', { name: t.secret }), 'AAAA-BBBB-CCCC-DDDD');
    await userEvent.click(view.getByRole('button', { name: t.lookup }));
    await view.findByText(t.notFound, {}, patience);
  },
};

/** The agency answered: its answer, the status, and SP4N-LAPOR! still offered. */
export const Answered: Story = {
  args: Lookup.args,
  play: async ({ canvasElement, globals }) => {
    const t = wordsOf(globals);
    const { view } = await formIn(canvasElement);
    await userEvent.type(await view.findByRole('textbox', { name: t.code }, patience), ANSWERED.code);
    await userEvent.type(view.getByRole('textbox', { name: t.secret }), ANSWERED.secret);
    await userEvent.click(view.getByRole('button', { name: t.lookup }));
    // The agency's answer as its officer wrote it (in Indonesian, whatever the page's language).
    await view.findByText(/KTP-el Anda sudah dicetak/, {}, patience);
    await view.findByRole('heading', { name: t.laporTitle });
  },
};

/** The complaint cannot be sent (the server fails): the form says so and keeps what was typed. */
export const SendFailed: Story = {
  parameters: { msw: { handlers: { complaints: [...complaints().slice(0, 2), ...failing()] } } },
  play: async ({ canvasElement, globals }) => {
    const t = wordsOf(globals);
    const { view } = await formIn(canvasElement);
    await fillIn(view, globals);
    await userEvent.click(view.getByRole('button', { name: t.send }));
    await view.findByText(t.failed, {}, { timeout: 15000 });
    const story = view.getByRole('textbox', { name: t.description }) as HTMLTextAreaElement;
    await expect(story.value).toMatch(/dua minggu/);
  },
};

/** In English. */
export const English: Story = {
  render: (args) => html`<div lang="en">${meta.render(args)}</div>`,
  play: async ({ canvasElement }) => {
    const { view } = await formIn(canvasElement);
    await view.findByRole('heading', { name: 'Make a complaint' }, patience);
    await view.findByRole('option', { name: 'Time to complete' }, patience);
  },
};
