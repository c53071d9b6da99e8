import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import Negotiator from 'negotiator';
import { memo } from './memo.js';

/**
 * Text worth compressing: JSON and problem+json, the contract (YAML), the docs' HTML, CSS and
 * JavaScript, SVG. Never an attachment (PDF, JPEG, PNG are compressed already): their bytes,
 * Content-Length and streaming stay as they are.
 */
export const compressibleTypes =
  /^(?:text\/|application\/(?:[\w.-]+\+)?(?:json|yaml|javascript)|image\/svg\+xml)/;

/** Bodies smaller than this are sent as they are (compression would gain little). */
export const COMPRESS_FROM_BYTES = 1024;

export type Encoding = 'br' | 'gzip';

const encodings: Encoding[] = ['br', 'gzip'];

/**
 * The encoding to answer an Accept-Encoding header with, by the client's q-values, brotli before
 * gzip where they tie (`q=0` refuses, `*` accepts what is not named), else none: the choice
 * @fastify/compress makes for the responses it compresses.
 */
export function preferredEncoding(header: string | string[] | undefined): Encoding | null {
  return header ? negotiated(String(header)) : null;
}

const negotiated = memo((header): Encoding | null => {
  // negotiator 1.x takes `preferred` (ties in q); its published types predate it.
  const negotiator = new Negotiator({ headers: { 'accept-encoding': header } }) as {
    encoding(available: Encoding[], options: { preferred: Encoding[] }): Encoding | undefined;
  };
  return negotiator.encoding(encodings, { preferred: encodings }) ?? null;
});

/**
 * Compresses a response kept in the response cache, once: brotli at its best quality (the bytes
 * are sent many times, to phones on slow networks), gzip at level 9.
 */
export function compressOnce(body: string, encoding: Encoding): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_QUALITY]: body.length <= 256 * 1024 ? 11 : 6,
          [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(body),
        },
      })
    : gzipSync(body, { level: 9 });
}

/**
 * Brotli or gzip on responses of 1 KiB and more, as the client's Accept-Encoding allows
 * (`Vary: Accept-Encoding`). Registered after the catalogue caching, so the ETag is still taken
 * over the JSON bytes and a 304 stays empty. Compressed request bodies are not accepted: a body
 * is read as it is sent, within the body limit.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    global: true,
    globalDecompression: false,
    encodings,
    threshold: COMPRESS_FROM_BYTES,
    customTypes: compressibleTypes,
  });
}
