import { delay, HttpResponse, http, type JsonBodyType } from 'msw';
import { detectType } from '../../packages/components/src/components/loket-application-form/file-check';
import { todayInJakarta, validateAnswers } from '../../packages/sdk/src/forms/index';
import type {
  Answers,
  Application,
  ApplicationStatus,
  ApplicationStatusCode,
  Attachment,
  CreatedApplication,
  FormDefinition,
  Service,
} from '../../packages/sdk/src/index';
import { problemTitles } from '../../packages/server/src/http/messages';
import en from '../fixtures/application-form.en.json';
import id from '../fixtures/application-form.id.json';
import { demo } from './demo';
import { API_BASE } from './handlers';

/**
 * The application endpoints for the form's stories: a small stateful copy of the API in the
 * browser, with the contract's shapes and rules (secret, `If-Match`/`ETag`, merge patch, file
 * type by content, `Idempotency-Key` replay, the shared validator of `@loket/sdk/forms`, the
 * state machine). The service, the form and every word about a status (`status_text`,
 * `next_step`, `due`) are what the real server answered (`node scripts/record-story-fixtures.mjs`).
 */

type Lang = 'id' | 'en';
type Words = Pick<ApplicationStatus, 'status_text' | 'next_step' | 'due' | 'overdue'>;
interface Fixture {
  responses: Record<string, { status: number; body: JsonBodyType }>;
  statuses: Partial<Record<ApplicationStatusCode, Words>>;
}
const recorded = { id, en } as unknown as Record<Lang, Fixture>;
const formKey = `GET /v1/services/${demo.service}/form`;
const serviceKey = `GET /v1/services/${demo.service}?region=${demo.region}`;
const formOf = (lang: Lang) => recorded[lang].responses[formKey]?.body as unknown as FormDefinition;
const serviceOf = (lang: Lang) => recorded[lang].responses[serviceKey]?.body as unknown as Service;

interface Stored {
  id: string;
  code: string;
  secret: string;
  version: number;
  status: ApplicationStatusCode;
  answers: Answers;
  attachments: Attachment[];
  revisionFields: string[];
  history: { status: ApplicationStatusCode; at: string; note: string | null }[];
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  /** Idempotency keys: what was submitted under each, and the answer given. */
  keys: Map<string, { print: string; body: ApplicationStatus }>;
}

const applications = new Map<string, Stored>();

/** Every story starts without applications. */
export function resetApplications(): void {
  applications.clear();
}

const langOf = (request: Request): Lang =>
  request.headers.get('accept-language')?.toLowerCase().startsWith('en') ? 'en' : 'id';
const now = () => new Date().toISOString();
const etagOf = (app: Stored) => `"v${app.version}-${app.id.slice(0, 8)}"`;
const headers = (app: Stored) => ({ etag: etagOf(app), 'access-control-expose-headers': 'ETag' });
const randomCode = () =>
  `LKT-${Array.from(
    crypto.getRandomValues(new Uint8Array(8)),
    (b) => 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'[b % 31],
  )
    .join('')
    .replace(/^(.{4})/, '$1-')}`;

function problem(
  request: Request,
  status: number,
  kind: keyof typeof problemTitles,
  detail: string,
  errors?: unknown,
) {
  const body = {
    type: `urn:loket:problem:${kind}`,
    title: problemTitles[kind][langOf(request)],
    status,
    detail,
  };
  return HttpResponse.json(errors ? { ...body, errors } : body, {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });
}

function presentApplication(app: Stored, lang: Lang): Application {
  const service = serviceOf(lang);
  return {
    lang,
    code: app.code,
    service: { id: service.id, name: service.name },
    region: demo.region,
    status: app.status,
    form_version: formOf(lang).version,
    answers: app.answers,
    attachments: app.attachments,
    revision_fields: app.status === 'needs_revision' ? app.revisionFields : [],
    created_at: app.createdAt,
    updated_at: app.updatedAt,
    submitted_at: app.submittedAt,
    due: wordsOf(app.status, lang).due,
  };
}

