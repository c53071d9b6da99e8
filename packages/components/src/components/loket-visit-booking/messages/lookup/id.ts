import type { LookupMessages } from './types';

export const id: LookupMessages = {
  heading: 'Lihat antrean Anda',
  intro:
    'Perangkat ini belum menyimpan kode rahasia antrean ini. Masukkan kode rahasia dari tiket Anda untuk melihat, mengubah atau membatalkannya.',
  code: 'Kode pemesanan',
  codeHint: 'Diawali ANT-, misalnya ANT-7K4M-Q2XP.',
  secret: 'Kode rahasia',
  secretHint: 'Tertulis di tiket, di bawah kode pemesanan. Kode ini tidak pernah dikirim lewat e-mail.',
  submit: 'Lihat antrean',
  codeMissing: 'Masukkan kode pemesanan',
  codeInvalid: 'Kode pemesanan hanya berisi huruf, angka dan tanda hubung, misalnya ANT-7K4M-Q2XP',
  secretMissing: 'Masukkan kode rahasia',
  notFound: 'Kode pemesanan atau kode rahasia tidak cocok',
  failed: 'Antrean belum bisa dibuka. Periksa sambungan internet Anda, lalu coba lagi.',
  tooMany: 'Terlalu banyak kode rahasia yang salah untuk kode pemesanan ini. Coba lagi nanti.',
  lost: 'Tanpa kode rahasia Anda tetap dapat datang: petugas melakukan check-in dengan kode pemesanan.',
};
