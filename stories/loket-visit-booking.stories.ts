import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn, waitFor } from 'storybook/test';
import { API_BASE, catalogue } from './msw/handlers';
import { seedBooking, slotFull, visits, visitsFailing, visitsSlow } from './msw/visits';
import { props } from './support/controls';
import { patience } from './support/finder';
import { fill, shown } from './support/locale';
import { ALL_GOOD, answerAndSend, startSurvey, surveyIn, surveyWords } from './support/survey';
import { bookingWords, visitIn } from './support/visits';

// Every state of <loket-visit-booking> on MSW's visit mock (msw/visits.ts: MPP Siola as the
// catalogue records it, a demonstration set-up of its counters, the week of 4 January 2027 with
// its real holiday) and the recorded catalogue (the service's name and requirements).

interface BookingArgs {
  'api-base': string;
  region: string;
  service?: string;
  code?: string;
  secret?: string;
  onLoketVisitBooked: (event: CustomEvent) => void;
}

const meta = {
  title: 'Components/Visit booking',
  // The play functions take the booking's words in the story's language (support/visits.ts
  // bookingWords): every story follows the Language toolbar.
  component: 'loket-visit-booking',
  tags: ['autodocs'],
  args: { 'api-base': API_BASE, region: '35.78', service: 'ktp-el-hilang', onLoketVisitBooked: fn() },
  beforeEach: () => localStorage.removeItem('loket:visit:v1'),
  render: (args) => html`
    <loket-visit-booking
      ${props(args)}
      @loketVisitBooked=${args.onLoketVisitBooked}
    ></loket-visit-booking>
  `,
  parameters: { msw: { handlers: { visits: visits(), catalogue: catalogue() } } },
} satisfies Meta<BookingArgs>;

export default meta;
type Story = StoryObj<BookingArgs>;
type View = Awaited<ReturnType<typeof visitIn>>['view'];
type User = {
  click: (el: Element) => Promise<void>;
  type: (el: Element, text: string) => Promise<void>;
  keyboard: (keys: string) => Promise<void>;
};

const ownFrameInDocs = { docs: { story: { inline: false, iframeHeight: 640 } } };
type Words = ReturnType<typeof bookingWords>;
const next = (view: View, w: Words) => view.getByRole('button', { name: w.t.next });
/** The days and times as the booking writes them (Indonesian 09.00, English 09:00). */
const wednesday = { id: /^Rabu, 6 Januari/, en: /^Wednesday, 6 January/ };
const nine = { id: /^09\.00/, en: /^09:00/ };

/** Through the steps up to `until`, as a citizen does them. */
async function walk(
  view: View,
  user: User,
  w: Words,
  until: 'day' | 'slot' | 'contact' | 'confirm' | 'ticket',
) {
  await user.click(await view.findByRole('radio', { name: /Siola/ }, patience));
  await user.click(next(view, w));
  await view.findByRole('grid', {}, patience);
  if (until === 'day') return;
  await user.click(view.getByRole('button', { name: w.say(wednesday) }));
  await user.click(next(view, w));
  await view.findByRole('radio', { name: w.say(nine) }, patience);
  if (until === 'slot') return;
  await user.click(view.getByRole('radio', { name: w.say(nine) }));
  await user.click(next(view, w));
  const name = await view.findByRole('textbox', { name: w.t.contact.name }, patience);
  if (until === 'contact') return;
  await user.type(name, 'Siti Aminah');
  await user.type(view.getByRole('textbox', { name: w.t.contact.phone }), '081234567890');
  await user.click(next(view, w));
  await view.findByRole('heading', { name: w.t.confirm.heading }, patience);
  if (until === 'confirm') return;
  await user.click(view.getByRole('button', { name: w.t.confirm.submit }));
  await view.findByRole('heading', { name: w.t.ticket.heading }, patience);
}

