import type { Answers, CreatedApplication } from '@loket/sdk';
import { submittedAnswers, todayInJakarta, validateAnswers } from '@loket/sdk/forms';
import { canTransition, checkFile, editRefusal } from '@loket/sdk/rules';
import { delay, HttpResponse, http, type JsonBodyType } from 'msw';
import {
  attachmentOf,
  blank,
  etagOf,
  fileRuleOf,
  formOf,
  headers,
  isRecorded,
  langOf,
  now,
  type ProblemKind,
  presentApplication,
  presentStatus,
  problemDetail,
  problemTitle,
  type Stored,
  serviceOf,
  stored,
  touch,
} from './application-store';
import { demo } from './demo';
import { API_BASE } from './handlers';
import { sameSecret } from './secret';

export { resetApplications, SAMPLE_PDF, seedApplication } from './application-store';

/**
 * The application endpoints for the form's stories: a small stateful copy of the API in the
 * browser, with the contract's shapes and rules (secret, `If-Match`/`ETag`, merge patch, file
 * type by content, `Idempotency-Key` replay, the shared validator of `@loket/sdk/forms` with the
 * answers as submitted (`same_as`), the state machine, the edit rule and the file checks of
 * `@loket/sdk/rules`, and in a revision the files the officer rejected: refused when uploaded
 * again (`file-rejected`) and, left in place, by the validator on resubmission). The services, forms,
 * every word about a status (`status_text`, `next_step`, `due`) and the problems' titles are what
 * the real server answered (`node scripts/record-story-fixtures.mjs`).
 */

function problem(request: Request, status: number, kind: ProblemKind, detail: string, errors?: unknown) {
  const body = {
    type: `urn:loket:problem:${kind}`,
    title: problemTitle(kind, langOf(request)),
    status,
    detail,
  };
  return HttpResponse.json(errors ? { ...body, errors } : body, {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });
}

/** The application the request's code and secret name, or the server's 404. */
function own(request: Request, code: string): Stored | Response {
  const app = stored(code);
  if (app && sameSecret(request.headers.get('loket-secret'), app.secret)) return app;
  const detail = {
    id: `Permohonan "${code}" tidak ditemukan, atau kode rahasianya salah.`,
    en: `Application "${code}" was not found, or its secret is wrong.`,
  };
  return problem(request, 404, 'not-found', detail[langOf(request)]);
}

/**
 * The shared validator's refusal of these answers, as the server words it, or null. On submit it
 * checks the files too, and in a revision that none the officer rejected is still there.
 */
function invalidAnswers(
  request: Request,
  app: Pick<Stored, 'service' | 'answers' | 'attachments' | 'status' | 'rejectedFiles'>,
  mode: 'draft' | 'submit',
) {
  const lang = langOf(request);
  const found = validateAnswers(formOf(lang, app.service), app.answers, {
    lang,
    mode,
    today: todayInJakarta(),
    ...(mode === 'submit' ? { attachments: app.attachments } : {}),
    ...(mode === 'submit' && app.status === 'needs_revision' ? { rejected: app.rejectedFiles } : {}),
  });
  if (found.length === 0) return null;
  const detail = {
    id: `Ada ${found.length} isian yang belum lengkap atau belum benar.`,
    en: `${found.length} answers are incomplete or invalid.`,
  };
  const errors = found.map((p) => ({ pointer: p.pointer, detail: p.message }));
  return problem(request, 422, 'invalid-answers', detail[lang], errors);
}

/** The shared edit rule: what of `fields` (nothing named: anything) the application lets change now. */
const editable = (app: Stored, fields: readonly string[] = []) =>
  editRefusal(app.status, app.revisionFields, fields) === null;
const notEditable = (request: Request, app: Stored) =>
  problem(request, 409, 'not-editable', `Permohonan berstatus "${app.status}" tidak dapat diubah lagi.`);
const path = (rest = '') => `${API_BASE}/v1/applications${rest}`;

const unknownService = (request: Request, id: string) =>
  problem(request, 404, 'not-found', `Layanan "${id}" tidak ada di wilayah ${demo.region}.`);

