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
  'mail.stopped': {
    id: () => 'Anda tidak akan menerima e-mail lagi tentang permohonan ini.',
    en: () => 'You will not receive more e-mails about this application.',
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
