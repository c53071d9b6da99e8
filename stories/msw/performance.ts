import type { Performance, SatisfactionCell, ServicePerformance } from '@loket/sdk';
import { krejcieMorgan, SKM_UNSUR, skmIndex } from '@loket/sdk/rules';
import { delay, HttpResponse, http } from 'msw';
import { API_BASE } from './handlers';

/**
 * `GET /v1/performance` for <loket-service-performance> and the finder's detail. The figures are
 * SYNTHETIC examples, not any region's results: each story gives the answers of made-up
 * respondents (nine scores each), and the index, bands, NRR and sample come from them through the
 * SDK's own rules (`skmIndex`, `krejcieMorgan`, `SKM_UNSUR`: PermenPANRB 14/2017), computed as
 * the server computes them; a cell under 10 responses is withheld as the server withholds it.
 */
export type Example = 'A' | 'B' | 'C' | 'D' | 'withheld' | 'empty';

/** Per example, the answers its respondents give, in turn. */
const ANSWERS: Record<Exclude<Example, 'empty'>, number[][]> = {
  A: [
    [4, 4, 4, 4, 4, 4, 4, 3, 4],
    [4, 4, 3, 4, 4, 4, 4, 4, 4],
  ],
  B: [
    [3, 3, 3, 4, 3, 3, 4, 3, 3],
    [4, 3, 3, 4, 3, 4, 3, 3, 3],
  ],
  C: [
    [3, 3, 2, 4, 3, 3, 3, 2, 3],
    [3, 2, 2, 3, 3, 3, 3, 2, 3],
  ],
  D: [
    [2, 2, 1, 3, 2, 3, 2, 1, 2],
    [2, 2, 2, 2, 2, 2, 3, 1, 2],
  ],
  withheld: [[3, 3, 3, 3, 3, 3, 3, 3, 3]],
};
const MIN = 10;

const lang = (request: Request) =>
  request.headers.get('accept-language')?.toLowerCase().startsWith('en') ? 'en' : 'id';

const SERVICES = {
  'ktp-el-hilang': { id: 'Penggantian KTP-el karena Hilang', en: 'Replacement of Lost KTP-el' },
  'akta-kelahiran': { id: 'Penerbitan Akta Kelahiran', en: 'Birth Certificate' },
};
const AGENCY = {
  id: 'Dinas Kependudukan dan Pencatatan Sipil Kabupaten/Kota',
  en: 'Regency/City Population and Civil Registration Office (Dukcapil)',
};

/** The months of a period label, up to this month. */
function months(period: string): string[] {
  const [year = '2026', part = ''] = period.split('-');
  const [first, count] = !part
    ? [1, 12]
    : part[0] === 'S'
      ? [Number(part[1]) * 6 - 5, 6]
      : part[0] === 'Q'
        ? [Number(part[1]) * 3 - 2, 3]
        : [Number(part), 1];
  const now = new Date().toISOString().slice(0, 7);
  return Array.from({ length: count }, (_, i) => `${year}-${String(first + i).padStart(2, '0')}`).filter(
    (m) => m <= now,
  );
}

/** A cell from its respondents' answers, as the server publishes it. */
function cell(key: string | null, rows: number[][], served: number | null, l: 'id' | 'en'): SatisfactionCell {
  const sums = SKM_UNSUR.map((_, i) => rows.reduce((t, r) => t + (r[i] ?? 0), 0));
  const index = rows.length >= MIN ? skmIndex(sums, rows.length) : null;
  const sample = served === null ? null : krejcieMorgan(served);
  return {
    key,
    label: key,
    published: index !== null,
    respondents: index ? rows.length : null,
    ikm: index?.score ?? null,
    band: (index?.band ?? null) as SatisfactionCell['band'],
    unsur: index
      ? SKM_UNSUR.map((u, i) => ({
          no: u.no,
          name: u.name[l],
          nrr: index.nrr[i] ?? 0,
          score: Math.round((index.nrr[i] ?? 0) * 2500) / 100,
        }))
      : null,
    served,
    sample_required: sample,
    sample_reached: index && sample !== null ? rows.length >= sample : null,
  };
}

