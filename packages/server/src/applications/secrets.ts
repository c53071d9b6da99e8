import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { canonicalSecret, secretFromBytes } from '@loket/sdk/rules';

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

/** A new application secret: 80 random bits as `XXXX-XXXX-XXXX-XXXX` (see `@loket/sdk/rules`). */
export function newSecret(): string {
  return secretFromBytes(randomBytes(10));
}

/** What is stored of a secret: the hash of its canonical symbols, so any way of typing it matches. */
export function secretHash(secret: string): string {
  return sha256Hex(canonicalSecret(secret) ?? secret);
}

export const newId = () => randomUUID();

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/**
 * Constant-time comparison of a presented secret with a stored hash: as typed (the secrets issued
 * before, 32 base64url characters, were hashed as given) and in its canonical form (the short
 * secrets). Both are always computed, so the time says nothing about which kind matched.
 */
export function secretMatches(presented: string, storedHash: string): boolean {
  const stored = Buffer.from(storedHash, 'hex');
  const same = (value: string) => {
    const hash = Buffer.from(sha256Hex(value), 'hex');
    return hash.length === stored.length && timingSafeEqual(hash, stored);
  };
  const asTyped = same(presented);
  const canonical = same(canonicalSecret(presented) ?? presented);
  return asTyped || canonical;
}
