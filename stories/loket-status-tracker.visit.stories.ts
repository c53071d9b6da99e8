import type { ApplicationStatus, Visit } from '@loket/sdk';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { HttpResponse, http } from 'msw';
import { expect } from 'storybook/test';
import en from './fixtures/tracker.en.json';
import id from './fixtures/tracker.id.json';
import { API_BASE } from './msw/handlers';
import { applications } from './msw/tracker';
import { SIOLA } from './msw/visits';
import { patience } from './support/finder';
import { escapeRegExp } from './support/locale';
import { trackerIn, trackerWords } from './support/tracker';

// <loket-status-tracker> on an application whose in-person step is booked (`visit` in its status):
// the recorded in-review application, with the visit the API adds when a booking links to it.

const visit: Visit = {
  code: 'ANT-0112-0930',
  status: 'booked',
  date: '2027-01-12',
  time: '09:30',
  starts_at: '2027-01-12T02:30:00Z',
  timezone: 'Asia/Jakarta',
  location: { id: SIOLA.id, name: SIOLA.name, address: SIOLA.address },
  counter: {
    id: 'dukcapil-1',
    label: 'Loket 1',
    agency_id: 'dukcapil',
    agency_name: 'Dispendukcapil Kota Surabaya',
  },
  service: { id: 'ktp-el-hilang', name: 'Penggantian KTP-el karena Hilang' },
  ticket: { number: 'A-014', kind: 'booked', qr: 'LOKET-VISIT:ANT-0112-0930' },
};

const key = `GET /v1/applications/${applications.in_review.code}/status`;
const withVisit = () => [
  http.get(`${API_BASE}/v1/applications/:code/status`, ({ request }) => {
    const english = request.headers.get('accept-language')?.startsWith('en');
    const recorded = (english ? en : id).responses[key as keyof typeof id.responses];
    return HttpResponse.json({ ...(recorded.body as unknown as ApplicationStatus), visit });
  }),
];

const meta = {
  title: 'Components/Status tracker/With a visit',
  // Its play functions take the line in the story's language: it follows the Language toolbar.
  component: 'loket-status-tracker',
  render: () => html`
    <loket-status-tracker
      api-base=${API_BASE}
      code=${applications.in_review.code}
      secret=${applications.in_review.secret}
    ></loket-status-tracker>
  `,
  parameters: { msw: { handlers: { tracker: withVisit() } } },
} satisfies Meta;

export default meta;

/** "Datang ke loket": when, where, which counter, the queue number. */
export const VisitBooked: StoryObj = {
  play: async ({ canvasElement, globals }) => {
    const { say } = trackerWords(globals);
    const { root, view } = await trackerIn(canvasElement);
    const line = await view.findByText(
      say({ id: /Nomor antrean A-014/, en: /Queue number A-014/ }),
      {},
      patience,
    );
    const place = 'Mal Pelayanan Publik Siola Kota Surabaya, Loket 1 (Dispendukcapil Kota Surabaya).';
    await expect(line.textContent).toMatch(
      new RegExp(
        say({
          id: `^Datang ke loket: Selasa, 12 Januari, 09\\.30 WIB, ${escapeRegExp(place)} Nomor antrean A-014\\.$`,
          en: `^Come to the counter: Tuesday,? 12 January, 09:30 WIB, ${escapeRegExp(place)} Queue number A-014\\.$`,
        }),
      ),
    );
    await expect(root.querySelector('[part~="visit"]')).toBe(line);
  },
};

/** In English. */
export const VisitBookedEnglish: StoryObj = {
  globals: { locale: 'en' },
  play: async ({ canvasElement }) => {
    const { view } = await trackerIn(canvasElement);
    const line = await view.findByText(/Queue number A-014/, {}, patience);
    await expect(line.textContent).toMatch(/^Come to the counter: Tuesday,? 12 January, 09:30 WIB, /);
  },
};
