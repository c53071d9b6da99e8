import '../../../dist/components/loket-service-finder.js';
import { describe, expect, inject, it } from 'vitest';
import { type Locator, page, userEvent } from 'vitest/browser';
import {
  addToPage,
  detailHeading,
  focused,
  focusedName,
  mountFinder,
  query,
  resultsHeading,
  setPageQuery,
  shadow,
} from '../../../test/finder';

const KTP_HILANG = 'Penggantian KTP-el karena Hilang';

/** Reads `name` of what `locator` finds now (for `expect.poll`). */
const attr = (locator: Locator, name: string) => () => locator.element().getAttribute(name);

const searchBox = () => page.getByRole('combobox', { name: 'Cari layanan' });
const suggestions = () => page.getByRole('listbox', { name: 'Saran layanan' });

describe('keyboard only', () => {
  it('types a search, moves through the suggestions, opens one and lands on its heading', async () => {
    mountFinder();
    await expect.element(resultsHeading()).toBeVisible();

    await userEvent.tab();
    await expect.poll(focusedName).toBe('input#loket-q ""');
    await userEvent.keyboard('ktp hilang');

    const listbox = suggestions();
    await expect.element(listbox).toBeVisible();
    const input = searchBox();
    await expect.poll(attr(input, 'aria-expanded')).toBe('true');
    await expect.element(input).not.toHaveAttribute('aria-activedescendant');
    const first = listbox.getByRole('option').nth(0);
    const second = listbox.getByRole('option').nth(1);
    await expect.element(first).toHaveTextContent(KTP_HILANG);
    await expect.element(second).toBeVisible();

    await userEvent.keyboard('{ArrowDown}');
    await expect.poll(attr(input, 'aria-activedescendant')).toBe(first.element().id);
    await expect.poll(attr(first, 'aria-selected')).toBe('true');
    await expect.poll(attr(second, 'aria-selected')).toBe('false');

    await userEvent.keyboard('{ArrowDown}');
    await expect.poll(attr(input, 'aria-activedescendant')).toBe(second.element().id);
    await expect.poll(attr(second, 'aria-selected')).toBe('true');
    await expect.poll(attr(first, 'aria-selected')).toBe('false');

    await userEvent.keyboard('{ArrowUp}');
    await expect.poll(attr(input, 'aria-activedescendant')).toBe(first.element().id);

    // Escape closes the suggestions and keeps what was typed.
    await userEvent.keyboard('{Escape}');
    await expect.element(listbox).not.toBeInTheDocument();
    await expect.poll(attr(input, 'aria-expanded')).toBe('false');
    await expect.element(input).not.toHaveAttribute('aria-activedescendant');
    await expect.element(input).toHaveValue('ktp hilang');

    // ArrowDown opens them again on the first one; Enter opens that service.
    await userEvent.keyboard('{ArrowDown}');
    await expect.element(listbox).toBeVisible();
    await expect.poll(attr(input, 'aria-activedescendant')).toBe(first.element().id);
    await userEvent.keyboard('{Enter}');

    await expect.element(detailHeading(KTP_HILANG)).toBeVisible();
    await expect.poll(focusedName).toBe(`h2#loket-detail-heading "${KTP_HILANG}"`);
    expect(query('layanan')).toBe('ktp-el-hilang');
  });

  it('Enter without an active suggestion searches; a result opens with Enter; Back returns focus to it', async () => {
    const finder = mountFinder();
    await expect.element(resultsHeading()).toBeVisible();
    await userEvent.tab();
    await userEvent.keyboard('ktp hilang');
    await expect.element(suggestions()).toBeVisible();
    await userEvent.keyboard('{Enter}');

    const heading = resultsHeading(/^\d+ layanan untuk “ktp hilang”$/);
    await expect.element(heading).toBeVisible();
    await expect.element(suggestions()).not.toBeInTheDocument();
    await expect.element(page.getByRole('status')).toHaveTextContent(heading.element().textContent ?? '');
    expect(query('cari')).toBe('ktp hilang');

    // Tab past the clear button, the submit button and the two filters to the first result.
    const firstResult = shadow(finder).querySelector<HTMLAnchorElement>('a.card-link');
    expect(firstResult?.textContent).toBe(KTP_HILANG);
    for (let i = 0; i < 8 && focused() !== firstResult; i++) await userEvent.tab();
    expect(focusedName()).toBe(`a "${KTP_HILANG}"`);

    await userEvent.keyboard('{Enter}');
    await expect.element(detailHeading(KTP_HILANG)).toBeVisible();
    await expect.poll(focusedName).toBe(`h2#loket-detail-heading "${KTP_HILANG}"`);
    expect(query('layanan')).toBe('ktp-el-hilang');

    // The back link sits just before the heading.
    await userEvent.tab({ shift: true });
    expect(focusedName()).toBe('a "← Kembali ke hasil"');
    await userEvent.keyboard('{Enter}');
    await expect.element(resultsHeading(/untuk “ktp hilang”$/)).toBeVisible();
    await expect.poll(focusedName).toBe(`a "${KTP_HILANG}"`);
    expect(query('layanan')).toBeNull();
    expect(query('cari')).toBe('ktp hilang');

    // The browser's own Back button does the same.
    await userEvent.keyboard('{Enter}');
    await expect.element(detailHeading(KTP_HILANG)).toBeVisible();
    history.back();
    await expect.element(resultsHeading(/untuk “ktp hilang”$/)).toBeVisible();
    await expect.element(detailHeading(KTP_HILANG)).not.toBeInTheDocument();
    await expect.poll(focusedName).toBe(`a "${KTP_HILANG}"`);
    expect(query('layanan')).toBeNull();
  });
});

