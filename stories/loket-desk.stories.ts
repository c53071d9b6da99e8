import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { DeskMessages } from '../packages/components/desk/messages/types';
import { deskApi, deskCode, deskPassword, officer, queued, serverSays } from './msw/desk';
import { adminHandlers } from './msw/desk-admin';
import { applicationApi, CODE } from './msw/desk-application';
import { API_BASE } from './msw/handlers';
import { at, deskIn, wordsOf } from './support/desk';
import { patience } from './support/finder';
import { fill, storyLocale } from './support/locale';

// The officer desk (<loket-desk>, served at /petugas/: docs/desk.md) on MSW's officer API
// (msw/desk.ts, which follows the server's sign-in, TOTP, CSRF and session rules): signing in with
// a password, the TOTP step, the SSO button, the queue full and empty, a session that ends under
// the officer's hands, the officer's own password, a supervisor's workload, the admin screen, and
// an application with its PDF drawn inline and a transition refused as a conflict.

const meta = {
  title: 'Desk/Officer desk',
  // The desk follows the page's language (the Language toolbar): its checks take the desk's words
  // and the server's (msw/desk.ts serverSays) in the story's language.
  component: 'loket-desk',
  render: () => html`<loket-desk api-base=${API_BASE}></loket-desk>`,
  parameters: { layout: 'fullscreen' },
} satisfies Meta;

export default meta;
type Story = StoryObj;

async function typeCredentials(t: DeskMessages, view: ReturnType<typeof within>, password = deskPassword) {
  await userEvent.type(
    await view.findByRole('textbox', { name: t.signIn.username }, patience),
    officer.username,
  );
  await userEvent.type(view.getByLabelText(t.signIn.password), password);
  await userEvent.click(view.getByRole('button', { name: t.signIn.submit }));
}

const signedOut = deskApi({ signedIn: false, sso: false, applications: [] });

/** Signed out: the password form. */
export const SignIn: Story = {
  beforeEach: () => {
    signedOut.reset();
    return at('#/')();
  },
  parameters: { msw: { handlers: { desk: signedOut.handlers } } },
  play: async ({ canvasElement, globals }) => {
    const t = wordsOf(globals);
    const { view } = await deskIn(canvasElement);
    await view.findByRole('heading', { name: t.signIn.heading }, patience);
    await expect(view.getByLabelText(t.signIn.password)).toHaveAttribute('autocomplete', 'current-password');
    await expect(view.queryByRole('link', { name: t.signIn.sso })).toBeNull();
  },
};

/** A wrong password: one message that does not tell which part was wrong. */
export const WrongPassword: Story = {
  ...SignIn,
  play: async ({ canvasElement, globals }) => {
    const t = wordsOf(globals);
    const { view } = await deskIn(canvasElement);
    await typeCredentials(t, view, 'bukan kata sandinya');
    await expect(await view.findByRole('alert', {}, patience)).toHaveTextContent(t.signIn.wrong);
  },
};

/** The right password of an account with TOTP: the code is asked for, then the queue. */
export const TotpStep: Story = {
  ...SignIn,
  play: async ({ canvasElement, globals }) => {
    const t = wordsOf(globals);
    const { root, view, screen } = await deskIn(canvasElement);
    await typeCredentials(t, view);
    const code = await view.findByRole('textbox', { name: t.signIn.totp }, patience);
    // Focus moves to the code's field (inside the desk's shadow root).
    await waitFor(() => expect(root.activeElement).toBe(code));
    await userEvent.type(code, deskCode);
    await userEvent.click(view.getByRole('button', { name: t.signIn.submit }));
    const queue = await screen('loket-desk-queue');
    await queue.findByRole('heading', { name: t.queue.heading }, patience);
    await view.findByRole('button', { name: t.signOut });
  },
};

const withSso = deskApi({ signedIn: false, sso: true, applications: [] });

/** A server with single sign-on: "Masuk dengan SSO" above the password form. */
export const SsoButton: Story = {
  beforeEach: () => {
    withSso.reset();
    return at('#/')();
  },
  parameters: { msw: { handlers: { desk: withSso.handlers } } },
  play: async ({ canvasElement, globals }) => {
    const t = wordsOf(globals);
    const { view } = await deskIn(canvasElement);
    const sso = await view.findByRole('link', { name: t.signIn.sso }, patience);
    await expect(sso).toHaveAttribute('href', `${API_BASE}/v1/officer/session/oidc`);
    await expect(view.getByText(t.signIn.or)).toBeVisible();
  },
};

