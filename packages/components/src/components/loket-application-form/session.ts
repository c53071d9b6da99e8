import {
  type AnswerPatch,
  type Application,
  type ApplicationStatus,
  type ApplicationStatusCode,
  createApplication,
  deleteAttachment,
  getApplication,
  getApplicationStatus,
  isLoketApiError,
  type LoketApiError,
  type LoketCore,
  newIdempotencyKey,
  saveAnswers,
  submitApplication,
  uploadAttachment,
} from '@loket/sdk';
import type { ApplicationKey } from '../../utils/application-link';
import { overlay, patchOf, sameAnswer, stillDirty } from './answers-merge';
import { emptyRecord, type LocalRecord, recordKey, recordStore } from './local-store';
import { createRetry } from './retry';
import type { ApplicationSession, SessionSnapshot, SubmitState, SyncState } from './session-types';

/** How long typing may pause before the answers go to the server. */
export const SAVE_DELAY = 800;

export interface SessionOptions {
  core: LoketCore;
  service: string;
  region: string;
  /** Where this device keeps the application; default `localStorage` (memory when that fails). */
  storage?: Storage;
}

interface Live {
  sync: SyncState;
  online: boolean;
  submit: SubmitState;
  problem: LoketApiError | null;
}

/** Thrown inside a job that outlived `forget()`: its result belongs to an application no longer kept. */
class Forgotten extends Error {}

const editableStatus = (status: ApplicationStatusCode | null) =>
  status === null || status === 'draft' || status === 'needs_revision';
const submittedStatus = (status: ApplicationStatusCode) =>
  status === 'submitted' || status === 'in_review' || status === 'completed' || status === 'rejected';
/** No definitive answer arrived (network, timeout, 408/429/5xx): the same request may work later. */
const noAnswer = (error: unknown) => !isLoketApiError(error) || error.retryable;
const statusOf = (error: unknown) => (isLoketApiError(error) ? error.status : undefined);
const idsOf = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

function initialLive(record: LocalRecord): Live {
  const sync: SyncState = record.dirty.length ? 'local' : record.key ? 'saved' : 'empty';
  const submit: SubmitState = record.submitted ? 'done' : record.submission ? 'sending' : 'idle';
  return { sync, online: true, submit, problem: null };
}

/** The officer's latest note for the citizen on asking for a revision. */
const latestRevisionNote = (status: ApplicationStatus): string | null =>
  status.history
    .filter((entry) => entry.status === 'needs_revision')
    .reduce<{ at: string; note: string | null } | null>(
      (last, e) => (!last || e.at >= last.at ? e : last),
      null,
    )?.note ?? null;

/**
 * The citizen's application on this device and on the server (see session-types.ts). Every
 * change is written to this device first, then sent: one request at a time, so each one starts
 * from the `ETag` the previous one returned; a failure leaves the change on this device and is
 * retried with backoff and when the browser comes back online.
 */
