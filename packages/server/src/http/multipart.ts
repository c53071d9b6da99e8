import type { Readable } from 'node:stream';
import { Busboy, type BusboyInstance } from '@fastify/busboy';
import { pointerSegment } from '@loket/sdk/rules';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MAX_UPLOAD_BYTES } from '../applications/attachments.js';
import { cleanFilename } from '../applications/filenames.js';
import {
  type AttachmentStorage,
  FileTooLargeError,
  type StoredFile,
  sweepPartialFiles,
} from '../applications/storage.js';
import type { Engine } from '../db/index.js';
import { say } from '../messages/index.js';
import { ProblemError, problem } from '../problem.js';

// Receiving multipart/form-data: the HTTP half of an upload (the rules are applications/attachments.ts).

/** Room for the multipart framing around the file: boundaries, part headers, the `field` part. */
const MULTIPART_OVERHEAD = 64 * 1024;

/** After a refused upload, at most this much of the rest of the body is read and dropped. */
const DISCARD_LIMIT = MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD;

const payloads = new WeakMap<FastifyRequest, Readable>();

const isMultipart = (contentType: string | undefined) =>
  typeof contentType === 'string' && /^multipart\/form-data\s*(;|$)/i.test(contentType.trim());

/** The routes that take multipart/form-data: the citizen's uploadAttachment, the officer's attachResultDocument. */
export const UPLOAD_ROUTE = '/v1/applications/:code/attachments';
export const RESULT_ROUTE = '/v1/officer/applications/:code/result';
const uploadRoutes = new Set([`POST ${UPLOAD_ROUTE}`, `PUT ${RESULT_ROUTE}`]);

/** Does this route take multipart/form-data (streamed by its handler, never parsed before)? */
export const takesUpload = (method: string, url: string | undefined) => uploadRoutes.has(`${method} ${url}`);

/**
 * Lets `multipart/form-data` reach the upload handler unparsed: the body is kept aside as a
 * stream (no size limit applies here; the handler streams it to storage with its own limits).
 * Every other route answers multipart with 415, as before. Must be called before the contract's
 * routes are registered (fastify-openapi-glue), so that their encapsulated context inherits the
 * parser. Also sweeps partial files a crash left behind, when the app is ready (at start). Idempotent.
 */
export function registerUploads(
  app: FastifyInstance,
  ctx: { uploadsDir: string; db: { engine: Engine } },
): void {
  if (app.hasContentTypeParser('multipart/form-data')) return;
  app.addContentTypeParser('multipart/form-data', (request, payload, done) => {
    if (!takesUpload(request.method, request.routeOptions.url)) {
      done(problem('unsupported-media-type', 415, say('notJson')), undefined);
      return;
    }
    payloads.set(request, payload);
    done(null, undefined);
  });
  app.addHook('onReady', async () => {
    // On PGlite the data directory's lock makes the uploads this process's alone: every partial
    // file is a crash's leftover. With PostgreSQL, instances may share the uploads: only old ones.
    const olderThanMs = ctx.db.engine === 'pglite' ? 0 : undefined;
    await sweepPartialFiles(ctx.uploadsDir, olderThanMs).catch((error: unknown) =>
      app.log.warn({ err: error }, 'could not sweep partial uploads'),
    );
  });
}

/** A JSON pointer to a multipart part by its name (RFC 6901 escaping, bounded length). */
const partPointer = (name: string) => `/${pointerSegment(name.slice(0, 64))}`;

type PartProblem =
  | 'multipartMalformed'
  | 'uploadAborted'
  | 'fieldFirst'
  | 'missingField'
  | 'missingFile'
  | 'extraParts';
const invalid = (message: PartProblem, pointer: string) =>
  problem('invalid-request', 400, say(message), pointer);

export function fileTooLarge(maxBytes: number): ProblemError {
  const size =
    maxBytes >= 1024 * 1024
      ? `${+(maxBytes / 1024 / 1024).toFixed(1)} MB`
      : `${Math.ceil(maxBytes / 1024)} KB`;
  return problem('file-too-large', 413, say('fileTooLarge', size, maxBytes), '/file');
}

export interface ReceivedUpload<Rule> {
  field: string;
  /** The client's filename, cleaned (a label only). */
  filename: string;
  /** What `accept` answered for the field. */
  rule: Rule;
  /** The stored bytes: size, SHA-256 and head. The caller owns it now (remove it on failure). */
  file: StoredFile;
}

/**
 * Reads an upload: a `field` part naming the file field, then exactly one `file` part, streamed
 * into storage. `accept(field)` is called as soon as the field is known (before any file byte is
 * stored) and throws to refuse it, or gives the byte limit for the file. With `options.field` the
 * body is the `file` part alone, for that field (accept is called at once).
 *
 * Resolves only when the whole body arrived intact with nothing else in it; on every failure
 * (client abort, malformed body, limit, refused field) the stored bytes are removed, the rest of
 * the body is read and dropped (bounded) with `Connection: close`, and it rejects with a
 * ProblemError.
 */
