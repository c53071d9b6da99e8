import { createHash } from 'node:crypto';
import { say } from '../messages/index.js';
import { problem } from '../problem.js';

/**
 * Opaque page cursors: the offset plus a fingerprint of the query they belong to, so that a
 * cursor reused with another query is a clear 400 instead of a silently wrong page.
 */
export function fingerprint(query: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(query)).digest('base64url').slice(0, 12);
}

export function encodeCursor(offset: number, query: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify({ o: offset, f: fingerprint(query) })).toString('base64url');
}

const invalid = () => problem('invalid-cursor', 400, say('invalidCursor'), '/query/cursor');

/** The offset a cursor stands for; 0 without a cursor. */
export function decodeCursor(cursor: string | undefined, query: Record<string, unknown>): number {
  if (cursor === undefined) return 0;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const { o, f } = (parsed ?? {}) as { o?: unknown; f?: unknown };
  if (!Number.isInteger(o) || (o as number) < 0 || (o as number) > 1_000_000 || f !== fingerprint(query))
    throw invalid();
  return o as number;
}
