import '../../../dist/components/loket-service-finder.js';
import { describe, expect, inject, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { THEMES, violations } from '../../../test/a11y';
import {
  addStyle,
  detailHeading,
  mountFinder,
  mountFinderIn,
  resultsHeading,
  shadow,
} from '../../../test/finder';

const KTP_HILANG = 'Penggantian KTP-el karena Hilang';

/** The results for "ktp", with the suggestions open and the first one active. */
async function showResults(finder: HTMLElement) {
  await expect.element(resultsHeading(/“ktp”$/)).toBeVisible();
  await userEvent.click(shadow(finder).querySelector<HTMLInputElement>('#loket-q') as HTMLInputElement);
  await userEvent.keyboard(' hilang');
  await expect.element(page.getByRole('listbox')).toBeVisible();
  await userEvent.keyboard('{ArrowDown}');
  await expect.element(page.getByRole('listbox').getByRole('option', { selected: true })).toBeVisible();
}

/** The detail of a service with a form, in a region with MPP locations, with "about" opened. */
async function showDetail(finder: HTMLElement) {
  await expect.element(detailHeading(KTP_HILANG)).toBeVisible();
  const about = shadow(finder).querySelector('details.about summary') as HTMLElement;
  await userEvent.click(about);
  await expect.element(page.getByRole('heading', { level: 4, name: 'Sumber data' })).toBeVisible();
}

describe('axe-core finds no violations', () => {
  it('in the results with suggestions open', async () => {
    const finder = mountFinder({ query: 'ktp', 'no-history': '' });
    await showResults(finder);
    expect(await violations(finder)).toEqual([]);
  });

  it('in the detail view', async () => {
    const finder = mountFinder({ service: 'ktp-el-hilang', region: '31.74', 'no-history': '' });
    await showDetail(finder);
    expect(await violations(finder)).toEqual([]);
  });

  it('in the empty state', async () => {
    const finder = mountFinder({ query: 'qqqzzzxxy', 'no-history': '' });
    await expect.element(page.getByRole('heading', { name: 'Layanan tidak ditemukan' })).toBeVisible();
    expect(await violations(finder)).toEqual([]);
  });

  it('in the error state', async () => {
    const finder = mountFinder({ 'api-base': inject('closedApiBase'), 'no-history': '' });
    await expect.element(page.getByRole('alert'), { timeout: 10_000 }).toBeVisible();
    expect(await violations(finder)).toEqual([]);
  });

  it('in English', async () => {
    const { finder } = mountFinderIn({ lang: 'en' }, { query: 'ktp', 'no-history': '' });
    await expect.element(page.getByRole('combobox', { name: 'Search services' })).toBeVisible();
    await expect.element(page.getByRole('heading', { level: 2, name: /services for “ktp”$/ })).toBeVisible();
    expect(await violations(finder)).toEqual([]);
  });

  for (const { theme, css, text: themeText } of THEMES) {
    it(`in the ${theme} theme`, async () => {
      addStyle(css);
      document.documentElement.dataset.loketTheme = theme;
      const list = mountFinder({ query: 'ktp', 'no-history': '' });
      await showResults(list);
      // The theme really applies (its text colour, not the default one).
      const text = getComputedStyle(shadow(list).querySelector('.finder') as Element).color;
      expect(text).toBe(themeText);
      expect(await violations(list)).toEqual([]);
      list.remove();

      const detail = mountFinder({ service: 'ktp-el-hilang', region: '31.74', 'no-history': '' });
      await showDetail(detail);
      expect(await violations(detail)).toEqual([]);
    });
  }
});
