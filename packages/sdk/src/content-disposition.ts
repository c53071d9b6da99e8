/** The filename of a `Content-Disposition` header: `filename*` (RFC 8187) first, then `filename`. */
export function filenameFrom(header: string | null): string | null {
  if (!header) return null;
  const extended = /\bfilename\*\s*=\s*([\w!#$%&+^`{}~-]*)'[^']*'([^;\s]+)/i.exec(header);
  let name: string | undefined;
  if (extended?.[2] && /^utf-8$/i.test(extended[1] ?? '')) {
    try {
      name = decodeURIComponent(extended[2]);
    } catch {
      // a malformed percent-encoding: fall back to the plain filename
    }
  }
  if (name === undefined) {
    const plain = /\bfilename\s*=\s*(?:"((?:\\.|[^"\\])*)"|([^;\s]+))/i.exec(header);
    name = plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2];
  }
  const base = name?.replace(/^.*[\\/]/, '').trim();
  return base ? base : null;
}
