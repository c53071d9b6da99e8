import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** How many leading bytes `write` returns for deciding the file's type by its content. */
export const HEAD_BYTES = 64;

/** A stored file, as `write` reports it once every byte is safely in storage. */
export interface StoredFile {
  /** The storage's own random key (never derived from anything the client sent). */
  key: string;
  size: number;
  /** SHA-256 of the content, lower-case hex. */
  sha256: string;
  /** The first bytes (up to HEAD_BYTES), for type detection. */
  head: Buffer;
}

/**
 * Where attachment bytes live. The local filesystem for now (`createStorage`); an S3-compatible
 * store can implement the same three calls. Keys are random UUIDs chosen by the storage.
 */
export interface AttachmentStorage {
  /**
   * Stores the whole stream under a new random key, or nothing: a stream that fails, ends early
   * or grows past `maxBytes` (FileTooLargeError, raised as soon as the limit is crossed) leaves
   * no trace. The key becomes readable only after the last byte arrived.
   */
  write(stream: Readable, limits: { maxBytes: number }): Promise<StoredFile>;
  /** The stored bytes; rejects (ENOENT) when the key is unknown. */
  read(key: string): Promise<Readable>;
  /** Removes a stored file; removing an unknown key is not an error. */
  remove(key: string): Promise<void>;
}

/** The stream had more bytes than allowed; nothing was stored. */
export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`file larger than ${maxBytes} bytes`);
    this.name = 'FileTooLargeError';
  }
}

const keyPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Keys are UUIDs: nothing else reaches the filesystem, so no key can point outside the store. */
export function assertStorageKey(key: string): void {
  if (!keyPattern.test(key)) throw new Error(`invalid storage key ${JSON.stringify(key.slice(0, 80))}`);
}

/**
 * Local filesystem storage under `uploadsDir`: files arrive in `uploadsDir/tmp/` under a random
 * name, are hashed and counted while they stream, flushed to disk and only then renamed (atomic on
 * one filesystem) to `uploadsDir/<first 2 characters of the key>/<key>`. Directories are created
 * 0700 and files 0600, whatever the umask.
 */
export function createStorage(uploadsDir: string): AttachmentStorage {
  const root = resolve(uploadsDir);
  const tmpDir = join(root, 'tmp');
  const pathOf = (key: string) => {
    assertStorageKey(key);
    return join(root, key.slice(0, 2), key);
  };

  return {
    async write(stream, { maxBytes }) {
      const key = randomUUID();
      const tmp = join(tmpDir, `${randomUUID()}.part`);
      const hash = createHash('sha256');
      const headChunks: Buffer[] = [];
      let headLength = 0;
      let size = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
          size += chunk.length;
          if (size > maxBytes) return callback(new FileTooLargeError(maxBytes));
          hash.update(chunk);
          if (headLength < HEAD_BYTES) {
            const part = chunk.subarray(0, HEAD_BYTES - headLength);
            headChunks.push(part);
            headLength += part.length;
          }
          callback(null, chunk);
        },
      });
      try {
        await mkdir(tmpDir, { recursive: true, mode: 0o700 });
        // pipeline() may wait forever on a source destroyed before it started (it counts as
        // finished but never ends the next stream), so a dead stream is refused here, right before.
        if (stream.destroyed) throw new Error('the stream was closed before it could be stored');
        await pipeline(stream, meter, createWriteStream(tmp, { flags: 'wx', mode: 0o600 }));
        const handle = await open(tmp, 'r');
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
        const target = pathOf(key);
        await mkdir(join(root, key.slice(0, 2)), { recursive: true, mode: 0o700 });
        await rename(tmp, target);
      } catch (error) {
        // Whatever failed (the client, the limit, the disk), the partial file goes.
        if (!stream.destroyed) stream.destroy();
        await rm(tmp, { force: true });
        throw error;
      }
      return { key, size, sha256: hash.digest('hex'), head: Buffer.concat(headChunks) };
    },

    async read(key) {
      const handle = await open(pathOf(key), 'r');
      return handle.createReadStream();
    },

    async remove(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}

/**
 * Removes partial uploads (`tmp/*.part`) at least `olderThanMs` old, left by a crash or a kill
 * (by default those untouched for an hour, which belong to no running upload).
 */
export async function sweepPartialFiles(uploadsDir: string, olderThanMs = 60 * 60 * 1000): Promise<number> {
  const tmpDir = join(resolve(uploadsDir), 'tmp');
  const names = await readdir(tmpDir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    if (!name.endsWith('.part')) continue;
    const path = join(tmpDir, name);
    const info = await stat(path).catch(() => null);
    if (info && Date.now() - info.mtimeMs >= olderThanMs) {
      await rm(path, { force: true });
      removed++;
    }
  }
  return removed;
}
