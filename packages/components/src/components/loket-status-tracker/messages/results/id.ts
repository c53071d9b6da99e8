import type { ResultMessages } from './types';

/** Bahasa Indonesia: in the results chunk, loaded after the first status is shown. */
export const id: ResultMessages = {
  title: 'Dokumen hasil',
  body: 'Petugas melampirkan dokumen hasil permohonan Anda.',
  download: 'Unduh dokumen hasil ({type}, {size})',
  failed: 'Dokumen hasil belum dapat diunduh. Periksa sambungan internet Anda, lalu coba lagi.',
  receipt: 'Bukti pengajuan',
};