/** The first step: the region's MPPs; no coordinates are recorded, and the booking says so. */
export const Place: Story = {
  play: async ({ canvasElement, globals }) => {
    const w = bookingWords(globals);
    const { view } = await visitIn(canvasElement, 'loket-visit-booking');
    await expect(
      await view.findByRole('radio', { name: /Mal Pelayanan Publik Siola/ }, patience),
    ).not.toBeChecked();
    await expect(view.getByText(w.t.place.noCoordinates)).toBeVisible();
    await expect(view.queryByRole('button', { name: w.t.place.nearest })).toBeNull();
  },
};

/** "Lanjut" without a place: the error summary takes focus and links to the question. */
export const PlaceMissing: Story = {
  play: async ({ canvasElement, globals, userEvent }) => {
    const w = bookingWords(globals);
    const { root, view } = await visitIn(canvasElement, 'loket-visit-booking');
    await view.findByRole('radio', { name: /Siola/ }, patience);
    await userEvent.click(next(view, w));
    const link = await view.findByRole('link', { name: w.t.place.missing });
    await waitFor(() => expect(root.activeElement).toBe(root.querySelector('[part~="error-summary"]')));
    await userEvent.click(link);
    await waitFor(() => expect(root.activeElement).toBe(view.getByRole('radio', { name: /Siola/ })));
  },
};

/** Without `service`: the place's counters' services, with their counter. */
export const Service: Story = {
  args: { service: '' },
  play: async ({ canvasElement, globals, userEvent }) => {
    const w = bookingWords(globals);
    const { view } = await visitIn(canvasElement, 'loket-visit-booking');
    await userEvent.click(await view.findByRole('radio', { name: /Siola/ }, patience));
    await userEvent.click(next(view, w));
    // The services as the catalogue names them in each language.
    const lostIdCard = { id: /Penggantian KTP-el karena Hilang/, en: /Replacement of Lost KTP-el/ };
    const childCard = { id: /Kartu Identitas Anak/, en: /Child Identity Card/ };
    await expect(await view.findByRole('radio', { name: w.say(lostIdCard) }, patience)).toBeVisible();
    await expect(await view.findByRole('radio', { name: w.say(childCard) }, patience)).toBeVisible();
  },
};

/** The calendar: the holiday named, weekends closed, the arrow keys move by day and week. */
export const Day: Story = {
  play: async ({ canvasElement, globals, userEvent }) => {
    const w = bookingWords(globals);
    const { root, view } = await visitIn(canvasElement, 'loket-visit-booking');
    await walk(view, userEvent, w, 'day');
    const holiday = view.getByRole('button', {
      name: w.say({
        id: /^Selasa, 5 Januari, Libur: Isra Mikraj/,
        en: /^Tuesday, 5 January, Holiday: Isra and Mi'raj/,
      }),
    });
    await expect(holiday).toHaveAttribute('aria-disabled', 'true');
    await expect(
      view.getByRole('button', {
        name: w.say({ id: /^Sabtu, 9 Januari, Tutup/, en: /^Saturday, 9 January, Closed/ }),
      }),
    ).toHaveAttribute('aria-disabled', 'true');
    const first = view.getByRole('button', {
      name: w.say({ id: /^Senin, 4 Januari, sisa 40 tempat/, en: /^Monday, 4 January, 40 places left/ }),
    });
    await waitFor(() => expect(first).toHaveAttribute('tabindex', '0'));
    first.focus();
    await userEvent.keyboard('{ArrowDown}');
    const month = w.say({ id: 'Januari', en: 'January' });
    await waitFor(() => expect(root.activeElement?.getAttribute('aria-label')).toContain(`11 ${month}`));
    await userEvent.keyboard('{End}');
    await waitFor(() => expect(root.activeElement?.getAttribute('aria-label')).toContain(`17 ${month}`));
  },
};

