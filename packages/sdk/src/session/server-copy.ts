import { getApplicationStatus } from '../operations/application-status.js';
import { createApplication, getApplication, saveAnswers } from '../operations/applications.js';
import type { AnswerPatch, Application, ApplicationStatus } from '../types.js';
import { overlay, patchOf, stillDirty } from './answers.js';
import { editableStatus, markFailed, markSaved, type SessionContext, statusOf } from './context.js';
import type { ApplicationKey } from './types.js';

/** The officer's latest note for the citizen on asking for a revision. */
export function latestRevisionNote(status: ApplicationStatus): string | null {
  let latest: { at: string; note: string | null } | null = null;
  for (const entry of status.history) {
    if (entry.status === 'needs_revision' && (!latest || entry.at >= latest.at)) latest = entry;
  }
  return latest?.note ?? null;
}

export async function revisionNote(ctx: SessionContext, key: ApplicationKey): Promise<string | null> {
  try {
    return latestRevisionNote(await getApplicationStatus(ctx.core, key.code, key.secret));
  } catch {
    return ctx.record.revision?.note ?? null; // the fields matter most; the note may come later
  }
}

/**
 * Takes the server's copy: its answers with this device's unsaved ones on top (`sent` were
 * saved by the request that returned it). While `needs_revision` only the fields the officer
 * named stay unsaved (the server takes no others); once submitted, nothing personal is kept.
 */
export function adopt(
  ctx: SessionContext,
  at: number,
  application: Application,
  etag: string,
  sent: AnswerPatch,
  note?: string | null,
): void {
  const { status } = application;
  const { record } = ctx;
  if (!editableStatus(status)) {
    ctx.update({ etag, status, answers: {}, dirty: [], attachments: [], revision: null }, {}, at);
    return;
  }
  const open = status === 'needs_revision' ? application.revision_fields : null;
  const dirty = stillDirty(record.answers, record.dirty, sent).filter((f) => !open || open.includes(f));
  const revision = open
    ? { fields: open, note: note !== undefined ? note : (record.revision?.note ?? null) }
    : null;
  const answers = overlay(application.answers, record.answers, dirty);
  const { attachments } = application;
  ctx.update({ etag, status, answers, dirty, attachments, revision, submitted: null }, {}, at);
}

/** Reads the server copy; `false` when the server no longer has it (a purged draft). */
export async function load(ctx: SessionContext, at: number, key: ApplicationKey): Promise<boolean> {
  try {
    const { application, etag } = await getApplication(ctx.core, key.code, key.secret);
    const note = application.status === 'needs_revision' ? await revisionNote(ctx, key) : undefined;
    adopt(ctx, at, application, etag, {}, note);
    return true;
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
    // Keep every answer, except files that went with the draft; the next save makes a new one.
    const { record } = ctx;
    const fileFields = new Set(record.attachments.map((a) => a.field));
    const answers = Object.fromEntries(Object.entries(record.answers).filter(([f]) => !fileFields.has(f)));
    const lost = { key: null, etag: null, status: null, attachments: [], revision: null };
    ctx.update({ ...lost, answers, dirty: Object.keys(answers) }, {}, at);
    return false;
  }
}

/**
 * Makes the server copy hold every answer: creates the draft (also without answers when
 * `create`), or saves the unsaved fields against the last `ETag`, merging a `412` and saving
 * again. Throws what a request threw; the answers stay on this device whatever happens.
 */
export async function push(ctx: SessionContext, at: number, create = false): Promise<void> {
  if (!ctx.record.key) {
    // Another tab, or an earlier copy of the form on this page, may have created the draft.
    const stored = ctx.store.read();
    if (stored.key) ctx.update({ key: stored.key, etag: null }, {}, at);
  }
  const start = ctx.record.key;
  if (start && ctx.record.etag === null) await load(ctx, at, start);
  if (!editableStatus(ctx.record.status)) return;
  const key = ctx.record.key;
  if (!key) {
    const { answers, dirty } = ctx.record;
    if (!create && Object.keys(answers).length === 0) return;
    const created = await createApplication(ctx.core, { service: ctx.service, region: ctx.region, answers });
    const { application, etag } = created;
    // The code and secret are the only way back to the draft: kept before anything else.
    ctx.update({ key: { code: application.code, secret: application.secret } }, {}, at);
    adopt(ctx, at, application, etag, patchOf(answers, dirty));
    return;
  }
  let conflicts = 0;
  while (ctx.record.dirty.length > 0 && editableStatus(ctx.record.status)) {
    const patch = patchOf(ctx.record.answers, ctx.record.dirty);
    try {
      const etag = ctx.record.etag as string;
      const saved = await saveAnswers(ctx.core, key.code, key.secret, patch, etag);
      adopt(ctx, at, saved.application, saved.etag, patch);
    } catch (error) {
      // 412: changed elsewhere (another device). Merge its copy, then save ours on top.
      if (statusOf(error) !== 412 || ++conflicts > 3) throw error;
      if (!(await load(ctx, at, key))) return push(ctx, at, create);
    }
  }
}

/**
 * Before a request that needs the application on the server (an upload, the submission): every
 * answer saved, the draft created if need be. Resolves to its key; rejects as `push` does.
 */
export async function draftReady(ctx: SessionContext, at: number): Promise<ApplicationKey> {
  try {
    await push(ctx, at, true);
    markSaved(ctx, at);
  } catch (error) {
    markFailed(ctx, at, error);
    throw error;
  }
  return ctx.record.key as ApplicationKey;
}
