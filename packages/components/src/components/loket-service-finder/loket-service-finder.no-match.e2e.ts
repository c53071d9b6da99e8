import '../../../dist/components/loket-service-finder.js';
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { violations } from '../../../test/a11y';
import { mountFinder, mountFinderIn, shadow } from '../../../test/finder';

/** The finder's results, results-area headings included. */
const headings = (finder: HTMLElement) =>
  [...shadow(finder).querySelectorAll('h2')].map((h) => h.textContent?.trim());

afterEach(() => page.viewport(1024, 768));

for (const [name, width, height] of [
  ['a phone', 412, 915],
  ['a desktop', 1024, 768],
] as const) {
  describe(`when no service covers the search, on ${name} (${width} × ${height})`, () => {
    it('a complaint ("lampu jalan mati") gets the complaint route, not services sharing a word', async () => {
      await page.viewport(width, height);
      const finder = mountFinder({ query: 'lampu jalan mati', region: '35.78', 'no-history': '' });
      await expect.element(page.getByRole('heading', { name: 'Ini pengaduan, bukan layanan' })).toBeVisible();
      await expect
        .element(page.getByText('Tidak ada layanan di sini untuk “lampu jalan mati”.'))
        .toBeVisible();
      const lapor = page.getByRole('link', { name: 'SP4N-LAPOR!' });
      await expect.element(lapor).toBeVisible();
      expect(lapor.element().getAttribute('href')).toBe('https://www.lapor.go.id');
      // No list of the wrong kind (akta kematian for "mati"), and no "check the spelling" either.
      expect(shadow(finder).querySelector('[part~="result"]')).toBeNull();
      expect(headings(finder)).toEqual(['Ini pengaduan, bukan layanan']);
      expect(await violations(finder)).toEqual([]);
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
    });

    it('words no service has: the usual empty state, then the same route; a new search leaves it', async () => {
      await page.viewport(width, height);
      const finder = mountFinder({ query: 'qqqzzzxxy', 'no-history': '' });
      await expect.element(page.getByRole('heading', { name: 'Layanan tidak ditemukan' })).toBeVisible();
      await expect
        .element(page.getByRole('heading', { name: 'Ingin menyampaikan pengaduan?' }))
        .toBeVisible();
      await expect.element(page.getByRole('link', { name: 'SP4N-LAPOR!' })).toBeVisible();
      expect(await violations(finder)).toEqual([]);

      await userEvent.click(page.getByRole('button', { name: 'KTP', exact: true }));
      await expect.element(page.getByRole('link', { name: 'Penerbitan KTP Elektronik Baru' })).toBeVisible();
      expect(page.getByRole('link', { name: 'SP4N-LAPOR!' }).query()).toBeNull();
    });
  });
}

describe('in English', () => {
  it('says it in English', async () => {
    const { finder } = mountFinderIn({ lang: 'en' }, { query: 'jalan berlubang', 'no-history': '' });
    await expect
      .element(page.getByRole('heading', { name: 'This is a complaint, not a service' }))
      .toBeVisible();
    await expect
      .element(page.getByText(/^SP4N-LAPOR!, the national channel for complaints about public services$/))
      .toBeVisible();
    expect(await violations(finder)).toEqual([]);
  });
});
