import '../../../dist/components/loket-service-finder.js';
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { violations } from '../../../test/a11y';
import {
  browseHeading,
  detailHeading,
  focusedName,
  mountFinder,
  mountFinderIn,
  openFinder,
  query,
  resultsHeading,
  setPageQuery,
  shadow,
} from '../../../test/finder';

// Before a search the finder offers browsing instead of the whole catalogue: life events (each an
// ordered path of services, GET /v1/life-events) and categories (each opens its services).

const AKTA = 'Penerbitan Akta Kelahiran';
const eventHeading = (name: string) => page.getByRole('heading', { level: 2, name, exact: true });
const tile = (name: RegExp) => page.getByRole('link', { name });
/** Follows a link with the keyboard, as a citizen without a mouse does. */
async function enter(link: ReturnType<typeof page.getByRole>) {
  await expect.element(link).toBeVisible();
  (link.element() as HTMLElement).focus();
  await userEvent.keyboard('{Enter}');
}

afterEach(() => page.viewport(1024, 768));

describe('browsing before a search', () => {
  for (const [width, height] of [
    [412, 915],
    [1024, 768],
  ] as const) {
    it(`lists the 10 life events and the categories, compactly, at ${width}×${height}; axe finds nothing`, async () => {
      await page.viewport(width, height);
      const finder = await openFinder();
      await expect
        .element(page.getByRole('heading', { level: 2, name: 'Layanan menurut kategori' }))
        .toBeVisible();
      const root = shadow(finder);
      const events = root.querySelectorAll('a[data-event]');
      expect(events).toHaveLength(10);
      expect(events[0]?.textContent).toBe('Kelahiran Anak5 langkah');
      expect(root.querySelectorAll('a[data-category]').length).toBeGreaterThan(10);
      // Not the catalogue's cards: nothing is loaded for a list nobody asked for.
      expect(root.querySelector('.cards:not(.skeleton)')).toBeNull();
      // Two tiles a row on a phone (the old home list of cards was 8,319 px high there).
      const tops = [...events].map((e) => Math.round(e.getBoundingClientRect().top));
      expect(tops[0]).toBe(tops[1]);
      const tall = Math.round(finder.getBoundingClientRect().height);
      console.log(`browse view at ${width}×${height}: ${tall} px high`);
      expect(tall).toBeLessThan(width < 500 ? 2_000 : 1_200);
      expect(finder.scrollWidth).toBeLessThanOrEqual(finder.clientWidth);
      expect(await violations(finder)).toEqual([]);
    });
  }

  it('opens a life event with the keyboard: its heading gets focus, then its ordered steps', async () => {
    await page.viewport(412, 915);
    const finder = mountFinder();
    await enter(tile(/^Kelahiran Anak/));
    await expect.element(eventHeading('Kelahiran Anak')).toBeVisible();
    await expect.poll(focusedName).toBe('h2#loket-event-heading "Kelahiran Anak"');
    expect(query('peristiwa')).toBe('kelahiran');

    const steps = page.getByRole('list').filter({ has: page.getByRole('link', { name: AKTA }) });
    const names = [...shadow(finder).querySelectorAll('ol.path h4 a')].map((a) => a.textContent);
    expect(names[0]).toBe(AKTA);
    expect(names).toHaveLength(5);
    // Why each step is needed, and what it produces for the next.
    await expect.element(steps).toHaveTextContent(/paling lambat 60 hari/);
    await expect.element(steps).toHaveTextContent(/Hasilnya: Kutipan Akta Kelahiran/);
    await expect.element(page.getByRole('heading', { level: 3, name: 'Bila diperlukan' })).toBeVisible();
    expect(shadow(finder).querySelectorAll('ul.path > li')).toHaveLength(4);
    await expect.element(page.getByRole('status')).toHaveTextContent('Kelahiran Anak');
    expect(await violations(finder)).toEqual([]);

    // A step opens the service; Back returns to the step, and then to the life event's tile.
    await enter(page.getByRole('link', { name: AKTA }));
    await expect.element(detailHeading(AKTA)).toBeVisible();
    await expect.poll(focusedName).toBe(`h2#loket-detail-heading "${AKTA}"`);
    expect([query('peristiwa'), query('layanan')]).toEqual(['kelahiran', 'akta-kelahiran']);
    await enter(page.getByRole('link', { name: 'Kembali ke hasil' }));
    await expect.element(eventHeading('Kelahiran Anak')).toBeVisible();
    await expect.poll(focusedName).toBe(`a "${AKTA}"`);

    await enter(page.getByRole('link', { name: 'Kembali ke peristiwa hidup dan kategori' }));
    await expect.element(browseHeading()).toBeVisible();
    await expect.poll(focusedName).toBe('a "Kelahiran Anak5 langkah"');
    expect(query('peristiwa')).toBeNull();
  });

  it('opens a category’s services; the way back returns focus to the category', async () => {
    mountFinder();
    await enter(tile(/^Administrasi kependudukan/));
    const heading = resultsHeading(/^\d+ layanan$/);
    await expect.element(heading).toBeVisible();
    await expect.poll(focusedName).toMatch(/^h2#loket-results-heading "\d+ layanan"$/);
    expect(query('kategori')).toBe('civil-registration');
    await expect.element(page.getByRole('link', { name: 'Penerbitan Akta Kelahiran' })).toBeVisible();

    await enter(page.getByRole('link', { name: 'Jelajahi peristiwa hidup dan kategori' }));
    await expect.element(browseHeading()).toBeVisible();
    await expect.poll(focusedName).toMatch(/^a "Administrasi kependudukan\d+ layanan"$/);
    expect(query('kategori')).toBeNull();
  });

  it('opens a life event from the page URL without taking focus, and says when one does not exist', async () => {
    setPageQuery({ peristiwa: 'pensiun' });
    const finder = mountFinder();
    await expect.element(eventHeading('Pensiun')).toBeVisible();
    expect(focusedName()).not.toMatch(/loket-event-heading/);
    finder.remove();

    setPageQuery({ peristiwa: 'tidak-ada' });
    mountFinder();
    await expect.element(page.getByText('Peristiwa hidup ini tidak ditemukan.')).toBeVisible();
    await expect
      .element(page.getByRole('link', { name: 'Kembali ke peristiwa hidup dan kategori' }))
      .toBeVisible();
  });

  it('speaks English on an English page', async () => {
    mountFinderIn({ lang: 'en' }, { 'no-history': '' });
    await expect.element(browseHeading('By life event')).toBeVisible();
    await enter(tile(/^Birth of a child/));
    await expect.element(eventHeading('Birth of a child')).toBeVisible();
    await expect.element(page.getByRole('heading', { level: 3, name: 'Only if needed' })).toBeVisible();
    await expect.element(page.getByText(/A birth is reported within 60 days/)).toBeVisible();
  });
});
