import type { FastifyReply, FastifyRequest } from 'fastify';
import { applicationReceipt } from '../applications/receipt.js';
import {
  citizenResultDocument,
  openResultUpload,
  saveResultDocument,
} from '../applications/result-document.js';
import type { ApplicationRow, Officer } from '../applications/security.js';
import { sendDownload } from '../http/download.js';
import { pickLang } from '../http/lang.js';
import { receiveUpload } from '../http/multipart.js';
import type { AppContext, OperationRequest } from './context.js';
import { uploadStore } from './uploads.js';

/**
 * The receipt and the result document: the officer attaches it (multipart, the attachments'
 * storage and checks), the citizen downloads it. The rules are in applications/result-document.ts
 * and receipt.ts.
 */
export function resultHandlers(ctx: AppContext) {
  const { storage, refuseWhenFull, discard } = uploadStore(ctx);

  return {
    async attachResultDocument(request: OperationRequest<'attachResultDocument'>, reply: FastifyReply) {
      const officer = request.officer as Officer;
      await refuseWhenFull(request);
      const target = await openResultUpload(ctx.db, officer, request.params.code, ctx.now());
      const upload = await receiveUpload(request, reply, storage, async () => target, { field: 'file' });
      let saved: Awaited<ReturnType<typeof saveResultDocument>>;
      try {
        saved = await saveResultDocument(ctx.db, officer, target.id, upload, ctx.now());
      } catch (error) {
        await discard(request, upload.file.key);
        throw error;
      }
      // Only after the commit: the document before is no longer pointed at.
      if (saved.replaced) await discard(request, saved.replaced);
      reply.code(200).header('cache-control', 'no-store');
      return saved.document;
    },

    async downloadResultDocument(request: OperationRequest<'downloadResultDocument'>, reply: FastifyReply) {
      const row = await citizenResultDocument(ctx.db, request.application as ApplicationRow);
      return sendDownload(reply, await storage.read(row.storage_key), row);
    },

    async getApplicationReceipt(request: OperationRequest<'getApplicationReceipt'>, reply: FastifyReply) {
      const receipt = await applicationReceipt(
        ctx.db,
        request.application as ApplicationRow,
        pickLang(request),
      );
      reply.header('cache-control', 'no-store');
      return receipt;
    },
  } satisfies Record<string, (request: FastifyRequest<never>, reply: FastifyReply) => Promise<unknown>>;
}
