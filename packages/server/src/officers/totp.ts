import { Secret, TOTP } from 'otpauth';

/**
 * The second factor: TOTP (RFC 6238) with the parameters every authenticator app takes by
 * default (SHA-1, 6 digits, 30 s), through `otpauth`. One step either side is accepted (clock
 * drift), and a step once used is refused after (no replay of a code seen over a shoulder).
 */
const settings = { algorithm: 'SHA1', digits: 6, period: 30 } as const;

/** A new random TOTP key (160 bits, RFC 4226's recommended length), base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://totp/…` URI an authenticator app enrols from (as a QR code or pasted). */
export function totpUri(secret: string, username: string, issuer = 'Loket'): string {
  return new TOTP({ ...settings, issuer, label: username, secret: Secret.fromBase32(secret) }).toString();
}

/** The code for `secret` at `at` (tests and the demo only). */
export function totpCode(secret: string, at: Date = new Date()): string {
  return new TOTP({ ...settings, secret: Secret.fromBase32(secret) }).generate({ timestamp: at.getTime() });
}

/**
 * The time step `code` is valid for at `at` (within one step either side), or null when it is
 * not a valid code. The caller refuses a step not after the last one it accepted.
 */
export function totpStep(secret: string, code: string, at: Date): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const totp = new TOTP({ ...settings, secret: Secret.fromBase32(secret) });
  const delta = totp.validate({ token, timestamp: at.getTime(), window: 1 });
  return delta === null ? null : totp.counter({ timestamp: at.getTime() }) + delta;
}
