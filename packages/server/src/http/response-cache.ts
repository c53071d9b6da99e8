import { LRUCache } from 'lru-cache';
import type { Queryable } from '../db/index.js';
import { compressOnce, type Encoding } from './compression.js';

export interface CachedResponse {
  payload: string;
  etag: string;
  contentType: string;
  /** The payload's length in bytes. */
  length: number;
  /** The payload compressed, made the first time a client asks for that encoding. */
  encoded?: Partial<Record<Encoding, Buffer>>;
}

/**
 * Serialized catalogue responses, kept until the catalogue changes. The catalogue is public and
 * changes only by import or seed (which bump `catalogue_version`), so a response for the same
 * URL and language is the same bytes until then. Every instance checks the version at most once
 * per `checkEveryMs`, so after an import on one instance the others follow within that time.
 */
export class ResponseCache {
  readonly #entries: LRUCache<string, CachedResponse>;
  #version: string | null = null;
  #checkedAt = 0;
  #checking: Promise<void> | null = null;

  constructor(
    private readonly db: Queryable,
    options: { maxBytes: number; checkEveryMs: number },
  ) {
    this.#entries = new LRUCache({
      maxSize: options.maxBytes,
      // The payload and room for its two compressed forms (each smaller than it).
      sizeCalculation: (e) => 2 * e.payload.length + 200,
    });
    this.checkEveryMs = options.checkEveryMs;
  }

  private readonly checkEveryMs: number;

  /** Drops everything when the catalogue version moved since the last check. */
  async refresh(now = Date.now()): Promise<void> {
    await this.refreshIfDue(now);
  }

  /** refresh(), or nothing at all (no promise) while the last check is recent enough. */
  refreshIfDue(now = Date.now()): Promise<void> | undefined {
    if (now - this.#checkedAt < this.checkEveryMs) return undefined;
    this.#checking ??= (async () => {
      try {
        const [row] = await this.db.query<{ v: string }>('select version::text as v from catalogue_version');
        const version = row?.v ?? null;
        if (version !== this.#version) this.#entries.clear();
        this.#version = version;
        this.#checkedAt = Date.now();
      } finally {
        this.#checking = null;
      }
    })();
    return this.#checking;
  }

  get(key: string): CachedResponse | undefined {
    return this.#entries.get(key);
  }

  /** The entry's payload in `encoding`, compressed once and kept with the entry. */
  encoded(entry: CachedResponse, encoding: Encoding): Buffer {
    entry.encoded ??= {};
    entry.encoded[encoding] ??= compressOnce(entry.payload, encoding);
    return entry.encoded[encoding];
  }

  set(key: string, entry: CachedResponse): void {
    this.#entries.set(key, entry);
  }

  clear(): void {
    this.#entries.clear();
  }
}
