import type {
  Answers,
  Application,
  ApplicationStatus,
  ApplicationStatusCode,
  Attachment,
  FormDefinition,
  Service,
} from '@loket/sdk';
import { detectType } from '@loket/sdk/rules';
import type { JsonBodyType } from 'msw';
import en from '../fixtures/application-form.en.json';
import id from '../fixtures/application-form.id.json';
import { demo } from './demo';
import { newSecret } from './secret';

/**
 * The state of the mock application API of the form's stories (see applications.ts): the
 * applications "on the server", in the page, and how the API presents them. The service, the
 * form, every word about a status and the title of each problem are what the real server
 * answered (recorded).
 */

export type Lang = 'id' | 'en';
type Words = Pick<ApplicationStatus, 'status_text' | 'next_step' | 'due' | 'overdue'>;
/** The kinds of problem the mock answers with (`urn:loket:problem:<kind>`). */
export type ProblemKind =
  | 'not-found'
  | 'invalid-request'
  | 'invalid-answers'
  | 'invalid-transition'
  | 'not-editable'
  | 'precondition-failed'
  | 'precondition-required'
  | 'idempotency-key-reused'
  | 'file-too-large'
  | 'file-type-not-allowed'
  | 'file-rejected';
interface Fixture {
  responses: Record<string, { status: number; body: JsonBodyType }>;
  statuses: Partial<Record<ApplicationStatusCode, Words>>;
  problems: Record<ProblemKind, string>;
  /** The server's detail of the problems it words itself. */
  details: Partial<Record<ProblemKind, string>>;
}
const recorded = { id, en } as unknown as Record<Lang, Fixture>;
const formKey = (service: string) => `GET /v1/services/${service}/form`;
const serviceKey = (service: string) => `GET /v1/services/${service}?region=${demo.region}`;
/** The recorded form of `service` (the stories' own by default), or undefined when none was recorded. */
export const formOf = (lang: Lang, service: string = demo.service) =>
  recorded[lang].responses[formKey(service)]?.body as unknown as FormDefinition;
export const serviceOf = (lang: Lang, service: string = demo.service) =>
  recorded[lang].responses[serviceKey(service)]?.body as unknown as Service;
/** Whether the service and its form were recorded (scripts/fixtures/application-form.mjs). */
export const isRecorded = (service: string) => !!formOf('id', service) && !!serviceOf('id', service);
/** The server's title of a kind of problem, in `lang`. */
export const problemTitle = (kind: ProblemKind, lang: Lang) => recorded[lang].problems[kind];
/** The server's own detail of a kind of problem, in `lang` (recorded for those it words itself). */
export const problemDetail = (kind: ProblemKind, lang: Lang) => {
  const detail = recorded[lang].details[kind];
  if (!detail)
    throw new Error(`No recorded detail for "${kind}": record it in scripts/fixtures/application-form.mjs`);
  return detail;
};

export interface Stored {
  id: string;
  /** The service applied for (one whose form was recorded). */
  service: string;
  code: string;
  secret: string;
  version: number;
  status: ApplicationStatusCode;
  answers: Answers;
  attachments: Attachment[];
  revisionFields: string[];
  /**
   * The SHA-256 of the files the officer asked to replace, by field, as the server keeps them
   * (officer-desk.ts, on needs_revision): the same bytes there are refused until resubmitted.
   */
  rejectedFiles: Record<string, string[]>;
  history: { status: ApplicationStatusCode; at: string; note: string | null }[];
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  /** Idempotency keys: what was submitted under each, and the answer given. */
  keys: Map<string, { print: string; body: ApplicationStatus }>;
}

const applications = new Map<string, Stored>();

/** The application with this tracking code, if the mock's server has it. */
export const stored = (code: string) => applications.get(code);

/** Every story starts without applications. */
export function resetApplications(): void {
  applications.clear();
}

export const langOf = (request: Request): Lang =>
  request.headers.get('accept-language')?.toLowerCase().startsWith('en') ? 'en' : 'id';
export const now = () => new Date().toISOString();
export const etagOf = (app: Stored) => `"v${app.version}-${app.id.slice(0, 8)}"`;
export const headers = (app: Stored) => ({ etag: etagOf(app), 'access-control-expose-headers': 'ETag' });
const randomCode = () =>
  `LKT-${Array.from(
    crypto.getRandomValues(new Uint8Array(8)),
    (b) => 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'[b % 31],
  )
    .join('')
    .replace(/^(.{4})/, '$1-')}`;

export function presentApplication(app: Stored, lang: Lang): Application {
  const service = serviceOf(lang, app.service);
  return {
    lang,
    code: app.code,
    service: { id: service.id, name: service.name },
    region: demo.region,
    status: app.status,
    form_version: formOf(lang, app.service).version,
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

export function presentStatus(app: Stored, lang: Lang): ApplicationStatus {
  const service = serviceOf(lang, app.service);
  const labels = new Map(
    formOf(lang, app.service).steps.flatMap((s) => s.fields.map((f) => [f.id, f.label[lang]] as const)),
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

export const touch = (app: Stored) => {
  app.version += 1;
  app.updatedAt = now();
};

/**
 * A new application held by the mock, e.g. one an officer sent back for revision: as the officer
 * desk does, the files of the fields to fix are kept as rejected. `service`: the stories' own by
 * default; each file is `SAMPLE_PDF` unless `bytes` gives its content.
 */
export async function seedApplication(init: {
  service?: string;
  status?: ApplicationStatusCode;
  answers?: Answers;
  files?: string[];
  bytes?: Record<string, BlobPart>;
  revision?: { fields: string[]; note: string };
}): Promise<{ code: string; secret: string }> {
  const app = blank({ ...init.answers }, init.service);
  for (const field of init.files ?? []) {
    const attachment = await attachmentOf(
      field,
      new File([init.bytes?.[field] ?? SAMPLE_PDF], `${field}.pdf`),
    );
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
  if (status === 'needs_revision') app.rejectedFiles = rejectedOf(app);
  return { code: app.code, secret: app.secret };
}

/** A tiny PDF (the server decides the type by these first bytes). */
export const SAMPLE_PDF = '%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n';

/** The files of the fields to fix, by field: what the officer desk keeps on needs_revision. */
function rejectedOf(app: Stored): Record<string, string[]> {
  const rejected: Record<string, string[]> = {};
  for (const file of app.attachments) {
    if (app.revisionFields.includes(file.field) && file.sha256)
      rejected[file.field] = [...(rejected[file.field] ?? []), file.sha256];
  }
  return rejected;
}

export function blank(answers: Answers, service: string = demo.service): Stored {
  const app: Stored = {
    id: crypto.randomUUID(),
    service,
    code: randomCode(),
    secret: newSecret(),
    version: 1,
    status: 'draft',
    answers,
    attachments: [],
    revisionFields: [],
    rejectedFiles: {},
    history: [{ status: 'draft', at: now(), note: null }],
    createdAt: now(),
    updatedAt: now(),
    submittedAt: null,
    keys: new Map(),
  };
  applications.set(app.code, app);
  return app;
}

export async function attachmentOf(field: string, file: File): Promise<Attachment> {
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

export const fileRuleOf = (service: string, field: string) =>
  formOf('id', service)
    .steps.flatMap((s) => s.fields)
    .find((f) => f.id === field && f.type === 'file')?.file;
