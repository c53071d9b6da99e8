import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ANSWERED, complaints, resetComplaints } from './msw/complaints';
import { API_BASE, failing } from './msw/handlers';
import { props } from './support/controls';
import { patience } from './support/finder';

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
  // Its checks read Indonesian words: it stays in Indonesian (the Language toolbar is locked on it;
  // see support/locale.ts for stories that follow the toolbar); its English stories set `locale: 'en'`.
  globals: { locale: 'id' },
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

async function formIn(canvasElement: HTMLElement) {
  const el = canvasElement.querySelector('loket-complaint-form');
  if (!el) throw new Error('No <loket-complaint-form> in this story');
  await customElements.whenDefined('loket-complaint-form');
  await waitFor(() => expect(el.shadowRoot?.querySelector('[part~="base"]')).toBeTruthy(), patience);
  return { el, view: within(el.shadowRoot as unknown as HTMLElement) };
}

async function fill(view: ReturnType<typeof within>) {
  await view.findByRole('option', { name: 'Waktu Penyelesaian' }, patience);
  await userEvent.selectOptions(view.getByRole('combobox', { name: 'Apa yang Anda adukan?' }), 'time');
  await userEvent.type(
    view.getByRole('textbox', { name: 'Apa yang terjadi?' }),
    'Sudah dua minggu sejak saya datang ke loket dan belum ada kabar.',
  );
}

/** A complaint about a service in general: the SKM categories, and SP4N-LAPOR! offered beside it. */
export const Form: Story = {
  play: async ({ canvasElement }) => {
    const { view } = await formIn(canvasElement);
    await view.findByRole('heading', { name: 'Laporkan juga ke SP4N-LAPOR!' }, patience);
    await expect(view.getByRole('link', { name: '1708' })).toHaveAttribute('href', 'sms:1708');
  },
};

/** Sent empty: the error summary, focused, with a link to each field. */
export const Errors: Story = {
  play: async ({ canvasElement }) => {
    const { view } = await formIn(canvasElement);
    await userEvent.click(view.getByRole('button', { name: 'Kirim pengaduan' }));
    await view.findByRole('link', { name: 'Pilih apa yang Anda adukan' }, patience);
    await view.findByRole('link', { name: /Ceritakan apa yang terjadi/ });
  },
};

/** With an e-mail: the news box, unticked until the citizen ticks it. */
export const NewsOptIn: Story = {
  play: async ({ canvasElement }) => {
    const { view } = await formIn(canvasElement);
    await userEvent.type(view.getByRole('textbox', { name: 'E-mail' }), 'siti@example.org');
    const box = await view.findByRole('checkbox', { name: 'Kirim kabar ke e-mail siti@example.org' });
    await expect(box).not.toBeChecked();
  },
};

/** Sent: the code and the secret to keep, the response date, and the text for LAPOR! with the code. */
export const Filed: Story = {
  play: async ({ canvasElement }) => {
    const { view } = await formIn(canvasElement);
    await fill(view);
    await userEvent.click(view.getByRole('button', { name: 'Kirim pengaduan' }));
    await view.findByRole('heading', { name: 'Pengaduan terkirim' }, patience);
    const text = view.getByRole('textbox', { name: 'Teks untuk LAPOR!' }) as HTMLTextAreaElement;
    await waitFor(() => expect(text.value).toMatch(/Kode pengaduan: ADU-/));
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
  play: async ({ canvasElement }) => {
    const { view } = await formIn(canvasElement);
    await view.findByRole('button', { name: 'Ada masalah? Sampaikan pengaduan' }, patience);
  },
};

/** Opened from the tracker: about that application. */
export const AboutApplication: Story = {
  args: { about: 'application', code: 'LKT-7K4M-Q2XP-9ABC', service: undefined, region: undefined },
  play: async ({ canvasElement }) => {
    const { view } = await formIn(canvasElement);
    await view.findByText('Tentang permohonan LKT-7K4M-Q2XP-9ABC', {}, patience);
  },
};

/** Without `about`: the lookup of a complaint's answer. */
export const Lookup: Story = {
  args: { about: undefined, service: undefined, region: undefined },
  play: async ({ canvasElement }) => {
    const { view } = await formIn(canvasElement);
    await view.findByRole('heading', { name: 'Cek jawaban pengaduan' }, patience);
  },
};

/** A code and secret that do not match: one answer, whichever is wrong. */
export const LookupNotFound: Story = {
  args: Lookup.args,
  play: async ({ canvasElement }) => {
    const { view } = await formIn(canvasElement);
    await userEvent.type(
      await view.findByRole('textbox', { name: 'Kode pengaduan' }, patience),
      ANSWERED.code,
    );
    await userEvent.type(view.getByRole('textbox', { name: 'Kode rahasia' }), 'AAAA-BBBB-CCCC-DDDD');
    await userEvent.click(view.getByRole('button', { name: 'Cek jawaban' }));
    await view.findByText('Pengaduan tidak ditemukan, atau kode rahasianya salah.', {}, patience);
  },
};

/** The agency answered: its answer, the status, and SP4N-LAPOR! still offered. */
export const Answered: Story = {
  args: Lookup.args,
  play: async ({ canvasElement }) => {
    const { view } = await formIn(canvasElement);
    await userEvent.type(
      await view.findByRole('textbox', { name: 'Kode pengaduan' }, patience),
      ANSWERED.code,
    );
    await userEvent.type(view.getByRole('textbox', { name: 'Kode rahasia' }), ANSWERED.secret);
    await userEvent.click(view.getByRole('button', { name: 'Cek jawaban' }));
    await view.findByText(/KTP-el Anda sudah dicetak/, {}, patience);
    await view.findByRole('heading', { name: 'Laporkan juga ke SP4N-LAPOR!' });
  },
};

/** The complaint cannot be sent (the server fails): the form says so and keeps what was typed. */
export const SendFailed: Story = {
  parameters: { msw: { handlers: { complaints: [...complaints().slice(0, 1), ...failing()] } } },
  play: async ({ canvasElement }) => {
    const { view } = await formIn(canvasElement);
    await fill(view);
    await userEvent.click(view.getByRole('button', { name: 'Kirim pengaduan' }));
    await view.findByText(
      'Pengaduan belum terkirim. Periksa sambungan, lalu coba lagi.',
      {},
      { timeout: 15000 },
    );
    const story = view.getByRole('textbox', { name: 'Apa yang terjadi?' }) as HTMLTextAreaElement;
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
