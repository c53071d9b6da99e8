import type { Lang } from './index.js';

type Templates = Record<string, Record<Lang, (...args: never[]) => string>>;

const subjects: Record<string, Record<Lang, string>> = {
  submitted: { id: 'permohonan diterima', en: 'application received' },
  in_review: { id: 'sedang diperiksa', en: 'being checked' },
  needs_revision: { id: 'perlu diperbaiki', en: 'needs changes' },
  completed: { id: 'selesai', en: 'done' },
  rejected: { id: 'ditolak', en: 'rejected' },
  withdrawn: { id: 'dibatalkan', en: 'withdrawn' },
};

/** The e-mails about an application (notifications/email-message.ts); what happened is `status.*`. */
export const notificationMessages = {
  'mail.subject': {
    id: (code: string, status: string) => `Permohonan ${code}: ${subjects[status]?.id ?? status}`,
    en: (code: string, status: string) => `Application ${code}: ${subjects[status]?.en ?? status}`,
  },
  'mail.about': {
    id: (service: string, code: string) =>
      `Kabar tentang permohonan ${service} dengan kode pelacakan ${code}.`,
    en: (service: string, code: string) =>
      `News about your application for ${service}, tracking code ${code}.`,
  },
  'mail.fields': {
    id: () => 'Isian yang perlu diperbaiki:',
    en: () => 'Answers to fix:',
  },
  'mail.note': {
    id: () => 'Catatan petugas:',
    en: () => "The officer's note:",
  },
  'mail.next': {
    id: () => 'Langkah berikutnya:',
    en: () => 'What to do next:',
  },
  'mail.track': {
    id: () => 'Lihat perkembangan permohonan (masukkan kode rahasia Anda di halaman itu):',
    en: () => 'Follow the application (enter your secret on that page):',
  },
  'mail.trackNoLink': {
    id: () =>
      'Lihat perkembangannya di situs tempat Anda mengajukan, dengan kode pelacakan dan kode rahasia Anda.',
    en: () => 'Follow it on the site where you applied, with your tracking code and your secret.',
  },
  'mail.neverSecret': {
    id: () => 'Kami tidak pernah meminta atau mengirim kode rahasia Anda lewat e-mail.',
    en: () => 'We never ask for or send your secret by e-mail.',
  },
  'mail.stop': {
    id: () => 'Tidak ingin menerima e-mail lagi tentang permohonan ini? Berhenti berlangganan:',
    en: () => 'No more e-mails about this application? Stop them here:',
  },
  'recovery.subject': {
    id: (code: string) => `Permohonan ${code}: tautan kode rahasia baru`,
    en: (code: string) => `Application ${code}: link to a new secret`,
  },
  'recovery.asked': {
    id: (service: string, code: string) =>
      `Ada yang meminta kode rahasia baru untuk permohonan ${service} dengan kode pelacakan ${code}.`,
    en: (service: string, code: string) =>
      `Someone asked for a new secret for your application for ${service}, tracking code ${code}.`,
  },
  'recovery.open': {
    id: () =>
      'Buka tautan ini dalam 30 menit untuk melihat permohonan dan menerima kode rahasia baru. Tautan hanya berlaku sekali; kode rahasia lama tidak berlaku lagi.',
    en: () =>
      'Open this link within 30 minutes to see the application and get a new secret. The link works once; the old secret stops working.',
  },
  'recovery.notYou': {
    id: () => 'Bukan Anda yang meminta? Abaikan e-mail ini: kode rahasia Anda tetap berlaku.',
    en: () => 'Did not ask for it? Ignore this e-mail: your secret keeps working.',
  },
  recoveryAccepted: {
    id: () =>
      'Bila kode pelacakan dan kontak itu cocok dengan permohonan, tautan untuk kode rahasia baru sedang dikirim ke sana. Tautan berlaku 30 menit dan hanya sekali.',
    en: () =>
      'If the tracking code and that contact match the application, a link to a new secret is on its way there. The link works for 30 minutes, once.',
  },
  recoveryCodeInvalid: {
    id: () => 'Kode pelacakan tidak dikenali. Contoh: LKT-7K4M-Q2XP-9D3F.',
    en: () => 'That is not a tracking code. For example LKT-7K4M-Q2XP-9D3F.',
  },
  recoveryLinkInvalid: {
    id: () => 'Tautan ini sudah dipakai, sudah lewat 30 menit, atau tidak dikenal. Minta tautan baru.',
    en: () => 'This link was used already, is older than 30 minutes, or is unknown. Ask for a new one.',
  },
  'mail.stopped': {
    id: () => 'Anda tidak akan menerima e-mail lagi tentang permohonan ini.',
    en: () => 'You will not receive more e-mails about this application.',
  },
  'mail.visitStopped': {
    id: () => 'Anda tidak akan menerima e-mail lagi tentang kunjungan ini. Pemesanan Anda tetap berlaku.',
    en: () => 'You will not receive more e-mails about this visit. Your booking still stands.',
  },
  'stopPage.visitQuestion': {
    id: () => 'Berhenti menerima e-mail tentang kunjungan ini? Pemesanan Anda tetap berlaku.',
    en: () => 'Stop e-mails about this visit? Your booking still stands.',
  },
  'stopPage.title': {
    id: () => 'Berhenti menerima e-mail',
    en: () => 'Stop e-mails',
  },
  'stopPage.question': {
    id: () => 'Berhenti menerima e-mail tentang permohonan ini? Permohonan Anda tetap diproses.',
    en: () => 'Stop e-mails about this application? Your application is still handled.',
  },
  'stopPage.button': {
    id: () => 'Berhenti menerima e-mail',
    en: () => 'Stop e-mails',
  },
  webhookNotFound: {
    id: (id: string) => `Tidak ada webhook ${id} untuk instansi dan wilayah Anda.`,
    en: (id: string) => `There is no webhook ${id} for your agency and region.`,
  },
  webhookRefused: {
    id: (reason: string) => `Webhook ini tidak dapat dipakai: ${reason}`,
    en: (reason: string) => `This webhook cannot be used: ${reason}`,
  },
  stopTokenUnknown: {
    id: () => 'Tautan berhenti ini tidak dikenal.',
    en: () => 'This stop link is not known.',
  },
} satisfies Templates;
