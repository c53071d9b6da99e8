import type {
  Answers,
  ApplicationStatus,
  ApplicationStatusCode,
  Attachment,
  NotifyChannels,
} from '../types.js';
import type { ApplicationKey, SessionStorage } from './types.js';

/**
 * The application as this device keeps it, one record per service and region, so that a reload,
 * a dropped connection or a closed tab never loses what the citizen typed. Written whole on every
 * change; anything unreadable (corrupt JSON, an older or newer version, a blocked storage) starts
 * a clean record instead of failing.
 */
export interface LocalRecord {
  v: typeof RECORD_VERSION;
  /** The server draft's code and secret; `null` until it exists. */
  key: ApplicationKey | null;
  /** The `ETag` of the server copy the answers were last merged with. */
  etag: string | null;
  status: ApplicationStatusCode | null;
  answers: Answers;
  /** Fields changed on this device since the last save to the server (a removed one is absent from `answers`). */
  dirty: string[];
  attachments: Attachment[];
  revision: { fields: string[]; note: string | null } | null;
  place: string | null;
  /** The `Idempotency-Key` of a submission whose outcome is not known yet. */
  submission: string | null;
  /** The news channels chosen for that submission (sent with it, and again with its retries). */
  notify?: NotifyChannels | null;
  /** What the server answered to the submission; the answers are dropped then. */
  submitted: ApplicationStatus | null;
}

export const RECORD_VERSION = 1;

/** The storage key of a service's application in a region. */
export const recordKey = (service: string, region: string) =>
  `loket:application:v${RECORD_VERSION}:${service}:${region}`;

export const emptyRecord = (): LocalRecord => ({
  v: RECORD_VERSION,
  key: null,
  etag: null,
  status: null,
  answers: {},
  dirty: [],
  attachments: [],
  revision: null,
  place: null,
  submission: null,
  submitted: null,
});

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const stringOrNull = (value: unknown) => value === null || isString(value);
const strings = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);

const validKey = (value: unknown) =>
  value === null || (isObject(value) && isString(value.code) && isString(value.secret));
const validRevision = (value: unknown) =>
  value === null || (isObject(value) && strings(value.fields) && stringOrNull(value.note));

/** The record in `text`, or a clean one when `text` is missing, corrupt or of another version. */
export function parseRecord(text: string | null): LocalRecord {
  if (text === null) return emptyRecord();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return emptyRecord();
  }
  if (
    !isObject(value) ||
    value.v !== RECORD_VERSION ||
    !validKey(value.key) ||
    !stringOrNull(value.etag) ||
    !stringOrNull(value.status) ||
    !isObject(value.answers) ||
    !strings(value.dirty) ||
    !Array.isArray(value.attachments) ||
    !validRevision(value.revision) ||
    !stringOrNull(value.place) ||
    !stringOrNull(value.submission) ||
    !(value.submitted === null || isObject(value.submitted))
  ) {
    return emptyRecord();
  }
  return { ...emptyRecord(), ...(value as unknown as LocalRecord) };
}

export interface RecordStore {
  /** The record as stored now (another tab may have written it). */
  read(): LocalRecord;
  write(record: LocalRecord): void;
  remove(): void;
  /** False once the storage failed (blocked, private mode, full): the record lives in memory only. */
  readonly persistent: boolean;
}

/**
 * The record of `service` in `region` in `storage`. Without a storage, or when it cannot be
 * reached or refuses a write, the store keeps the record in memory from then on, so the page
 * keeps working and never reads back an older copy.
 */
export function recordStore(service: string, region: string, storage: SessionStorage | null): RecordStore {
  const name = recordKey(service, region);
  let memory: string | null = null;
  let target = storage;
  try {
    // Reading can throw too (a sandboxed iframe, cookies blocked).
    memory = target?.getItem(name) ?? null;
  } catch {
    target = null;
  }
  const fail = () => {
    target = null;
  };
  return {
    get persistent() {
      return target !== null;
    },
    read() {
      if (target) {
        try {
          memory = target.getItem(name);
        } catch {
          fail();
        }
      }
      return parseRecord(memory);
    },
    write(record) {
      memory = JSON.stringify(record);
      try {
        target?.setItem(name, memory);
      } catch {
        fail();
      }
    },
    remove() {
      memory = null;
      try {
        target?.removeItem(name);
      } catch {
        fail();
      }
    },
  };
}

/** The browser's `localStorage`; `null` where there is none or the page may not use it. */
export function browserStorage(): SessionStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // a sandboxed iframe, cookies blocked
  }
}

/** A storage in memory, for Node, tests and servers: one per device to play. */
export function memoryStorage(): SessionStorage & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
  };
}