/** The slots of a day with the places left; a full one cannot be chosen. */
export const Slot: Story = {
  play: async ({ canvasElement, globals, userEvent }) => {
    const w = bookingWords(globals);
    const { view } = await visitIn(canvasElement, 'loket-visit-booking');
    await walk(view, userEvent, w, 'slot');
    await expect(view.getByRole('radio', { name: w.say({ id: /^08\.30/, en: /^08:30/ }) })).toBeDisabled();
    await expect(
      view.getByRole('radio', { name: w.say({ id: /^08\.00–08\.30/, en: /^08:00–08:30/ }) }),
    ).toHaveAccessibleDescription(fill(w.t.slot.remaining.other, { n: 3 }));
  },
};

/** Contact details: a name and a phone or an e-mail, checked before anything is sent. */
export const ContactErrors: Story = {
  play: async ({ canvasElement, globals, userEvent }) => {
    const w = bookingWords(globals);
    const { view } = await visitIn(canvasElement, 'loket-visit-booking');
    await walk(view, userEvent, w, 'contact');
    await userEvent.type(view.getByRole('textbox', { name: w.t.contact.phone }), '12345');
    await userEvent.click(next(view, w));
    await expect(await view.findByRole('link', { name: w.t.contact.nameMissing })).toBeVisible();
    await expect(view.getByRole('link', { name: w.t.contact.phoneInvalid })).toBeVisible();
  },
};

/** Check your answers, each with "Ubah". */
export const Confirm: Story = {
  play: async ({ canvasElement, globals, userEvent }) => {
    const w = bookingWords(globals);
    const { view } = await visitIn(canvasElement, 'loket-visit-booking');
    await walk(view, userEvent, w, 'confirm');
    await expect(
      view.getByText(
        w.say({ id: 'Rabu, 6 Januari 2027, 09.00 WIB', en: 'Wednesday, 6 January 2027, 09:00 WIB' }),
      ),
    ).toBeVisible();
    await expect(
      view.getByRole('button', { name: `${w.t.confirm.change} ${w.t.confirm.when.toLowerCase()}` }),
    ).toBeVisible();
  },
};

/** The ticket: number, QR code, calendar file, what to bring; `loketVisitBooked` fired. */
export const Ticket: Story = {
  parameters: ownFrameInDocs,
  play: async ({ args, canvasElement, globals, userEvent }) => {
    const w = bookingWords(globals);
    const { view } = await visitIn(canvasElement, 'loket-visit-booking');
    await walk(view, userEvent, w, 'ticket');
    await expect(view.getByText('A-012')).toBeVisible();
    await expect(
      await view.findByRole('img', { name: shown(w.t.ticket.qr, {}, true) }, patience),
    ).toBeVisible();
    const file = view.getByRole('link', { name: w.t.ticket.calendar });
    await expect(file).toHaveAttribute('download', fill(w.t.ticket.calendarFile, { code: 'ANT-0106-0900' }));
    await expect(await view.findAllByRole('checkbox', {}, patience)).not.toHaveLength(0);
    await expect(args.onLoketVisitBooked).toHaveBeenCalledOnce();
  },
};

/** When the seeded booking is, as the ticket says it. */
const keptWhen = { id: 'Selasa, 12 Januari 2027, 09.30 WIB', en: 'Tuesday, 12 January 2027, 09:30 WIB' };

/** A booking the page names (`code`, `secret`): its ticket straight away. */
export const KeptTicket: Story = {
  args: seedBooking(),
  play: async ({ canvasElement, globals }) => {
    const w = bookingWords(globals);
    const { view } = await visitIn(canvasElement, 'loket-visit-booking');
    await expect(await view.findByText(w.say(keptWhen), {}, patience)).toBeVisible();
  },
};

/**
 * A booking's manage link (`#kode=…`, the visit e-mails') on a device that does not hold its
 * secret, here as `code` alone: "Lihat antrean Anda" asks for the secret with the code filled in;
 * a wrong one does not match, the ticket's one opens the ticket.
 */
