import { readdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { Busboy, type BusboyInstance } from '@fastify/busboy';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Lang } from '../http/lang.js';
import { ProblemError } from '../http/problems.js';
import type { AppContext } from '../routes/context.js';
import { type AttachmentStorage, FileTooLargeError, type StoredFile } from './storage.js';

/** No attachment is ever larger than this, whatever a form says (FileRule.max_bytes has the same maximum). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Room for the multipart framing around the file: boundaries, part headers, the `field` part. */
const MULTIPART_OVERHEAD = 64 * 1024;

/** After a refused upload, at most this much of the rest of the body is read and dropped. */
const DISCARD_LIMIT = MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD;

/** The types an attachment may have; decided by content only. */
export type AttachmentType = 'application/pdf' | 'image/jpeg' | 'image/png';

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The type of a file from its first bytes (magic numbers), or null when it is none of the
 * accepted ones. The declared Content-Type and the filename's extension play no part.
 */
export function detectType(head: Buffer): AttachmentType | null {
  // PNG: the 8-byte signature, then the IHDR chunk that must come first.
  if (
    head.length >= 16 &&
    head.subarray(0, 8).equals(pngSignature) &&
    head.toString('latin1', 12, 16) === 'IHDR'
  ) {
    return 'image/png';
  }
  // JPEG: SOI (FF D8) followed by the start of a marker segment.
  if (head.length >= 4 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  // PDF: the header line "%PDF-<major>.<minor>" at the very start.
  if (/^%PDF-\d\.\d/.test(head.toString('latin1', 0, 8))) return 'application/pdf';
  return null;
}

// Controls (C0, DEL, C1: \p{Cc}); format characters (\p{Cf}: bidi embeddings, overrides and
// isolates, zero-width characters, soft hyphen, byte order mark, interlinear annotations, tags);
// line and paragraph separators.
const invisible = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// Characters Windows forbids in file names: an officer saves the download under this name.
const reserved = /[<>:"|?*]/g;

/** The longest cleaned filename, in characters (code points). */
export const MAX_FILENAME_LENGTH = 120;

/**
 * The filename a client sent, made into a harmless label: only the last path segment (after `/`
 * or `\`), no control, bidi or invisible characters, no characters Windows forbids, no leading
 * dots, at most MAX_FILENAME_LENGTH characters (keeping a short extension), and `berkas`
 * ("file") when nothing is left. It is never used as a path.
 */
export function cleanFilename(raw: string | undefined | null): string {
  let name = (raw ?? '').replace(loneSurrogate, '').normalize('NFC');
  name = name.split(/[/\\]/).pop() ?? '';
  name = name
    .replace(/[\t\n\v\f\r\u2028\u2029]/g, ' ')
    .replace(invisible, '')
    .replace(reserved, '_')
    .replace(/\s+/g, ' ')
    .trim();
  name = name.replace(/^[.\s]+/, '');
  const chars = [...name];
  if (chars.length > MAX_FILENAME_LENGTH) {
    const extension = /\.[\p{L}\p{N}]{1,10}$/u.exec(name)?.[0] ?? '';
    const stem = chars
      .slice(0, MAX_FILENAME_LENGTH - extension.length)
      .join('')
      .trimEnd();
    name = stem + extension;
  }
  return name || 'berkas';
}

/** `Content-Disposition: attachment` for a cleaned filename: an ASCII fallback and the UTF-8 name (RFC 6266). */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_') || 'berkas';
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

// ---------------------------------------------------------------------------------------------
// Receiving multipart/form-data

const payloads = new WeakMap<FastifyRequest, Readable>();

const isMultipart = (contentType: string | undefined) =>
  typeof contentType === 'string' && /^multipart\/form-data\s*(;|$)/i.test(contentType.trim());

/** The one route that takes multipart/form-data (uploadAttachment). */
export const UPLOAD_ROUTE = '/v1/applications/:code/attachments';

/**
 * Lets `multipart/form-data` reach the upload handler unparsed: the body is kept aside as a
 * stream (no size limit applies here; the handler streams it to storage with its own limits).
 * Every other route answers multipart with 415, as before. Must be called before the contract's
 * routes are registered (fastify-openapi-glue), so that their encapsulated context inherits the
 * parser. Also sweeps partial files a crash left behind, when the app is ready. Idempotent.
 */
export function registerUploads(app: FastifyInstance, ctx: Pick<AppContext, 'uploadsDir'>): void {
  if (app.hasContentTypeParser('multipart/form-data')) return;
  app.addContentTypeParser('multipart/form-data', (request, payload, done) => {
    if (request.method !== 'POST' || request.routeOptions.url !== UPLOAD_ROUTE) {
      done(new ProblemError('unsupported-media-type', 415, (lang) => text.notJson[lang]), undefined);
      return;
    }
    payloads.set(request, payload);
    done(null, undefined);
  });
  app.addHook('onReady', async () => {
    await sweepPartialFiles(ctx.uploadsDir).catch((error: unknown) =>
      app.log.warn({ err: error }, 'could not sweep partial uploads'),
    );
  });
}

/** Removes partial uploads (`tmp/*.part`) older than `olderThanMs`, left by a crash or a kill. */
export async function sweepPartialFiles(uploadsDir: string, olderThanMs = 60 * 60 * 1000): Promise<number> {
  const tmpDir = join(resolve(uploadsDir), 'tmp');
  const names = await readdir(tmpDir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    if (!name.endsWith('.part')) continue;
    const path = join(tmpDir, name);
    const info = await stat(path).catch(() => null);
    if (info && Date.now() - info.mtimeMs > olderThanMs) {
      await rm(path, { force: true });
      removed++;
    }
  }
  return removed;
}

type Text = Record<Lang, string>;

const text = {
  notMultipart: {
    id: 'Kirim berkas sebagai multipart/form-data: bagian "field" lalu bagian "file".',
    en: 'Send the file as multipart/form-data: a "field" part, then a "file" part.',
  },
  notJson: {
    id: 'Hanya unggahan berkas yang memakai multipart/form-data; kirim JSON (application/json) di sini.',
    en: 'Only file uploads use multipart/form-data; send JSON (application/json) here.',
  },
  malformed: {
    id: 'Data multipart rusak atau tidak lengkap.',
    en: 'The multipart data is malformed or incomplete.',
  },
  aborted: {
    id: 'Unggahan terputus sebelum selesai; tidak ada yang disimpan.',
    en: 'The upload was cut off before it finished; nothing was stored.',
  },
  fieldFirst: {
    id: 'Bagian "field" (id kolom berkas) harus dikirim sebelum bagian "file".',
    en: 'The "field" part (the file field\'s id) must come before the "file" part.',
  },
  missingField: {
    id: 'Bagian "field" (id kolom berkas) tidak ada.',
    en: 'The "field" part (the file field\'s id) is missing.',
  },
  missingFile: { id: 'Bagian "file" tidak ada.', en: 'The "file" part is missing.' },
  extraParts: {
    id: 'Kirim tepat satu bagian "field" dan satu bagian "file", tidak lebih.',
    en: 'Send exactly one "field" part and one "file" part, nothing more.',
  },
} satisfies Record<string, Text>;

/** A JSON pointer to a multipart part by its name (RFC 6901 escaping, bounded length). */
const partPointer = (name: string) => `/${name.slice(0, 64).replace(/~/g, '~0').replace(/\//g, '~1')}`;

const invalid = (message: Text, pointer: string) =>
  new ProblemError(
    'invalid-request',
    400,
    (lang) => message[lang],
    (lang) => [{ pointer, detail: message[lang] }],
  );

export function fileTooLarge(maxBytes: number): ProblemError {
  const size =
    maxBytes >= 1024 * 1024
      ? `${+(maxBytes / 1024 / 1024).toFixed(1)} MB`
      : `${Math.ceil(maxBytes / 1024)} KB`;
  const message = {
    id: `Berkas lebih besar dari batas ${size} (${maxBytes} bita); tidak ada yang disimpan.`,
    en: `The file is larger than the limit of ${size} (${maxBytes} bytes); nothing was stored.`,
  };
  return new ProblemError(
    'file-too-large',
    413,
    (lang) => message[lang],
    (lang) => [{ pointer: '/file', detail: message[lang] }],
  );
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
 * stored) and throws to refuse it, or gives the byte limit for the file.
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
): Promise<ReceivedUpload<Rule>> {
  const payload = payloads.get(request);
  const contentType = request.headers['content-type'];
  if (!payload || !isMultipart(contentType)) {
    return Promise.reject(new ProblemError('unsupported-media-type', 415, (lang) => text.notMultipart[lang]));
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
        isPartAFile: (name) => name !== 'field',
        limits: {
          fieldNameSize: 100,
          fieldSize: 100,
          fields: 1,
          files: 1,
          parts: 2,
          headerPairs: 20,
          headerSize: 16 * 1024,
          fileSize: MAX_UPLOAD_BYTES + 1,
        },
      });
    } catch {
      rejectUpload(invalid(text.malformed, '/'));
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

    busboy.on('field', (name, value, _nameTruncated, valueTruncated) => {
      if (settled) return;
      if (name !== 'field') return fail(invalid(text.extraParts, partPointer(name)));
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
        return fail(invalid(text.extraParts, partPointer(name)));
      }
      if (!accepting) {
        stream.resume();
        return fail(invalid(text.fieldFirst, '/field'));
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
        fail(bodyEnded ? invalid(text.malformed, '/file') : invalid(text.aborted, '/file'));
      });
    });

    const limitHit = () => fail(invalid(text.extraParts, '/'));
    busboy.on('partsLimit', limitHit);
    busboy.on('filesLimit', limitHit);
    busboy.on('fieldsLimit', limitHit);
    busboy.on('error', () => fail(invalid(text.malformed, '/')));
    busboy.on('finish', () => {
      if (settled) return;
      parsed = true;
      if (field === undefined) return fail(invalid(text.missingField, '/field'));
      if (!storing) return fail(invalid(text.missingFile, '/file'));
      succeedIfDone();
    });

    payload.on('end', () => {
      bodyEnded = true;
    });
    payload.on('error', () => fail(invalid(text.aborted, '/')));
    payload.on('close', () => {
      if (!bodyEnded) fail(invalid(text.aborted, '/'));
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