function wordsOf(status: ApplicationStatusCode, lang: Lang): Words {
  const words = recorded[lang].statuses[status];
  if (!words)
    throw new Error(`No recorded words for "${status}": record them in scripts/record-story-fixtures.mjs`);
  return words;
}

function presentStatus(app: Stored, lang: Lang): ApplicationStatus {
  const service = serviceOf(lang);
  const labels = new Map(
    formOf(lang).steps.flatMap((s) => s.fields.map((f) => [f.id, f.label[lang]] as const)),
  );
  const revisionFields = app.status === 'needs_revision' ? app.revisionFields : [];
  return {
    lang,
    code: app.code,
    service: { id: service.id, name: service.name },
    status: app.status,
    history: app.history,
    ...wordsOf(app.status, lang),
    revision_fields: revisionFields.map((field) => ({ id: field, label: labels.get(field) ?? field })),
  };
}

/** The application the request's code and secret name, or the server's 404. */
function own(request: Request, code: string): Stored | Response {
  const app = applications.get(code);
  if (app && request.headers.get('loket-secret') === app.secret) return app;
  const detail = {
    id: `Permohonan "${code}" tidak ditemukan, atau kode rahasianya salah.`,
    en: `Application "${code}" was not found, or its secret is wrong.`,
  };
  return problem(request, 404, 'not-found', detail[langOf(request)]);
}

function invalidAnswers(
  request: Request,
  app: Pick<Stored, 'answers' | 'attachments'>,
  mode: 'draft' | 'submit',
) {
  const lang = langOf(request);
  const found = validateAnswers(formOf(lang), app.answers, {
    lang,
    mode,
    today: todayInJakarta(),
    ...(mode === 'submit' ? { attachments: app.attachments } : {}),
  });
  if (found.length === 0) return null;
  const detail = {
    id: `Ada ${found.length} isian yang belum lengkap atau belum benar.`,
    en: `${found.length} answers are incomplete or invalid.`,
  };
  const errors = found.map((p) => ({ pointer: p.pointer, detail: p.message }));
  return problem(request, 422, 'invalid-answers', detail[lang], errors);
}

const editable = (app: Stored) => app.status === 'draft' || app.status === 'needs_revision';
const notEditable = (request: Request, app: Stored) =>
  problem(request, 409, 'not-editable', `Permohonan berstatus "${app.status}" tidak dapat diubah lagi.`);
const touch = (app: Stored) => {
  app.version += 1;
  app.updatedAt = now();
};

/** A new application held by the mock, e.g. one an officer sent back for revision. */
export async function seedApplication(init: {
  status?: ApplicationStatusCode;
  answers?: Answers;
  files?: string[];
  revision?: { fields: string[]; note: string };
}): Promise<{ code: string; secret: string }> {
  const app = blank({ ...init.answers });
  for (const field of init.files ?? []) {
    const attachment = await attachmentOf(field, new File([SAMPLE_PDF], `${field}.pdf`));
    app.attachments.push(attachment);
    app.answers[field] = [...((app.answers[field] as string[] | undefined) ?? []), attachment.id];
  }
  const status = init.status ?? 'draft';
  const path: ApplicationStatusCode[] =
    status === 'draft'
      ? []
      : status === 'needs_revision'
        ? ['submitted', 'in_review', 'needs_revision']
        : ['submitted'];
  for (const next of path) {
    app.history.push({
      status: next,
      at: now(),
      note: next === 'needs_revision' ? (init.revision?.note ?? null) : null,
    });
  }
  app.status = status;
  app.submittedAt = status === 'draft' ? null : now();
  app.revisionFields = init.revision?.fields ?? [];
  return { code: app.code, secret: app.secret };
}

/** A tiny PDF (the server decides the type by these first bytes). */
export const SAMPLE_PDF = '%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n';

function blank(answers: Answers): Stored {
  const app: Stored = {
    id: crypto.randomUUID(),
    code: randomCode(),
    secret: crypto.randomUUID().replaceAll('-', ''),
    version: 1,
    status: 'draft',
    answers,
    attachments: [],
    revisionFields: [],
    history: [{ status: 'draft', at: now(), note: null }],
    createdAt: now(),
    updatedAt: now(),
    submittedAt: null,
    keys: new Map(),
  };
  applications.set(app.code, app);
  return app;
}