export function receiveUpload<Rule extends { maxBytes: number }>(
  request: FastifyRequest,
  reply: FastifyReply,
  storage: AttachmentStorage,
  accept: (field: string) => Promise<Rule>,
  options: { field?: string } = {},
): Promise<ReceivedUpload<Rule>> {
  const fixed = options.field;
  const payload = payloads.get(request);
  const contentType = request.headers['content-type'];
  if (!payload || !isMultipart(contentType)) {
    return Promise.reject(problem('unsupported-media-type', 415, say('notMultipart')));
  }
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD) {
    reply.header('connection', 'close');
    return Promise.reject(fileTooLarge(MAX_UPLOAD_BYTES));
  }

  return new Promise((resolveUpload, rejectUpload) => {
    let busboy: BusboyInstance;
    try {
      busboy = Busboy({
        headers: { ...request.headers, 'content-type': contentType as string },
        preservePath: true, // the whole name reaches cleanFilename, which keeps the last segment
        // Only `field` is text; every other part is a file (so a `file` part without a filename or
        // with any declared type still streams, and any other part is refused as one too many).
        isPartAFile: (name) => fixed !== undefined || name !== 'field',
        limits: {
          fieldNameSize: 100,
          fieldSize: 100,
          fields: fixed === undefined ? 1 : 0,
          files: 1,
          parts: fixed === undefined ? 2 : 1,
          headerPairs: 20,
          headerSize: 16 * 1024,
          fileSize: MAX_UPLOAD_BYTES + 1,
        },
      });
    } catch {
      rejectUpload(invalid('multipartMalformed', '/'));
      return;
    }

    let settled = false;
    let bodyEnded = false;
    let parsed = false;
    let field: string | undefined;
    let filename = '';
    let rule: Rule | undefined;
    let accepting: Promise<Rule> | undefined;
    let storing: Promise<StoredFile> | undefined;
    let fileStream: Readable | undefined;

    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      payload.unpipe(busboy);
      fileStream?.destroy();
      discardRest(request, reply, payload);
      // Let the storage finish its own clean-up; a file that made it to storage is removed.
      const stored = storing ?? Promise.resolve(undefined);
      stored
        .then((file) => file && storage.remove(file.key))
        .catch(() => {})
        .finally(() => rejectUpload(error));
    };

    const succeedIfDone = () => {
      if (settled || !parsed || !storing) return;
      storing.then((file) => {
        if (settled || !rule || field === undefined) return;
        settled = true;
        resolveUpload({ field, filename, rule, file });
      }, fail);
    };

    if (fixed !== undefined) {
      field = fixed;
      accepting = accept(fixed);
      accepting.then((r) => {
        rule = r;
      }, fail);
    }

    busboy.on('field', (name, value, _nameTruncated, valueTruncated) => {
      if (settled) return;
      if (name !== 'field' || fixed !== undefined) return fail(invalid('extraParts', partPointer(name)));
      field = valueTruncated ? `${value}…` : value;
      accepting = accept(field);
      accepting.then((r) => {
        rule = r;
      }, fail);
    });

    busboy.on('file', (name, stream, rawFilename) => {
      // Errors after a failure (a part cut short) must not become unhandled 'error' events.
      stream.on('error', () => {});
      if (settled) {
        stream.resume();
        return;
      }
      if (name !== 'file') {
        stream.resume();
        return fail(invalid('extraParts', partPointer(name)));
      }
      if (!accepting) {
        stream.resume();
        return fail(invalid('fieldFirst', '/field'));
      }
      fileStream = stream;
      // Browsers send `"`, CR and LF in a filename as %22, %0D and %0A (WHATWG multipart encoding).
      filename = cleanFilename(rawFilename?.replace(/%22/g, '"').replace(/%0[DA]/gi, ' '));
      // busboy's own cap is a backstop; the storage counts against the field's limit.
      stream.on('limit', () => fail(fileTooLarge(MAX_UPLOAD_BYTES)));
      const gate = accepting;
      storing = gate.then((r) => {
        // Refused while the field was being checked: nothing to store.
        if (settled) throw new Error('upload refused');
        return storage.write(stream, { maxBytes: Math.min(r.maxBytes, MAX_UPLOAD_BYTES) });
      });
      storing.catch((error: unknown) => {
        if (error instanceof FileTooLargeError) return fail(fileTooLarge(error.maxBytes));
        if (error instanceof ProblemError) return fail(error);
        // The stream broke: the client went away, or the body ended inside the file.
        fail(bodyEnded ? invalid('multipartMalformed', '/file') : invalid('uploadAborted', '/file'));
      });
    });

    const limitHit = () => fail(invalid('extraParts', '/'));
    busboy.on('partsLimit', limitHit);
    busboy.on('filesLimit', limitHit);
    busboy.on('fieldsLimit', limitHit);
    busboy.on('error', () => fail(invalid('multipartMalformed', '/')));
    busboy.on('finish', () => {
      if (settled) return;
      parsed = true;
      if (field === undefined) return fail(invalid('missingField', '/field'));
      if (!storing) return fail(invalid('missingFile', '/file'));
      succeedIfDone();
    });

    payload.on('end', () => {
      bodyEnded = true;
    });
    payload.on('error', () => fail(invalid('uploadAborted', '/')));
    payload.on('close', () => {
      if (!bodyEnded) fail(invalid('uploadAborted', '/'));
    });
    payload.pipe(busboy);
  });
}

/**
 * After a refusal mid-body: drop what is still coming so the answer reaches the client, but never
 * more than DISCARD_LIMIT bytes, and close the connection afterwards either way.
 */
function discardRest(request: FastifyRequest, reply: FastifyReply, payload: Readable): void {
  if (!reply.sent) reply.header('connection', 'close');
  if (payload.readableEnded || payload.destroyed) return;
  let dropped = 0;
  payload.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > DISCARD_LIMIT) {
      payload.removeAllListeners('data');
      payload.pause();
      // The answer may still be on its way: close the socket once it is out.
      if (reply.raw.writableFinished) request.raw.socket?.destroy();
      else reply.raw.once('finish', () => request.raw.socket?.destroy());
    }
  });
  payload.resume();
}
