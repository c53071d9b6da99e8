import type { TrackerMessages } from './types';

/** Bahasa Indonesia: the default locale, part of the first load. */
export const id: TrackerMessages = {
  lookup: {
    heading: 'Lacak permohonan',
    intro: 'Masukkan kode pelacakan dan kode rahasia yang Anda terima saat mengajukan permohonan.',
    code: 'Kode pelacakan',
    codeHint: 'Contoh: LKT-7K4M-Q2XP-3H9D',
    secret: 'Kode rahasia',
    secretHint:
      'Diberikan bersama kode pelacakan: 16 huruf dan angka, seperti 7KQ2-M9XD-4HTR-0BWE (huruf kecil dan tanda hubung boleh). Jangan berikan kepada siapa pun.',
    submit: 'Lacak',
    errorTitle: 'Ada masalah',
    errorPrefix: 'Kesalahan:',
    codeMissing: 'Masukkan kode pelacakan',
    codeInvalid:
      'Kode pelacakan berisi 8 sampai 20 huruf, angka atau tanda hubung, misalnya LKT-7K4M-Q2XP-3H9D',
    secretMissing: 'Masukkan kode rahasia',
    notFound: 'Kode pelacakan atau kode rahasia tidak cocok. Periksa keduanya, lalu coba lagi.',
    failed: 'Status tidak dapat dimuat. Periksa sambungan internet Anda, lalu coba lagi.',
  },
  status: {
    loading: 'Memuat status permohonan…',
    failed: 'Status permohonan tidak dapat dimuat. Periksa sambungan internet Anda, lalu coba lagi.',
    retry: 'Coba lagi',
    code: 'Kode pelacakan',
    current: 'Status: {status}',
    words: {
      draft: 'Draf',
      submitted: 'Terkirim',
      in_review: 'Sedang diperiksa',
      needs_revision: 'Perlu diperbaiki',
      completed: 'Selesai',
      rejected: 'Ditolak',
      withdrawn: 'Dibatalkan',
    },
    next: 'Langkah selanjutnya',
    note: 'Catatan petugas',
    revision: 'Yang perlu diperbaiki',
    revisionIntro: 'Petugas meminta Anda memperbaiki isian berikut:',
    fix: 'Perbaiki permohonan',
    resume: 'Lanjutkan permohonan',
    due: 'Perkiraan selesai',
    dueDate: '{date} ({days})',
    days: { other: '{n} hari kerja sejak permohonan dikirim' },
    sameDay: 'hari yang sama dengan pengiriman',
    calendar: {
      official: 'Dihitung dengan kalender hari libur resmi.',
      provisional:
        'Sebagian hari libur pada periode ini belum ditetapkan resmi, jadi tanggalnya dapat berubah.',
      estimate:
        'Hari libur pada periode ini belum diketahui (hanya Sabtu dan Minggu yang dilewati), jadi tanggal ini perkiraan.',
      none: 'Belum ada perkiraan tanggal selesai untuk layanan ini.',
    },
    dueAgain: 'Perkiraan tanggal selesai dihitung ulang setelah Anda mengirim perbaikan.',
    overdueTitle: 'Sudah melewati batas waktu',
    overdueBody:
      'Permohonan ini seharusnya selesai paling lambat {date}. Anda berhak menanyakannya ke instansi atau menyampaikan pengaduan.',
    visit: 'Datang ke loket',
    visitText: '{when}, {place}, {counter}. Nomor antrean {number}.',
    history: 'Riwayat',
    other: 'Lacak permohonan lain',
  },
  refresh: {
    button: 'Perbarui',
    updated: 'Diperbarui pukul {time}',
    failed: 'Status belum dapat diperbarui. Kami akan mencoba lagi nanti.',
    unchanged: 'Tidak ada perubahan.',
    changed: 'Status permohonan berubah: {status}.',
  },
  device: {
    heading: 'Permohonan di perangkat ini',
    hint: 'Disimpan di browser ini saja. Di perangkat milik orang lain, hapus setelah selesai.',
    open: 'Lihat',
    forget: 'Hapus dari perangkat ini',
    forgotten: 'Permohonan {code} dihapus dari perangkat ini. Permohonannya sendiri tetap ada.',
    lost: 'Lupa kode rahasia?',
  },
  withdraw: {
    open: 'Batalkan permohonan',
  },
};
