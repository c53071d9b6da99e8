import type * as PdfJs from 'pdfjs-dist';

// pdf.js (pdfjs-dist) for the attachment viewer: loaded only when an officer opens a PDF, from the
// desk's own build folder (scripts/copy-pdfjs.mjs puts it there at `pnpm build`), never by a
// citizen page. Its worker is started by the desk under the page's Trusted Types policy
// `loket-desk-pdf`, which allows that one script and nothing else (http/desk.ts).

/** The pdfjs-dist version copied next to the desk's build (the copy script checks they agree). */
export const pdfjsVersion = '6.5.438';

const fileUrl = (name: string) => new URL(name, import.meta.url).href;

interface TrustedTypesPolicy {
  createScriptURL(url: string): unknown;
}
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): TrustedTypesPolicy;
}

let policy: TrustedTypesPolicy | null = null;

/** The worker's URL as Trusted Types require it (the page forbids any other script URL). */
function workerScript(url: string): string {
  const factory = (window as unknown as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!factory) return url;
  policy ??= factory.createPolicy('loket-desk-pdf', {
    createScriptURL: (given) => {
      if (given !== url) throw new TypeError(`loket-desk-pdf allows only the pdf.js worker, not ${given}`);
      return given;
    },
  });
  return policy.createScriptURL(url) as string;
}

let loading: Promise<typeof PdfJs> | null = null;

/** pdf.js with its worker running, loaded once per page. */
export function loadPdfJs(): Promise<typeof PdfJs> {
  loading ??= (async () => {
    const pdfjs = (await import(/* @vite-ignore */ fileUrl(`pdfjs-${pdfjsVersion}.js`))) as typeof PdfJs;
    const worker = new Worker(workerScript(fileUrl(`pdfjs-worker-${pdfjsVersion}.js`)), { type: 'module' });
    pdfjs.GlobalWorkerOptions.workerPort = worker;
    return pdfjs;
  })();
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/** Starts opening a PDF's bytes (no XFA forms, nothing fetched); `destroy()` it when done. */
export async function openPdf(bytes: ArrayBuffer): Promise<PdfJs.PDFDocumentLoadingTask> {
  const pdfjs = await loadPdfJs();
  return pdfjs.getDocument({ data: new Uint8Array(bytes), enableXfa: false, useSystemFonts: true });
}