export function createApplicationSession(options: SessionOptions): ApplicationSession {
  const { core, service, region } = options;
  const store = recordStore(service, region, options.storage);
  let record = store.read();
  let live = initialLive(record);
  let snapshot = view();
  const listeners = new Set<(snapshot: SessionSnapshot) => void>();
  let chain: Promise<unknown> = Promise.resolve();
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let epoch = 0;
  let disposed = false;
  const retry = createRetry(() => resume());

  function view(): SessionSnapshot {
    return {
      key: record.key,
      status: record.status,
      answers: record.answers,
      attachments: record.attachments,
      revision: record.status === 'needs_revision' ? record.revision : null,
      place: record.place,
      ...live,
      submitted: record.submitted,
    };
  }

  /** Applies a change (stored at once when the record changes) unless `forget()` came in between. */
  function update(change: Partial<LocalRecord>, state: Partial<Live> = {}, at = epoch): void {
    if (at !== epoch) throw new Forgotten();
    if (Object.keys(change).length) {
      record = { ...record, ...change };
      store.write(record);
    }
    live = { ...live, ...state };
    snapshot = view();
    for (const listener of [...listeners]) listener(snapshot);
  }

  /** One request at a time: each job starts when the previous one settled. */
  function serial<T>(job: (at: number) => Promise<T>): Promise<T> {
    const at = epoch;
    const run = chain.then(
      () => job(at),
      () => job(at),
    );
    chain = run.catch(() => undefined);
    return run;
  }

  /** Takes the server's copy: its answers with this device's unsaved ones on top. */
  function adopt(
    at: number,
    application: Application,
    etag: string,
    sent: AnswerPatch,
    note?: string | null,
  ) {
    const { status } = application;
    if (!editableStatus(status)) {
      // Submitted (here or elsewhere): nothing left to save, and no personal data to keep.
      update({ etag, status, answers: {}, dirty: [], attachments: [], revision: null }, {}, at);
      return;
    }
    const open = status === 'needs_revision' ? application.revision_fields : null;
    const dirty = stillDirty(record.answers, record.dirty, sent).filter((f) => !open || open.includes(f));
    const revision = open
      ? { fields: open, note: note !== undefined ? note : (record.revision?.note ?? null) }
      : null;
    const answers = overlay(application.answers, record.answers, dirty);
    const attachments = application.attachments;
    update({ etag, status, answers, dirty, attachments, revision, submitted: null }, {}, at);
  }

  async function revisionNote(key: ApplicationKey): Promise<string | null> {
    try {
      return latestRevisionNote(await getApplicationStatus(core, key.code, key.secret));
    } catch {
      return record.revision?.note ?? null; // the fields matter most; the note may come later
    }
  }

  /** Reads the server copy; `false` when the server no longer has it (a purged draft). */
  async function load(at: number, key: ApplicationKey): Promise<boolean> {
    try {
      const { application, etag } = await getApplication(core, key.code, key.secret);
      const note = application.status === 'needs_revision' ? await revisionNote(key) : undefined;
      adopt(at, application, etag, {}, note);
      return true;
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
      // Keep every answer, except files that went with the draft; the next save makes a new one.
      const fileFields = new Set(record.attachments.map((a) => a.field));
      const answers = Object.fromEntries(Object.entries(record.answers).filter(([f]) => !fileFields.has(f)));
      const lost = { key: null, etag: null, status: null, attachments: [], revision: null };
      update({ ...lost, answers, dirty: Object.keys(answers) }, {}, at);
      return false;
    }
  }

  /** Makes the server copy hold every answer: creates the draft, or saves the unsaved fields. */
  async function push(at: number, create = false): Promise<void> {
    if (!record.key) {
      // Another tab or an earlier copy of the form may have created the draft meanwhile.
      const stored = store.read();
      if (stored.key) update({ key: stored.key, etag: null }, {}, at);
    }
    if (record.key && record.etag === null) await load(at, record.key);
    if (!editableStatus(record.status)) return;
    const key = record.key;
    if (!key) {
      if (!create && Object.keys(record.answers).length === 0) return;
      const sent = { ...record.answers };
      const dirty = [...record.dirty];
      const { application, etag } = await createApplication(core, { service, region, answers: sent });
      // The code and secret are the only way back to the draft: kept before anything else.
      update({ key: { code: application.code, secret: application.secret } }, {}, at);
      adopt(at, application, etag, patchOf(sent, dirty));
      return;
    }
    for (let conflicts = 0; record.dirty.length > 0 && editableStatus(record.status); ) {
      const patch = patchOf(record.answers, record.dirty);
      try {
        const { application, etag } = await saveAnswers(
          core,
          key.code,
          key.secret,
          patch,
          record.etag as string,
        );
        adopt(at, application, etag, patch);
      } catch (error) {
        // 412: changed elsewhere (another device). Merge its copy, then save ours on top.
        if (statusOf(error) !== 412 || ++conflicts > 3) throw error;
        if (!(await load(at, key))) return push(at, create);
      }
    }
  }

  function saved(at: number): void {
    retry.reset();
    const problem = live.submit === 'refused' ? live.problem : null;
    update({}, { sync: record.dirty.length ? 'saving' : 'saved', online: true, problem }, at);
  }

  function failed(at: number, error: unknown): void {
    if (error instanceof Forgotten || at !== epoch) return;
    if (noAnswer(error)) {
      update({}, { sync: 'local', online: false });
      retry.later();
    } else {
      update({}, { sync: 'refused', problem: error as LoketApiError });
    }
  }

  async function save(at: number): Promise<void> {
    if (record.submitted || !editableStatus(record.status)) return;
    if (!record.key && record.dirty.length === 0) return;
    if (record.key && record.etag !== null && record.dirty.length === 0) return saved(at);
    update({}, { sync: 'saving' }, at);
    try {
      await push(at);
      saved(at);
    } catch (error) {
      failed(at, error);
    }
  }

  function done(at: number, status: ApplicationStatus): void {
    retry.reset();
    const cleared = { answers: {}, dirty: [], attachments: [], etag: null, revision: null, submission: null };
    update(
      { ...cleared, status: status.status, submitted: status },
      { submit: 'done', sync: 'saved', online: true, problem: null },
      at,
    );
  }

  /** Sends the pending submission (saving every answer first) under its stored idempotency key. */
  async function send(at: number): Promise<void> {
    const idempotencyKey = record.submission;
    if (!idempotencyKey || record.submitted) return;
    update({}, { submit: 'sending' }, at);
    try {
      try {
        await push(at, true);
        saved(at);
      } catch (error) {
        failed(at, error);
        throw error;
      }
      const key = record.key as ApplicationKey;
      const result = await submitApplication(
        core,
        key.code,
        key.secret,
        { declaration: true },
        { idempotencyKey },
      );
      done(at, result.status);
    } catch (error) {
      if (error instanceof Forgotten || at !== epoch) return;
      if (noAnswer(error)) {
        update({}, { submit: 'waiting', online: false });
        retry.later();
        return;
      }
      // 409: already submitted (another tab, another device, or a key this device lost).
      if (statusOf(error) === 409 && record.key) {
        const status = await getApplicationStatus(core, record.key.code, record.key.secret).catch(() => null);
        if (status && submittedStatus(status.status)) return done(at, status);
      }
      update({ submission: null }, { submit: 'refused', problem: error as LoketApiError }, at);
    }
  }

  /** The retry timer and the `online` event: send what is waiting. */
  function resume(): void {
    if (disposed) return;
    if (record.submission && !record.submitted) void serial(send);
    else if (record.dirty.length || (record.key && record.etag === null && !record.submitted)) void flush();
  }

  function scheduleSave(): void {
    clearTimeout(saveTimer);
    if (!disposed) saveTimer = setTimeout(() => void flush(), SAVE_DELAY);
  }

  function flush(): Promise<void> {
    clearTimeout(saveTimer);
    return serial(save).catch(() => undefined);
  }

  const onOnline = () => retry.now();
  const storageArea = (() => {
    try {
      return options.storage ?? globalThis.localStorage;
    } catch {
      return undefined;
    }
  })();
  /** Another tab submitted this application, or started to: take its result or its key. */
  const onStorage = (event: StorageEvent) => {
    if (event.key !== recordKey(service, region) || event.storageArea !== storageArea) return;
    const other = store.read();
    if (!other.key || other.key.code !== record.key?.code || record.submitted) return;
    if (other.submitted) {
      record = other;
      update({}, { submit: 'done', sync: 'saved', problem: null });
    } else if (other.submission && !record.submission) {
      update({ submission: other.submission });
    }
  };
  globalThis.addEventListener?.('online', onOnline);
  globalThis.addEventListener?.('storage', onStorage);

  async function startWith(at: number, key: ApplicationKey): Promise<void> {
    const stored = store.read();
    const same = stored.key?.code === key.code && stored.key.secret === key.secret;
    const base = same ? stored : { ...emptyRecord(), key };
    try {
      const { application, etag } = await getApplication(core, key.code, key.secret);
      const note = application.status === 'needs_revision' ? await revisionNote(key) : undefined;
      if (at !== epoch) throw new Forgotten();
      record = { ...base, submitted: editableStatus(application.status) ? null : base.submitted };
      live = initialLive(record);
      adopt(at, application, etag, {}, note);
      saved(at);
    } catch (error) {
      if (statusOf(error) === 404 || error instanceof Forgotten) throw error;
      record = base;
      update(base, initialLive(base), at);
      failed(at, error);
    }
  }

  async function startLocal(at: number): Promise<void> {
    record = store.read();
    update({}, initialLive(record), at);
    const { key } = record;
    if (!key) return;
    try {
      if (record.submitted) {
        // Only the status (no personal data): has the officer asked for a revision since?
        // Unreachable or unknown: the stored confirmation stays as it is.
        const status = await getApplicationStatus(core, key.code, key.secret).catch(() => null);
        if (!status) return;
        if (!editableStatus(status.status))
          return update({ status: status.status, submitted: status }, {}, at);
        update({ submitted: null, etag: null }, { submit: 'idle' }, at);
      }
      await load(at, key);
      saved(at);
    } catch (error) {
      failed(at, error);
    }
  }

  return {
    get snapshot() {
      return snapshot;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start(key) {
      await serial((at) => (key ? startWith(at, key) : startLocal(at)));
      if (record.submission && !record.submitted) void serial(send);
      else if (record.dirty.length) scheduleSave();
    },
    setAnswer(field, value) {
      if (!editableStatus(record.status) || record.submitted || record.submission) return;
      if (!record.dirty.includes(field) && sameAnswer(record.answers[field], value)) return;
      const answers = { ...record.answers };
      if (value === null) delete answers[field];
      else answers[field] = value;
      const dirty = record.dirty.includes(field) ? record.dirty : [...record.dirty, field];
      update({ answers, dirty }, { sync: live.sync === 'local' ? 'local' : 'saving' });
      scheduleSave();
    },
    setPlace(place) {
      if (place !== record.place) update({ place });
    },
    flush,
    upload(field, file, uploadOptions = {}) {
      return serial(async (at) => {
        try {
          await push(at, true);
          saved(at);
        } catch (error) {
          failed(at, error);
          throw error;
        }
        const key = record.key as ApplicationKey;
        const { attachment, etag } = await uploadAttachment(
          core,
          key.code,
          key.secret,
          field,
          file,
          uploadOptions,
        );
        // The server added the id to the field's answer itself; this copy follows.
        const answers = { ...record.answers, [field]: [...idsOf(record.answers[field]), attachment.id] };
        update({ etag, answers, attachments: [...record.attachments, attachment] }, {}, at);
        return attachment;
      });
    },
    removeAttachment(field, id) {
      return serial(async (at) => {
        const { key } = record;
        if (key) {
          try {
            const { etag } = await deleteAttachment(core, key.code, key.secret, id);
            update({ etag }, {}, at);
          } catch (error) {
            if (statusOf(error) !== 404) throw error; // 404: already gone
          }
        }
        const ids = idsOf(record.answers[field]).filter((other) => other !== id);
        const answers = { ...record.answers, [field]: ids };
        if (ids.length === 0) delete answers[field];
        update({ answers, attachments: record.attachments.filter((a) => a.id !== id) }, {}, at);
      });
    },
    async submit() {
      const stored = store.read();
      const sameApp = stored.key?.code === record.key?.code;
      if (sameApp && stored.submitted) {
        record = stored;
        return update({}, { submit: 'done', problem: null });
      }
      if (record.submitted) return;
      const submission = (sameApp ? stored.submission : null) ?? record.submission ?? newIdempotencyKey();
      clearTimeout(saveTimer);
      update({ submission }, { submit: 'sending', problem: null });
      await serial(send);
    },
    forget() {
      epoch += 1;
      clearTimeout(saveTimer);
      retry.stop();
      store.remove();
      record = emptyRecord();
      update({}, initialLive(record));
    },
    dispose() {
      disposed = true;
      clearTimeout(saveTimer);
      retry.stop();
      globalThis.removeEventListener?.('online', onOnline);
      globalThis.removeEventListener?.('storage', onStorage);
      listeners.clear();
    },
  };
}
