import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { deskApi } from './msw/desk';
import { complaintsApi, RECEIVED } from './msw/desk-complaints';
import { ARRIVING, visitsApi } from './msw/desk-visits';
import { API_BASE } from './msw/handlers';
import { at, deskIn, wordsOf } from './support/desk';
import { patience } from './support/finder';
import { escapeRegExp, fill } from './support/locale';

// The officer desk's counter and inbox screens (docs/desk.md) on MSW's officer API: today's visits
// at a location (msw/desk-visits.ts: check a booking in, call the next number, record a no-show or
// done, a closed counter, an unknown code) and the complaints inbox (msw/desk-complaints.ts: the
// list by status, one complaint answered then closed, with its delivery log "Kabar ke warga").
// The session, CSRF and sign-in rules are msw/desk.ts's; the stories open the desk signed in.

const meta = {
  title: 'Desk/Counter and complaints',
  // The desk follows the page's language (the Language toolbar): the checks take its words.
  component: 'loket-desk',
  render: () => html`<loket-desk api-base=${API_BASE}></loket-desk>`,
  parameters: { layout: 'fullscreen' },
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** A plural's text for `n` (the dictionaries' `one` form where the language has one). */
const counted = (words: { one?: string; other: string }, n: number) =>
  fill(n === 1 && words.one ? words.one : words.other, { n: String(n) });

/** The row of a number (or a code) in a screen's table. */
const rowOf = (screen: ReturnType<typeof within>, name: string) =>
  within(screen.getByRole('rowheader', { name }).closest('tr') as HTMLElement);

const session = deskApi({ signedIn: true, sso: false, applications: [] });
const day = visitsApi();

const visitsStory = {
  beforeEach: () => {
    session.reset();
    day.reset();
    return at('#/kunjungan')();
  },
  parameters: { msw: { handlers: { desk: session.handlers, visits: day.handlers } } },
};

/** Today's visits at MPP Siola: a number being served, one waiting, one not arrived, a closed counter. */
export const VisitsDay: Story = {
  ...visitsStory,
  play: async ({ canvasElement, globals }) => {
    const t = wordsOf(globals);
    const { screen } = await deskIn(canvasElement);
    const visits = await screen('loket-desk-visits');
    await visits.findByRole('heading', { level: 1, name: t.visits.heading }, patience);
    await visits.findByText(counted(t.visits.waiting, 1), {}, patience);
    const loket1 = within(visits.getByRole('region', { name: 'Loket 1' }));
    await expect(loket1.getByRole('button', { name: `${t.visits.done} A-012` })).toBeVisible();
    await expect(rowOf(loket1, 'A-010').getByText(t.visits.ticketStatus.booked)).toBeVisible();
    await expect(rowOf(loket1, 'A-011').getByText(t.visits.ticketStatus.waiting)).toBeVisible();
    const loket2 = within(visits.getByRole('region', { name: 'Loket 2' }));
    await expect(loket2.getByText(t.visits.closed)).toBeVisible();
    await expect(
      loket2.queryByRole('button', { name: new RegExp(escapeRegExp(t.visits.callNext)) }),
    ).toBeNull();
    await expect(rowOf(loket2, 'B-010').getByText(t.visits.ticketStatus.cancelled)).toBeVisible();
  },
};

/** The counter officer's round: check in, done, call next, no-show, call next, done, nobody left. */
export const VisitsCounter: Story = {
  ...visitsStory,
  play: async ({ canvasElement, globals }) => {
    const t = wordsOf(globals);
    const { screen } = await deskIn(canvasElement);
    const visits = await screen('loket-desk-visits');
    const said = (text: string) =>
      waitFor(() => expect(visits.getByRole('status')).toHaveTextContent(text), patience);
    const statusOf = (number: string, status: keyof typeof t.visits.ticketStatus) =>
      waitFor(
        () => expect(rowOf(visits, number).getByText(t.visits.ticketStatus[status])).toBeVisible(),
        patience,
      );
    const callNext = async () =>
      userEvent.click(
        await visits.findByRole(
          'button',
          { name: new RegExp(`^${escapeRegExp(t.visits.callNext)}.*Loket 1$`) },
          patience,
        ),
      );

    // The booking's code as typed at the counter (any case): it joins the queue.
    await userEvent.type(
      await visits.findByLabelText(t.visits.checkInCode, {}, patience),
      ARRIVING.code.toLowerCase(),
    );
    await userEvent.click(visits.getByRole('button', { name: t.visits.checkIn }));
    await said(fill(t.visits.checkedIn, { number: ARRIVING.number }));
    await statusOf('A-010', 'waiting');
    await expect(visits.getByLabelText(t.visits.checkInCode)).toHaveValue('');

    await userEvent.click(visits.getByRole('button', { name: `${t.visits.done} A-012` }));
    await statusOf('A-012', 'done');
    // The one who checked in first is called first.
    await callNext();
    await said(fill(t.visits.called, { number: 'A-011', counter: 'Loket 1' }));
    await userEvent.click(await visits.findByRole('button', { name: `${t.visits.noShow} A-011` }, patience));
    await statusOf('A-011', 'no_show');
    await callNext();
    await said(fill(t.visits.called, { number: 'A-010', counter: 'Loket 1' }));
    await userEvent.click(await visits.findByRole('button', { name: `${t.visits.done} A-010` }, patience));
    await statusOf('A-010', 'done');
    await callNext();
    await said(t.visits.nobody);
    await visits.findByText(counted(t.visits.waiting, 0), {}, patience);
  },
};