const busy = deskApi({
  signedIn: true,
  sso: false,
  applications: [
    queued('LKT-7Q4M-2K9P', 'submitted', '2026-03-13', true),
    queued('LKT-3H8N-5T2W', 'in_review', '2026-03-20'),
    queued('LKT-9C6V-4X7R', 'needs_revision', '2026-03-27'),
  ],
});

/** The queue of the officer's scope: oldest due first, the counts per filter, one overdue. */
export const Queue: Story = {
  beforeEach: () => {
    busy.reset();
    return at('#/')();
  },
  parameters: { msw: { handlers: { desk: busy.handlers } } },
  play: async ({ canvasElement }) => {
    const { screen } = await deskIn(canvasElement);
    const queue = await screen('loket-desk-queue');
    await queue.findByRole('link', { name: 'LKT-7Q4M-2K9P' }, patience);
    await expect(queue.getByRole('link', { name: 'LKT-9C6V-4X7R' })).toBeVisible();
  },
};

/** A status filter: only the applications in review. */
export const QueueFiltered: Story = {
  ...Queue,
  play: async ({ canvasElement, globals }) => {
    const t = wordsOf(globals);
    const { screen } = await deskIn(canvasElement);
    const queue = await screen('loket-desk-queue');
    await queue.findByRole('link', { name: 'LKT-7Q4M-2K9P' }, patience);
    await userEvent.click(queue.getByRole('button', { name: new RegExp(`^${t.status.in_review}`) }));
    await waitFor(() => expect(queue.queryByRole('link', { name: 'LKT-7Q4M-2K9P' })).toBeNull(), patience);
    await expect(queue.getByRole('link', { name: 'LKT-3H8N-5T2W' })).toBeVisible();
  },
};

const quiet = deskApi({ signedIn: true, sso: false, applications: [] });

/** Nothing in the queue. */
export const QueueEmpty: Story = {
  beforeEach: () => {
    quiet.reset();
    return at('#/')();
  },
  parameters: { msw: { handlers: { desk: quiet.handlers } } },
  play: async ({ canvasElement, globals }) => {
    const t = wordsOf(globals);
    const { screen } = await deskIn(canvasElement);
    const queue = await screen('loket-desk-queue');
    await queue.findByText(t.queue.empty, {}, patience);
  },
};

/** The session ends mid-work (an idle timeout): the sign-in form over the screen, which stays. */
export const SessionExpired: Story = {
  ...Queue,
  play: async ({ canvasElement, globals }) => {
    const t = wordsOf(globals);
    const { view, screen } = await deskIn(canvasElement);
    const queue = await screen('loket-desk-queue');
    await queue.findByRole('link', { name: 'LKT-7Q4M-2K9P' }, patience);
    busy.endSession();
    await userEvent.click(queue.getByRole('button', { name: new RegExp(`^${t.status.in_review}`) }));
    await view.findByText(t.signIn.expired, {}, patience);
    await expect(view.getByRole('heading', { name: t.signIn.heading })).toBeVisible();
    // What was on the screen is still there, out of reach until the officer signs in again.
    await expect(
      canvasElement.querySelector('loket-desk')?.shadowRoot?.querySelector('.screen'),
    ).toHaveAttribute('inert');
  },
};

const mine = deskApi({ signedIn: true, sso: false, applications: [] });

/** "Kata sandi saya": the new password twice, the errors listed and linked to their fields. */
export const MyPassword: Story = {
  beforeEach: () => {
    mine.reset();
    return at('#/kata-sandi')();
  },
  parameters: { msw: { handlers: { desk: mine.handlers } } },
  play: async ({ canvasElement, globals }) => {
    const t = wordsOf(globals);
    const { screen } = await deskIn(canvasElement);
    const page = await screen('loket-desk-password');
    await userEvent.type(await page.findByLabelText(t.password.current, {}, patience), 'bukan kata sandinya');
    await userEvent.type(page.getByLabelText(t.password.next), 'kata sandi baru yang panjang');
    await userEvent.type(page.getByLabelText(t.password.repeat), 'kata sandi baru yang panjang');
    await userEvent.click(page.getByRole('button', { name: t.password.submit }));
    await page.findByRole('link', { name: serverSays[storyLocale(globals)].currentWrong }, patience);
    await expect(page.getByLabelText(t.password.current)).toHaveAttribute('aria-invalid', 'true');
  },
};