function service(id: keyof typeof SERVICES, l: 'id' | 'en', n: number): ServicePerformance {
  const decided = n - 3;
  const onTime = Math.round(decided * 0.9);
  return {
    service: id,
    name: SERVICES[id][l],
    applications: n,
    decided,
    on_time: onTime,
    on_time_share: Math.round((onTime / decided) * 1000) / 1000,
    median_working_days: 2,
    overdue_now: 1,
  };
}

/** The answer for `example` to this request (its period, service and `by`). */
function answer(example: Example, request: Request): Performance {
  const url = new URL(request.url);
  const l = lang(request);
  const period = url.searchParams.get('period') ?? '2026';
  const by = url.searchParams.get('by') as Performance['by'];
  const list = months(period);
  const pattern = example === 'empty' ? [] : ANSWERS[example];
  // 12 answers a month, 4 in the month in progress; the withheld region has only those 4.
  const count = (i: number) => (i === list.length - 1 ? 4 : example === 'withheld' ? 0 : 12);
  const perMonth = (i: number) =>
    example === 'empty' ? [] : Array.from({ length: count(i) }, (_, j) => pattern[j % pattern.length] ?? []);
  const all = list.flatMap((_, i) => perMonth(i));
  const served = example === 'empty' ? 0 : 15 * list.length;
  const services =
    example === 'empty'
      ? []
      : [service('ktp-el-hilang', l, 10 * list.length), service('akta-kelahiran', l, 8 * list.length)];
  const only = url.searchParams.get('service');
  const cells =
    by === 'month'
      ? example === 'empty'
        ? []
        : list.map((m, i) => cell(m, perMonth(i), 15, l))
      : by === 'agency' && example !== 'empty'
        ? [{ ...cell('dukcapil', all, served, l), label: AGENCY[l] }]
        : [];
  return {
    lang: l,
    region: { code: url.searchParams.get('region') ?? '35.78', name: 'Kota Surabaya' },
    period: {
      label: period,
      kind: period.includes('-Q')
        ? 'quarter'
        : period.includes('-S')
          ? 'semester'
          : period.length > 4
            ? 'month'
            : 'year',
      start: `${list[0] ?? period}-01`,
      end: `${list.at(-1) ?? period}-28`,
    },
    by,
    method: {
      regulation: 'PermenPANRB 14/2017',
      formula:
        'NRR per unsur = jumlah nilai unsur / jumlah responden; IKM = Σ (NRR × 0,111) × 25 (nilai 25–100), sembilan unsur, skala 1–4.',
      weight: 0.111,
      bands:
        'A 88,31–100 Sangat Baik; B 76,61–88,30 Baik; C 65,00–76,60 Kurang Baik; D 25,00–64,99 Tidak Baik',
      min_responses: MIN,
      sample:
        'Sampel minimum menurut tabel Krejcie & Morgan (95%, ±5%) untuk jumlah yang dilayani dalam periode.',
      served: 'Jumlah yang dilayani: permohonan yang selesai atau ditolak dalam periode.',
      excluded: `Sel dengan kurang dari ${MIN} responden tidak diterbitkan, untuk melindungi responden. (Cerita ini: contoh sintetis.)`,
    },
    generated_at: new Date().toISOString(),
    satisfaction: cell(null, all, served, l),
    cells,
    services: only ? services.filter((s) => s.service === only) : services,
  };
}

const route = `${API_BASE}/v1/performance`;

/** The index and performance of `example` for any region and period. */
export const performanceApi = (example: Example) => [
  http.get(route, ({ request }) => HttpResponse.json(answer(example, request))),
];

/** Every performance request fails (500 problem+json, after the SDK's retries too). */
export const performanceFailing = () => [
  http.get(route, () =>
    HttpResponse.json(
      { type: 'urn:loket:problem:internal', title: 'Terjadi kesalahan pada server', status: 500 },
      { status: 500, headers: { 'content-type': 'application/problem+json' } },
    ),
  ),
];

/** The figures never arrive: the placeholder stays. */
export const performanceSlow = () => [
  http.get(route, async () => {
    await delay('infinite');
    return HttpResponse.json({});
  }),
];
