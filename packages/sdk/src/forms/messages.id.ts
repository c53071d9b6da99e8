// Pesan validasi formulir, bahasa Indonesia (bahasa utama Loket).
import { formatBytes, formatDate, formatNumber, formatTypes } from './format.js';
import type { FormMessages } from './messages.js';

const n = (value: number) => formatNumber('id', value);

export const formMessagesId: FormMessages = {
  required: ({ label, kind }) =>
    kind === 'confirm'
      ? `Centang “${label}” untuk melanjutkan.`
      : kind === 'choice'
        ? `${label} wajib dipilih.`
        : `${label} wajib diisi.`,
  type: ({ label }) => `Jawaban untuk ${label} tidak valid.`,
  pattern: ({ label }) => `Format ${label} tidak sesuai.`,
  min_length: ({ label, limit }) => `${label} minimal ${n(limit)} karakter.`,
  max_length: ({ label, limit }) => `${label} maksimal ${n(limit)} karakter.`,
  min: ({ label, limit }) => `${label} minimal ${n(limit)}.`,
  max: ({ label, limit }) => `${label} maksimal ${n(limit)}.`,
  min_date: ({ label, date, today }) =>
    today
      ? `${label} tidak boleh sebelum hari ini.`
      : `${label} tidak boleh sebelum ${formatDate('id', date)}.`,
  max_date: ({ label, date, today }) =>
    today
      ? `${label} tidak boleh setelah hari ini.`
      : `${label} tidak boleh setelah ${formatDate('id', date)}.`,
  option: ({ label }) => `Pilih ${label} dari pilihan yang tersedia.`,
  duplicate: ({ label }) => `${label} berisi pilihan yang sama lebih dari sekali.`,
  nik: ({ label, reason, digits }) => {
    switch (reason) {
      case 'digits':
        return `${label} hanya boleh berisi angka.`;
      case 'length':
        return `${label} harus 16 digit (yang diisi ${n(digits)}).`;
      case 'province':
        return `Dua digit pertama ${label} bukan kode provinsi yang berlaku.`;
      case 'date':
        return `${label} tidak memuat tanggal lahir yang valid (digit ke-7 sampai ke-12).`;
      case 'serial':
        return `Empat digit terakhir ${label} tidak boleh 0000.`;
    }
  },
  kk: ({ label, reason, digits }) =>
    reason === 'digits'
      ? `${label} hanya boleh berisi angka.`
      : `${label} harus 16 digit (yang diisi ${n(digits)}).`,
  phone: ({ label }) =>
    `${label} harus nomor ponsel Indonesia, misalnya 0812 3456 7890 atau +62 812 3456 7890.`,
  email: ({ label }) => `${label} harus alamat email yang valid, misalnya nama@contoh.id.`,
  date: ({ label }) => `${label} harus tanggal yang valid.`,
  file_required: ({ label }) => `${label} wajib diunggah.`,
  file_count: ({ label, limit }) => `${label} maksimal ${n(limit)} berkas.`,
  file_type: ({ label, accept }) => `${label} harus berupa berkas ${formatTypes('id', accept)}.`,
  file_size: ({ label, maxBytes }) => `Ukuran berkas ${label} maksimal ${formatBytes('id', maxBytes)}.`,
  file_unknown: ({ label }) => `Berkas untuk ${label} tidak ditemukan. Unggah ulang berkasnya.`,
  file_rejected: ({ label }) =>
    `Ganti ${label}: petugas meminta berkas yang baru, bukan berkas yang sama dikirim lagi.`,
  unknown_field: ({ field }) => `Isian “${field}” tidak ada di formulir ini.`,
  hidden_field: ({ label }) => `${label} tidak berlaku untuk jawaban Anda. Hapus isiannya.`,
};
