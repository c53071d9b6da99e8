import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * Text worth compressing: JSON and problem+json, the contract (YAML), the docs' HTML, CSS and
 * JavaScript, SVG. Never an attachment (PDF, JPEG, PNG are compressed already): their bytes,
 * Content-Length and streaming stay as they are.
 */
export const compressibleTypes =
  /^(?:text\/|application\/(?:[\w.-]+\+)?(?:json|yaml|javascript)|image\/svg\+xml)/;

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
    encodings: ['br', 'gzip'],
    threshold: 1024,
    customTypes: compressibleTypes,
  });
}