describe('accessible names and roles', () => {
  it('names the search box, its hint, the suggestions, the filters, the results and announces the count', async () => {
    mountFinder();
    await expect.element(resultsHeading()).toBeVisible();
    await expect.element(page.getByRole('search', { name: 'Cari layanan' })).toBeVisible();
    const input = searchBox();
    await expect.element(input).toHaveAccessibleDescription('Contoh: bikin KTP, SIM hilang, akta kelahiran');

    await userEvent.click(input);
    await userEvent.keyboard('akta');
    await expect.element(suggestions()).toBeVisible();
    await expect.element(page.getByRole('option').first()).toHaveAccessibleName(/akta/i);
    await expect.element(page.getByRole('status')).toHaveTextContent(/^\d saran tersedia\./);
    await userEvent.keyboard('{Enter}');

    const heading = resultsHeading(/^\d+ layanan untuk “akta”$/);
    await expect.element(heading).toBeVisible();
    const total = Number.parseInt(heading.element().textContent ?? '', 10);
    await expect.element(page.getByRole('status')).toHaveTextContent(`${total} layanan untuk “akta”`);

    // Filters: labelled selects in a named group, each option with its count.
    await expect.element(page.getByRole('group', { name: 'Saring hasil' })).toBeVisible();
    const category = page.getByRole('combobox', { name: 'Kategori' });
    const agency = page.getByRole('combobox', { name: 'Instansi' });
    for (const select of [category, agency]) {
      const options = [...(select.element() as HTMLSelectElement).options];
      expect(options[0]?.textContent).toMatch(/^Semua /);
      expect(options.length).toBeGreaterThan(1);
      const counts = options.slice(1).map((o) => {
        const match = /^.+ \((\d+)\)$/.exec(o.textContent ?? '');
        expect(match, o.textContent ?? '').not.toBeNull();
        return Number(match?.[1]);
      });
      // Every service has one category and one agency: the counts add up to the total.
      expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
    }

    // Results are links named by the service, inside level-3 headings.
    const links = page.getByRole('heading', { level: 3 }).getByRole('link');
    await expect.poll(() => links.elements().length).toBe(Math.min(total, 20));
    for (const link of links.elements()) {
      expect(link.textContent?.trim()).not.toBe('');
      await expect.element(link).toHaveAccessibleName(link.textContent ?? '');
    }
    await expect
      .element(page.getByRole('link', { name: 'Akta Kelahiran', exact: false }).first())
      .toBeVisible();

    // A filter narrows the list to its count, and the live region says so.
    const option = (category.element() as HTMLSelectElement).options[1];
    const n = Number(/\((\d+)\)$/.exec(option?.textContent ?? '')?.[1]);
    await userEvent.selectOptions(category, option?.value ?? '');
    await expect.element(resultsHeading(`${n} layanan untuk “akta”`)).toBeVisible();
    await expect.element(page.getByRole('status')).toHaveTextContent(`${n} layanan untuk “akta”`);
  });

  it('follows lang="en" on an ancestor', async () => {
    const wrapper = addToPage(document.createElement('div'));
    wrapper.lang = 'en';
    mountFinder({}, wrapper);
    await expect.element(page.getByRole('combobox', { name: 'Search services' })).toBeVisible();
    await expect.element(page.getByRole('heading', { level: 2, name: /^\d+ services$/ })).toBeVisible();
    await expect.element(page.getByRole('combobox', { name: 'Category' })).toBeVisible();
  });
});

