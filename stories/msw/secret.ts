import { canonicalSecret, secretFromBytes } from '@loket/sdk/rules';

/** A new secret as the server makes them (the shared rule of `@loket/sdk/rules`). */
export const newSecret = () => secretFromBytes(crypto.getRandomValues(new Uint8Array(10)));

/** Whether `presented` (the `Loket-Secret` header) is `secret` as a person may type it, as the server judges. */
export function sameSecret(presented: string | null, secret: string): boolean {
  if (presented === null) return false;
  return presented === secret || (canonicalSecret(presented) ?? presented) === canonicalSecret(secret);
}
