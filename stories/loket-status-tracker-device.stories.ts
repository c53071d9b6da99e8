import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import { API_BASE } from './msw/handlers';
import { RECOVERY_TOKEN, recovery } from './msw/recovery';
import { applications, tracker } from './msw/tracker';
import { patience } from './support/finder';
import { forgetDevice, trackerIn } from './support/tracker';

// <loket-status-tracker>'s memory of the device ("Permohonan di perangkat ini") and "Lupa kode
// rahasia?", on the recorded applications (msw/tracker.ts) and the recovery endpoints (msw/recovery.ts).

const meta = {
  title: 'Components/Status tracker: device and recovery',
  // Its checks read Indonesian words: it stays in Indonesian (the Language toolbar is locked on it;
  // see support/locale.ts for stories that follow the toolbar); its English stories set `locale: 'en'`.
  globals: { locale: 'id' },
  component: 'loket-status-tracker',
  render: () => html`<loket-status-tracker api-base=${API_BASE}></loket-status-tracker>`,
  parameters: { msw: { handlers: { tracker: tracker(), recovery: recovery() } } },
  beforeEach: () => {
    forgetDevice();
    return () => {
      forgetDevice();
      history.replaceState(null, '', location.href.replace(/#.*$/, ''));
    };
  },
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** This device opened two applications before: both listed, the latest first, with the lookup below. */
export const OnThisDevice: Story = {
  beforeEach: () => {
    const { in_review: review, completed: done } = applications;
    const entry = (a: { code: string; secret: string }, service: string, status: string, seen: string) => ({
      ...a,
      service,
      status,
      seen,
    });
    localStorage.setItem(
      'loket:tracker:v1',
      JSON.stringify([
        entry(done, 'Penggantian KTP-el karena hilang', 'completed', '2026-03-05T02:00:00.000Z'),
        entry(review, 'Penggantian KTP-el karena hilang', 'in_review', '2026-03-04T02:00:00.000Z'),
      ]),
    );
  },
  play: async ({ canvasElement, userEvent }) => {
    const { view } = await trackerIn(canvasElement);
    await expect(
      await view.findByRole('heading', { level: 2, name: 'Permohonan di perangkat ini' }, patience),
    ).toBeVisible();
    const items = view.getAllByRole('listitem');
    await expect(items).toHaveLength(2);
    await expect(items[0]).toHaveTextContent(applications.completed.code);
    await expect(view.getByRole('heading', { level: 2, name: 'Lacak permohonan' })).toBeVisible();
    await userEvent.click(view.getByRole('button', { name: `Lihat ${applications.in_review.code}` }));
    await expect(
      await view.findByRole('heading', { level: 3, name: 'Status: Sedang diperiksa' }, patience),
    ).toBeVisible();
  },
};

/** "Lupa kode rahasia?": the code and a contact, then the same answer whatever matched. */
export const ForgotSecret: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const { view } = await trackerIn(canvasElement);
    await userEvent.click(await view.findByRole('button', { name: 'Lupa kode rahasia?' }, patience));
    // The step's code arrives on demand: until its heading shows, the lookup's own "Kode
    // pelacakan" box is still there and would take the typing.
    await view.findByRole('heading', { level: 2, name: 'Lupa kode rahasia?' }, patience);
    await userEvent.type(view.getByRole('textbox', { name: 'Kode pelacakan' }), applications.in_review.code);
    await userEvent.type(view.getByRole('textbox', { name: 'Email atau nomor HP' }), '0812 3456 7890');
    await userEvent.click(view.getByRole('button', { name: 'Kirim tautan' }));
    await expect(
      await view.findByText(/Bila kode pelacakan dan kontak itu cocok/, {}, patience),
    ).toBeVisible();
  },
};

/** The message's link: a new secret, shown once, and the application. */
export const RecoveryLink: Story = {
  beforeEach: () => {
    location.hash = new URLSearchParams({
      kode: applications.in_review.code,
      pulih: RECOVERY_TOKEN,
    }).toString();
  },
  parameters: { msw: { handlers: { tracker: tracker(), recovery: recovery() } } },
  play: async ({ canvasElement }) => {
    const { view } = await trackerIn(canvasElement);
    await expect(
      await view.findByRole('heading', { level: 3, name: 'Status: Sedang diperiksa' }, patience),
    ).toBeVisible();
    await expect(view.getByText(/Kode rahasia baru Anda:/)).toBeVisible();
    await expect(location.hash).toBe('');
  },
};

/** A link used before (or expired, or unknown): said, with the request form to ask again. */
export const RecoveryLinkUsed: Story = {
  beforeEach: () => {
    location.hash = new URLSearchParams({
      kode: applications.in_review.code,
      pulih: 'sudah-dipakai-0000',
    }).toString();
  },
  play: async ({ canvasElement }) => {
    const { view } = await trackerIn(canvasElement);
    await expect(await view.findByText(/Tautan ini sudah dipakai/, {}, patience)).toBeVisible();
    await expect(view.getByRole('heading', { level: 2, name: 'Lupa kode rahasia?' })).toBeVisible();
  },
};
