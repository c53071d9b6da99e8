import '../../../dist/components/loket-service-performance.js';
import { skmIndex } from '@loket/sdk/rules';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { commands, page } from 'vitest/browser';
import { violations } from '../../../test/a11y';
import { addToPage } from '../../../test/finder';
import { viewports } from '../../../test/viewports';

// <loket-service-performance> on the real API. Every figure comes from responses and applications
// this file writes in 2025 (commands.recordSurvey, insertDecided): Kota Surabaya (35.78) has 12
// responses in March and 3 in April (15 in the year: published; April alone is withheld) and two
// decided KTP-el applications, one by its due date; Kabupaten Sidoarjo (35.15) has 4 (withheld);
// Kota Malang (35.73) none.

const MARCH = [
  ...Array<number[]>(8).fill([3, 3, 3, 4, 3, 3, 3, 3, 3]),
  ...Array<number[]>(4).fill([4, 4, 4, 4, 4, 4, 4, 4, 4]),
];
const APRIL = Array<number[]>(3).fill([2, 2, 2, 2, 2, 2, 2, 2, 2]);
const ktp = { service: 'ktp-el-hilang', agency: 'dukcapil' };
const sums = (rows: number[][]) =>
  Array.from({ length: 9 }, (_, i) => rows.reduce((t, r) => t + (r[i] ?? 0), 0));
const year = skmIndex(sums([...MARCH, ...APRIL]), 15);
const march = skmIndex(sums(MARCH), 12);
const two = (n: number) =>
  new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);

beforeAll(async () => {
  const answers: [region: string, day: string, scores: number[], count: number][] = [
    ['35.78', '2025-03-10', [3, 3, 3, 4, 3, 3, 3, 3, 3], 8],
    ['35.78', '2025-03-11', Array(9).fill(4), 4],
    ['35.78', '2025-04-02', Array(9).fill(2), 3],
    ['35.15', '2025-05-02', Array(9).fill(3), 4],
  ];
  for (const [region, day, scores, count] of answers)
    await commands.recordSurvey({ region, ...ktp, at: `${day}T03:00:00Z`, scores, count });
  const decided = {
    status: 'completed',
    region: '35.78',
    ...ktp,
    submittedAt: '2025-03-03T02:00:00Z',
  } as const;
  await commands.insertDecided({ ...decided, decidedAt: '2025-03-05T03:00:00Z', due: '2025-03-10' });
  await commands.insertDecided({ ...decided, decidedAt: '2025-03-20T03:00:00Z', due: '2025-03-10' });
});
afterEach(() => commands.clearNetworkFaults());

function mount(attrs: Record<string, string>): HTMLElement {
  const el = document.createElement('loket-service-performance');
  for (const [name, value] of Object.entries({ 'api-base': inject('apiBase'), period: '2025', ...attrs }))
    el.setAttribute(name, value);
  return addToPage(el);
}
const root = (el: HTMLElement) => el.shadowRoot as ShadowRoot;
const texts = (el: HTMLElement, selector: string) =>
  [...root(el).querySelectorAll(selector)].map((n) => n.textContent?.trim() ?? '');

describe.each(viewports)('<loket-service-performance> on a %s', (_name, width, height) => {
  it('shows the IKM with its band, the nine unsur and the trend; each chart’s table holds its bars’ figures; axe 0', async () => {
    await page.viewport(width, height);
    const el = mount({ region: '35.78' });
    const score = page.elementLocator(el).getByText(two(year?.score ?? 0), { exact: true });
    await expect.element(score).toBeVisible();
    expect(texts(el, '[part~="band"]')).toEqual([`Mutu ${year?.band.mutu}: ${year?.band.kinerja}`]);
    await expect.element(page.elementLocator(el).getByText('15 responden')).toBeVisible();
    expect(texts(el, '.summary .small')[0]).toMatch(
      /^Sampel Krejcie–Morgan terpenuhi \(15 dari 2 .* 2 orang dilayani\)/,
    );

    // The unsur chart: nine bars, each the table's "Nilai" (NRR × 25) of its row.
    const bars = [...root(el).querySelectorAll('[part~="unsur"] rect.bar')].map((r) =>
      Number(r.getAttribute('data-value')),
    );
    expect(bars).toHaveLength(9);
    const unsurRows = [...root(el).querySelectorAll('[part~="unsur"] tbody tr')].map((tr) =>
      [...tr.children].map((c) => c.textContent ?? ''),
    );
    expect(unsurRows.map((r) => r[3])).toEqual(bars.map(two));
    expect(unsurRows[3]?.slice(0, 2)).toEqual(['4', 'Biaya/Tarif']);
    expect(unsurRows.map((r) => r[2])).toEqual(
      year?.nrr.map((v) => new Intl.NumberFormat('id-ID', { minimumFractionDigits: 4 }).format(v)),
    );

    // The trend: March a bar (its IKM in the table), April withheld in both, the other months too.
    const march2 = root(el).querySelector('[part~="trend"] rect[data-month="2025-03"]');
    expect(Number(march2?.getAttribute('data-value'))).toBe(march?.score);
    expect(root(el).querySelector('[part~="trend"] rect[data-month="2025-04"]')?.getAttribute('class')).toBe(
      'withheld',
    );
    const trendRows = [...root(el).querySelectorAll('[part~="trend"] tbody tr')].map((tr) =>
      [...tr.children].map((c) => c.textContent),
    );
    expect(trendRows).toHaveLength(12);
    expect(trendRows[2]).toEqual([
      'Maret 2025',
      `${two(march?.score ?? 0)} (${march?.band.mutu})`,
      '12',
      '2',
    ]);
    expect(trendRows[3]).toEqual(['April 2025', 'Belum cukup tanggapan', '–', '0']);

    // Beside it, the service's performance: 2 received, one of the two decided on time.
    const card = page.elementLocator(el).getByRole('listitem').filter({ hasText: 'KTP-el' });
    await expect.element(card.getByText('50%')).toBeVisible();
    expect(root(el).querySelector('svg')?.getAttribute('role')).toBe('img');
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
    expect(await violations(el)).toEqual([]);
  });
});

