import type { Core } from '../core.js';
import { isLoketApiError, type LoketApiError } from '../errors.js';
import { outcomeUnknown } from '../idempotency.js';
import { isEditable } from '../rules/editing.js';
import type { ApplicationStatusCode } from '../types.js';
import type { LocalRecord, RecordStore } from './record.js';
import type { Retry } from './retry.js';
import type { SubmitState, SyncState } from './types.js';

/** The snapshot's parts that live only as long as the page. */
export interface Live {
  sync: SyncState;
  online: boolean;
  submit: SubmitState;
  problem: LoketApiError | null;
}

/** What the session's parts share: the record, its store, and the one way to change them. */
export interface SessionContext {
  readonly core: Core;
  readonly service: string;
  readonly region: string;
  readonly store: RecordStore;
  readonly retry: Retry;
  readonly record: LocalRecord;
  readonly live: Live;
  /** Bumped by `forget()`: a job started before then must not write anything. */
  readonly epoch: number;
  /** Applies a change (stored at once when the record changes); throws `Forgotten` when `at` is past. */
  update(change: Partial<LocalRecord>, state?: Partial<Live>, at?: number): void;
}

/** Thrown inside a job that outlived `forget()`: its result belongs to an application no longer kept. */
export class Forgotten extends Error {
  constructor() {
    super('The application was forgotten on this device while a request was on its way.');
  }
}

/** Not created yet (`null`), or a status the citizen can still change (the rules' `isEditable`). */
export const editableStatus = (status: ApplicationStatusCode | null) => status === null || isEditable(status);

export const statusOf = (error: unknown) => (isLoketApiError(error) ? error.status : undefined);

export function initialLive(record: LocalRecord): Live {
  const sync: SyncState = record.dirty.length ? 'local' : record.key ? 'saved' : 'empty';
  const submit: SubmitState = record.submitted ? 'done' : record.submission ? 'sending' : 'idle';
  return { sync, online: true, submit, problem: null };
}

/** After a request succeeded: online, and saved unless newer changes wait for their turn. */
export function markSaved(ctx: SessionContext, at: number): void {
  ctx.retry.reset();
  const problem = ctx.live.submit === 'refused' ? ctx.live.problem : null;
  ctx.update({}, { sync: ctx.record.dirty.length ? 'saving' : 'saved', online: true, problem }, at);
}

/** After a save failed: kept on this device and retried, or refused for a reason to show. */
export function markFailed(ctx: SessionContext, at: number, error: unknown): void {
  if (error instanceof Forgotten || at !== ctx.epoch) return;
  if (outcomeUnknown(error)) {
    ctx.update({}, { sync: 'local', online: false });
    ctx.retry.later();
  } else {
    ctx.update({}, { sync: 'refused', problem: error as LoketApiError });
  }
}