/** A code that is no booking of the day: the server's 404 shown as it is said, the field kept. */
export const VisitsUnknownCode: Story = {
  ...visitsStory,
  play: async ({ canvasElement, globals }) => {
    const t = wordsOf(globals);
    const { screen } = await deskIn(canvasElement);
    const visits = await screen('loket-desk-visits');
    await userEvent.type(await visits.findByLabelText(t.visits.checkInCode, {}, patience), 'ANT-0104-1700');
    await userEvent.click(visits.getByRole('button', { name: t.visits.checkIn }));
    await expect(await visits.findByRole('alert', {}, patience)).toHaveTextContent('ANT-0104-1700');
    await expect(visits.getByText(counted(t.visits.waiting, 1))).toBeVisible();
  },
};

const inbox = complaintsApi();

const complaintsStory = {
  beforeEach: () => {
    session.reset();
    inbox.reset();
    return at('#/pengaduan')();
  },
  parameters: { msw: { handlers: { desk: session.handlers, complaints: inbox.handlers } } },
};

/** The complaints inbox: open ones first; a failed delivery in a log; the closed ones by their filter. */
export const ComplaintsInbox: Story = {
  ...complaintsStory,
  play: async ({ canvasElement, globals }) => {
    const t = wordsOf(globals);
    const { screen } = await deskIn(canvasElement);
    const complaints = await screen('loket-desk-complaints');
    await complaints.findByText(counted(t.complaints.count, 3), {}, patience);
    const rows = complaints.getAllByRole('button', { name: /^ADU-/ });
    await expect(rows.map((r) => r.textContent?.slice(0, 13))).toEqual([
      RECEIVED,
      'ADU-3H8N-5T2W',
      'ADU-9C6V-4X7R',
    ]);
    // An answered complaint whose answer the phone gateway refused: the log says so, masked.
    await userEvent.click(complaints.getByRole('button', { name: /^ADU-3H8N-5T2W/ }));
    const log = within(
      await complaints.findByRole('table', { name: t.complaints.deliveries.heading }, patience),
    );
    await expect(log.getByText(t.complaints.deliveries.statuses.failed)).toBeVisible();
    await expect(log.getByText('gateway answered 503')).toBeVisible();
    await expect(log.getAllByText('+62***890')).toHaveLength(2);
    await userEvent.click(complaints.getByRole('button', { name: t.complaints.status.closed }));
    await complaints.findByText(counted(t.complaints.count, 1), {}, patience);
    await expect(complaints.getAllByRole('button', { name: /^ADU-/ })).toHaveLength(1);
    await expect(complaints.getByRole('button', { name: /^ADU-9C6V-4X7R/ })).toBeVisible();
  },
};

/** One complaint answered, then closed; its delivery log "Kabar ke warga" gains the answer, queued. */
export const ComplaintAnswered: Story = {
  ...complaintsStory,
  play: async ({ canvasElement, globals }) => {
    const t = wordsOf(globals);
    const words = t.complaints.deliveries;
    const { screen } = await deskIn(canvasElement);
    const complaints = await screen('loket-desk-complaints');
    const row = await complaints.findByRole('button', { name: new RegExp(`^${RECEIVED}`) }, patience);
    await userEvent.click(row);
    await waitFor(() => expect(row).toHaveAttribute('aria-expanded', 'true'), patience);
    await complaints.findByRole('table', { name: words.heading }, patience);
    const log = () => within(complaints.getByRole('table', { name: words.heading }));
    await expect(log().getByText(words.topic['complaint.received'] as string)).toBeVisible();
    await expect(log().getByText(words.statuses.delivered)).toBeVisible();
    await expect(log().getByText('s***@example.com')).toBeVisible();

    await userEvent.type(
      complaints.getByRole('textbox', { name: t.complaints.answer }),
      'KTP-el Anda sudah dicetak dan dapat diambil di Loket 1.',
    );
    await userEvent.click(complaints.getByRole('button', { name: t.complaints.send }));
    await waitFor(
      () => expect(complaints.getByRole('status')).toHaveTextContent(t.complaints.answered),
      patience,
    );
    await waitFor(() => expect(row).toHaveTextContent(t.complaints.status.answered), patience);
    await waitFor(
      () => expect(log().getByText(words.topic['complaint.answered'] as string)).toBeVisible(),
      patience,
    );
    await expect(log().getByText(words.statuses.pending)).toBeVisible();

    await userEvent.type(complaints.getByRole('textbox', { name: t.complaints.closeNote }), 'Sudah diambil.');
    await userEvent.click(complaints.getByRole('button', { name: t.complaints.close }));
    await waitFor(
      () => expect(complaints.getByRole('status')).toHaveTextContent(t.complaints.closed),
      patience,
    );
    await waitFor(() => expect(row).toHaveTextContent(t.complaints.status.closed), patience);
    await waitFor(() => expect(complaints.queryByRole('textbox')).toBeNull(), patience);
  },
};
