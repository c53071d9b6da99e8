// The application secret as people handle it: 16 symbols of Crockford's base32 (80 bits), shown in
// four groups (`7KQ2-M9XD-4HTR-0BWE`). No I, L, O or U, so it survives being read aloud, written on
// paper or typed on a phone; on input, case, spaces, dashes and the look-alikes I, L (1) and O (0)
// are forgiven. Secrets issued before (32 base64url characters) keep working as they are.

const symbols = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const lookAlikes: Record<string, string> = { I: '1', L: '1', O: '0' };

/** The number of symbols of a secret; 5 bits each. */
export const SECRET_SYMBOLS = 16;

/** 10 random bytes (80 bits) as a secret's 16 symbols, in groups of four. */
export function secretFromBytes(bytes: Uint8Array): string {
  if (bytes.length * 8 !== SECRET_SYMBOLS * 5) throw new RangeError('a secret takes 10 bytes');
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += symbols[(value >> bits) & 31];
    }
    value &= (1 << bits) - 1;
  }
  return formatSecret(out);
}

/** How a secret is shown: its symbols in groups of four, joined by dashes. */
export function formatSecret(canonical: string): string {
  return canonical.match(/.{1,4}/g)?.join('-') ?? canonical;
}

/**
 * The 16 symbols a person meant (upper case, no separators, look-alikes mapped), or `null` when
 * the input cannot be a secret of this kind (then it may be an older secret, compared as given).
 */
export function canonicalSecret(input: string): string | null {
  const bare = input
    .toUpperCase()
    .replace(/[\s\-–—.]/g, '')
    .replace(/[ILO]/g, (c) => lookAlikes[c] ?? c);
  return bare.length === SECRET_SYMBOLS && [...bare].every((c) => symbols.includes(c)) ? bare : null;
}
