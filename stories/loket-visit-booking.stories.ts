import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn, waitFor } from 'storybook/test';
import { API_BASE, catalogue } from './msw/handlers';
import { seedBooking, slotFull, visits, visitsFailing, visitsSlow } from './msw/visits';
import { props } from './support/controls';
import { patience } from './support/finder';
import { visitIn } from './support/visits';

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
  // Its checks read Indonesian words: it stays in Indonesian (the Language toolbar is locked on it;
  // see support/locale.ts for stories that follow the toolbar); its English stories set `locale: 'en'`.
  globals: { locale: 'id' },
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
const next = (view: View) => view.getByRole('button', { name: 'Lanjut' });

/** Through the steps up to `until`, as a citizen does them. */
async function walk(view: View, user: User, until: 'day' | 'slot' | 'contact' | 'confirm' | 'ticket') {
  await user.click(await view.findByRole('radio', { name: /Siola/ }, patience));
  await user.click(next(view));
  await view.findByRole('grid', {}, patience);
  if (until === 'day') return;
  await user.click(view.getByRole('button', { name: /^Rabu, 6 Januari/ }));
  await user.click(next(view));
  await view.findByRole('radio', { name: /^09\.00/ }, patience);
  if (until === 'slot') return;
  await user.click(view.getByRole('radio', { name: /^09\.00/ }));
  await user.click(next(view));
  const name = await view.findByRole('textbox', { name: 'Nama lengkap' }, patience);
  if (until === 'contact') return;
  await user.type(name, 'Siti Aminah');
  await user.type(view.getByRole('textbox', { name: 'Nomor HP' }), '081234567890');
  await user.click(next(view));
  await view.findByRole('heading', { name: 'Periksa pesanan Anda' }, patience);
  if (until === 'confirm') return;
  await user.click(view.getByRole('button', { name: 'Ambil nomor antrean' }));
  await view.findByRole('heading', { name: 'Nomor antrean Anda' }, patience);
}

/** The first step: the region's MPPs; no coordinates are recorded, and the booking says so. */
export const Place: Story = {
  play: async ({ canvasElement }) => {
    const { view } = await visitIn(canvasElement, 'loket-visit-booking');
    await expect(
      await view.findByRole('radio', { name: /Mal Pelayanan Publik Siola/ }, patience),
    ).not.toBeChecked();
    await expect(view.getByText(/belum bisa diurutkan menurut jarak/)).toBeVisible();
    await expect(view.queryByRole('button', { name: 'Urutkan dari yang terdekat' })).toBeNull();
  },
};

/** "Lanjut" without a place: the error summary takes focus and links to the question. */
export const PlaceMissing: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const { root, view } = await visitIn(canvasElement, 'loket-visit-booking');
    await view.findByRole('radio', { name: /Siola/ }, patience);
    await userEvent.click(next(view));
    const link = await view.findByRole('link', { name: 'Pilih tempat' });
    await waitFor(() => expect(root.activeElement).toBe(root.querySelector('[part~="error-summary"]')));
    await userEvent.click(link);
    await waitFor(() => expect(root.activeElement).toBe(view.getByRole('radio', { name: /Siola/ })));
  },
};

/** Without `service`: the place's counters' services, with their counter. */
export const Service: Story = {
  args: { service: '' },
  play: async ({ canvasElement, userEvent }) => {
    const { view } = await visitIn(canvasElement, 'loket-visit-booking');
    await userEvent.click(await view.findByRole('radio', { name: /Siola/ }, patience));
    await userEvent.click(next(view));
    await expect(
      await view.findByRole('radio', { name: /Penggantian KTP-el karena Hilang/ }, patience),
    ).toBeVisible();
    await expect(await view.findByRole('radio', { name: /Kartu Identitas Anak/ }, patience)).toBeVisible();
  },
};

/** The calendar: the holiday named, weekends closed, the arrow keys move by day and week. */
export const Day: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const { root, view } = await visitIn(canvasElement, 'loket-visit-booking');
    await walk(view, userEvent, 'day');
    const holiday = view.getByRole('button', { name: /^Selasa, 5 Januari, Libur: Isra Mikraj/ });
    await expect(holiday).toHaveAttribute('aria-disabled', 'true');
    await expect(view.getByRole('button', { name: /^Sabtu, 9 Januari, Tutup/ })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    const first = view.getByRole('button', { name: /^Senin, 4 Januari, sisa 40 tempat/ });
    await waitFor(() => expect(first).toHaveAttribute('tabindex', '0'));
    first.focus();
    await userEvent.keyboard('{ArrowDown}');
    await waitFor(() => expect(root.activeElement?.getAttribute('aria-label')).toMatch(/11 Januari/));
    await userEvent.keyboard('{End}');
    await waitFor(() => expect(root.activeElement?.getAttribute('aria-label')).toMatch(/17 Januari/));
  },
};