async function attachmentOf(field: string, file: File): Promise<Attachment> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return {
    id: crypto.randomUUID(),
    field,
    filename: file.name || 'berkas',
    content_type: detectType(bytes.subarray(0, 16)) ?? 'application/pdf',
    size: file.size,
    sha256: Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join(''),
    created_at: now(),
  };
}

const fileRuleOf = (field: string) =>
  formOf('id')
    .steps.flatMap((s) => s.fields)
    .find((f) => f.id === field && f.type === 'file')?.file;

const path = (rest = '') => `${API_BASE}/v1/applications${rest}`;

/** The service and its form, as recorded. */
export const applicationForm = () => [
  http.get(`${API_BASE}/v1/services/${demo.service}/form`, ({ request }) =>
    HttpResponse.json(formOf(langOf(request)) as unknown as JsonBodyType),
  ),
  http.get(`${API_BASE}/v1/services/${demo.service}`, ({ request }) =>
    HttpResponse.json(serviceOf(langOf(request)) as unknown as JsonBodyType),
  ),
];

/** Uploads take `ms` milliseconds (forever by default), then answer like `applicationApi()`. */
export const slowUploads = (ms: number | 'infinite' = 'infinite') => [
  http.post(path('/:code/attachments'), async () => {
    await delay(ms);
  }),
];

/** The network is down: no application request gets an answer (a failed fetch, like a dead connection). */
export const offlineApplications = () => [
  http.all(path('*'), () => HttpResponse.error()),
  http.all(path(), () => HttpResponse.error()),
];

