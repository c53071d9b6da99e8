// Indonesian mobile numbers.

/** Spaces, dashes, dots and parentheses people type between digit groups. */
const separators = /[\s\-.()]/g;
/** After the trunk `0` (or `+62`): `8` and 8 to 11 more digits, so 10–13 digits written as `08…`. */
const subscriber = /^8\d{8,11}$/;

/**
 * The number in E.164 form (`+6281234567890`), or `null` when it is not an Indonesian mobile
 * number. Accepts `0812…`, `+62812…` and `62812…` (also `+62 (0)812…`), with spaces, dashes,
 * dots or parentheses between digit groups; written nationally (`08…`) it has 10–13 digits.
 */
export function normalizePhone(value: string): string | null {
  const compact = value.trim().replace(separators, '');
  let rest: string;
  if (compact.startsWith('+62')) rest = compact.slice(3);
  else if (compact.startsWith('62')) rest = compact.slice(2);
  else if (compact.startsWith('0'))
    return subscriber.test(compact.slice(1)) ? `+62${compact.slice(1)}` : null;
  else return null;
  if (rest.startsWith('0')) rest = rest.slice(1); // the trunk 0 some write after the country code
  return subscriber.test(rest) ? `+62${rest}` : null;
}