/** The services and their forms, as recorded (ktp-el-hilang, and akta-kelahiran for `same_as`). */
export const applicationForm = () => [
  http.get<{ id: string }>(`${API_BASE}/v1/services/:id/form`, ({ request, params }) =>
    isRecorded(params.id)
      ? HttpResponse.json(formOf(langOf(request), params.id) as unknown as JsonBodyType)
      : unknownService(request, params.id),
  ),
  http.get<{ id: string }>(`${API_BASE}/v1/services/:id`, ({ request, params }) =>
    isRecorded(params.id)
      ? HttpResponse.json(serviceOf(langOf(request), params.id) as unknown as JsonBodyType)
      : unknownService(request, params.id),
  ),
];

/**
 * `GET /v1/news-channels`: whether the region's SMS or WhatsApp gateway takes news by phone
 * (`phone`: on the server, an enabled webhook endpoint of the agency covers the region), and
 * whether the server sends e-mail at all (`email`: LOKET_SMTP_URL is set).
 */
export const newsChannels = (phone: boolean, email = true) => [
  http.get(`${API_BASE}/v1/news-channels`, ({ request }) => {
    const query = new URL(request.url).searchParams;
    return HttpResponse.json({
      lang: langOf(request),
      region: query.get('region'),
      agency: query.get('agency'),
      email,
      phone,
    });
  }),
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
    if (!isRecorded(input.service) || input.region !== demo.region) {
      return problem(
        request,
        404,
        'not-found',
        `Layanan "${input.service}" tidak ada di wilayah ${input.region}.`,
      );
    }
    const draft = { service: input.service, answers: input.answers ?? {}, attachments: [] };
    const refused = invalidAnswers(request, { ...draft, status: 'draft', rejectedFiles: {} }, 'draft');
    if (refused) return refused;
    const app = blank({ ...input.answers }, input.service);
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
      const { answers: patch } = await request.json();
      if (!editable(app, Object.keys(patch))) return notEditable(request, app);
      const answers: Answers = { ...app.answers };
      for (const [field, value] of Object.entries(patch)) {
        if (value === null) delete answers[field];
        else answers[field] = value;
      }
      const refused = invalidAnswers(request, { ...app, answers }, 'draft');
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
    const rule = fileRuleOf(app.service, field);
    if (!rule || !(file instanceof File))
      return problem(request, 422, 'invalid-answers', `Tidak ada kolom berkas "${field}".`);
    if (!editable(app, [field])) return notEditable(request, app);
    const refusal = await checkFile(rule, file, app.attachments.filter((a) => a.field === field).length);
    if (refusal === 'file_count') {
      return problem(
        request,
        409,
        'invalid-request',
        `Kolom "${field}" menerima paling banyak ${rule.max_files ?? 1} berkas.`,
      );
    }
    if (refusal === 'file_type') {
      return problem(
        request,
        422,
        'file-type-not-allowed',
        'Isi berkas bukan jenis yang diterima kolom ini.',
      );
    }
    if (refusal === 'file_size') return problem(request, 413, 'file-too-large', 'Berkas terlalu besar.');
    const attachment = await attachmentOf(field, file);
    // The server's rule (attachments.ts): in a revision, a file the officer asked to replace, sent back unchanged.
    if (app.status === 'needs_revision' && app.rejectedFiles[field]?.includes(attachment.sha256 ?? '')) {
      const detail = problemDetail('file-rejected', langOf(request));
      return problem(request, 422, 'file-rejected', detail, [{ pointer: '/file', detail }]);
    }
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
    if (!editable(app, [attachment.field])) return notEditable(request, app);
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
    if (!canTransition('citizen', app.status, 'submitted')) {
      return problem(
        request,
        409,
        'invalid-transition',
        `Permohonan berstatus "${app.status}" tidak dapat menjadi "submitted".`,
      );
    }
    // As the server stores them: numbers normalized, the questions not asked holding the answer they take.
    const answers = submittedAnswers(formOf(langOf(request), app.service), app.answers);
    const refused = invalidAnswers(request, { ...app, answers }, 'submit');
    if (refused) return refused;
    app.answers = answers;
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
