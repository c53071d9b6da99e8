import type { BrowseMessages } from './types';

/** Bahasa Indonesia: part of the browse view's chunk. */
export const id: BrowseMessages = {
  events: 'Urusan menurut peristiwa hidup',
  eventsHint: 'Layanan yang diperlukan, berurutan.',
  categories: 'Layanan menurut kategori',
  categoriesHint: 'Semua layanan satu bidang.',
  stepCount: { other: '{n} langkah' },
  serviceCount: { other: '{n} layanan' },
  home: 'Jelajahi peristiwa hidup dan kategori',
  back: 'Kembali ke peristiwa hidup dan kategori',
  steps: 'Langkah-langkahnya',
  produces: 'Hasilnya',
  conditional: 'Bila diperlukan',
  conditionalHint: 'Hanya dalam keadaan tertentu.',
  when: 'Bila',
  sources: 'Sumber',
  notFound: 'Peristiwa hidup ini tidak ditemukan.',
};
