import type { FiledComplaint } from '@loket/sdk';
import { SKM_UNSUR } from '@loket/sdk/rules';
import { HttpResponse, http } from 'msw';
import channelsData from '../../packages/server/data/catalogue/complaint-channels.json';
import { API_BASE } from './handlers';
import { newSecret, sameSecret } from './secret';

/**
 * The complaint endpoints for <loket-complaint-form> and the tracker, as a small mock in the page
 * that follows the server's rules (src/complaints/): the categories from the SKM unsur
 * (`SKM_UNSUR` of @loket/sdk/rules) and "other", the national channels from the server's own
 * data file, a complaint filed with its code and secret, looked up with them (the same 404 for a
 * wrong one). Dates are the server's: 5 working days from Monday 4 January 2027 (no holiday then).
 */
export const ANSWERED = { code: 'ADU-7K4M-Q2XP', secret: '7KQ2-M9XD-4HTR-0BWE' };

const ids = [
  'requirements',
  'procedure',
  'time',
  'cost',
  'product',
  'competence',
  'conduct',
  'complaint_handling',
  'facilities',
] as const;
const en = (request: Request) => request.headers.get('accept-language')?.toLowerCase().startsWith('en');
const lang = (request: Request): 'id' | 'en' => (en(request) ? 'en' : 'id');

function channels(l: 'id' | 'en') {
  return channelsData.national.map(({ name, url, scope, legal_basis, sources, ways }) => ({
    name,
    url,
    scope: scope as 'national',
    legal_basis,
    sources,
    ways: ways.map((w) => ({ ...w, kind: w.kind as 'web', note: w.note ? w.note[l] : null })),
  }));
}

const filed = new Map<string, { secret: string; complaint: Omit<FiledComplaint, 'lang' | 'channels'> }>();

const base = (
  code: string,
  over: Partial<FiledComplaint> = {},
): Omit<FiledComplaint, 'lang' | 'channels'> => ({
  code,
  status: 'received',
  category: 'time',
  about: {
    kind: 'service',
    service: { id: 'ktp-el-hilang', name: 'Penggantian KTP-el karena Hilang' },
    region: '35.78',
    agency: { id: 'dukcapil', name: 'Dinas Kependudukan dan Pencatatan Sipil' },
    application: null,
    visit: null,
  },
  description: 'Sudah dua minggu sejak saya datang ke loket dan belum ada kabar.',
  filed_at: '2027-01-04T02:00:00.000Z',
  due: { date: '2027-01-11', working_days: 5, calendar: 'official', basis: 'default' },
  answer: null,
  closed_at: null,
  contact: { email: null, phone: null },
  notify: [],
  ...over,
});

/** Every story starts with only the answered example filed. */
export function resetComplaints() {
  filed.clear();
  filed.set('7K4MQ2XP', {
    secret: ANSWERED.secret,
    complaint: base(ANSWERED.code, {
      status: 'answered',
      answer: {
        text: 'Mohon maaf atas keterlambatan. KTP-el Anda sudah dicetak dan dapat diambil.',
        at: '2027-01-06T03:00:00.000Z',
      },
    }),
  });
}
resetComplaints();

const notFound = (request: Request) =>
  HttpResponse.json(
    {
      type: 'urn:loket:problem:not-found',
      title: en(request) ? 'Not found' : 'Tidak ditemukan',
      status: 404,
      detail: en(request)
        ? 'Complaint not found, or its secret is wrong.'
        : 'Pengaduan tidak ditemukan, atau kode rahasianya salah.',
    },
    { status: 404, headers: { 'content-type': 'application/problem+json' } },
  );

/**
 * `POST /v1/news-channels` `{ about }`: whether news about a complaint on `about` can reach the
 * citizen by e-mail and by phone (on the server: the agency's gateway covering the region takes
 * complaint events). The demo region's Dispendukcapil, whatever the complaint is about.
 */
export const complaintNews = (phone: boolean, email = true) => [
  http.post(`${API_BASE}/v1/news-channels`, async ({ request }) => {
    const { about } = (await request.json()) as { about: { region?: string } };
    return HttpResponse.json({
      lang: lang(request),
      region: about.region ?? '35.78',
      agency: 'dukcapil',
      email,
      phone,
    });
  }),
];

export const complaints = () => [
  ...complaintNews(false),
  http.get(`${API_BASE}/v1/complaint-channels`, ({ request }) =>
    HttpResponse.json({
      lang: lang(request),
      categories: [
        ...ids.map((id, i) => ({ id, name: SKM_UNSUR[i]?.name[lang(request)] ?? id })),
        { id: 'other', name: en(request) ? 'Other' : 'Lainnya' },
      ],
      data: channels(lang(request)),
    }),
  ),
  http.post(`${API_BASE}/v1/complaints`, async ({ request }) => {
    const body = (await request.json()) as {
      category: FiledComplaint['category'];
      description: string;
      about: { kind: string; code?: string };
    };
    const code = `ADU-${Math.random()
      .toString(36)
      .slice(2, 6)
      .toUpperCase()
      .replace(/[ILOU]/g, '7')}-9QXR`;
    const secret = newSecret();
    const complaint = base(code, {
      category: body.category,
      description: body.description,
      about: {
        ...base('').about,
        kind: body.about.kind as 'service',
        application: body.about.kind === 'application' ? (body.about.code ?? null) : null,
      },
    });
    filed.set(code.replaceAll('-', '').slice(3), { secret, complaint });
    return HttpResponse.json(
      { ...complaint, lang: lang(request), channels: channels(lang(request)), secret },
      { status: 201 },
    );
  }),
  http.get(`${API_BASE}/v1/complaints/:code`, ({ request, params }) => {
    const key = String(params.code).toUpperCase().replaceAll('-', '').replace(/^ADU/, '');
    const found = filed.get(key);
    if (!found || !sameSecret(request.headers.get('loket-secret'), found.secret)) return notFound(request);
    return HttpResponse.json({ ...found.complaint, lang: lang(request), channels: channels(lang(request)) });
  }),
];
