import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn, waitFor, within } from 'storybook/test';
import { demo } from './msw/demo';
import { API_BASE, catalogue, empty, failing, slow } from './msw/handlers';
import { props } from './support/controls';
import { finderIn, patience } from './support/finder';

// Every state of <loket-service-finder>, on the real catalogue (recorded, served by MSW) for Kota
// Surabaya. The play functions do what a citizen does and check what they would notice. The docs
// page (autodocs) takes the description, props, events and parts from custom-elements.json.

/** The finder's attributes, as a page writes them, and its event. */
interface FinderArgs {
  'api-base': string;
  region?: string;
  query?: string;
  service?: string;
  'apply-href'?: string;
  'no-history': boolean;
  onLoketApply: (event: CustomEvent<{ service: string; region: string | null }>) => void;
}

const meta = {
  title: 'Components/Service finder',
  // Its checks read Indonesian words: it stays in Indonesian (the Language toolbar is locked on it;
  // see support/locale.ts for stories that follow the toolbar); its English stories set `locale: 'en'`.
  globals: { locale: 'id' },
  component: 'loket-service-finder',
  tags: ['autodocs'],
  args: {
    'api-base': API_BASE,
    region: demo.region,
    'no-history': false,
    onLoketApply: fn(),
  },
  // On the docs page every story shares one URL: no deep links there (what `no-history` is for).
  render: (args, { viewMode }) => html`
    <loket-service-finder
      ${props({ ...args, 'no-history': args['no-history'] || viewMode === 'docs' })}
      @loketApply=${args.onLoketApply}
    ></loket-service-finder>
  `,
  parameters: {
    // Keyed by name: a story replaces one key (MSW tries the handlers in order).
    msw: { handlers: { catalogue: catalogue() } },
  },
} satisfies Meta<FinderArgs>;

export default meta;
type Story = StoryObj<FinderArgs>;

/**
 * The docs page renders its stories inline, in one page with one set of MSW handlers (the last
 * story's): a story with other handlers gets its own iframe there. Its play function runs in it.
 */
const ownFrameInDocs = { docs: { story: { inline: false, iframeHeight: 420 } } };

const lostIdCard = { id: 'Penggantian KTP-el karena Hilang', en: 'Replacement of Lost KTP-el' };

/** Search results for “ktp” in Bahasa Indonesia, the default language. */
export const Results: Story = {
  args: { query: demo.search },
  play: async ({ canvasElement }) => {
    const { view } = await finderIn(canvasElement);
    await expect(
      await view.findByRole('heading', { level: 2, name: /^\d+ layanan untuk “ktp”$/ }, patience),
    ).toBeVisible();
    const card = (await view.findByRole('link', { name: lostIdCard.id })).closest('article') as HTMLElement;
    await expect(within(card).getByText('Gratis')).toBeVisible();
    await expect(view.getByRole('combobox', { name: 'Cari layanan' })).toHaveValue('ktp');
  },
};

/** Typing shows suggestions (APG combobox); the arrow keys choose one and Enter opens it. */
export const SearchWithKeyboard: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const { root, view } = await finderIn(canvasElement);
    const combobox = view.getByRole('combobox', { name: 'Cari layanan' });
    await userEvent.type(combobox, demo.search);

    const listbox = await view.findByRole('listbox', { name: 'Saran layanan' }, patience);
    await expect(combobox).toHaveAttribute('aria-expanded', 'true');
    const names = within(listbox)
      .getAllByRole('option')
      .map((option) => option.querySelector('.option-name')?.textContent);
    const wanted = names.indexOf(lostIdCard.id);
    await expect(wanted).toBeGreaterThanOrEqual(0);
    for (let i = 0; i <= wanted; i++) await userEvent.keyboard('{ArrowDown}');
    const active = await within(listbox).findByRole('option', {
      selected: true,
      name: /^Penggantian KTP-el karena Hilang/,
    });
    await expect(combobox).toHaveAttribute('aria-activedescendant', active.id);
    await expect(root.activeElement).toBe(combobox); // focus stays in the box

    await userEvent.keyboard('{Enter}');
    const heading = await view.findByRole('heading', { level: 2, name: lostIdCard.id }, patience);
    // Opened by the citizen: focus moves to the service's name, so a screen reader reads it next.
    await waitFor(() => expect(root.activeElement).toBe(heading));
    await expect(view.getByRole('button', { name: 'Ajukan secara daring' })).toBeVisible();

    await userEvent.click(view.getByRole('link', { name: /Kembali ke hasil/ }));
    await expect(await view.findByRole('combobox', { name: 'Cari layanan' }, patience)).toBeVisible();
  },
};