describe('deep links', () => {
  it('opens the service in the page URL at load, and keeps the page’s own parameters', async () => {
    setPageQuery({ halaman: 'layanan', cari: 'ktp', layanan: 'ktp-el-hilang' });
    const finder = mountFinder();
    await expect.element(detailHeading(KTP_HILANG)).toBeVisible();
    // Never steal focus on page load.
    expect(focused()).not.toBe(shadow(finder).querySelector('#loket-detail-heading'));

    const back = page.getByRole('link', { name: 'Kembali ke hasil' });
    const backUrl = new URL((back.element() as HTMLAnchorElement).href);
    expect(backUrl.searchParams.get('halaman')).toBe('layanan');
    expect(backUrl.searchParams.get('cari')).toBe('ktp');
    expect(backUrl.searchParams.has('layanan')).toBe(false);

    await userEvent.click(back);
    await expect.element(resultsHeading(/^\d+ layanan untuk “ktp”$/)).toBeVisible();
    expect([query('halaman'), query('cari'), query('layanan')]).toEqual(['layanan', 'ktp', null]);

    // Result links are real, shareable URLs; opening one pushes `layanan=` into the page URL.
    const link = page.getByRole('link', { name: KTP_HILANG });
    const href = new URL((link.element() as HTMLAnchorElement).href);
    expect([
      href.searchParams.get('halaman'),
      href.searchParams.get('cari'),
      href.searchParams.get('layanan'),
    ]).toEqual(['layanan', 'ktp', 'ktp-el-hilang']);
    const entries = history.length;
    await userEvent.click(link);
    await expect.element(detailHeading(KTP_HILANG)).toBeVisible();
    expect([query('halaman'), query('cari'), query('layanan')]).toEqual(['layanan', 'ktp', 'ktp-el-hilang']);
    expect(history.length).toBe(entries + 1);
    expect(location.href).toBe(href.href);

    history.back();
    await expect.element(resultsHeading(/untuk “ktp”$/)).toBeVisible();
    expect([query('halaman'), query('cari'), query('layanan')]).toEqual(['layanan', 'ktp', null]);
  });

  it('loads again for another region set on the element', async () => {
    setPageQuery({ layanan: 'ktp-el-hilang' });
    const finder = mountFinder({ region: '35.78' });
    await expect.element(page.getByText('Mal Pelayanan Publik Siola Kota Surabaya')).toBeVisible();
    finder.setAttribute('region', '73.71');
    await expect.element(page.getByText('Mal Pelayanan Publik Kota Makassar')).toBeVisible();
    await expect.element(page.getByText('Mal Pelayanan Publik Siola Kota Surabaya')).not.toBeInTheDocument();
  });

  it('reads api-base and region from <meta> when the element has none', async () => {
    const meta = document.createElement('meta');
    meta.name = 'loket-api-base';
    meta.content = inject('apiBase');
    addToPage(meta, 'head');
    mountFinder({ 'api-base': null });
    await expect.element(resultsHeading()).toBeVisible();
  });
});

describe('loketApply', () => {
  const applyEvents = (el: HTMLElement, prevent = false) => {
    const seen: unknown[] = [];
    el.addEventListener('loketApply', (event) => {
      seen.push((event as CustomEvent).detail);
      if (prevent) event.preventDefault();
    });
    return seen;
  };

  it('without apply-href, "Ajukan secara daring" is a button that emits {service, region}', async () => {
    const finder = mountFinder({ service: 'ktp-el-hilang', region: '35.78', 'no-history': '' });
    const seen = applyEvents(finder);
    await expect.element(detailHeading(KTP_HILANG)).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Ajukan secara daring' }));
    expect(seen).toEqual([{ service: 'ktp-el-hilang', region: '35.78' }]);
  });

  it('with apply-href, it is a link with {service} and {region} filled in that the event can cancel', async () => {
    const finder = mountFinder({
      service: 'ktp-el-hilang',
      region: '35.78',
      'no-history': '',
      // A fragment link: following it changes location.hash without unloading the test page.
      'apply-href': '#ajukan/{service}/{region}',
    });
    const seen = applyEvents(finder, true);
    await expect.element(detailHeading(KTP_HILANG)).toBeVisible();
    const apply = page.getByRole('link', { name: 'Ajukan secara daring' });
    expect(apply.element().getAttribute('href')).toBe('#ajukan/ktp-el-hilang/35.78');

    const hashBefore = location.hash;
    await userEvent.click(apply);
    expect(seen).toEqual([{ service: 'ktp-el-hilang', region: '35.78' }]);
    expect(location.hash).toBe(hashBefore); // preventDefault() stopped the navigation

    const free = mountFinder({
      service: 'ktp-el-hilang',
      'no-history': '',
      'apply-href': '#ajukan/{service}',
    });
    finder.remove();
    const seenFree = applyEvents(free);
    await expect.element(detailHeading(KTP_HILANG)).toBeVisible();
    await userEvent.click(page.getByRole('link', { name: 'Ajukan secara daring' }));
    expect(seenFree).toEqual([{ service: 'ktp-el-hilang', region: null }]);
    expect(location.hash).toBe('#ajukan/ktp-el-hilang'); // not cancelled: the link is followed
  });
});

