import type { Lang } from './index.js';

type Templates = Record<string, Record<Lang, (...args: never[]) => string>>;

/** The result document and the receipt (applications/result-document.ts, receipt.ts). */
export const resultMessages = {
  resultNotInReview: {
    id: (status: string) =>
      `Dokumen hasil hanya dapat dilampirkan selama permohonan diperiksa (status sekarang "${status}").`,
    en: (status: string) =>
      `A result document can only be attached while the application is in review (it is "${status}").`,
  },
  noResultDocument: {
    id: (code: string) => `Permohonan "${code}" belum memiliki dokumen hasil untuk diunduh.`,
    en: (code: string) => `Application "${code}" has no result document to download.`,
  },
  'mail.document': {
    id: () =>
      'Dokumen hasil sudah tersedia: unduh di halaman pelacakan dengan kode pelacakan dan kode rahasia Anda.',
    en: () =>
      'The result document is ready: download it on the tracking page with your tracking code and secret.',
  },
} satisfies Templates;
