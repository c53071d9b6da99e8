import type { Core } from '../core.js';
import type { LoketApiError } from '../errors.js';
import type {
  Answers,
  AnswerValue,
  ApplicationStatus,
  ApplicationStatusCode,
  Attachment,
  NotifyChannels,
  TrackingCode,
} from '../types.js';
import type { UploadProgress } from '../upload.js';

/**
 * The contract between a view (such as `<loket-application-form>`) and the application session
 * (session.ts): the session owns the application's data and never loses it; the view only
 * renders a snapshot and calls these methods.
 */

/** An application's tracking code and secret: all it takes to open it again, on any device. */
export interface ApplicationKey {
  code: TrackingCode;
  secret: string;
}

/**
 * Where the session keeps the application on this device: the browser's `localStorage`, or
 * `memoryStorage()` (Node, tests). Any object with these three methods of the Web Storage API.
 */
export type SessionStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface SessionOptions {
  /** The SDK core (`createLoketCore`) the session sends its requests with. */
  core: Core;
  /** The service applied for, e.g. `ktp-el-hilang`. */
  service: string;
  /** The region (Kemendagri code) the application is made in. */
  region: string;
  /**
   * Where this device keeps the application: `browserStorage()` (the browser's `localStorage`)
   * in a page, `memoryStorage()` in Node. `null`, or a storage that fails (private mode, full):
   * in memory, for as long as the session lives.
   */
  storage: SessionStorage | null;
  /**
   * Where the `online` event (the network is back) and the `storage` event (another tab changed
   * the record) arrive; default `globalThis`, which is the window in a browser and has no
   * events in Node. Tests pass an `EventTarget` and dispatch `online` themselves.
   */
  events?: EventTarget;
}

/** Where the citizen's answers are. */
export type SyncState =
  /** Nothing typed yet. */
  | 'empty'
  /** A save to the server is in flight. */
  | 'saving'
  /** The server draft has every answer. */
  | 'saved'
  /** Saved on this device only; the server could not be reached. Retried automatically. */
  | 'local'
  /** The server refused the save for a reason a retry cannot fix (see `problem`). Kept on this device. */
  | 'refused';

export type SubmitState =
  | 'idle'
  /** The submission is in flight. */
  | 'sending'
  /** The network failed while submitting; it is sent again (same idempotency key) when it returns. */
  | 'waiting'
  /** The server refused it (e.g. `422` with field errors in `problem.errors`); nothing was submitted. */
  | 'refused'
  | 'done';

export interface SessionSnapshot {
  /** The server draft's tracking code and secret; `null` until the draft exists on the server. */
  key: ApplicationKey | null;
  /** The server's status of the application; `null` before the draft exists on the server. */
  status: ApplicationStatusCode | null;
  /** Every answer, newest first: this device's unsaved changes over the server's copy. */
  answers: Answers;
  /** The files uploaded for this application (answers of `file` fields hold their ids). */
  attachments: Attachment[];
  /** While `needs_revision`: the fields the officer asked to fix and their note to the citizen. */
  revision: { fields: string[]; note: string | null } | null;
  /** The view's place (a step id, or a view name such as `prepare`, `check`): restored on reload. */
  place: string | null;
  sync: SyncState;
  /** `false` from a request that failed for lack of network until one succeeds again. */
  online: boolean;
  submit: SubmitState;
  /** After `submit === 'done'`: what the server answered. */
  submitted: ApplicationStatus | null;
  /** The last refusal (`sync === 'refused'` or `submit === 'refused'`), localized by the server. */
  problem: LoketApiError | null;
}

export interface SessionUploadOptions {
  onProgress?: (progress: UploadProgress) => void;
  /** Cancels the upload; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
}

export interface ApplicationSession {
  readonly snapshot: SessionSnapshot;
  /** Called after every change of the snapshot; returns the unsubscribe function. */
  subscribe(listener: (snapshot: SessionSnapshot) => void): () => void;
  /**
   * Loads the application: the one in `key` (a resume or "fix it" link) if given, else the one
   * this device holds for this service and region, else a new, empty one (the server draft is
   * created with the first answer). Rejects only when `key` is given and unknown (`404`; also
   * when it is an application of another service or region), and then changes nothing.
   */
  start(key?: ApplicationKey): Promise<void>;
  /**
   * Saves on this device at once and to the server shortly after (debounced); `null` removes it.
   * Ignored while the answers cannot change: once submitted, and while a submission is on its
   * way (`submit` is `sending` or `waiting`: changing them then would make it another submission).
   */
  setAnswer(field: string, value: AnswerValue | null): void;
  /** Remembers where the citizen is (restored on reload). */
  setPlace(place: string): void;
  /** Saves to the server now; resolves when saved, or when the change is safe on this device only. */
  flush(): Promise<void>;
  /** Uploads one file for a `file` field (creating the server draft first when needed) and adds its id to the answer. */
  upload(field: string, file: File, options?: SessionUploadOptions): Promise<Attachment>;
  /** Removes an uploaded file and its id from the answer. */
  removeAttachment(field: string, id: string): Promise<void>;
  /**
   * Submits exactly once: the idempotency key is stored on this device before the request, so
   * a retry after a dropped connection, a reload or going offline repeats the same submission.
   * When the network fails, `submit` becomes `waiting` and the session sends it again when the
   * network returns. Resolves when the state is `done`, `waiting` or `refused`. `notify`: the
   * news channels the citizen chose (absent: none sent, the server's behaviour for clients
   * without the choice).
   */
  submit(choice?: { notify?: NotifyChannels }): Promise<void>;
  /** Forgets this application on this device (answers, code and secret); the server keeps it. */
  forget(): void;
  /** Stops timers and listeners. */
  dispose(): void;
}
