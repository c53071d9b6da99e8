import type { RecoveryMessages } from '../types';

/** Bahasa Indonesia: loaded when the citizen chooses "Lupa kode rahasia?" or opens its link. */
export const id: RecoveryMessages = {
  heading: 'Lupa kode rahasia?',
  intro:
    'Masukkan kode pelacakan dan email atau nomor HP yang Anda isi di permohonan. Bila cocok, kami mengirim tautan ke sana. Tautan itu memberi kode rahasia baru; kode lama tidak berlaku lagi.',
  code: 'Kode pelacakan',
  contact: 'Email atau nomor HP',
  contactHint: 'Yang Anda isi di permohonan, misalnya budi@contoh.id atau 0812 3456 7890.',
  codeMissing: 'Masukkan kode pelacakan',
  contactMissing: 'Masukkan email atau nomor HP dari permohonan',
  submit: 'Kirim tautan',
  sending: 'Mengirim…',
  sent: 'Bila kode pelacakan dan kontak itu cocok dengan permohonan, tautan untuk kode rahasia baru sedang dikirim ke sana. Tautan berlaku 30 menit dan hanya sekali. Tidak ada yang datang? Periksa folder spam, atau tanyakan ke loket.',
  tooMany: 'Terlalu sering diminta. Coba lagi nanti.',
  failed: 'Permintaan tidak terkirim. Periksa sambungan internet, lalu coba lagi.',
  back: 'Kembali',
  newSecret:
    'Kode rahasia baru Anda: {secret}. Kode lama tidak berlaku lagi. Perangkat ini sudah menyimpannya; catat juga untuk perangkat lain.',
  linkInvalid: 'Tautan ini sudah dipakai, sudah lewat 30 menit, atau tidak dikenal. Minta tautan baru.',
};