/** Suggestions open, the second one active (axe checks this state too). */
export const Suggestions: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const { view } = await finderIn(canvasElement);
    const combobox = view.getByRole('combobox', { name: 'Cari layanan' });
    await userEvent.type(combobox, demo.search);
    const listbox = await view.findByRole('listbox', { name: 'Saran layanan' }, patience);
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    const active = await within(listbox).findByRole('option', { selected: true });
    await expect(combobox).toHaveAttribute('aria-activedescendant', active.id);
    await expect(view.getByRole('status')).toHaveTextContent(/saran tersedia/);
  },
};

/** The first results are on their way (the API never answers here): placeholder cards. */
export const Loading: Story = {
  args: { query: demo.search },
  parameters: { msw: { handlers: { catalogue: slow() } }, ...ownFrameInDocs },
  play: async ({ canvasElement }) => {
    const { root, view } = await finderIn(canvasElement);
    await expect(root.querySelector('[part~="skeleton"]')).toBeVisible();
    await expect(view.queryByRole('heading', { level: 2 })).toBeNull();
    await expect(view.getByRole('combobox', { name: 'Cari layanan' })).toBeEnabled();
  },
};

/** Nothing matches: say so, and offer searches that do. */
export const Empty: Story = {
  args: { query: demo.noMatch },
  parameters: { msw: { handlers: { catalogue: [...empty(), ...catalogue()] } } },
  play: async ({ canvasElement }) => {
    const { view } = await finderIn(canvasElement);
    await expect(
      await view.findByRole('heading', { name: 'Layanan tidak ditemukan' }, patience),
    ).toBeVisible();
    await expect(view.getByText('Tidak ada layanan yang cocok dengan “kolam renang”.')).toBeVisible();
    await expect(view.getByRole('button', { name: 'akta kelahiran' })).toBeVisible();
    // Then the complaint route, in case what was looked for is a complaint.
    await expect(
      await view.findByRole('heading', { name: 'Ingin menyampaikan pengaduan?' }, patience),
    ).toBeVisible();
    await expect(view.getByRole('link', { name: 'SP4N-LAPOR!' })).toBeVisible();
  },
};

/** A complaint, not a service ("lampu jalan mati", a broken street light): no list of the wrong kind, the complaint route. */
export const Complaint: Story = {
  args: { query: demo.complaint },
  play: async ({ canvasElement }) => {
    const { view } = await finderIn(canvasElement);
    await expect(
      await view.findByRole('heading', { name: 'Ini pengaduan, bukan layanan' }, patience),
    ).toBeVisible();
    await expect(view.getByRole('link', { name: 'SP4N-LAPOR!' })).toHaveAttribute(
      'href',
      'https://www.lapor.go.id',
    );
    await expect(view.queryByRole('heading', { name: 'Layanan tidak ditemukan' })).toBeNull();
    await expect(view.queryByRole('link', { name: /Akta Kematian/ })).toBeNull();
  },
};

/** The API fails (500 problem+json, still after the SDK's retries): say so and offer to try again. */
export const ErrorState: Story = {
  name: 'Error',
  args: { query: demo.search },
  parameters: { msw: { handlers: { catalogue: failing() } }, ...ownFrameInDocs },
  play: async ({ canvasElement }) => {
    const { view } = await finderIn(canvasElement);
    const alert = await view.findByRole('alert', {}, patience);
    await expect(within(alert).getByRole('heading', { name: 'Layanan tidak dapat dimuat' })).toBeVisible();
    await expect(within(alert).getByRole('button', { name: 'Coba lagi' })).toBeEnabled();
  },
};

