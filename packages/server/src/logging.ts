import type { FastifyServerOptions } from 'fastify';
import pino from 'pino';

/** Redacted from every log line: credentials never reach the logs. */
export const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["loket-secret"]',
  'req.headers["loket-kiosk"]',
  'req.headers["loket-survey-link"]',
];

/**
 * Errors keep their type, message, code and stack, but not what a database error carries about
 * the failing statement (`query`, `parameters`, `detail`, `where`…): those can quote a citizen's
 * answers, NIK or phone number.
 */
export function serializeError(error: Error): {
  type: string;
  message: string;
  stack: string;
  code?: unknown;
} {
  const { type, message, stack, code } = pino.stdSerializers.err(error);
  return { type, message, stack, code };
}

export function loggerOptions(
  level: string,
  destination?: pino.DestinationStream,
): FastifyServerOptions['logger'] {
  const options = { level, redact: redactPaths, serializers: { err: serializeError } };
  return destination ? { ...options, stream: destination } : options;
}
