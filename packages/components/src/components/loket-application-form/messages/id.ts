import type { FormMessages } from './types';

/** Bahasa Indonesia: the default locale, part of the first load. */
export const id: FormMessages = {
  load: {
    loading: 'Memuat formulir…',
    errorTitle: 'Formulir tidak dapat dimuat',
    errorBody: 'Periksa sambungan internet Anda, lalu coba lagi.',
    retry: 'Coba lagi',
    notFound: 'Layanan ini tidak ditemukan.',
    noFormTitle: 'Belum bisa diajukan secara daring',
    noFormBody:
      'Layanan ini belum punya formulir daring. Urus langsung di tempat layanan dengan membawa persyaratan di bawah ini.',
    badLink:
      'Tautan permohonan ini tidak dikenal. Periksa apakah tautannya lengkap, atau mulai permohonan baru di bawah ini.',
  },
  fee: {
    free: 'Gratis',
    variants: 'Tergantung jenis',
    unknown: 'Biaya belum diketahui',
    from: 'mulai {amount}',
  },
  duration: {
    days: { other: '{n} hari kerja' },
    sameDay: 'Selesai di hari yang sama',
    unknown: 'Waktu belum diketahui',
  },
  prepare: {
    intro: 'Sebelum mulai, siapkan dulu hal-hal berikut.',
    requirements: 'Yang perlu disiapkan',
    requirementsHint: 'Centang yang sudah Anda siapkan. Centang ini hanya ada di layar ini.',
    fee: 'Biaya',
    duration: 'Waktu penyelesaian',
    start: 'Mulai',
    resume: 'Lanjutkan mengisi',
    autosave: 'Jawaban Anda tersimpan otomatis, jadi Anda bisa berhenti dan melanjutkan nanti.',
  },
  step: {
    progress: 'Langkah {n} dari {total}',
    continue: 'Lanjut',
    back: 'Kembali',
    optional: '(opsional)',
    choose: 'Pilih salah satu',
    yes: 'Ya',
    wait: '{label}: tunggu sampai unggahan selesai.',
    number: '{label} harus berupa angka, misalnya 12 atau 2,5.',
  },
  file: {
    choose: 'Pilih berkas',
    photo: 'Ambil foto atau pilih berkas',
    pages: '{n} halaman',
    rules: '{types}, paling besar {size}.',
    uploading: 'Mengunggah {name}',
    percent: '{n}% terkirim',
    cancel: 'Batalkan unggahan',
    cancelled: 'Unggahan {name} dibatalkan.',
    failed: '{name} gagal diunggah.',
    retry: 'Coba lagi',
    uploaded: '{name} sudah terunggah.',
    list: 'Berkas terunggah',
    remove: 'Hapus',
    removed: '{name} dihapus.',
    removeFailed: '{name} tidak dapat dihapus. Periksa sambungan internet Anda, lalu coba lagi.',
    size: { kb: '{n} KB', mb: '{n} MB' },
  },
  errors: {
    title: 'Ada masalah',
    declaration: 'Centang pernyataan bahwa data Anda benar untuk mengirim permohonan.',
    network: 'Sambungan internet terputus. Periksa sambungan Anda, lalu coba lagi.',
  },
  check: {
    sending: 'Mengirim permohonan…',
    waitingBody:
      'Sambungan terputus saat mengirim. Permohonan Anda tersimpan di perangkat ini dan akan dikirim otomatis, satu kali saja, begitu sambungan kembali.',
  },
  done: {
    title: 'Permohonan terkirim',
    copied: '{what} disalin',
    selected: '{what} sudah dipilih. Salin dengan menu perangkat Anda.',
  },
  submitted: {
    title: 'Permohonan ini sudah dikirim',
    withdrawn: 'Permohonan ini sudah dibatalkan',
    body: 'Permohonan {code} sudah dikirim dan tidak dapat diubah lagi di sini.',
    track: 'Lihat status permohonan',
    another: 'Ajukan permohonan baru',
  },
  revision: {
    title: 'Permohonan Anda perlu diperbaiki',
    note: 'Catatan petugas',
    fields: 'Yang perlu diperbaiki',
    start: 'Mulai memperbaiki',
  },
  save: {
    saving: 'Menyimpan…',
    saved: 'Tersimpan',
    local: 'Tersimpan di perangkat ini',
    refused: 'Belum tersimpan di server: {detail}',
    offline: 'Anda sedang offline. Jawaban Anda aman di perangkat ini dan akan dikirim saat tersambung lagi.',
    online: 'Tersambung lagi.',
  },
  resume: {
    summary: 'Lanjutkan di perangkat lain',
    body: 'Buka tautan ini di perangkat lain untuk melanjutkan permohonan dari sana.',
    label: 'Tautan untuk melanjutkan',
    warning:
      'Tautan ini pribadi: siapa pun yang memilikinya dapat membaca dan mengubah permohonan Anda. Jangan bagikan.',
    copy: 'Salin tautan',
  },
};
