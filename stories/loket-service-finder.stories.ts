import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn, waitFor, within } from 'storybook/test';
import { demo } from './msw/demo';
import { API_BASE, catalogue, empty, failing, slow } from './msw/handlers';
import { props } from './support/controls';
import { finderIn, finderWords, patience } from './support/finder';
import { escapeRegExp, fill, shown } from './support/locale';

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
  'own-page'?: boolean;
  onLoketApply: (event: CustomEvent<{ service: string; region: string | null }>) => void;
}

const meta = {
  title: 'Components/Service finder',
  // The play functions take the finder's words and the catalogue's names in the story's language
  // (support/finder.ts finderWords): every story follows the Language toolbar.
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
/** "12 layanan untuk “ktp”": the results' heading for the stories' search. */
const resultsFor = (w: ReturnType<typeof finderWords>) =>
  shown(w.t.results.countFor.other, { q: demo.search });

/** Search results for “ktp” in Bahasa Indonesia, the default language. */
export const Results: Story = {
  args: { query: demo.search },
  play: async ({ canvasElement, globals }) => {
    const w = finderWords(globals);
    const { view } = await finderIn(canvasElement);
    await expect(await view.findByRole('heading', { level: 2, name: resultsFor(w) }, patience)).toBeVisible();
    const card = (await view.findByRole('link', { name: lostIdCard[w.lang] })).closest(
      'article',
    ) as HTMLElement;
    await expect(within(card).getByText(w.t.fee.free)).toBeVisible();
    await expect(view.getByRole('combobox', { name: w.t.search.label })).toHaveValue('ktp');
  },
};

/** Typing shows suggestions (APG combobox); the arrow keys choose one and Enter opens it. */
export const SearchWithKeyboard: Story = {
  play: async ({ canvasElement, globals, userEvent }) => {
    const w = finderWords(globals);
    const { root, view } = await finderIn(canvasElement);
    const combobox = view.getByRole('combobox', { name: w.t.search.label });
    await userEvent.type(combobox, demo.search);

    const listbox = await view.findByRole('listbox', { name: w.t.search.suggestions }, patience);
    await expect(combobox).toHaveAttribute('aria-expanded', 'true');
    const names = within(listbox)
      .getAllByRole('option')
      .map((option) => option.querySelector('.option-name')?.textContent);
    const wanted = names.indexOf(lostIdCard[w.lang]);
    await expect(wanted).toBeGreaterThanOrEqual(0);
    for (let i = 0; i <= wanted; i++) await userEvent.keyboard('{ArrowDown}');
    const active = await within(listbox).findByRole('option', {
      selected: true,
      name: new RegExp(`^${escapeRegExp(lostIdCard[w.lang])}`),
    });
    await expect(combobox).toHaveAttribute('aria-activedescendant', active.id);
    await expect(root.activeElement).toBe(combobox); // focus stays in the box

    await userEvent.keyboard('{Enter}');
    const heading = await view.findByRole('heading', { level: 2, name: lostIdCard[w.lang] }, patience);
    // Opened by the citizen: focus moves to the service's name, so a screen reader reads it next.
    await waitFor(() => expect(root.activeElement).toBe(heading));
    await expect(view.getByRole('button', { name: w.detail.apply })).toBeVisible();

    await userEvent.click(view.getByRole('link', { name: shown(w.t.detail.back, {}, true) }));
    await expect(await view.findByRole('combobox', { name: w.t.search.label }, patience)).toBeVisible();
  },
};

/** Suggestions open, the second one active (axe checks this state too). */
export const Suggestions: Story = {
  play: async ({ canvasElement, globals, userEvent }) => {
    const w = finderWords(globals);
    const { view } = await finderIn(canvasElement);
    const combobox = view.getByRole('combobox', { name: w.t.search.label });
    await userEvent.type(combobox, demo.search);
    const listbox = await view.findByRole('listbox', { name: w.t.search.suggestions }, patience);
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    const active = await within(listbox).findByRole('option', { selected: true });
    await expect(combobox).toHaveAttribute('aria-activedescendant', active.id);
    await expect(view.getByRole('status')).toHaveTextContent(shown(w.t.search.suggestionCount.other));
  },
};

/** The first results are on their way (the API never answers here): placeholder cards. */
export const Loading: Story = {
  args: { query: demo.search },
  parameters: { msw: { handlers: { catalogue: slow() } }, ...ownFrameInDocs },
  play: async ({ canvasElement, globals }) => {
    const { root, view } = await finderIn(canvasElement);
    await expect(root.querySelector('[part~="skeleton"]')).toBeVisible();
    await expect(view.queryByRole('heading', { level: 2 })).toBeNull();
    await expect(view.getByRole('combobox', { name: finderWords(globals).t.search.label })).toBeEnabled();
  },
};

/** Nothing matches: say so, and offer searches that do. */
export const Empty: Story = {
  args: { query: demo.noMatch },
  parameters: { msw: { handlers: { catalogue: [...empty(), ...catalogue()] } } },
  play: async ({ canvasElement, globals }) => {
    const w = finderWords(globals);
    const { view } = await finderIn(canvasElement);
    await expect(await view.findByRole('heading', { name: w.t.results.emptyTitle }, patience)).toBeVisible();
    await expect(view.getByText(fill(w.t.results.emptyFor, { q: demo.noMatch }))).toBeVisible();
    await expect(view.getByRole('button', { name: w.t.results.emptyExamples[1] })).toBeVisible();
    // Then the complaint route, in case what was looked for is a complaint.
    await expect(await view.findByRole('heading', { name: w.noMatch.unknownTitle }, patience)).toBeVisible();
    await expect(view.getByRole('link', { name: 'SP4N-LAPOR!' })).toBeVisible();
  },
};

/** A complaint, not a service ("lampu jalan mati", a broken street light): no list of the wrong kind, the complaint route. */
export const Complaint: Story = {
  args: { query: demo.complaint },
  play: async ({ canvasElement, globals }) => {
    const w = finderWords(globals);
    const { view } = await finderIn(canvasElement);
    await expect(
      await view.findByRole('heading', { name: w.noMatch.complaintTitle }, patience),
    ).toBeVisible();
    await expect(view.getByRole('link', { name: 'SP4N-LAPOR!' })).toHaveAttribute(
      'href',
      'https://www.lapor.go.id',
    );
    await expect(view.queryByRole('heading', { name: w.t.results.emptyTitle })).toBeNull();
    // No list of the wrong kind: not the death certificate that "mati" (dead) would find.
    const deathCertificate = { id: /Akta Kematian/, en: /Death Certificate/ }[w.lang];
    await expect(view.queryByRole('link', { name: deathCertificate })).toBeNull();
  },
};

/** The API fails (500 problem+json, still after the SDK's retries): say so and offer to try again. */
export const ErrorState: Story = {
  name: 'Error',
  args: { query: demo.search },
  parameters: { msw: { handlers: { catalogue: failing() } }, ...ownFrameInDocs },
  play: async ({ canvasElement, globals }) => {
    const { t } = finderWords(globals);
    const { view } = await finderIn(canvasElement);
    const alert = await view.findByRole('alert', {}, patience);
    await expect(within(alert).getByRole('heading', { name: t.results.errorTitle })).toBeVisible();
    await expect(within(alert).getByRole('button', { name: t.results.retry })).toBeEnabled();
  },
};

/** Once the API is back, “Coba lagi” brings the results. */
export const ErrorThenRetry: Story = {
  ...ErrorState,
  name: 'Error, then retry',
  tags: ['!autodocs'], // on the docs page it would only show the results
  play: async (context) => {
    await ErrorState.play?.(context);
    const w = finderWords(context.globals);
    const { view } = await finderIn(context.canvasElement);
    context.msw.use(...catalogue()); // the API is back
    await context.userEvent.click(view.getByRole('button', { name: w.t.results.retry }));
    await expect(await view.findByRole('heading', { level: 2, name: resultsFor(w) }, patience)).toBeVisible();
    await expect(view.queryByRole('alert')).toBeNull();
  },
};

/**
 * One service opened by deep link: the requirements as a checklist, the fee with its legal basis,
 * the region's Mal Pelayanan Publik and, since it has an online form, “Ajukan secara daring”.
 */
export const Detail: Story = {
  args: { service: demo.service },
  play: async ({ args, canvasElement, globals, userEvent }) => {
    const w = finderWords(globals);
    const service = w.service(demo.service);
    const { root, view } = await finderIn(canvasElement);
    await expect(await view.findByRole('heading', { level: 2, name: service.name }, patience)).toBeVisible();
    await expect(root.activeElement).toBeNull(); // opened on page load: focus is left alone

    const requirements = view.getByRole('region', { name: w.detail.requirements });
    // "Surat keterangan kehilangan dari kepolisian", the police's loss report.
    const policeLetter = within(requirements).getByRole('checkbox', { name: service.requirements[0] });
    await userEvent.click(policeLetter);
    await expect(policeLetter).toBeChecked();

    await expect(view.getByText(w.t.fee.free)).toBeVisible();
    await expect(
      view.getByText(`${w.detail.feeBasis}: ${service.fee.legal_basis}`, { exact: false }),
    ).toBeVisible();
    await expect(view.getByText(w.locations(demo.service)[0]?.name ?? '')).toBeVisible();
    await expect(view.getByText(w.detail.hoursUnknown)).toBeVisible(); // no source gives Siola's hours

    await userEvent.click(view.getByRole('button', { name: w.detail.apply }));
    await expect(args.onLoketApply).toHaveBeenCalledWith(
      expect.objectContaining({ detail: { service: demo.service, region: demo.region } }),
    );
  },
};

/**
 * `own-page`: the page is the service's own (the server's `/katalog/` pages), with the name as its
 * `h1` and a breadcrumb back: the detail names the service only for screen readers ("Tentang layanan
 * ini") and has no "Kembali ke hasil"; `apply-href` leads to the form.
 */
export const OwnPage: Story = {
  args: { service: demo.service, 'own-page': true, 'apply-href': '/katalog/id/35.78/{service}/ajukan' },
  render: (args, context) => html`
    <h1>${lostIdCard[finderWords(context.globals).lang]}</h1>
    ${meta.render(args, context)}
  `,
  play: async ({ canvasElement, globals }) => {
    const w = finderWords(globals);
    const { root, view } = await finderIn(canvasElement);
    await expect(await view.findByRole('link', { name: w.detail.apply }, patience)).toHaveAttribute(
      'href',
      `/katalog/id/35.78/${demo.service}/ajukan`,
    );
    await expect(view.getByRole('heading', { level: 2, name: w.detail.about })).toBeInTheDocument();
    await expect(view.queryByRole('heading', { name: lostIdCard[w.lang] })).toBeNull();
    await expect(view.queryByRole('link', { name: shown(w.t.detail.back, {}, true) })).toBeNull();
    await expect(root.querySelector('[part~="back"]')).toBeNull();
  },
};

/** Which MPP offers the service: today's hours (as recorded, with their date), the phone as a link, no map without coordinates. */
export const MppHours: Story = {
  args: demo.mppHours,
  play: async ({ canvasElement, globals }) => {
    const w = finderWords(globals);
    const { region, service } = demo.mppHours;
    const { view } = await finderIn(canvasElement);
    await expect(
      await view.findByRole('heading', { level: 2, name: w.service(service, region).name }, patience),
    ).toBeVisible();
    await expect(view.getByText(w.locations(service, region)[0]?.name ?? '')).toBeVisible();
    // "Hari ini (Senin): 08.00–15.00 WIB", or "tutup"; English writes 08:00.
    const day = `(${Object.values(w.detail.days).map(escapeRegExp).join('|')})`;
    const hours = `(\\d\\d[.:]\\d\\d–\\d\\d[.:]\\d\\d WIB|${escapeRegExp(w.detail.closed)})`;
    const today = escapeRegExp(w.detail.today).replace(escapeRegExp('{day}'), day);
    await expect(view.getByText(new RegExp(`^${today}: ${hours}$`))).toBeVisible();
    await expect(view.getByRole('link', { name: '1500164' })).toHaveAttribute('href', 'tel:1500164');
    await expect(view.queryByRole('link', { name: w.detail.map })).toBeNull();
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
  play: async ({ canvasElement, globals }) => {
    const { root, view } = await finderIn(canvasElement);
    await view.findByRole('link', { name: lostIdCard[finderWords(globals).lang] }, patience);
    await expect(getComputedStyle(root.querySelector('.finder') as Element).backgroundColor).toBe(
      'rgb(21, 24, 28)',
    );
  },
};

/** `themes/high-contrast.css` with `data-loket-theme="high-contrast"`: black, white and yellow. */
export const HighContrast: Story = {
  args: { query: demo.search },
  globals: { theme: 'high-contrast' },
  play: async ({ canvasElement, globals }) => {
    const { root, view } = await finderIn(canvasElement);
    await view.findByRole('link', { name: lostIdCard[finderWords(globals).lang] }, patience);
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
  play: async ({ canvasElement, globals, userEvent }) => {
    const w = finderWords(globals);
    const { view } = await finderIn(canvasElement);
    const fits = () => expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
    await expect(window.innerWidth).toBe(320);
    await userEvent.click(await view.findByRole('link', { name: lostIdCard[w.lang] }, patience));
    await fits();
    await view.findByRole('heading', { level: 2, name: lostIdCard[w.lang] }, patience);
    await userEvent.click(view.getByText(`${w.detail.legalBasis} · ${w.detail.sources}`, { exact: false }));
    await expect(view.getByRole('heading', { level: 4, name: w.detail.sources })).toBeVisible();
    await fits();
  },
};
