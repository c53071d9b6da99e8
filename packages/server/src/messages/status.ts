import type { Lang } from './index.js';

type Templates = Record<string, Record<Lang, (...args: never[]) => string>>;

/** The citizen's status view: what each status means (`status.*`), what to do next (`next.*`), the due date. */
export const statusMessages = {
  'status.draft': {
    id: () => 'Masih draf: permohonan belum dikirim.',
    en: () => 'Draft: the application has not been sent yet.',
  },
  'status.submitted': {
    id: () => 'Terkirim: permohonan sudah diterima dan menunggu diperiksa petugas.',
    en: () => 'Sent: the application was received and is waiting for an officer to check it.',
  },
  'status.in_review': {
    id: () => 'Sedang diperiksa petugas.',
    en: () => 'An officer is checking the application.',
  },
  'status.needs_revision': {
    id: () => 'Perlu diperbaiki: petugas meminta Anda memperbaiki beberapa isian.',
    en: () => 'Needs changes: the officer asked you to fix some answers.',
  },
  'status.completed': {
    id: () => 'Selesai: permohonan sudah diproses.',
    en: () => 'Done: the application has been processed.',
  },
  'status.rejected': {
    id: () => 'Ditolak: permohonan tidak dapat diproses.',
    en: () => 'Rejected: the application cannot be processed.',
  },
  'status.withdrawn': {
    id: () => 'Dibatalkan: Anda sudah menarik permohonan ini.',
    en: () => 'Withdrawn: you cancelled this application.',
  },
  'next.draft': {
    id: () => 'Lengkapi isian dan berkas, lalu kirim permohonan. Draf yang tidak diubah lama akan dihapus.',
    en: () =>
      'Complete the answers and files, then send the application. Drafts left untouched for long are deleted.',
  },
  'next.submitted': {
    id: () => 'Tunggu petugas memeriksa permohonan. Simpan kode pelacakan untuk melihat perkembangannya.',
    en: () => 'Wait for an officer to check the application. Keep the tracking code to follow its progress.',
  },
  'next.in_review': {
    id: () => 'Tunggu hasil pemeriksaan. Jika ada yang perlu diperbaiki, Anda akan melihatnya di sini.',
    en: () => 'Wait for the result. If something needs fixing, you will see it here.',
  },
  'next.needs_revision': {
    id: () => 'Perbaiki isian yang diminta, lalu kirim ulang permohonan.',
    en: () => 'Fix the answers asked for, then send the application again.',
  },
  'next.completed': {
    id: () => 'Ikuti petunjuk petugas untuk mengambil atau menerima hasil layanan.',
    en: () => "Follow the officer's instructions to collect or receive the result.",
  },
  'next.rejected': {
    id: () =>
      'Baca catatan petugas. Anda dapat mengajukan permohonan baru, atau menyampaikan pengaduan bila tidak setuju.',
    en: () => "Read the officer's note. You can apply again, or file a complaint if you disagree.",
  },
  'next.withdrawn': {
    id: () => 'Tidak ada langkah lagi. Anda dapat mengajukan permohonan baru kapan saja.',
    en: () => 'Nothing more to do. You can start a new application at any time.',
  },
  dueExpected: {
    id: (date: string, days: number | null) =>
      `Perkiraan selesai paling lambat ${date} (${days} hari kerja).`,
    en: (date: string, days: number | null) => `Expected by ${date} (${days} working days).`,
  },
  dueOverdue: {
    id: (date: string, days: number | null) =>
      `Seharusnya selesai paling lambat ${date} (${days} hari kerja) dan kini sudah terlambat.`,
    en: (date: string, days: number | null) => `It was due by ${date} (${days} working days) and is overdue.`,
  },
  dueProvisional: {
    id: () => 'Sebagian hari libur pada periode itu belum ditetapkan, jadi tanggalnya dapat berubah.',
    en: () => 'Some holidays in that period are not decreed yet, so the date may change.',
  },
  dueEstimate: {
    id: () =>
      'Hari libur pada periode itu belum diketahui (hanya Sabtu dan Minggu yang dilewati): tanggal ini perkiraan.',
    en: () => 'The holidays of that period are not known yet (only weekends were skipped): an estimate.',
  },
} satisfies Templates;
