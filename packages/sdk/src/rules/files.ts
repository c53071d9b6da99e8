import type { components } from '../openapi.js';

type FileRule = components['schemas']['FileRule'];
/** The types an attachment may have (the contract's `FileRule.accept`); decided by content only. */
export type AttachmentType = FileRule['accept'][number];
/** Why a file cannot be attached: its type (by content), its size, or one file too many. */
export type FileProblem = 'file_type' | 'file_size' | 'file_count';
/** A field's file rule; `max_files` is 1 when a form leaves it out (the contract's default). */
export type FileLimits = Pick<FileRule, 'accept' | 'max_bytes'> & { max_files?: number };

/** How many first bytes `detectType` reads. */
const SNIFF_BYTES = 16;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * The type of a file from its first bytes (magic numbers), or null when it is none of the
 * accepted ones. The declared Content-Type and the filename's extension play no part, so a
 * photo renamed `.pdf` is refused on the device exactly as the server refuses it. A Node
 * `Buffer` is a `Uint8Array`.
 */
export function detectType(head: Uint8Array): AttachmentType | null {
  const latin1 = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  // PNG: the 8-byte signature, then the IHDR chunk that must come first.
  if (head.length >= 16 && PNG_SIGNATURE.every((byte, i) => head[i] === byte) && latin1(12, 16) === 'IHDR') {
    return 'image/png';
  }
  // JPEG: SOI (FF D8) followed by the start of a marker segment.
  if (head.length >= 4 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  // PDF: the header line "%PDF-<major>.<minor>" at the very start.
  if (/^%PDF-\d\.\d/.test(latin1(0, 8))) return 'application/pdf';
  return null;
}

/**
 * Why `file` cannot be attached to a field with `rule` that already has `alreadyAttached` files,
 * or `null`: what the server refuses, checked before the upload so a citizen on a slow network
 * never waits for one that cannot succeed. The count first (nothing to read), then the type (the
 * most useful thing to hear about a wrong file), then the size.
 */
export async function checkFile(
  rule: FileLimits,
  file: Blob,
  alreadyAttached: number,
): Promise<FileProblem | null> {
  if (alreadyAttached >= (rule.max_files ?? 1)) return 'file_count';
  const type = detectType(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()));
  if (!type || !rule.accept.includes(type)) return 'file_type';
  if (file.size > rule.max_bytes) return 'file_size';
  return null;
}
