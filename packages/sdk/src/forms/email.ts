// A pragmatic email check, the same in every browser and on the server.

/**
 * The WHATWG HTML rule for `<input type="email">` (so a browser's own check never disagrees),
 * made stricter where a citizen's address must be reachable: a dot in the domain (`nama@gmail`
 * is a typo), a top-level label that is not all digits, at most 64 characters before the `@` and
 * 254 in all. No quoted local parts, IP-address domains or non-ASCII (IDN domains go as
 * punycode, `xn--…`); no DNS lookup — whether the mailbox exists is for a confirmation email.
 */
const whatwg =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

export function isEmail(value: string): boolean {
  if (value.length > 254 || !whatwg.test(value)) return false;
  const at = value.indexOf('@');
  if (at > 64) return false;
  const labels = value.slice(at + 1).split('.');
  return labels.length >= 2 && !/^\d+$/.test(labels[labels.length - 1] ?? '');
}