/** The stateful application endpoints (see the top of this file). */
export const applicationApi = () => [
  http.post<never, { service: string; region: string; answers?: Answers }>(path(), async ({ request }) => {
    const input = await request.json();
    if (input.service !== demo.service || input.region !== demo.region) {
      return problem(
        request,
        404,
        'not-found',
        `Layanan "${input.service}" tidak ada di wilayah ${input.region}.`,
      );
    }
    const refused = invalidAnswers(request, { answers: input.answers ?? {}, attachments: [] }, 'draft');
    if (refused) return refused;
    const app = blank({ ...input.answers });
    const body: CreatedApplication = { ...presentApplication(app, langOf(request)), secret: app.secret };
    return HttpResponse.json(body as unknown as JsonBodyType, { status: 201, headers: headers(app) });
  }),

  http.get<{ code: string }>(path('/:code'), ({ request, params }) => {
    const app = own(request, params.code);
    if (app instanceof Response) return app;
    return HttpResponse.json(presentApplication(app, langOf(request)) as unknown as JsonBodyType, {
      headers: headers(app),
    });
  }),

  http.get<{ code: string }>(path('/:code/status'), ({ request, params }) => {
    const app = own(request, params.code);
    if (app instanceof Response) return app;
    return HttpResponse.json(presentStatus(app, langOf(request)) as unknown as JsonBodyType);
  }),

  http.patch<{ code: string }, { answers: Record<string, Answers[string] | null> }>(
    path('/:code'),
    async ({ request, params }) => {
      const app = own(request, params.code);
      if (app instanceof Response) return app;
      const ifMatch = request.headers.get('if-match');
      if (!ifMatch) return problem(request, 428, 'precondition-required', 'Kirim tajuk If-Match.');
      if (ifMatch !== etagOf(app) && ifMatch !== '*') {
        return problem(
          request,
          412,
          'precondition-failed',
          'Permohonan sudah diubah di tempat lain sejak Anda membukanya.',
        );
      }
      if (!editable(app)) return notEditable(request, app);
      const { answers: patch } = await request.json();
      const locked = Object.keys(patch).filter(
        (f) => app.status === 'needs_revision' && !app.revisionFields.includes(f),
      );
      if (locked.length) return notEditable(request, app);
      const answers: Answers = { ...app.answers };
      for (const [field, value] of Object.entries(patch)) {
        if (value === null) delete answers[field];
        else answers[field] = value;
      }
      const refused = invalidAnswers(request, { answers, attachments: app.attachments }, 'draft');
      if (refused) return refused;
      if (JSON.stringify(answers) !== JSON.stringify(app.answers)) {
        app.answers = answers;
        touch(app);
      }
      return HttpResponse.json(presentApplication(app, langOf(request)) as unknown as JsonBodyType, {
        headers: headers(app),
      });
    },
  ),

  http.post<{ code: string }>(path('/:code/attachments'), async ({ request, params }) => {
    const app = own(request, params.code);
    if (app instanceof Response) return app;
    const form = await request.formData();
    const field = String(form.get('field'));
    const file = form.get('file');
    const rule = fileRuleOf(field);
    if (!rule || !(file instanceof File))
      return problem(request, 422, 'invalid-answers', `Tidak ada kolom berkas "${field}".`);
    if (!editable(app) || (app.status === 'needs_revision' && !app.revisionFields.includes(field))) {
      return notEditable(request, app);
    }
    if (app.attachments.filter((a) => a.field === field).length >= (rule.max_files ?? 1)) {
      return problem(
        request,
        409,
        'invalid-request',
        `Kolom "${field}" menerima paling banyak ${rule.max_files ?? 1} berkas.`,
      );
    }
    const type = detectType(new Uint8Array(await file.slice(0, 16).arrayBuffer()));
    if (!type || !rule.accept.includes(type)) {
      return problem(
        request,
        422,
        'file-type-not-allowed',
        'Isi berkas bukan jenis yang diterima kolom ini.',
      );
    }
    if (file.size > rule.max_bytes) return problem(request, 413, 'file-too-large', 'Berkas terlalu besar.');
    const attachment = await attachmentOf(field, file);
    app.attachments.push(attachment);
    app.answers = {
      ...app.answers,
      [field]: [...((app.answers[field] as string[] | undefined) ?? []), attachment.id],
    };
    touch(app);
    return HttpResponse.json(attachment as unknown as JsonBodyType, { status: 201, headers: headers(app) });
  }),

  http.delete<{ code: string; id: string }>(path('/:code/attachments/:id'), ({ request, params }) => {
    const app = own(request, params.code);
    if (app instanceof Response) return app;
    const attachment = app.attachments.find((a) => a.id === params.id);
    if (!attachment)
      return problem(request, 404, 'not-found', `Berkas "${params.id}" tidak ada pada permohonan ini.`);
    if (!editable(app)) return notEditable(request, app);
    app.attachments = app.attachments.filter((a) => a !== attachment);
    const ids = ((app.answers[attachment.field] as string[] | undefined) ?? []).filter(
      (x) => x !== attachment.id,
    );
    const answers = { ...app.answers, [attachment.field]: ids };
    if (ids.length === 0) delete answers[attachment.field];
    app.answers = answers;
    touch(app);
    return new HttpResponse(null, { status: 204, headers: headers(app) });
  }),

  http.post<{ code: string }>(path('/:code/submit'), ({ request, params }) => {
    const app = own(request, params.code);
    if (app instanceof Response) return app;
    const key = request.headers.get('idempotency-key');
    if (!key) return problem(request, 428, 'precondition-required', 'Kirim tajuk Idempotency-Key.');
    const print = JSON.stringify([app.answers, app.attachments.map((a) => a.id).sort()]);
    const earlier = app.keys.get(key);
    if (earlier) {
      if (earlier.print !== print)
        return problem(request, 422, 'idempotency-key-reused', 'Kunci ini sudah dipakai.');
      return HttpResponse.json(earlier.body as unknown as JsonBodyType, {
        headers: { 'idempotent-replayed': 'true' },
      });
    }
    if (!editable(app)) {
      return problem(
        request,
        409,
        'invalid-transition',
        `Permohonan berstatus "${app.status}" tidak dapat menjadi "submitted".`,
      );
    }
    const refused = invalidAnswers(request, app, 'submit');
    if (refused) return refused;
    app.status = 'submitted';
    app.submittedAt ??= now();
    app.revisionFields = [];
    app.history.push({ status: 'submitted', at: now(), note: null });
    touch(app);
    const body = presentStatus(app, langOf(request));
    app.keys.set(key, { print, body });
    return HttpResponse.json(body as unknown as JsonBodyType);
  }),
];
