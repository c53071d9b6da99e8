import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import { API_BASE } from './msw/handlers';
import { RECOVERY_TOKEN, recovery } from './msw/recovery';
import { applications, tracker } from './msw/tracker';
import { patience } from './support/finder';
import { escapeRegExp, fill } from './support/locale';
import { forgetDevice, recoveryWords, trackerIn, trackerWords } from './support/tracker';

/** "Status: Sedang diperiksa", as the tracker says it. */
const inReview = (t: ReturnType<typeof trackerWords>['t']) =>
  fill(t.status.current, { status: t.status.words.in_review });

// <loket-status-tracker>'s memory of the device ("Permohonan di perangkat ini") and "Lupa kode
// rahasia?", on the recorded applications (msw/tracker.ts) and the recovery endpoints (msw/recovery.ts).

const meta = {
  title: 'Components/Status tracker: device and recovery',
  // The play functions take the tracker's words in the story's language: it follows the Language toolbar.
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
  play: async ({ canvasElement, globals, userEvent }) => {
    const { t } = trackerWords(globals);
    const { view } = await trackerIn(canvasElement);
    await expect(
      await view.findByRole('heading', { level: 2, name: t.device.heading }, patience),
    ).toBeVisible();
    const items = view.getAllByRole('listitem');
    await expect(items).toHaveLength(2);
    await expect(items[0]).toHaveTextContent(applications.completed.code);
    await expect(view.getByRole('heading', { level: 2, name: t.lookup.heading })).toBeVisible();
    await userEvent.click(
      view.getByRole('button', { name: `${t.device.open} ${applications.in_review.code}` }),
    );
    await expect(await view.findByRole('heading', { level: 3, name: inReview(t) }, patience)).toBeVisible();
  },
};

/** "Lupa kode rahasia?": the code and a contact, then the same answer whatever matched. */
export const ForgotSecret: Story = {
  play: async ({ canvasElement, globals, userEvent }) => {
    const { t, lang } = trackerWords(globals);
    const words = recoveryWords(lang);
    const { view } = await trackerIn(canvasElement);
    await userEvent.click(await view.findByRole('button', { name: t.device.lost }, patience));
    // The step's code arrives on demand: until its heading shows, the lookup's own "Kode
    // pelacakan" box is still there and would take the typing.
    await view.findByRole('heading', { level: 2, name: words.heading }, patience);
    await userEvent.type(view.getByRole('textbox', { name: words.code }), applications.in_review.code);
    await userEvent.type(view.getByRole('textbox', { name: words.contact }), '0812 3456 7890');
    await userEvent.click(view.getByRole('button', { name: words.submit }));
    await expect(await view.findByText(words.sent, {}, patience)).toBeVisible();
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
  play: async ({ canvasElement, globals }) => {
    const { t, lang } = trackerWords(globals);
    const { view } = await trackerIn(canvasElement);
    await expect(await view.findByRole('heading', { level: 3, name: inReview(t) }, patience)).toBeVisible();
    // "Kode rahasia baru Anda: …" with the secret the link gave.
    const before = recoveryWords(lang).newSecret.split('{secret}')[0] ?? '';
    await expect(view.getByText(new RegExp(escapeRegExp(before.trim())))).toBeVisible();
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
  play: async ({ canvasElement, globals }) => {
    const words = recoveryWords(trackerWords(globals).lang);
    const { view } = await trackerIn(canvasElement);
    await expect(await view.findByText(words.linkInvalid, {}, patience)).toBeVisible();
    await expect(view.getByRole('heading', { level: 2, name: words.heading })).toBeVisible();
  },
};
