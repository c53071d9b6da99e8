import '../../../dist/components/loket-service-finder.js';
import { describe, expect, it } from 'vitest';
import { type Locator, page, userEvent } from 'vitest/browser';
import {
  browseHeading,
  detailHeading,
  focused,
  focusedName,
  KTP_HILANG,
  mountFinder,
  mountFinderIn,
  openFinder,
  query,
  resultsHeading,
  searchBox,
  shadow,
  suggestions,
} from '../../../test/finder';

/** Reads `name` of what `locator` finds now (for `expect.poll`). */
const attr = (locator: Locator, name: string) => () => locator.element().getAttribute(name);

describe('keyboard only', () => {
  it('types a search, moves through the suggestions, opens one and lands on its heading', async () => {
    await openFinder();

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

  it("keys work before the suggestions' code has come (it is not in the first load)", async () => {
    // A search box with text in it, never focused nor typed in: the suggestions' code has not been
    // asked for. Escape empties the box all the same.
    mountFinder({ query: 'ktp' });
    await expect.element(resultsHeading(/untuk “ktp”$/)).toBeVisible();
    await expect.element(searchBox()).toHaveValue('ktp');
    const escapeKey = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    searchBox().element().dispatchEvent(escapeKey);
    expect(escapeKey.defaultPrevented).toBe(true);
    await expect.element(searchBox()).toHaveValue('');

    // The code comes with focus; what is typed gets its suggestions.
    await userEvent.type(searchBox(), 'ktp hilang');
    await expect.element(suggestions()).toBeVisible();
    await expect.element(suggestions().getByRole('option').nth(0)).toHaveTextContent(KTP_HILANG);
  });

  it('Enter without an active suggestion searches; a result opens with Enter; Back returns focus to it', async () => {
    const finder = await openFinder();
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
    await openFinder();
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
    mountFinderIn({ lang: 'en' });
    await expect.element(page.getByRole('combobox', { name: 'Search services' })).toBeVisible();
    await expect.element(browseHeading('By life event')).toBeVisible();
    await expect.element(page.getByRole('heading', { level: 2, name: 'By category' })).toBeVisible();
    await userEvent.click(page.getByRole('link', { name: /^Civil registration/ }));
    await expect.element(page.getByRole('heading', { level: 2, name: /^\d+ services$/ })).toBeVisible();
    await expect.element(page.getByRole('combobox', { name: 'Category' })).toBeVisible();
  });
});
