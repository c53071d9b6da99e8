import { normalizeAnswers } from '@loket/sdk/forms';
import { answerPointer, editRefusal } from '@loket/sdk/rules';
import { findRegion, scopeOf } from '../catalogue/regions.js';
import { findService, regionOfService } from '../catalogue/services.js';
import type { Db, Queryable } from '../db/index.js';
import { type Lang, say } from '../messages/index.js';
import { ProblemError, problem } from '../problem.js';
import { checkAnswers } from './answers.js';
import { loadForm, type StoredForm } from './forms.js';
import { etagOf } from './present.js';
import { newId, newSecret, newTrackingCode, secretHash } from './secrets.js';
import { type ApplicationRow, applicationColumns } from './security.js';

type Answers = Record<string, unknown>;

/** The service's form, or 404 (no such service, or not applicable online). */
export async function requireForm(db: Queryable, serviceId: string): Promise<StoredForm> {
  const form = await loadForm(db, serviceId);
  if (form) return form;
  const exists = (await db.query('select 1 from service where id = $1', [serviceId])).length > 0;
  throw problem('not-found', 404, exists ? say('noForm', serviceId) : say('serviceNotFound', serviceId));
}

export interface CreateInput {
  service: string;
  region: string;
  answers?: Answers;
}

export interface Created {
  application: ApplicationRow;
  secret: string;
}

/**
 * Checks what a new draft needs, in the order a citizen can fix it: a known region (400), the
 * page's origin allowed by that region (403, `checkOrigin` passed in), a service with a form
 * offered in the region (404), answers of the right shape (422).
 */
export async function createDraft(
  db: Db,
  input: CreateInput,
  options: { lang: Lang; now: Date; checkOrigin: (regionCode: string) => Promise<void> },
): Promise<Created> {
  const region = await findRegion(db, input.region);
  if (!region) {
    throw problem('unknown-region', 400, say('unknownRegion', input.region), '/region');
  }
  await options.checkOrigin(region.code);
  const form = await requireForm(db, input.service);
  const service = await findService(db, input.service, scopeOf(region));
  if (!service) {
    const offeredIn = (await regionOfService(db, input.service)) ?? input.region;
    throw problem('not-found', 404, say('serviceOnlyIn', input.service, offeredIn));
  }
  const answers = normalizeAnswers(form, input.answers ?? {});
  checkAnswers(form, answers, { lang: options.lang, mode: 'draft', now: options.now });

  const secret = newSecret();
  const id = newId();
  // 60 random bits: a clash is astronomically unlikely, but a clash must never fail a citizen.
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = newTrackingCode();
    const application = await db.transaction(async (tx) => {
      const rows = await tx.query<ApplicationRow>(
        `insert into application (id, code, secret_hash, service_id, region_code, agency_id, form_version, status, answers,
           created_at, updated_at, lang)
         values ($1, $2, $3, $4, $5, $6, $7, 'draft', $8::text::jsonb, $9, $9, $10)
         on conflict (code) do nothing
         returning ${applicationColumns}`,
        [
          id,
          code,
          secretHash(secret),
          service.id,
          region.code,
          service.agency_id,
          form.version,
          JSON.stringify(answers),
          options.now,
          // The language messages about this application are written in (docs/notifications.md).
          options.lang,
        ],
      );
      const row = rows[0];
      if (!row) return null;
      // The first event has no from-status, so it is written here rather than by transition().
      await tx.query(
        `insert into application_event (application_id, from_status, to_status, actor, at)
         values ($1, null, 'draft', 'citizen', $2)`,
        [id, options.now],
      );
      return row;
    });
    if (application) return { application, secret };
  }
  throw new Error('no free tracking code after 5 attempts');
}

/**
 * Does an If-Match header hold this application's current ETag? RFC 9110 §13.1.1: a list of
 * strong tags (weak ones never match), or `*` (any current version: the client opts out).
 */
export function ifMatchHits(header: string, app: Pick<ApplicationRow, 'id' | 'version'>): boolean {
  if (header.trim() === '*') return true;
  const current = etagOf(app);
  return header.split(',').some((tag) => tag.trim() === current);
}

/** 428 without If-Match, 412 when it is not the current ETag. */
export function requireIfMatch(header: string | undefined, app: ApplicationRow): void {
  if (header === undefined || header.trim() === '') {
    throw problem('precondition-required', 428, say('ifMatchMissing'), '/header/If-Match');
  }
  if (!ifMatchHits(header, app)) throw staleError();
}

export const staleError = () => problem('precondition-failed', 412, say('stale'));

/** Merge patch of answers: `null` removes an answer, anything else replaces it. */
export function mergeAnswers(current: Answers, patch: Record<string, unknown>): Answers {
  const merged: Answers = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

/** JSON with object keys sorted at every level: equal values give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Saves answers (a merge patch) with optimistic concurrency.
 * - `draft`: any answer; `needs_revision`: only the fields the officer named (others: 409
 *   not-editable, with a pointer per field); any other status: 409 not-editable.
 * - The merged answers must have the right shape (draft mode of the shared validator: 422).
 * - Compare-and-set on the version the If-Match named: a concurrent writer makes this one 412
 *   and nothing is written. A patch that changes nothing writes nothing (the ETag stays).
 */
export async function updateDraft(
  db: Queryable,
  app: ApplicationRow,
  patch: Record<string, unknown>,
  options: { lang: Lang; now: Date; ifMatch: string | undefined },
): Promise<ApplicationRow> {
  requireIfMatch(options.ifMatch, app);
  const refusal = editRefusal(app.status, app.revision_fields, Object.keys(patch));
  if (refusal?.reason === 'status') throw problem('not-editable', 409, say('answersNotEditable', app.status));
  if (refusal?.reason === 'fields') {
    throw new ProblemError('not-editable', 409, say('onlyRevision'), (lang) =>
      refusal.fields.map((field) => ({
        pointer: answerPointer(field),
        detail: say('notRequested', field)(lang),
      })),
    );
  }
  const form = await requireForm(db, app.service_id);
  const merged = normalizeAnswers(form, mergeAnswers(app.answers, patch));
  checkAnswers(form, merged, { lang: options.lang, mode: 'draft', now: options.now });
  if (canonicalJson(merged) === canonicalJson(app.answers)) return app;
  const rows = await db.query<ApplicationRow>(
    `update application set answers = $1::text::jsonb, form_version = $2, version = version + 1, updated_at = $6
     where id = $3 and version = $4 and status = $5
     returning ${applicationColumns}`,
    [JSON.stringify(merged), form.version, app.id, app.version, app.status, options.now],
  );
  const row = rows[0];
  if (!row) throw staleError();
  return row;
}
