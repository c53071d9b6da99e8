// What the citizen sees of a file uploaded from this device: a thumbnail of an image (an object
// URL, revoked when the file is removed or the form goes) and the page count of a PDF. Loaded
// with the file questions (file-field.tsx), not with the form.
import { detectType } from '@loket/sdk/rules';

/** Revokes a preview's object URL. */
export const revoke = (preview: Preview | undefined) => preview?.url && URL.revokeObjectURL(preview.url);

export interface Preview {
  /** An object URL of the image itself. */
  url?: string;
  /** A PDF's pages, counted from its `/Type /Page` objects (none found: unknown). */
  pages?: number;
}

/** Reads at most this much of a PDF to count its pages. */
const PDF_READ = 10 * 1024 * 1024;

export async function previewOf(file: Blob): Promise<Preview> {
  const type = detectType(new Uint8Array(await file.slice(0, 16).arrayBuffer()));
  if (type === 'image/jpeg' || type === 'image/png') return { url: URL.createObjectURL(file) };
  if (type !== 'application/pdf' || file.size > PDF_READ) return {};
  const pages = (await file.text()).match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
  return pages > 0 ? { pages } : {};
}
