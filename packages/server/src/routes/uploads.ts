import type { FastifyRequest } from 'fastify';
import { MAX_UPLOAD_BYTES } from '../applications/attachments.js';
import { refuseWhenStorageLow } from '../applications/quotas.js';
import { createStorage } from '../applications/storage.js';
import type { AppContext } from './context.js';

/**
 * The attachments' storage as upload handlers use it (the citizens' attachments, the officers'
 * result documents): the store, the storage guard before a body is read, and removing bytes no
 * row points at (any more).
 */
export function uploadStore(ctx: AppContext) {
  const storage = createStorage(ctx.uploadsDir);
  return {
    storage,
    /** 507 while storing what the request declares (at most the largest upload) could fill the disk. */
    async refuseWhenFull(request: FastifyRequest) {
      const declared = Number(request.headers['content-length']);
      await refuseWhenStorageLow(
        ctx.uploadsDir,
        ctx.limits.minFreeBytes,
        Number.isFinite(declared) ? Math.min(declared, MAX_UPLOAD_BYTES) : MAX_UPLOAD_BYTES,
      );
    },
    /** Removes stored bytes whose row is gone or never came; a failure only leaves an orphan. */
    discard: (request: FastifyRequest, key: string) =>
      storage.remove(key).catch((error: unknown) => {
        request.log.error({ err: error, key }, 'could not remove a stored file');
      }),
  };
}
