import type { FileRule } from '@loket/sdk';

export type FileProblem = 'file_type' | 'file_size' | 'file_count';
type FileType = FileRule['accept'][number];
/** A field's file rule; `max_files` is 1 when a form leaves it out (the contract's default). */
export type FileLimits = Pick<FileRule, 'accept' | 'max_bytes'> & { max_files?: number };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * The type of a file from its first bytes, as the server decides it (packages/server
 * applications/uploads.ts `detectType`): the name and the browser's guess play no part, so a
 * photo renamed `.pdf` is refused here exactly as the server would refuse it.
 */
export function detectType(head: Uint8Array): FileType | null {
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
 * Why the server would refuse `file` for a field with `rule` that already has `alreadyAttached`
 * files, or `null`: checked on the device, so a citizen on a slow network never waits for an
 * upload that cannot succeed. The count first (nothing to read), then the type (the most useful
 * thing to hear about a wrong file), then the size.
 */
export async function checkFile(
  rule: FileLimits,
  file: Blob,
  alreadyAttached: number,
): Promise<FileProblem | null> {
  if (alreadyAttached >= (rule.max_files ?? 1)) return 'file_count';
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  const type = detectType(head);
  if (!type || !rule.accept.includes(type)) return 'file_type';
  if (file.size > rule.max_bytes) return 'file_size';
  return null;
}
