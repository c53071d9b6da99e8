import type { LoketApiError } from '../errors.js';
import { outcomeUnknown } from '../idempotency.js';
import { getApplicationStatus } from '../operations/application-status.js';
import { submitApplication } from '../operations/applications.js';
import { isSubmitted } from '../rules/editing.js';
import type { ApplicationStatus } from '../types.js';
import { Forgotten, type SessionContext, statusOf } from './context.js';
import { draftReady } from './server-copy.js';

/** Submitted: the confirmation stays on this device until `forget()`, the answers do not. */
export function done(ctx: SessionContext, at: number, status: ApplicationStatus): void {
  ctx.retry.reset();
  const cleared = { answers: {}, dirty: [], attachments: [], etag: null, revision: null, submission: null };
  ctx.update(
    { ...cleared, status: status.status, submitted: status },
    { submit: 'done', sync: 'saved', online: true, problem: null },
    at,
  );
}

/**
 * Sends the pending submission under the idempotency key stored on this device, after saving
 * every answer: the server answers a repeated key with the first answer, so however often this
 * runs (retries, reloads, tabs) the application is submitted once. Without a definitive answer
 * it waits and is sent again; a refusal clears the key (the next submission is a new one).
 */
export async function send(ctx: SessionContext, at: number): Promise<void> {
  const idempotencyKey = ctx.record.submission;
  if (!idempotencyKey || ctx.record.submitted) return;
  ctx.update({}, { submit: 'sending' }, at);
  try {
    const { code, secret } = await draftReady(ctx, at);
    const { notify } = ctx.record;
    const body = notify ? { declaration: true as const, notify } : { declaration: true as const };
    const result = await submitApplication(ctx.core, code, secret, body, { idempotencyKey });
    done(ctx, at, result.status);
  } catch (error) {
    if (error instanceof Forgotten || at !== ctx.epoch) return;
    if (outcomeUnknown(error)) {
      ctx.update({}, { submit: 'waiting', online: false });
      ctx.retry.later();
      return;
    }
    // 409: already submitted (by another tab or device, or under a key this device lost).
    const { key } = ctx.record;
    if (statusOf(error) === 409 && key) {
      const status = await getApplicationStatus(ctx.core, key.code, key.secret).catch(() => null);
      if (status && isSubmitted(status.status)) return done(ctx, at, status);
    }
    ctx.update({ submission: null }, { submit: 'refused', problem: error as LoketApiError }, at);
  }
}