describe('<loket-service-performance>', () => {
  it('says honestly when a region has too few responses, and fits 320 px', async () => {
    await page.viewport(320, 800);
    const el = mount({ region: '35.15' });
    await expect
      .element(page.elementLocator(el).getByText('Belum cukup tanggapan', { exact: true }).first())
      .toBeVisible();
    await expect
      .element(
        page
          .elementLocator(el)
          .getByText('Nilai diterbitkan mulai 10 tanggapan, untuk melindungi responden.'),
      )
      .toBeVisible();
    expect(root(el).querySelector('[part~="score"]')).toBeNull();
    expect(root(el).querySelector('[part~="unsur"]')).toBeNull();
    expect(root(el).querySelectorAll('[part~="trend"] rect.bar')).toHaveLength(0);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(320);
    expect(await violations(el)).toEqual([]);
  });

  it('says when a period has no data at all', async () => {
    const el = mount({ region: '35.73' });
    await expect
      .element(
        page.elementLocator(el).getByText('Belum ada tanggapan survei atau permohonan pada periode ini.'),
      )
      .toBeVisible();
  });

  it('filters by service and period, says what it shows, and links the CSV of it', async () => {
    const el = mount({ region: '35.78' });
    const service = page.elementLocator(el).getByLabelText('Layanan', { exact: true });
    await expect.element(page.elementLocator(el).getByText('15 responden')).toBeVisible();
    await service.selectOptions('ktp-el-hilang');
    await expect
      .element(page.elementLocator(el).getByRole('status'))
      .toHaveTextContent(/^Menampilkan data Kota Surabaya, 2025\.$/);
    await page.elementLocator(el).getByLabelText('Periode', { exact: true }).selectOptions('2025-Q2');
    await expect.element(page.elementLocator(el).getByRole('status')).toHaveTextContent('Triwulan 2 2025');
    await expect
      .element(page.elementLocator(el).getByText('Belum cukup tanggapan', { exact: true }).first())
      .toBeVisible();
    const csv = new URL(root(el).querySelector<HTMLAnchorElement>('[part~="csv"]')?.href ?? '');
    expect(csv.pathname).toBe('/v1/performance/export');
    expect(Object.fromEntries(csv.searchParams)).toMatchObject({
      region: '35.78',
      period: '2025-Q2',
      service: 'ktp-el-hilang',
    });
  });

  it('shows the error with "Coba lagi", which loads again and moves focus', async () => {
    await commands.networkFault({ url: '/v1/performance', when: 'before' });
    const el = mount({ region: '35.78' });
    const retry = page.elementLocator(el).getByRole('button', { name: 'Coba lagi' });
    await expect.element(retry, { timeout: 15_000 }).toBeVisible();
    expect(await violations(el)).toEqual([]);
    await commands.clearNetworkFaults();
    await retry.click();
    await expect.element(page.elementLocator(el).getByText('15 responden')).toBeVisible();
    await expect.poll(() => root(el).activeElement?.id).toBe('loket-perf-heading');
  });

  it('speaks English under lang="en" (the regulation’s band labels kept)', async () => {
    const wrapper = addToPage(document.createElement('div'));
    wrapper.lang = 'en';
    const el = document.createElement('loket-service-performance');
    el.setAttribute('api-base', inject('apiBase'));
    el.setAttribute('region', '35.78');
    el.setAttribute('period', '2025');
    wrapper.append(el);
    await expect.element(page.elementLocator(el).getByText('15 respondents')).toBeVisible();
    expect(texts(el, '[part~="band"]')[0]).toMatch(
      new RegExp(`^Grade ${year?.band.mutu}: ${year?.band.kinerja} \\(`),
    );
    expect(texts(el, '[part~="unsur"] tbody th')[0]).toBe('1');
    expect(texts(el, '[part~="unsur"] tbody td')[0]).toBe('Requirements');
    expect(await violations(el)).toEqual([]);
  });
});
