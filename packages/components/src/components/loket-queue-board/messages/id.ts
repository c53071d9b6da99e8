import type { BoardMessages } from './types';

/** Bahasa Indonesia: the default locale, part of the first load. */
export const id: BoardMessages = {
  heading: 'Nomor antrean dipanggil',
  counter: 'Loket',
  number: 'Nomor',
  recent: 'Panggilan terakhir',
  empty: 'Belum ada nomor yang dipanggil hari ini.',
  called: 'Nomor {number}, silakan ke {counter}.',
  connecting: 'Menyambung…',
  live: 'Langsung',
  reconnecting: 'Sambungan terputus. Menyambung ulang…',
};