describe('error state', () => {
  it('says the API cannot be reached, and "Coba lagi" loads the results once it can', async () => {
    const wrapper = addToPage(document.createElement('div'));
    wrapper.dataset.loketApiBase = inject('closedApiBase');
    mountFinder({ 'api-base': null }, wrapper);

    const alert = page.getByRole('alert');
    await expect.element(alert, { timeout: 10_000 }).toBeVisible();
    await expect.element(alert).toHaveTextContent('Layanan tidak dapat dimuat');
    const retry = alert.getByRole('button', { name: 'Coba lagi' });
    await expect.element(retry).toBeVisible();
    await expect.element(resultsHeading()).not.toBeInTheDocument();

    // Still unreachable: the error stays, and focus stays on "Coba lagi" for the next try.
    for (let i = 0; i < 8 && focusedName() !== 'button "Coba lagi"'; i++) await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await expect.element(retry, { timeout: 10_000 }).toBeVisible();
    await expect.poll(focusedName).toBe('button "Coba lagi"');

    // The API is reachable again; nothing reloads by itself until the citizen retries.
    wrapper.dataset.loketApiBase = inject('apiBase');
    await userEvent.keyboard('{Enter}');
    await expect.element(resultsHeading()).toBeVisible();
    await expect.element(alert).not.toBeInTheDocument();
    // The button is gone; focus goes to what loaded instead of falling back to the page's top.
    await expect.poll(focusedName).toMatch(/^h2#loket-results-heading "\d+ layanan"$/);
  });

  it('the same for a service that could not be loaded', async () => {
    const wrapper = addToPage(document.createElement('div'));
    wrapper.dataset.loketApiBase = inject('closedApiBase');
    mountFinder({ 'api-base': null, service: 'ktp-el-hilang', 'no-history': '' }, wrapper);
    const retry = page.getByRole('alert').getByRole('button', { name: 'Coba lagi' });
    await expect.element(retry, { timeout: 10_000 }).toBeVisible();
    wrapper.dataset.loketApiBase = inject('apiBase');
    await userEvent.click(retry);
    await expect.element(detailHeading(KTP_HILANG)).toBeVisible();
    await expect.poll(focusedName).toBe(`h2#loket-detail-heading "${KTP_HILANG}"`);
  });
});

describe('320 px wide', () => {
  /** Every element of the finder fits in its box: nothing scrolls sideways. */
  function overflow(finder: HTMLElement): string[] {
    const box = finder.getBoundingClientRect();
    const wide = [...shadow(finder).querySelectorAll<HTMLElement>('*')].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && (r.right > box.right + 0.5 || r.left < box.left - 0.5);
    });
    const scrollers = [...shadow(finder).querySelectorAll<HTMLElement>('*')].filter(
      (el) => el.scrollWidth > el.clientWidth + 1 && /auto|scroll/.test(getComputedStyle(el).overflowX),
    );
    return [...wide, ...scrollers].map((el) => `${el.localName}.${el.className}`);
  }

  it('has no horizontal scroll and stays usable for search and detail', async () => {
    await page.viewport(320, 640);
    try {
      const finder = mountFinder();
      await expect.element(resultsHeading()).toBeVisible();
      expect(finder.scrollWidth).toBeLessThanOrEqual(finder.clientWidth);
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(320);
      expect(overflow(finder)).toEqual([]);

      const input = searchBox();
      expect(input.element().getBoundingClientRect().width).toBeGreaterThan(150);
      await userEvent.click(input);
      await userEvent.keyboard('akta kelahiran');
      await expect.element(suggestions()).toBeVisible();
      expect(overflow(finder)).toEqual([]);
      await userEvent.click(page.getByRole('button', { name: 'Cari', exact: true }));
      await expect.element(resultsHeading(/untuk “akta kelahiran”$/)).toBeVisible();
      expect(overflow(finder)).toEqual([]);

      await userEvent.click(page.getByRole('heading', { level: 3 }).getByRole('link').first());
      await expect.element(page.getByRole('link', { name: 'Kembali ke hasil' })).toBeVisible();
      await expect.element(page.getByRole('heading', { level: 3, name: 'Persyaratan' })).toBeVisible();
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(320);
      expect(overflow(finder)).toEqual([]);
    } finally {
      await page.viewport(1024, 768);
    }
  });
});
