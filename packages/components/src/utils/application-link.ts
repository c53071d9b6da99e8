import type { ApplicationKey } from '@loket/sdk/session';

/**
 * The link that carries an application's tracking code and secret between pages and devices: the
 * form's resume link, the confirmation's link to the tracker, the tracker's "fix it" link.
 *
 *   https://portal.example.go.id/lacak.html#kode=LKT-7K4M-Q2XP&rahasia=…
 *
 * Both ride in the fragment, which browsers never send to a server nor put in a `Referer`, so
 * the secret stays out of access logs and analytics. A component that read them removes them
 * from the address bar (`forgetApplicationLink`), so they do not linger in history or screenshots.
 */
const CODE = 'kode';
const SECRET = 'rahasia';
/** A one-time recovery link's token ("Lupa kode rahasia?"): `#kode=…&pulih=…`. */
const RECOVERY = 'pulih';

/** The code and secret in `href`'s fragment, or null. */
export function readApplicationLink(href: string): ApplicationKey | null {
  const hash = new URL(href).hash.slice(1);
  if (!hash.includes('=')) return null;
  const params = new URLSearchParams(hash);
  const code = params.get(CODE)?.trim();
  const secret = params.get(SECRET)?.trim();
  return code && secret ? { code, secret } : null;
}

/**
 * The tracking code alone in `href`'s fragment (`#kode=…` without a secret or token: the link in
 * a notification e-mail, which never carries the secret), or null.
 */
export function readCodeLink(href: string): string | null {
  const params = new URLSearchParams(new URL(href).hash.slice(1));
  const code = params.get(CODE)?.trim();
  return code && !params.get(SECRET) && !params.get(RECOVERY) ? code : null;
}

/** The code and recovery token in `href`'s fragment, or null. */
export function readRecoveryLink(href: string): { code: string; token: string } | null {
  const params = new URLSearchParams(new URL(href).hash.slice(1));
  const code = params.get(CODE)?.trim();
  const token = params.get(RECOVERY)?.trim();
  return code && token ? { code, token } : null;
}

/** `base` (resolved against the page) with the code and secret in its fragment. */
export function applicationLink(base: string, key: ApplicationKey): string {
  const url = new URL(base, document.baseURI);
  url.hash = new URLSearchParams({ [CODE]: key.code, [SECRET]: key.secret }).toString();
  return url.href;
}

/** Removes the code and secret (or recovery token) from the address bar (the page's other fragment data stays). */
export function forgetApplicationLink(): void {
  const url = new URL(location.href);
  const params = new URLSearchParams(url.hash.slice(1));
  if (!params.has(CODE) && !params.has(SECRET) && !params.has(RECOVERY)) return;
  params.delete(CODE);
  params.delete(SECRET);
  params.delete(RECOVERY);
  url.hash = params.toString();
  history.replaceState(history.state, '', url.href.replace(/#$/, ''));
}
