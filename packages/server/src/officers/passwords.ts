import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Officer passwords, hashed with scrypt (node:crypto). The parameters are kept with each hash, so
 * they can be raised later without breaking stored ones:
 *   N = 2^15 (cost), r = 8 (block size), p = 1 (parallelism), a 16-byte random salt, a 32-byte
 *   key: about 32 MiB of memory and some 50-100 ms of one core per check (OWASP's scrypt minimum
 *   is N = 2^17 with p = 1 or N = 2^15 with a larger r·p; these match its N = 2^15, r = 8, p = 3
 *   in memory, with less CPU, and a sign-in is rate limited and locked out on top).
 * Stored as `scrypt$N=32768,r=8,p=1$<salt base64>$<key base64>`.
 */
export const scryptParams = { N: 2 ** 15, r: 8, p: 1, keyLength: 32, saltLength: 16 } as const;

/** Shortest password accepted (NIST SP 800-63B: at least 8; officers' accounts open personal data). */
export const minPasswordLength = 12;

function derive(password: string, salt: Buffer, p: { N: number; r: number; p: number }, length: number) {
  // scrypt needs 128·N·r bytes; Node's default ceiling (32 MiB) is exactly that for N=2^15, r=8.
  const options: ScryptOptions = { N: p.N, r: p.r, p: p.p, maxmem: 256 * p.N * p.r };
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** The stored form of a new password. */
export async function hashPassword(password: string): Promise<string> {
  const { N, r, p, keyLength, saltLength } = scryptParams;
  const salt = randomBytes(saltLength);
  const key = await derive(password, salt, { N, r, p }, keyLength);
  return `scrypt$N=${N},r=${r},p=${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

const stored = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/]+=*)\$([A-Za-z0-9+/]+=*)$/;

/**
 * Whether `password` is the one `hash` was made from, compared in constant time. A malformed hash
 * never matches (and still costs one derivation with the current parameters).
 */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const m = stored.exec(hash);
  const params = m ? { N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) } : scryptParams;
  const salt = Buffer.from(m?.[4] ?? '', 'base64');
  const expected = Buffer.from(m?.[5] ?? '', 'base64');
  const key = await derive(password, salt, params, expected.length || scryptParams.keyLength);
  return m !== null && key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * A hash no password is known to match, with the current parameters: a sign-in with an unknown
 * username (or an account without a password) is checked against it, so it takes as long as a
 * wrong password for a real account and the time tells nothing about which usernames exist.
 */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(32).toString('base64'));
  return dummy;
}

/** Which of the rules a new password breaks, or null when it is good enough. */
export function passwordRule(password: string, username: string): 'short' | 'long' | 'username' | null {
  if (password.length < minPasswordLength) return 'short';
  if (password.length > 256) return 'long';
  if (password.toLowerCase().includes(username.toLowerCase())) return 'username';
  return null;
}

/** Why a new password is refused (in English, as the CLI says it), or null when it is good enough. */
export function passwordProblem(password: string, username: string): string | null {
  const rule = passwordRule(password, username);
  if (rule === 'short') return `the password must be at least ${minPasswordLength} characters`;
  if (rule === 'long') return 'the password must be at most 256 characters';
  if (rule === 'username') return 'the password must not contain the username';
  return null;
}