export const EnterSecret: Story = {
  args: { code: seedBooking().code },
  play: async ({ args, canvasElement, globals, userEvent }) => {
    const { lookup, say } = bookingWords(globals);
    const { root, view } = await visitIn(canvasElement, 'loket-visit-booking');
    const heading = await view.findByRole('heading', { name: lookup.heading }, patience);
    await waitFor(() => expect(root.activeElement).toBe(heading));
    await expect(view.getByRole('textbox', { name: lookup.code })).toHaveValue(args.code);
    const secret = view.getByRole('textbox', { name: lookup.secret });
    await userEvent.type(secret, 'AAAA-BBBB-CCCC-DDDD');
    await userEvent.click(view.getByRole('button', { name: lookup.submit }));
    await expect(await view.findByRole('link', { name: lookup.notFound }, patience)).toBeVisible();
    // The wrong one replaced (userEvent.clear cannot see focus inside a shadow root).
    await userEvent.type(secret, seedBooking().secret, { initialSelectionStart: 0, initialSelectionEnd: 19 });
    await userEvent.click(view.getByRole('button', { name: lookup.submit }));
    await expect(await view.findByText(say(keptWhen), {}, patience)).toBeVisible();
  },
};

/** A visit served at the counter: the ticket says so and offers the satisfaction survey, answered once. */
export const Served: Story = {
  args: seedBooking('2027-01-05', '10:00', 'done'),
  play: async ({ canvasElement, globals }) => {
    const w = bookingWords(globals);
    const { root, view } = await visitIn(canvasElement, 'loket-visit-booking');
    await expect(await view.findByText(w.t.ticket.status.done, {}, patience)).toBeVisible();
    const survey = await surveyIn(root);
    await startSurvey(survey.view, w.lang);
    await answerAndSend(survey.view, ALL_GOOD, w.lang);
    await expect(
      await survey.view.findByRole('heading', { name: surveyWords(w.lang).done }, patience),
    ).toBeVisible();
  },
};

/** Cancelling asks first; the ticket then says so and offers nothing more to change. */
export const Cancel: Story = {
  parameters: ownFrameInDocs,
  play: async ({ canvasElement, globals, userEvent }) => {
    const w = bookingWords(globals);
    const { view } = await visitIn(canvasElement, 'loket-visit-booking');
    await walk(view, userEvent, w, 'ticket');
    await userEvent.click(view.getByRole('button', { name: w.t.ticket.cancel }));
    await userEvent.click(await view.findByRole('button', { name: w.t.ticket.cancelConfirm }));
    await expect(await view.findByText(w.t.ticket.status.cancelled, {}, patience)).toBeVisible();
    await expect(view.queryByRole('button', { name: w.t.ticket.reschedule })).toBeNull();
  },
};

/** Another day and time for the same booking: its number and codes stay. */
export const Reschedule: Story = {
  parameters: ownFrameInDocs,
  play: async ({ canvasElement, globals, userEvent }) => {
    const w = bookingWords(globals);
    const { view } = await visitIn(canvasElement, 'loket-visit-booking');
    await walk(view, userEvent, w, 'ticket');
    await userEvent.click(view.getByRole('button', { name: w.t.ticket.reschedule }));
    const friday = w.say({ id: /^Jumat, 8 Januari, sisa/, en: /^Friday, 8 January, \d+ places? left/ });
    await userEvent.click(await view.findByRole('button', { name: friday }, patience));
    await userEvent.click(next(view, w));
    await userEvent.click(
      await view.findByRole('radio', { name: w.say({ id: /^10\.00/, en: /^10:00/ }) }, patience),
    );
    await userEvent.click(next(view, w));
    await userEvent.click(await view.findByRole('button', { name: w.t.ticket.reschedule }, patience));
    await view.findByRole('heading', { name: w.t.ticket.heading }, patience);
    await expect(
      view.getByText(
        w.say({ id: 'Jumat, 8 Januari 2027, 10.00 WIB', en: 'Friday, 8 January 2027, 10:00 WIB' }),
      ),
    ).toBeVisible();
    await expect(view.getByText('ANT-0106-0900')).toBeVisible();
    await expect(view.getByText('A-012')).toBeVisible();
  },
};