/** Once the API is back, “Coba lagi” brings the results. */
export const ErrorThenRetry: Story = {
  ...ErrorState,
  name: 'Error, then retry',
  tags: ['!autodocs'], // on the docs page it would only show the results
  play: async (context) => {
    await ErrorState.play?.(context);
    const { view } = await finderIn(context.canvasElement);
    context.msw.use(...catalogue()); // the API is back
    await context.userEvent.click(view.getByRole('button', { name: 'Coba lagi' }));
    await expect(
      await view.findByRole('heading', { level: 2, name: /^\d+ layanan untuk “ktp”$/ }, patience),
    ).toBeVisible();
    await expect(view.queryByRole('alert')).toBeNull();
  },
};

/**
 * One service opened by deep link: the requirements as a checklist, the fee with its legal basis,
 * the region's Mal Pelayanan Publik and, since it has an online form, “Ajukan secara daring”.
 */
export const Detail: Story = {
  args: { service: demo.service },
  play: async ({ args, canvasElement, userEvent }) => {
    const { root, view } = await finderIn(canvasElement);
    await expect(await view.findByRole('heading', { level: 2, name: lostIdCard.id }, patience)).toBeVisible();
    await expect(root.activeElement).toBeNull(); // opened on page load: focus is left alone

    const requirements = view.getByRole('region', { name: 'Persyaratan' });
    const policeLetter = within(requirements).getByRole('checkbox', {
      name: 'Surat keterangan kehilangan dari kepolisian',
    });
    await userEvent.click(policeLetter);
    await expect(policeLetter).toBeChecked();

    await expect(view.getByText('Gratis')).toBeVisible();
    await expect(view.getByText(/^Dasar hukum biaya: UU 24\/2013/)).toBeVisible();
    await expect(view.getByText('Mal Pelayanan Publik Siola Kota Surabaya')).toBeVisible();
    await expect(view.getByText('Jam buka belum tercatat')).toBeVisible(); // no source gives Siola's hours

    await userEvent.click(view.getByRole('button', { name: 'Ajukan secara daring' }));
    await expect(args.onLoketApply).toHaveBeenCalledWith(
      expect.objectContaining({ detail: { service: demo.service, region: demo.region } }),
    );
  },
};

/** Which MPP offers the service: today's hours (as recorded, with their date), the phone as a link, no map without coordinates. */
export const MppHours: Story = {
  args: demo.mppHours,
  play: async ({ canvasElement }) => {
    const { view } = await finderIn(canvasElement);
    await expect(
      await view.findByRole('heading', { level: 2, name: 'Penerbitan SKCK' }, patience),
    ).toBeVisible();
    await expect(view.getByText('Mal Pelayanan Publik Provinsi DKI Jakarta')).toBeVisible();
    await expect(
      view.getByText(
        /^Hari ini \((Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)\): (\d\d\.\d\d–\d\d\.\d\d WIB|tutup)$/,
      ),
    ).toBeVisible();
    await expect(view.getByRole('link', { name: '1500164' })).toHaveAttribute('href', 'tel:1500164');
    await expect(view.queryByRole('link', { name: 'Lihat di peta' })).toBeNull();
  },
};

/** `lang="en"` on the page (or any ancestor): the English dictionary loads on demand, the API answers in English. */
export const English: Story = {
  args: { query: demo.search },
  globals: { locale: 'en' },
  play: async ({ canvasElement }) => {
    const { view } = await finderIn(canvasElement);
    await expect(
      await view.findByRole('heading', { level: 2, name: /^\d+ services for “ktp”$/ }, patience),
    ).toBeVisible();
    await expect(view.getByRole('link', { name: lostIdCard.en })).toBeVisible();
    await expect(view.getByRole('combobox', { name: 'Search services' })).toBeVisible();
  },
};

/** The same service in English. */
export const EnglishDetail: Story = {
  args: { service: demo.service },
  globals: { locale: 'en' },
  play: async ({ canvasElement }) => {
    const { view } = await finderIn(canvasElement);
    await expect(await view.findByRole('heading', { level: 2, name: lostIdCard.en }, patience)).toBeVisible();
    await expect(view.getByText('Free')).toBeVisible();
    await expect(view.getByRole('button', { name: 'Apply online' })).toBeVisible();
  },
};

