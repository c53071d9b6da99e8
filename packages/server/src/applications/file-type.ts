// File-type detection by content, on its own and free of anything else so that it can move to a
// shared rules module as it is.

/** The types an attachment may have; decided by content only. */
export type AttachmentType = 'application/pdf' | 'image/jpeg' | 'image/png';

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The type of a file from its first bytes (magic numbers), or null when it is none of the
 * accepted ones. The declared Content-Type and the filename's extension play no part.
 */
export function detectType(head: Buffer): AttachmentType | null {
  // PNG: the 8-byte signature, then the IHDR chunk that must come first.
  if (
    head.length >= 16 &&
    head.subarray(0, 8).equals(pngSignature) &&
    head.toString('latin1', 12, 16) === 'IHDR'
  ) {
    return 'image/png';
  }
  // JPEG: SOI (FF D8) followed by the start of a marker segment.
  if (head.length >= 4 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  // PDF: the header line "%PDF-<major>.<minor>" at the very start.
  if (/^%PDF-\d\.\d/.test(head.toString('latin1', 0, 8))) return 'application/pdf';
  return null;
}