/** The time filled up while the citizen was typing: back to the times, with the reason. */
export const SlotTaken: Story = {
  parameters: ownFrameInDocs,
  play: async ({ canvasElement, globals, msw, userEvent }) => {
    const w = bookingWords(globals);
    const { view } = await visitIn(canvasElement, 'loket-visit-booking');
    await walk(view, userEvent, w, 'confirm');
    msw.use(...slotFull());
    await userEvent.click(view.getByRole('button', { name: w.t.confirm.submit }));
    await expect(await view.findByText(shown(w.t.confirm.taken, {}, true), {}, patience)).toBeVisible();
    await expect(view.getByRole('heading', { name: w.t.slot.heading })).toBeVisible();
  },
};

/** Waiting for the places. */
export const Loading: Story = {
  parameters: { msw: { handlers: { visits: visitsSlow() } }, ...ownFrameInDocs },
  play: async ({ canvasElement, globals }) => {
    const { view } = await visitIn(canvasElement, 'loket-visit-booking');
    await expect(view.getByText(bookingWords(globals).t.loading)).toBeVisible();
  },
};

/** The API fails: a message and "Coba lagi". */
export const Failed: Story = {
  parameters: { msw: { handlers: { visits: visitsFailing() } }, ...ownFrameInDocs },
  play: async ({ canvasElement, globals }) => {
    const { view } = await visitIn(canvasElement, 'loket-visit-booking');
    const retry = bookingWords(globals).t.retry;
    await expect(await view.findByRole('button', { name: retry }, { timeout: 15_000 })).toBeVisible();
  },
};

/** `lang="en"`: the booking's words, the days and the API's names in English. */
export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvasElement, userEvent }) => {
    const { view } = await visitIn(canvasElement, 'loket-visit-booking');
    await userEvent.click(await view.findByRole('radio', { name: /Siola/ }, patience));
    await userEvent.click(view.getByRole('button', { name: 'Continue' }));
    await expect(
      await view.findByRole('button', { name: /5 January, Holiday: Isra and Mi'raj/ }, patience),
    ).toBeVisible();
  },
};

/** `themes/dark.css`. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement, globals, userEvent }) => {
    const { view } = await visitIn(canvasElement, 'loket-visit-booking');
    await walk(view, userEvent, bookingWords(globals), 'day');
  },
};

/** `themes/high-contrast.css`. */
export const HighContrast: Story = {
  globals: { theme: 'high-contrast' },
  play: async ({ canvasElement, globals, userEvent }) => {
    const { view } = await visitIn(canvasElement, 'loket-visit-booking');
    await walk(view, userEvent, bookingWords(globals), 'day');
  },
};

/** A 320 px phone: the calendar and the ticket fit without sideways scrolling. */
export const Narrow: Story = {
  globals: { viewport: { value: 'narrow', isRotated: false } },
  parameters: ownFrameInDocs,
  play: async ({ canvasElement, globals, userEvent }) => {
    const w = bookingWords(globals);
    const { view } = await visitIn(canvasElement, 'loket-visit-booking');
    await expect(window.innerWidth).toBe(320);
    await walk(view, userEvent, w, 'day');
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
    await userEvent.click(view.getByRole('button', { name: w.say(wednesday) }));
    await userEvent.click(next(view, w));
    await userEvent.click(await view.findByRole('radio', { name: w.say(nine) }, patience));
    await userEvent.click(next(view, w));
    await userEvent.type(
      await view.findByRole('textbox', { name: w.t.contact.name }, patience),
      'Siti Aminah',
    );
    await userEvent.type(view.getByRole('textbox', { name: w.t.contact.email }), 'siti@contoh.id');
    await userEvent.click(next(view, w));
    await userEvent.click(await view.findByRole('button', { name: w.t.confirm.submit }, patience));
    await view.findByRole('heading', { name: w.t.ticket.heading }, patience);
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
  },
};