/** The slots of a day with the places left; a full one cannot be chosen. */
export const Slot: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const { view } = await visitIn(canvasElement, 'loket-visit-booking');
    await walk(view, userEvent, 'slot');
    await expect(view.getByRole('radio', { name: /^08\.30/ })).toBeDisabled();
    await expect(view.getByRole('radio', { name: /^08\.00–08\.30/ })).toHaveAccessibleDescription(
      'sisa 3 tempat',
    );
  },
};

/** Contact details: a name and a phone or an e-mail, checked before anything is sent. */
export const ContactErrors: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const { view } = await visitIn(canvasElement, 'loket-visit-booking');
    await walk(view, userEvent, 'contact');
    await userEvent.type(view.getByRole('textbox', { name: 'Nomor HP' }), '12345');
    await userEvent.click(next(view));
    await expect(await view.findByRole('link', { name: 'Masukkan nama lengkap' })).toBeVisible();
    await expect(view.getByRole('link', { name: /diawali 08 atau \+62/ })).toBeVisible();
  },
};

/** Check your answers, each with "Ubah". */
export const Confirm: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const { view } = await visitIn(canvasElement, 'loket-visit-booking');
    await walk(view, userEvent, 'confirm');
    await expect(view.getByText('Rabu, 6 Januari 2027, 09.00 WIB')).toBeVisible();
    await expect(view.getByRole('button', { name: 'Ubah waktu' })).toBeVisible();
  },
};

/** The ticket: number, QR code, calendar file, what to bring; `loketVisitBooked` fired. */
export const Ticket: Story = {
  parameters: ownFrameInDocs,
  play: async ({ args, canvasElement, userEvent }) => {
    const { view } = await visitIn(canvasElement, 'loket-visit-booking');
    await walk(view, userEvent, 'ticket');
    await expect(view.getByText('A-012')).toBeVisible();
    await expect(await view.findByRole('img', { name: /Kode QR untuk check-in/ }, patience)).toBeVisible();
    const file = view.getByRole('link', { name: 'Tambahkan ke kalender' });
    await expect(file).toHaveAttribute('download', 'antrean-ANT-0106-0900.ics');
    await expect(await view.findAllByRole('checkbox', {}, patience)).not.toHaveLength(0);
    await expect(args.onLoketVisitBooked).toHaveBeenCalledOnce();
  },
};

/** A booking the page names (`code`, `secret`): its ticket straight away. */
export const KeptTicket: Story = {
  args: seedBooking(),
  play: async ({ canvasElement }) => {
    const { view } = await visitIn(canvasElement, 'loket-visit-booking');
    await expect(await view.findByText('Selasa, 12 Januari 2027, 09.30 WIB', {}, patience)).toBeVisible();
  },
};

/**
 * A booking's manage link (`#kode=…`, the visit e-mails') on a device that does not hold its
 * secret, here as `code` alone: "Lihat antrean Anda" asks for the secret with the code filled in;
 * a wrong one does not match, the ticket's one opens the ticket.
 */
export const EnterSecret: Story = {
  args: { code: seedBooking().code },
  play: async ({ args, canvasElement, userEvent }) => {
    const { root, view } = await visitIn(canvasElement, 'loket-visit-booking');
    const heading = await view.findByRole('heading', { name: 'Lihat antrean Anda' }, patience);
    await waitFor(() => expect(root.activeElement).toBe(heading));
    await expect(view.getByRole('textbox', { name: 'Kode pemesanan' })).toHaveValue(args.code);
    const secret = view.getByRole('textbox', { name: 'Kode rahasia' });
    await userEvent.type(secret, 'AAAA-BBBB-CCCC-DDDD');
    await userEvent.click(view.getByRole('button', { name: 'Lihat antrean' }));
    await expect(
      await view.findByRole('link', { name: 'Kode pemesanan atau kode rahasia tidak cocok' }, patience),
    ).toBeVisible();
    // The wrong one replaced (userEvent.clear cannot see focus inside a shadow root).
    await userEvent.type(secret, seedBooking().secret, { initialSelectionStart: 0, initialSelectionEnd: 19 });
    await userEvent.click(view.getByRole('button', { name: 'Lihat antrean' }));
    await expect(await view.findByText('Selasa, 12 Januari 2027, 09.30 WIB', {}, patience)).toBeVisible();
  },
};

