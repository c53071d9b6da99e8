import { emptyRecord, recordStore } from '@loket/sdk/session';
import { html } from 'lit';
import { expect, waitFor, within } from 'storybook/test';
import { en as formEn } from '../../packages/components/src/components/loket-application-form/messages/en';
import { id as formId } from '../../packages/components/src/components/loket-application-form/messages/id';
import { en as laterEn } from '../../packages/components/src/components/loket-application-form/messages/later/en';
import { id as laterId } from '../../packages/components/src/components/loket-application-form/messages/later/id';
import formFixtureEn from '../fixtures/application-form.en.json';
import formFixtureId from '../fixtures/application-form.id.json';
import {
  applicationApi,
  applicationForm,
  newsChannels,
  resetApplications,
  seedApplication,
} from '../msw/applications';
import { demo } from '../msw/demo';
import { API_BASE } from '../msw/handlers';
import { props } from './controls';
import { escapeRegExp, fill, storyLocale } from './locale';

/** The form's attributes a story sets. */
export interface FormArgs {
  'api-base': string;
  region: string;
  service: string;
  'tracker-href'?: string;
}

/**
 * What every form story shares (the stories files add their `title`, `component` and `tags`): the
 * form on the mock API, each story in its own iframe on the docs page (its own device and server
 * state), and every story starting as a first visit: nothing on this device, no applications on
 * the server.
 */
export const formStories = {
  args: { 'api-base': API_BASE, region: demo.region, service: demo.service, 'tracker-href': '/lacak.html' },
  render: (args: FormArgs) => html`
    <loket-application-form ${props(args)}></loket-application-form>
  `,
  parameters: {
    // The region's phone gateway is plugged in: the phone box is offered (see NoPhoneGateway).
    msw: { handlers: { form: applicationForm(), applications: applicationApi(), news: newsChannels(true) } },
    docs: { story: { inline: false, iframeHeight: 640 } },
  },
  beforeEach() {
    notOnThisDevice();
    notOnThisDevice(demo.prefill);
    resetApplications();
  },
};

/** A citizen's ktp-el-hilang answers that the shared validator accepts (the NIK's date fits the form's rules). */
export const answers = {
  nama_lengkap: 'Siti Aminah',
  nik: '3578015505900001',
  telepon: '081234567890',
  email: 'siti.aminah@example.id',
  tanggal_kehilangan: '2026-03-01',
  nomor_surat_kehilangan: 'SKH/123/III/2026',
  pernyataan_benar: true,
};
export const FILES = ['surat_keterangan_kehilangan', 'kartu_keluarga'];

/** This device's saved application for `service` (the stories' own by default), as an earlier visit left it. */
export function onThisDevice(
  record: Partial<ReturnType<typeof emptyRecord>>,
  service: string = demo.service,
) {
  recordStore(service, demo.region, localStorage).write({ ...emptyRecord(), ...record });
}

/** Forgets this device's saved application for `service`: a first visit. */
export function notOnThisDevice(service: string = demo.service) {
  recordStore(service, demo.region, localStorage).remove();
}

/** A draft the server (the mock) holds with every answer and file, saved on this device too. */
export async function completeDraft(place: string) {
  const key = await seedApplication({ answers, files: FILES });
  onThisDevice({ key, place });
}

/** Long enough for the SDK's retries (0.3 s + 0.6 s) and a slow CI machine. */
export const patience = { timeout: 5000 };

/** The form in the story, and Testing Library queries inside its shadow root. */
export async function formIn(canvasElement: HTMLElement) {
  const el = canvasElement.querySelector('loket-application-form');
  if (!el) throw new Error('No <loket-application-form> in this story');
  await customElements.whenDefined('loket-application-form');
  await waitFor(() => expect(el.shadowRoot?.querySelector('h2')).toBeTruthy(), patience);
  return { el, view: within(el.shadowRoot as unknown as HTMLElement) };
}

interface RecordedForm {
  steps: {
    id: string;
    title: { id: string; en: string };
    fields: { id: string; label: { id: string; en: string } }[];
  }[];
}
const recordedForms = { id: formFixtureId, en: formFixtureEn };

/**
 * What the form says in the story's language (the Language toolbar's, or the story's own): its
 * dictionaries (`t`, and `later` for the end views), a field's label from the recorded form
 * definition, a step's heading, and the server's recorded words (`details`).
 */
export function formWords(globals: Record<string, unknown>, service: string = demo.service) {
  const lang = storyLocale(globals);
  const recorded = recordedForms[lang];
  const form = recorded.responses[`GET /v1/services/${service}/form` as keyof typeof recorded.responses]
    .body as unknown as RecordedForm;
  const t = { id: formId, en: formEn }[lang];
  const fields = form.steps.flatMap((s) => s.fields);
  return {
    lang,
    t,
    later: { id: laterId, en: laterEn }[lang],
    details: recorded.details as Record<string, string>,
    /** A field's label, e.g. "Nama lengkap" / "Full name". */
    label: (field: string) => fields.find((f) => f.id === field)?.label[lang] ?? `(no field ${field})`,
    /** A step's heading, "Langkah 1 dari 3" and its title after it. */
    step: (n: number, total: number) => new RegExp(`^${escapeRegExp(fill(t.step.progress, { n, total }))}`),
    /** A step's title. */
    stepTitle: (step: string) => form.steps.find((s) => s.id === step)?.title[lang] ?? '',
  };
}
