import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  deleteAttachment,
  officerAttachment,
  openUpload,
  saveAttachment,
} from '../applications/attachments.js';
import type { ApplicationRow, Officer } from '../applications/security.js';
import { sendDownload } from '../http/download.js';
import { receiveUpload } from '../http/multipart.js';
import type { AppContext, OperationRequest } from './context.js';
import { uploadStore } from './uploads.js';

/**
 * Attachments: the citizen's uploads and removals, the officer's downloads. The rules and the SQL
 * are in applications/attachments.ts; reading multipart bodies in http/multipart.ts.
 */
export function attachmentHandlers(ctx: AppContext) {
  const { storage, refuseWhenFull, discard } = uploadStore(ctx);

  return {
    async uploadAttachment(request: FastifyRequest, reply: FastifyReply) {
      const application = request.application as ApplicationRow;
      const { applicationBytes } = ctx.limits;
      await refuseWhenFull(request);
      const accept = await openUpload(ctx.db, application, applicationBytes);
      const upload = await receiveUpload(request, reply, storage, accept);
      let saved: Awaited<ReturnType<typeof saveAttachment>>;
      try {
        saved = await saveAttachment(ctx.db, application, upload, ctx.now(), applicationBytes);
      } catch (error) {
        await discard(request, upload.file.key);
        throw error;
      }
      reply.code(201).header('etag', saved.etag).header('cache-control', 'no-store');
      return saved.attachment;
    },

    async deleteAttachment(request: OperationRequest<'deleteAttachment'>, reply: FastifyReply) {
      const application = request.application as ApplicationRow;
      const { key, etag } = await deleteAttachment(
        ctx.db,
        application,
        request.params.attachmentId,
        ctx.now(),
      );
      // Only after the commit: a failed transaction must not lose the bytes of a kept row.
      await discard(request, key);
      reply.code(204).header('etag', etag).header('cache-control', 'no-store');
      return reply.send();
    },

    async downloadOfficerAttachment(
      request: OperationRequest<'downloadOfficerAttachment'>,
      reply: FastifyReply,
    ) {
      const { code, attachmentId } = request.params;
      const row = await officerAttachment(ctx.db, request.officer as Officer, code, attachmentId);
      return sendDownload(reply, await storage.read(row.storage_key), row);
    },
  };
}
