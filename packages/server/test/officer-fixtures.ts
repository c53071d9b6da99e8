import { expect } from 'vitest';
import { createOfficerToken } from '../src/applications/officer-tokens.js';
import { newId, newTrackingCode, sha256Hex } from '../src/applications/secrets.js';
import type { Db } from '../src/db/index.js';
import type { TestServer } from './helpers/app.js';
import { checkResponse } from './helpers/contract.js';

// What the officer API's tests share: a form, applications written as the citizen endpoints
// would leave them, officer tokens, and a client that checks every answer against the contract.

export type Status =
  | 'draft'
  | 'submitted'
  | 'in_review'
  | 'needs_revision'
  | 'completed'
  | 'rejected'
  | 'withdrawn';

/** A ktp-el-hilang form (the field ids are what matters to officer transitions). */
export const form = {
  title: { id: 'KTP-el hilang', en: 'Lost KTP-el' },
  steps: [
    {
      id: 'pemohon',
      title: { id: 'Pemohon', en: 'Applicant' },
      fields: [
        { id: 'nama', type: 'text', label: { id: 'Nama', en: 'Name' }, required: true },
        { id: 'nik', type: 'nik', label: { id: 'NIK', en: 'NIK' }, required: true },
      ],
    },
    {
      id: 'berkas',
      title: { id: 'Berkas', en: 'Documents' },
      fields: [
        {
          id: 'surat_kehilangan',
          type: 'file',
          label: { id: 'Surat kehilangan', en: 'Police loss report' },
          required: true,
          file: { accept: ['application/pdf'], max_bytes: 1048576 },
        },
      ],
    },
  ],
};

export async function seedForm(db: Db) {
  await db.query(
    `insert into form_definition (service_id, version, definition) values ('ktp-el-hilang', 1, $1::text::jsonb)
     on conflict (service_id) do update set definition = excluded.definition`,
    [JSON.stringify(form)],
  );
}

export interface AppSpec {
  status: Status;
  region?: string;
  service?: string;
  agency?: string;
  due?: string | null;
  submittedAt?: string | null;
}

/** An application as the citizen endpoints would leave it, written directly (they are not ours). */
export async function insertApplication(db: Db, spec: AppSpec): Promise<{ id: string; code: string }> {
  const id = newId();
  const code = newTrackingCode();
  const submitted = spec.status !== 'draft';
  const submittedAt =
    spec.submittedAt !== undefined ? spec.submittedAt : submitted ? '2026-03-02T02:00:00Z' : null;
  await db.query(
    `insert into application (id, code, secret_hash, service_id, region_code, agency_id, form_version, status,
       answers, submitted_at, due_date, due_working_days, due_calendar)
     values ($1, $2, $3, $4, $5, $6, 1, $7, $8::text::jsonb, $9::timestamptz, $10::date, $11, $12)`,
    [
      id,
      code,
      sha256Hex('secret'),
      spec.service ?? 'ktp-el-hilang',
      spec.region ?? '33.74',
      spec.agency ?? 'dukcapil',
      spec.status,
      JSON.stringify({ nama: 'Budi Santoso', nik: '3374011505900001' }),
      submittedAt,
      spec.due === undefined ? '2026-03-16' : spec.due,
      spec.due === null ? null : 10,
      spec.due === null ? 'none' : 'official',
    ],
  );
  if (submittedAt) {
    await db.query(
      `insert into application_event (application_id, from_status, to_status, actor, at)
       values ($1, 'draft', 'submitted', 'citizen', $2::timestamptz)`,
      [id, submittedAt],
    );
  }
  return { id, code };
}

export async function token(db: Db, agency: string, region: string, name = `Petugas ${agency} ${region}`) {
  return (await createOfficerToken(db, { name, agency, region })).token;
}

export function client(server: () => TestServer) {
  return async function call(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(server().url + path, {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
    const text = await response.text();
    const body = text && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : text;
    expect(checkResponse(method, path, response.status, response.headers.get('content-type'), body)).toEqual(
      [],
    );
    return { status: response.status, headers: response.headers, body };
  };
}
