import type { NoMatchMessages } from './types';

/** Bahasa Indonesia: part of the no-result view's chunk, loaded with the first search that finds nothing. */
export const id: NoMatchMessages = {
  complaintTitle: 'Ini pengaduan, bukan layanan',
  complaintFor: 'Tidak ada layanan di sini untuk “{q}”.',
  complaintBody:
    'Masalah fasilitas umum atau lingkungan seperti ini disampaikan sebagai pengaduan kepada pemerintah. Sampaikan lewat:',
  unknownTitle: 'Ingin menyampaikan pengaduan?',
  unknownBody: 'Jika yang Anda cari adalah pengaduan tentang pelayanan publik, sampaikan lewat:',
  national: 'kanal pengaduan pelayanan publik nasional',
};