/** A supervisor's workload: per officer, per service, and the overdue list. */
export const Workload: Story = {
  beforeEach: () => {
    busy.reset();
    return at('#/beban-kerja')();
  },
  parameters: { msw: { handlers: { desk: busy.handlers, admin: adminHandlers } } },
  play: async ({ canvasElement, globals }) => {
    const t = wordsOf(globals);
    const { screen } = await deskIn(canvasElement);
    const workload = await screen('loket-desk-workload');
    await workload.findByRole('table', { name: t.workload.officers }, patience);
    await expect(workload.getByRole('table', { name: t.workload.services })).toBeVisible();
    await expect(workload.getByRole('link', { name: 'LKT-7Q4M-2K9P' })).toHaveAttribute(
      'href',
      '#/permohonan/LKT-7Q4M-2K9P',
    );
  },
};

/** The admin screen: accounts, origins, webhooks; a new password refused by the server's rule. */
export const Admin: Story = {
  beforeEach: () => {
    busy.reset();
    return at('#/admin')();
  },
  parameters: { msw: { handlers: { desk: busy.handlers, admin: adminHandlers } } },
  play: async ({ canvasElement, globals }) => {
    const t = wordsOf(globals);
    const { screen } = await deskIn(canvasElement);
    const admin = await screen('loket-desk-admin');
    await admin.findByRole('table', { name: t.admin.accounts }, patience);
    await expect(admin.getByText('https://layanan.surabaya.go.id')).toBeVisible();
    await expect(admin.queryByRole('button', { name: `${t.admin.setPassword} siti.dukcapil` })).toBeNull();
    await userEvent.click(admin.getByRole('button', { name: `${t.admin.setPassword} budi.loket` }));
    await userEvent.type(
      await admin.findByLabelText(fill(t.admin.newPassword, { username: 'budi.loket' }), {}, patience),
      'pendek',
    );
    await userEvent.click(admin.getByRole('button', { name: t.admin.savePassword }));
    await expect(await admin.findByRole('alert', {}, patience)).toHaveTextContent(
      serverSays[storyLocale(globals)].short,
    );
  },
};

/** An application: the answers by the form's steps and its PDF drawn inline by pdf.js. */
export const Application: Story = {
  beforeEach: () => {
    busy.reset();
    return at(`#/permohonan/${CODE}`)();
  },
  parameters: {
    msw: { handlers: { desk: busy.handlers, application: applicationApi({ changedElsewhere: false }) } },
  },
  play: async ({ canvasElement, globals }) => {
    const t = wordsOf(globals);
    const { screen } = await deskIn(canvasElement);
    const app = await screen('loket-desk-application');
    await app.findByText('Siti Aminah', {}, patience);
    await userEvent.click(app.getByRole('button', { name: /surat-polisi\.pdf/ }));
    const pdf = await waitFor(() => {
      const root = canvasElement
        .querySelector('loket-desk')
        ?.shadowRoot?.querySelector('loket-desk-application')
        ?.shadowRoot?.querySelector('loket-desk-pdf')?.shadowRoot;
      expect(root?.querySelector('[part~="base"]')).toBeTruthy();
      return within(root as unknown as HTMLElement);
    }, patience);
    await pdf.findByRole(
      'img',
      { name: fill(t.application.pdfPage, { page: '1', pages: '1', file: 'surat-polisi.pdf' }) },
      { timeout: 15_000 },
    );
    await pdf.findByText('Surat keterangan kehilangan', {}, { timeout: 15_000 });
  },
};

/** Someone else changed it since it was opened: 412, nothing moves, the notes stay. */
export const Conflict: Story = {
  ...Application,
  parameters: {
    msw: { handlers: { desk: busy.handlers, application: applicationApi({ changedElsewhere: true }) } },
  },
  play: async ({ canvasElement, globals }) => {
    const t = wordsOf(globals);
    const { screen } = await deskIn(canvasElement);
    const app = await screen('loket-desk-application');
    await app.findByText('Siti Aminah', {}, patience);
    await userEvent.click(app.getByRole('button', { name: new RegExp(t.action.to.in_review) }));
    await userEvent.type(
      await app.findByRole('textbox', { name: t.action.publicNote }, patience),
      'Berkas kami periksa.',
    );
    await userEvent.click(app.getByRole('button', { name: t.action.confirm }));
    await expect(await app.findByRole('alert', {}, patience)).toHaveTextContent(t.action.conflict);
    await expect(app.getByRole('textbox', { name: t.action.publicNote })).toHaveValue('Berkas kami periksa.');
  },
};