/** Cancelling asks first; the ticket then says so and offers nothing more to change. */
export const Cancel: Story = {
  parameters: ownFrameInDocs,
  play: async ({ canvasElement, userEvent }) => {
    const { view } = await visitIn(canvasElement, 'loket-visit-booking');
    await walk(view, userEvent, 'ticket');
    await userEvent.click(view.getByRole('button', { name: 'Batalkan antrean' }));
    await userEvent.click(await view.findByRole('button', { name: 'Ya, batalkan' }));
    await expect(await view.findByText('Dibatalkan', {}, patience)).toBeVisible();
    await expect(view.queryByRole('button', { name: 'Ubah jadwal' })).toBeNull();
  },
};

/** Another day and time for the same booking: its number and codes stay. */
export const Reschedule: Story = {
  parameters: ownFrameInDocs,
  play: async ({ canvasElement, userEvent }) => {
    const { view } = await visitIn(canvasElement, 'loket-visit-booking');
    await walk(view, userEvent, 'ticket');
    await userEvent.click(view.getByRole('button', { name: 'Ubah jadwal' }));
    await userEvent.click(await view.findByRole('button', { name: /^Jumat, 8 Januari, sisa/ }, patience));
    await userEvent.click(next(view));
    await userEvent.click(await view.findByRole('radio', { name: /^10\.00/ }, patience));
    await userEvent.click(next(view));
    await userEvent.click(await view.findByRole('button', { name: 'Ubah jadwal' }, patience));
    await view.findByRole('heading', { name: 'Nomor antrean Anda' }, patience);
    await expect(view.getByText('Jumat, 8 Januari 2027, 10.00 WIB')).toBeVisible();
    await expect(view.getByText('ANT-0106-0900')).toBeVisible();
    await expect(view.getByText('A-012')).toBeVisible();
  },
};

/** The time filled up while the citizen was typing: back to the times, with the reason. */
export const SlotTaken: Story = {
  parameters: ownFrameInDocs,
  play: async ({ canvasElement, msw, userEvent }) => {
    const { view } = await visitIn(canvasElement, 'loket-visit-booking');
    await walk(view, userEvent, 'confirm');
    msw.use(...slotFull());
    await userEvent.click(view.getByRole('button', { name: 'Ambil nomor antrean' }));
    await expect(await view.findByText(/baru saja penuh/, {}, patience)).toBeVisible();
    await expect(view.getByRole('heading', { name: 'Jam berapa?' })).toBeVisible();
  },
};

/** Waiting for the places. */
export const Loading: Story = {
  parameters: { msw: { handlers: { visits: visitsSlow() } }, ...ownFrameInDocs },
  play: async ({ canvasElement }) => {
    const { view } = await visitIn(canvasElement, 'loket-visit-booking');
    await expect(view.getByText('Memuat…')).toBeVisible();
  },
};

/** The API fails: a message and "Coba lagi". */
export const Failed: Story = {
  parameters: { msw: { handlers: { visits: visitsFailing() } }, ...ownFrameInDocs },
  play: async ({ canvasElement }) => {
    const { view } = await visitIn(canvasElement, 'loket-visit-booking');
    await expect(await view.findByRole('button', { name: 'Coba lagi' }, { timeout: 15_000 })).toBeVisible();
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
  play: async ({ canvasElement, userEvent }) => {
    const { view } = await visitIn(canvasElement, 'loket-visit-booking');
    await walk(view, userEvent, 'day');
  },
};

/** `themes/high-contrast.css`. */
export const HighContrast: Story = {
  globals: { theme: 'high-contrast' },
  play: async ({ canvasElement, userEvent }) => {
    const { view } = await visitIn(canvasElement, 'loket-visit-booking');
    await walk(view, userEvent, 'day');
  },
};

/** A 320 px phone: the calendar and the ticket fit without sideways scrolling. */
export const Narrow: Story = {
  globals: { viewport: { value: 'narrow', isRotated: false } },
  parameters: ownFrameInDocs,
  play: async ({ canvasElement, userEvent }) => {
    const { view } = await visitIn(canvasElement, 'loket-visit-booking');
    await expect(window.innerWidth).toBe(320);
    await walk(view, userEvent, 'day');
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
    await userEvent.click(view.getByRole('button', { name: /^Rabu, 6 Januari/ }));
    await userEvent.click(next(view));
    await userEvent.click(await view.findByRole('radio', { name: /^09\.00/ }, patience));
    await userEvent.click(next(view));
    await userEvent.type(await view.findByRole('textbox', { name: 'Nama lengkap' }, patience), 'Siti Aminah');
    await userEvent.type(view.getByRole('textbox', { name: 'E-mail' }), 'siti@contoh.id');
    await userEvent.click(next(view));
    await userEvent.click(await view.findByRole('button', { name: 'Ambil nomor antrean' }, patience));
    await view.findByRole('heading', { name: 'Nomor antrean Anda' }, patience);
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
  },
};
