/**
 * `@loket/sdk/session`: the citizen's application on this device and on the server, for a web
 * page (`<loket-application-form>` uses it), Node or tests. Every change is kept on this device
 * first (the storage is injected), then saved with the right `ETag`; a submission is sent under
 * an idempotency key kept with it, so it happens once however often the network fails.
 */
export { outcomeUnknown } from '../idempotency.js';
export {
  browserStorage,
  emptyRecord,
  type LocalRecord,
  memoryStorage,
  recordKey,
  recordStore,
} from './record.js';
export { createApplicationSession, SAVE_DELAY } from './session.js';
export type {
  ApplicationKey,
  ApplicationSession,
  SessionOptions,
  SessionSnapshot,
  SessionStorage,
  SessionUploadOptions,
  SubmitState,
  SyncState,
} from './types.js';
