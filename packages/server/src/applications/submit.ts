import type { components } from '@loket/sdk/contract';
import { submittedAnswers } from '@loket/sdk/forms';
import { findRegion, scopeOf } from '../catalogue/regions.js';
import { findService } from '../catalogue/services.js';
import type { Db, Queryable } from '../db/index.js';
import { type Lang, say } from '../messages/index.js';
import { problem } from '../problem.js';
import { checkAnswers } from './answers.js';
import { dueDate } from './calendar.js';
import { contactsOf, recordContacts } from './contacts.js';
import { canonicalJson, requireForm } from './drafts.js';
import { etagOf, listAttachments, presentStatus } from './present.js';
import { sha256Hex } from './secrets.js';
import { type ApplicationRow, applicationColumns } from './security.js';
import { canTransition, invalidTransition, transition } from './state.js';

type ApplicationStatus = components['schemas']['ApplicationStatus'];

/** How long a submission's stored answer is kept (and replayed) for its Idempotency-Key. */
export const idempotencyTtlHours = 24;

export interface SubmitResult {
  status: number;
  body: ApplicationStatus;
  /** True when this is the stored answer of an earlier request with the same key. */
  replayed: boolean;
}

/**
 * What makes two submissions "the same request": the canonical JSON of the body together with
 * what it submits (the answers and the attached files). The body alone is always
 * `{"declaration":true}`, so it could not tell a retry from a client that wrongly reuses a key
 * for its resubmission after a revision; with the answers in the fingerprint that mistake is a
 * loud 422 instead of a silent replay of the earlier answer.
 */
export function fingerprint(
  body: unknown,
  answers: Record<string, unknown>,
  attachmentIds: string[],
): string {
  return sha256Hex(canonicalJson({ body: body ?? null, answers, attachments: [...attachmentIds].sort() }));
}

interface StoredKey {
  fingerprint: string;
  status: number;
  response: ApplicationStatus;
  etag: string | null;
}

async function storedKey(db: Queryable, applicationId: string, key: string): Promise<StoredKey | null> {
  const rows = await db.query<StoredKey>(
    'select fingerprint, status, response, etag from idempotency_key where application_id = $1 and key = $2',
    [applicationId, key],
  );
  return rows[0] ?? null;
}

/** The first answer again; `current` is the row this request read (for keys stored without an ETag). */
function replay(stored: StoredKey, print: string, current: ApplicationRow): SubmitResult & { etag: string } {
  if (stored.fingerprint !== print) {
    throw problem('idempotency-key-reused', 422, say('keyReused'), '/header/Idempotency-Key');
  }
  return {
    status: stored.status,
    body: stored.response,
    replayed: true,
    etag: stored.etag ?? etagOf(current),
  };
}

async function rejectedFiles(db: Queryable, id: string): Promise<Record<string, string[]>> {
  const rows = await db.query<{ rejected_files: Record<string, string[]> }>(
    'select rejected_files from application where id = $1',
    [id],
  );
  return rows[0]?.rejected_files ?? {};
}

async function currentFingerprint(db: Queryable, app: ApplicationRow, body: unknown): Promise<string> {
  const attachments = await listAttachments(db, app.id);
  const form = await requireForm(db, app.service_id);
  return fingerprint(
    body,
    submittedAnswers(form, app.answers),
    attachments.map((a) => a.id),
  );
}

/**
 * Submits (or resubmits after `needs_revision`) an application, idempotently:
 * - no Idempotency-Key: 428;
 * - a stored answer for (application, key): replayed when the fingerprint matches, else 422;
 * - otherwise, in one transaction holding the application's row lock (`for update`), so that
 *   concurrent duplicates queue and then find the first one's stored answer: the key is checked
 *   again, the status must allow submitting (409), every answer and required file must pass the
 *   shared validator in submit mode (422); then the status becomes `submitted` through the state
 *   machine, the due date is computed, and the answer is stored under the key.
 *
 * `submitted_at` keeps the first submission (when the citizen first handed the file in; the
 * history has every resubmission); the due date counts from the latest (re)submission, since the
 * agency's clock restarts when it receives the corrected file. `revision_fields` are cleared.
 */
export async function submitApplication(
  db: Db,
  app: ApplicationRow,
  body: unknown,
  options: { key: string | undefined; lang: Lang; now: Date },
): Promise<SubmitResult & { etag: string }> {
  const { key, lang, now } = options;
  if (key === undefined || key === '') {
    throw problem('precondition-required', 428, say('keyMissing'), '/header/Idempotency-Key');
  }
  const earlier = await storedKey(db, app.id, key);
  if (earlier) {
    return replay(earlier, await currentFingerprint(db, app, body), app);
  }

  return db.transaction(async (tx) => {
    const [locked] = await tx.query<ApplicationRow>(
      `select ${applicationColumns} from application where id = $1 for update`,
      [app.id],
    );
    if (!locked) throw new Error(`application ${app.id} vanished`);
    const attachments = await listAttachments(tx, locked.id);
    const form = await requireForm(tx, locked.service_id);
    // Stored as checked: numbers normalized (also a draft saved before they were), and the
    // questions not asked (same_as) holding the answer they take.
    const answers = submittedAnswers(form, locked.answers);
    const print = fingerprint(
      body,
      answers,
      attachments.map((a) => a.id),
    );
    // A concurrent duplicate may have committed while this one waited for the lock.
    const concurrent = await storedKey(tx, locked.id, key);
    if (concurrent) return replay(concurrent, print, locked);

    if (!canTransition('citizen', locked.status, 'submitted'))
      throw invalidTransition(locked.status, 'submitted');
    checkAnswers(form, answers, {
      lang,
      mode: 'submit',
      now,
      // a resubmission: the files the officer asked to replace may not come back unchanged
      rejected: locked.status === 'needs_revision' ? await rejectedFiles(tx, locked.id) : {},
      attachments: attachments.map((a) => ({
        id: a.id,
        field: a.field,
        content_type: a.content_type,
        size: Number(a.size),
        sha256: a.sha256,
      })),
    });

    const region = await findRegion(tx, locked.region_code);
    const service = region ? await findService(tx, locked.service_id, scopeOf(region)) : null;
    const due = await dueDate(tx, now, service?.duration_days ?? null);
    await transition(
      tx,
      locked,
      'citizen',
      'submitted',
      { actor: 'citizen', at: now },
      { submitted_at: now, due, revision_fields: [], form_version: form.version, answers },
    );
    const notify = (body as { notify?: Parameters<typeof recordContacts>[3] } | null)?.notify;
    await recordContacts(tx, locked.id, contactsOf(form, answers), notify);
    const [submitted] = await tx.query<ApplicationRow>(
      `select ${applicationColumns} from application where id = $1`,
      [locked.id],
    );
    if (!submitted) throw new Error(`application ${locked.id} vanished`);
    const response = await presentStatus(tx, submitted, form, lang, now);
    await tx.query(
      `insert into idempotency_key (application_id, key, fingerprint, status, response, created_at, etag)
       values ($1, $2, $3, 200, $4::text::jsonb, $5::timestamptz, $6)`,
      [locked.id, key, print, JSON.stringify(response), now.toISOString(), etagOf(submitted)],
    );
    return { status: 200, body: response, replayed: false, etag: etagOf(submitted) };
  });
}
