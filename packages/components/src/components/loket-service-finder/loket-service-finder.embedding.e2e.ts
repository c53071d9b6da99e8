import '../../../dist/components/loket-service-finder.js';
import { describe, expect, inject, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import {
  addToPage,
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
  setPageQuery,
  shadow,
  suggestions,
} from '../../../test/finder';

// The finder on a regional site: deep links, the loketApply event, errors and a 320 px screen.
// (Keyboard use and accessible names: loket-service-finder.e2e.ts.)

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
    // Another region whose MPP offers the service (Makassar's lists no Dukcapil counter).
    finder.setAttribute('region', '31.74');
    await expect.element(page.getByText('Mal Pelayanan Publik Provinsi DKI Jakarta')).toBeVisible();
    await expect.element(page.getByText('Mal Pelayanan Publik Siola Kota Surabaya')).not.toBeInTheDocument();
  });

  it('reads api-base and region from <meta> when the element has none', async () => {
    const meta = document.createElement('meta');
    meta.name = 'loket-api-base';
    meta.content = inject('apiBase');
    addToPage(meta, 'head');
    await openFinder({ 'api-base': null });
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
    const { wrapper } = mountFinderIn(
      { dataset: { loketApiBase: inject('closedApiBase') } },
      { 'api-base': null },
    );

    const alert = page.getByRole('alert');
    await expect.element(alert, { timeout: 10_000 }).toBeVisible();
    await expect.element(alert).toHaveTextContent('Layanan tidak dapat dimuat');
    const retry = alert.getByRole('button', { name: 'Coba lagi' });
    await expect.element(retry).toBeVisible();
    await expect.element(browseHeading()).not.toBeInTheDocument();

    // Still unreachable: the error stays, and focus stays on "Coba lagi" for the next try.
    for (let i = 0; i < 8 && focusedName() !== 'button "Coba lagi"'; i++) await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await expect.element(retry, { timeout: 10_000 }).toBeVisible();
    await expect.poll(focusedName).toBe('button "Coba lagi"');

    // The API is reachable again; nothing reloads by itself until the citizen retries.
    wrapper.dataset.loketApiBase = inject('apiBase');
    await userEvent.keyboard('{Enter}');
    await expect.element(browseHeading()).toBeVisible();
    await expect.element(alert).not.toBeInTheDocument();
    // The button is gone; focus goes to what loaded instead of falling back to the page's top.
    await expect.poll(focusedName).toBe('h2#loket-events-heading "Urusan menurut peristiwa hidup"');
  });

  it('the same for a service that could not be loaded', async () => {
    const { wrapper } = mountFinderIn(
      { dataset: { loketApiBase: inject('closedApiBase') } },
      { 'api-base': null, service: 'ktp-el-hilang', 'no-history': '' },
    );
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
      const finder = await openFinder();
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
