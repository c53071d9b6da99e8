import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

// Crockford-style alphabet: no I, L, O, U, so codes read aloud or typed from paper survive.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A random, non-sequential tracking code: 12 symbols (60 bits), shown as LKT-XXXX-XXXX-XXXX. */
export function newTrackingCode(): string {
  const bytes = randomBytes(12);
  return Array.from(bytes, (b) => alphabet[b % 32]).join('');
}

/** How a code is shown to people. */
export function formatCode(code: string): string {
  return `LKT-${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}`;
}

/** What a person may type: any case, with or without the LKT- prefix and dashes; null if it cannot be a code. */
export function normalizeCode(input: string): string | null {
  const bare = input.toUpperCase().replace(/-/g, '').replace(/^LKT/, '');
  return /^[0-9A-HJKMNP-TV-Z]{12}$/.test(bare) ? bare : null;
}

export function newSecret(): string {
  return randomBytes(24).toString('base64url');
}

export const newId = () => randomUUID();

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Constant-time comparison of a presented secret with a stored hash. */
export function secretMatches(presented: string, storedHash: string): boolean {
  const a = Buffer.from(sha256Hex(presented), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
