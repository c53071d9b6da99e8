import { LoketApiError } from '../errors.js';
import { newIdempotencyKey } from '../idempotency.js';
import { getApplicationStatus } from '../operations/application-status.js';
import { deleteAttachment, getApplication, uploadAttachment } from '../operations/applications.js';
import { sameAnswer } from './answers.js';
import {
  editableStatus,
  Forgotten,
  initialLive,
  type Live,
  markFailed,
  markSaved,
  type SessionContext,
  statusOf,
} from './context.js';
import { emptyRecord, type LocalRecord, recordKey, recordStore } from './record.js';
import { createRetry } from './retry.js';
import { adopt, draftReady, load, push, revisionNote } from './server-copy.js';
import { send } from './submission.js';
import type { ApplicationKey, ApplicationSession, SessionOptions, SessionSnapshot } from './types.js';

/** How long typing may pause before the answers go to the server. */
export const SAVE_DELAY = 800;

const idsOf = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** A link to an application of another service or region: unknown to this form, like a `404`. */
const notThisForm = (key: ApplicationKey) =>
  new LoketApiError({
    type: 'urn:loket:problem:not-found',
    title: 'Not found',
    status: 404,
    detail: `Application "${key.code}" is not an application of this form (another service or region).`,
  });

/**
 * The citizen's application on this device and on the server (see types.ts). Every change is
 * written to this device first, then sent: one request at a time, so each one starts from the
 * `ETag` the previous one returned; a failure leaves the change on this device and is retried
 * with backoff (2 s doubling to 30 s) and as soon as the browser is back online.
 */
export function createApplicationSession(options: SessionOptions): ApplicationSession {
  const { core, service, region, storage } = options;
  const store = recordStore(service, region, storage);
  const events: Partial<EventTarget> = options.events ?? globalThis;
  const listeners = new Set<(snapshot: SessionSnapshot) => void>();
  let record = store.read();
  let live = initialLive(record);
  let snapshot = view();
  let chain: Promise<unknown> = Promise.resolve();
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let epoch = 0;
  let disposed = false;

  function view(): SessionSnapshot {
    const { key, status, answers, attachments, place, submitted } = record;
    const revision = status === 'needs_revision' ? record.revision : null;
    return { key, status, answers, attachments, revision, place, ...live, submitted };
  }

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

  const ctx: SessionContext = {
    core,
    service,
    region,
    store,
    retry: createRetry(() => resume()),
    get record() {
      return record;
    },
    get live() {
      return live;
    },
    get epoch() {
      return epoch;
    },
    update,
  };

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

  async function save(at: number): Promise<void> {
    if (record.submitted || !editableStatus(record.status)) return;
    if (!record.key && record.dirty.length === 0) return;
    if (record.key && record.etag !== null && record.dirty.length === 0) return markSaved(ctx, at);
    update({}, { sync: 'saving' }, at);
    try {
      await push(ctx, at);
      markSaved(ctx, at);
    } catch (error) {
      markFailed(ctx, at, error);
    }
  }

  function flush(): Promise<void> {
    clearTimeout(saveTimer);
    return serial(save).catch(() => undefined);
  }

  function scheduleSave(): void {
    clearTimeout(saveTimer);
    if (!disposed) saveTimer = setTimeout(() => void flush(), SAVE_DELAY);
  }

  /** The retry timer and the `online` event: send what is waiting. */
  function resume(): void {
    if (disposed || record.submitted) return;
    if (record.submission) void serial((at) => send(ctx, at));
    else if (record.dirty.length || (record.key && record.etag === null)) void flush();
  }

  const onOnline = () => ctx.retry.now();
  /** Another tab submitted this application, or started to: take its result or its key. */
  const onStorage = (event: Event) => {
    const { key, storageArea } = event as StorageEvent;
    if (key !== recordKey(service, region) || !storage || storageArea !== storage) return;
    const other = store.read();
    if (!other.key || other.key.code !== record.key?.code || record.submitted) return;
    if (other.submitted) {
      record = other;
      update({}, { submit: 'done', sync: 'saved', problem: null });
    } else if (other.submission && !record.submission) {
      update({ submission: other.submission });
    }
  };
  events.addEventListener?.('online', onOnline);
  events.addEventListener?.('storage', onStorage);

  /** A resume or "fix it" link: the server's copy becomes this device's record. */
  async function startWith(at: number, key: ApplicationKey): Promise<void> {
    const stored = store.read();
    const same = stored.key?.code === key.code && stored.key.secret === key.secret;
    const base = same ? stored : { ...emptyRecord(), key };
    try {
      const { application, etag } = await getApplication(core, key.code, key.secret);
      if (application.service.id !== service || application.region !== region) throw notThisForm(key);
      const note = application.status === 'needs_revision' ? await revisionNote(ctx, key) : undefined;
      if (at !== epoch) throw new Forgotten();
      record = { ...base, submitted: editableStatus(application.status) ? null : base.submitted };
      live = initialLive(record);
      adopt(ctx, at, application, etag, {}, note);
      markSaved(ctx, at);
    } catch (error) {
      if (statusOf(error) === 404 || error instanceof Forgotten) throw error;
      // Unreachable: keep the key; the next save reads the server copy first.
      update(base, initialLive(base), at);
      markFailed(ctx, at, error);
    }
  }

  /** This device's record, merged with the server copy when it has one. */
  async function startLocal(at: number): Promise<void> {
    record = store.read();
    update({}, initialLive(record), at);
    const { key } = record;
    if (!key) return;
    if (record.submitted) {
      // Only the status (no personal data): has the officer asked for a revision since?
      // Unreachable or unknown: the stored confirmation stays as it is.
      const status = await getApplicationStatus(core, key.code, key.secret).catch(() => null);
      if (!status) return;
      if (!editableStatus(status.status)) return update({ status: status.status, submitted: status }, {}, at);
      update({ submitted: null, etag: null }, { submit: 'idle' }, at);
    }
    try {
      await load(ctx, at, key);
      markSaved(ctx, at);
    } catch (error) {
      markFailed(ctx, at, error);
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
      if (record.submission && !record.submitted) void serial((at) => send(ctx, at));
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
        const { code, secret } = await draftReady(ctx, at);
        const { attachment, etag } = await uploadAttachment(core, code, secret, field, file, uploadOptions);
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
            update({ etag: (await deleteAttachment(core, key.code, key.secret, id)).etag }, {}, at);
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
    async submit(choice = {}) {
      // Another tab may have submitted it, or started to: its key, never a second one.
      const stored = store.read();
      const sameApplication = stored.key?.code === record.key?.code;
      if (sameApplication && stored.submitted) {
        record = stored;
        return update({}, { submit: 'done', problem: null });
      }
      if (record.submitted) return;
      const earlier = sameApplication && stored.submission ? stored : record;
      const pending = earlier.submission;
      clearTimeout(saveTimer);
      // A pending submission keeps the choice it was sent with (the same request, repeated).
      const notify = pending ? (earlier.notify ?? null) : (choice.notify ?? null);
      update({ submission: pending ?? newIdempotencyKey(), notify }, { submit: 'sending', problem: null });
      await serial((at) => send(ctx, at));
    },
    forget() {
      epoch += 1;
      clearTimeout(saveTimer);
      ctx.retry.stop();
      store.remove();
      record = emptyRecord();
      update({}, initialLive(record));
    },
    dispose() {
      disposed = true;
      clearTimeout(saveTimer);
      ctx.retry.stop();
      events.removeEventListener?.('online', onOnline);
      events.removeEventListener?.('storage', onStorage);
      listeners.clear();
    },
  };
}
