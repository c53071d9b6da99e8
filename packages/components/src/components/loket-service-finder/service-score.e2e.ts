import '../../../dist/components/loket-service-finder.js';
import { skmIndex } from '@loket/sdk/rules';
import { describe, expect, it } from 'vitest';
import { commands, page } from 'vitest/browser';
import { violations } from '../../../test/a11y';
import { mountFinder, openFinder, shadow } from '../../../test/finder';
import { viewports } from '../../../test/viewports';

// The finder's detail shows a service's published satisfaction index (with its band) and on-time
// share in the region, this year; fetched when the detail opens, never on the first load; nothing
// when withheld or absent. The figures come from what this file writes: 10 responses for KIA in
// Kota Surabaya (35.78) now (the minimum), and one KIA application decided by its due date.

const SCORES = [4, 4, 3, 4, 4, 4, 4, 3, 4];
const index = skmIndex(SCORES, 1);
const performanceRequests = () =>
  performance.getEntriesByType('resource').filter((e) => e.name.includes('/v1/performance')).length;

let recorded: Promise<void> | undefined;
const record = () =>
  (recorded ??= (async () => {
    await commands.recordSurvey({
      region: '35.78',
      service: 'kia',
      agency: 'dukcapil',
      scores: SCORES,
      count: 10,
    });
    const now = Date.now();
    const day = (ms: number) => new Date(now + ms).toISOString();
    await commands.insertDecided({
      status: 'completed',
      service: 'kia',
      agency: 'dukcapil',
      region: '35.78',
      submittedAt: day(-60_000),
      decidedAt: day(-30_000),
      due: day(10 * 86_400_000).slice(0, 10),
    });
  })());

describe.each(viewports)(
  'the service’s performance in the finder’s detail, on a %s',
  (_name, width, height) => {
    it('shows the IKM with its band and the on-time share, loaded only when the detail opens; axe 0', async () => {
      await record();
      await page.viewport(width, height);
      performance.clearResourceTimings();
      await openFinder({ region: '35.78' });
      expect(performanceRequests()).toBe(0);
      const detail = mountFinder({ region: '35.78', service: 'kia' });
      await expect
        .element(page.elementLocator(detail).getByRole('heading', { level: 3, name: 'Persyaratan' }))
        .toBeVisible();
      const score = page.elementLocator(detail).getByText(/^IKM /);
      const ikm = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2 }).format(index?.score ?? 0);
      await expect
        .element(score)
        .toHaveTextContent(`IKM ${ikm}, mutu ${index?.band.mutu}: ${index?.band.kinerja}`);
      await expect.element(page.elementLocator(detail).getByText('Selesai tepat waktu: 100%')).toBeVisible();
      expect(performanceRequests()).toBe(1);
      expect(await violations(detail)).toEqual([]);
    });
  },
);

describe('the finder’s detail without published figures', () => {
  it('shows nothing of them when the index is withheld or absent', async () => {
    performance.clearResourceTimings();
    const finder = mountFinder({ region: '35.73', service: 'kia' });
    await expect.element(page.getByRole('heading', { level: 3, name: 'Persyaratan' })).toBeVisible();
    await expect.poll(performanceRequests).toBeGreaterThan(0);
    expect(shadow(finder).querySelector('[part~="score"]')).toBeNull();
  });
});
