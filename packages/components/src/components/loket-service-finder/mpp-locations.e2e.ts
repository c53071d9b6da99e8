import '../../../dist/components/loket-service-finder.js';
import { afterEach, describe, expect, it } from 'vitest';
import { commands, page } from 'vitest/browser';
import { violations } from '../../../test/a11y';
import { detailHeading, mountFinder, mountFinderIn, shadow } from '../../../test/finder';

// The service detail says which MPP of the citizen's region offers the service: name, address,
// today's hours (or that none are recorded), phone as a tel: link, a map link only with coordinates.

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const HARI = {
  mon: 'Senin',
  tue: 'Selasa',
  wed: 'Rabu',
  thu: 'Kamis',
  fri: 'Jumat',
  sat: 'Sabtu',
  sun: 'Minggu',
};

/** Today's weekday where the location is, worked out here independently of the component. */
const todayIn = (timeZone: string) =>
  DAYS[
    (['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const).indexOf(
      new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone }).format(new Date()) as 'Mon',
    )
  ] as (typeof DAYS)[number];

/** A test MPP (not real data) in Kota Gorontalo, where the catalogue has none: every day closes at another minute. */
const testMpp = {
  id: 'uji-mpp-peta',
  name: 'MPP Uji Peta (bukan data nyata)',
  region: '75.71',
  address: 'Jl. Uji No. 1',
  opened: null,
  timezone: 'Asia/Makassar',
  confidence: 'low',
  sources: ['https://example.org/uji'],
  hours: {
    week: Object.fromEntries(DAYS.map((day, i) => [day, day === 'sun' ? 'closed' : `08:00-15:0${i}`])),
    as_of: '2026-11',
    sources: ['https://example.org/uji'],
    confidence: 'low',
    days_stated: true,
  },
  phone: {
    number: '0435-881 234',
    scope: 'location',
    as_of: '2026-11',
    sources: ['https://example.org/uji'],
  },
  coordinates: { lat: 0.5435, lng: 123.0568, sources: ['https://example.org/uji'] },
  tenants: [
    {
      agency_id: 'imigrasi',
      agency_name: 'Kanim Uji',
      status: 'present',
      since: '2026-11',
      service_ids: ['paspor-baru'],
      sources: ['https://example.org/uji'],
    },
    {
      agency_id: 'polri-skck',
      agency_name: 'Polres Uji',
      status: 'planned',
      since: '2026',
      service_ids: ['skck'],
      sources: ['https://example.org/uji'],
    },
  ],
};

const mpp = (finder: HTMLElement) => shadow(finder).querySelector('.locations') as HTMLElement;

afterEach(async () => {
  await page.viewport(1280, 800);
});

for (const [label, width, height] of [
  ['on a phone (412 px)', 412, 915],
  ['on a desktop', 1280, 800],
] as const) {
  describe(`which MPP offers the service, ${label}`, () => {
    it('shows today’s recorded hours, the phone as a link and no map without coordinates', async () => {
      await page.viewport(width, height);
      const finder = mountFinder({ service: 'skck', region: '31.74', 'no-history': '' });
      await expect.element(detailHeading('Penerbitan SKCK')).toBeVisible();
      await expect.element(page.getByText('Mal Pelayanan Publik Provinsi DKI Jakarta')).toBeVisible();
      const day = todayIn('Asia/Jakarta');
      const expected =
        { sun: 'tutup', sat: '07.30–12.00 WIB', fri: '07.30–16.30 WIB' }[day as 'sun'] ?? '07.30–16.00 WIB';
      await expect.element(page.getByText(`Hari ini (${HARI[day]}): ${expected}`)).toBeVisible();
      await expect.element(page.getByText(/^Tercatat November 2017; bisa sudah berubah/)).toBeInTheDocument();
      await expect
        .element(page.getByRole('link', { name: '1500164' }))
        .toHaveAttribute('href', 'tel:1500164');
      await expect.element(page.getByText(/pusat layanan pengelola, bukan nomor gedung/)).toBeVisible();
      await expect.element(page.getByText(/^Loket Polda Metro Jaya.*melayani layanan ini/)).toBeVisible();
      expect(mpp(finder).querySelector('a[href^="https://www.openstreetmap.org/"]')).toBeNull();
      // Nothing sticks out of a phone's width.
      expect(mpp(finder).scrollWidth).toBeLessThanOrEqual(mpp(finder).clientWidth);
      expect(await violations(finder)).toEqual([]);
    });

    it('says the hours are not recorded where no source gives them', async () => {
      await page.viewport(width, height);
      const finder = mountFinder({ service: 'ktp-el-hilang', region: '35.78', 'no-history': '' });
      await expect.element(page.getByText('Mal Pelayanan Publik Siola Kota Surabaya')).toBeVisible();
      await expect.element(page.getByText('Jam buka belum tercatat', { exact: true })).toBeVisible();
      // Dukcapil has a counter, but the source names no services: the citizen is told to ask.
      await expect.element(page.getByText(/^Ada loket .*tanyakan dulu\.$/)).toBeVisible();
      expect(mpp(finder).querySelector('a[href^="tel:"]')).toBeNull();
      expect(await violations(finder)).toEqual([]);
    });

    it('links a map where coordinates are sourced, and widens to the province when the kota has none', async () => {
      await page.viewport(width, height);
      await commands.importLocations([testMpp]);
      const finder = mountFinder({ service: 'paspor-baru', region: '75.01', 'no-history': '' });
      await expect.element(page.getByText('MPP Uji Peta (bukan data nyata)')).toBeVisible();
      await expect.element(page.getByText(/^Belum tercatat di kabupaten\/kota Anda/)).toBeVisible();
      const day = todayIn('Asia/Makassar');
      const closes = day === 'sun' ? 'tutup' : `08.00–15.0${DAYS.indexOf(day)} WITA`;
      await expect.element(page.getByText(`Hari ini (${HARI[day]}): ${closes}`)).toBeVisible();
      await expect
        .element(page.getByRole('link', { name: 'Lihat di peta' }))
        .toHaveAttribute(
          'href',
          'https://www.openstreetmap.org/?mlat=0.5435&mlon=123.0568#map=18/0.5435/123.0568',
        );
      await expect
        .element(page.getByRole('link', { name: '0435-881 234' }))
        .toHaveAttribute('href', 'tel:0435881234');
      expect(await violations(finder)).toEqual([]);
    });
  });
}

it('speaks English on an English page', async () => {
  mountFinderIn({ lang: 'en' }, { service: 'ktp-el-hilang', region: '35.78', 'no-history': '' });
  await expect
    .element(page.getByRole('heading', { level: 4, name: 'Public service malls that offer it' }))
    .toBeVisible();
  await expect.element(page.getByText('Opening hours not recorded', { exact: true })).toBeVisible();
});