/** `themes/dark.css` with `data-loket-theme="dark"` on a container. */
export const Dark: Story = {
  args: { query: demo.search },
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const { root, view } = await finderIn(canvasElement);
    await view.findByRole('link', { name: lostIdCard.id }, patience);
    await expect(getComputedStyle(root.querySelector('.finder') as Element).backgroundColor).toBe(
      'rgb(21, 24, 28)',
    );
  },
};

/** `themes/high-contrast.css` with `data-loket-theme="high-contrast"`: black, white and yellow. */
export const HighContrast: Story = {
  args: { query: demo.search },
  globals: { theme: 'high-contrast' },
  play: async ({ canvasElement }) => {
    const { root, view } = await finderIn(canvasElement);
    await view.findByRole('link', { name: lostIdCard.id }, patience);
    await expect(getComputedStyle(root.querySelector('.finder') as Element).backgroundColor).toBe(
      'rgb(0, 0, 0)',
    );
  },
};

/** A 320 px phone (WCAG reflow): the results and a service, sources included, fit without sideways scrolling. */
export const Narrow: Story = {
  args: { query: demo.search },
  globals: { viewport: { value: 'narrow', isRotated: false } },
  // The docs page has no viewport of its own: a 320 px column shows the same layout there.
  decorators: [
    (story, { viewMode }) =>
      viewMode === 'docs' ? html`<div style="max-width: 320px">${story()}</div>` : story(),
  ],
  play: async ({ canvasElement, userEvent }) => {
    const { view } = await finderIn(canvasElement);
    const fits = () => expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
    await expect(window.innerWidth).toBe(320);
    await userEvent.click(await view.findByRole('link', { name: lostIdCard.id }, patience));
    await fits();
    await view.findByRole('heading', { level: 2, name: lostIdCard.id }, patience);
    await userEvent.click(view.getByText(/^Dasar hukum · Sumber data/));
    await expect(view.getByRole('heading', { level: 4, name: 'Sumber data' })).toBeVisible();
    await fits();
  },
};

/**
 * Before a search: life events and categories to browse (GET /v1/life-events, /v1/categories)
 * instead of the whole catalogue, two tiles a row on a phone.
 */
export const Browse: Story = {
  play: async ({ canvasElement }) => {
    const { root, view } = await finderIn(canvasElement);
    await expect(
      await view.findByRole('heading', { level: 2, name: 'Urusan menurut peristiwa hidup' }, patience),
    ).toBeVisible();
    await expect(view.getByRole('heading', { level: 2, name: 'Layanan menurut kategori' })).toBeVisible();
    await expect(root.querySelectorAll('a[data-event]')).toHaveLength(10);
    await expect(view.getByRole('link', { name: /^Kelahiran Anak/ })).toBeVisible();
  },
};

/** A life event opened: its services in order, why each is needed and what it produces, then those only needed sometimes. */
export const BrowseLifeEvent: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const { root, view } = await finderIn(canvasElement);
    await userEvent.click(await view.findByRole('link', { name: /^Kelahiran Anak/ }, patience));
    const heading = await view.findByRole('heading', { level: 2, name: 'Kelahiran Anak' }, patience);
    await waitFor(() => expect(root.activeElement).toBe(heading));
    const steps = [...root.querySelectorAll('ol.path h4 a')].map((a) => a.textContent);
    await expect(steps[0]).toBe('Penerbitan Akta Kelahiran');
    await expect(view.getByText(/pelaporan ini menghasilkan akta kelahiran/)).toBeVisible();
    await expect(view.getByRole('heading', { level: 3, name: 'Bila diperlukan' })).toBeVisible();
  },
};

/** A category opened from browsing: its services, with the way back. */
export const BrowseCategory: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const { view } = await finderIn(canvasElement);
    await userEvent.click(await view.findByRole('link', { name: /^Administrasi kependudukan/ }, patience));
    await expect(
      await view.findByRole('heading', { level: 2, name: /^\d+ layanan$/ }, patience),
    ).toBeVisible();
    await expect(view.getByRole('link', { name: /Jelajahi peristiwa hidup dan kategori/ })).toBeVisible();
  },
};
