import { withoutLoneSurrogates } from '../text.js';

// Controls (C0, DEL, C1: \p{Cc}); format characters (\p{Cf}: bidi embeddings, overrides and
// isolates, zero-width characters, soft hyphen, byte order mark, interlinear annotations, tags);
// line and paragraph separators.
const invisible = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
// Characters Windows forbids in file names: an officer saves the download under this name.
const reserved = /[<>:"|?*]/g;

/** The longest cleaned filename, in characters (code points). */
export const MAX_FILENAME_LENGTH = 120;

/**
 * The filename a client sent, made into a harmless label: only the last path segment (after `/`
 * or `\`), no control, bidi or invisible characters, no characters Windows forbids, no leading
 * dots, at most MAX_FILENAME_LENGTH characters (keeping a short extension), and `berkas`
 * ("file") when nothing is left. It is never used as a path.
 */
export function cleanFilename(raw: string | undefined | null): string {
  let name = withoutLoneSurrogates(raw ?? '').normalize('NFC');
  name = name.split(/[/\\]/).pop() ?? '';
  name = name
    .replace(/[\t\n\v\f\r\u2028\u2029]/g, ' ')
    .replace(invisible, '')
    .replace(reserved, '_')
    .replace(/\s+/g, ' ')
    .trim();
  name = name.replace(/^[.\s]+/, '');
  const chars = [...name];
  if (chars.length > MAX_FILENAME_LENGTH) {
    const extension = /\.[\p{L}\p{N}]{1,10}$/u.exec(name)?.[0] ?? '';
    const stem = chars
      .slice(0, MAX_FILENAME_LENGTH - extension.length)
      .join('')
      .trimEnd();
    name = stem + extension;
  }
  return name || 'berkas';
}
