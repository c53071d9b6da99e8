import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { cleanFilename } from '../applications/filenames.js';
import { contentDisposition } from './content-disposition.js';

/**
 * Sends a stored file as a download, hardened the same way wherever it is served (an officer's
 * attachment, a citizen's result document): the type detected from the content at upload, always
 * `attachment`, never sniffed, sandboxed if opened anyway, never cached.
 */
export function sendDownload(
  reply: FastifyReply,
  stream: Readable,
  file: { content_type: string; size: number; filename: string },
) {
  return reply
    .code(200)
    .type(file.content_type)
    .header('content-length', String(file.size))
    .header('content-disposition', contentDisposition(cleanFilename(file.filename)))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'no-store')
    .send(stream);
}
