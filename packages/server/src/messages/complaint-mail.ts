import { dateText } from './visits.js';

// The e-mails about a complaint (notifications/complaint-message.ts), in the language it was filed in.

export const complaintMailMessages = {
  'complaintMail.subject.complaint.received': {
    id: (code: string) => `Pengaduan ${code}: diterima`,
    en: (code: string) => `Complaint ${code}: received`,
  },
  'complaintMail.subject.complaint.answered': {
    id: (code: string) => `Pengaduan ${code}: sudah dijawab`,
    en: (code: string) => `Complaint ${code}: answered`,
  },
  'complaintMail.what.complaint.received': {
    id: (service: string, agency: string) =>
      `Pengaduan Anda tentang layanan ${service} sudah diterima dan masuk ke kotak pengaduan ${agency}.`,
    en: (service: string, agency: string) =>
      `Your complaint about ${service} was received and is in the complaints inbox of ${agency}.`,
  },
  'complaintMail.what.complaint.answered': {
    id: (service: string, agency: string) => `${agency} menjawab pengaduan Anda tentang layanan ${service}.`,
    en: (service: string, agency: string) => `${agency} answered your complaint about ${service}.`,
  },
  'complaintMail.answer': { id: () => 'Jawaban instansi', en: () => 'The agency’s answer' },
  'complaintMail.details': { id: () => 'Pengaduan', en: () => 'The complaint' },
  'complaintMail.code': {
    id: (code: string) => `Kode pengaduan: ${code}`,
    en: (code: string) => `Complaint code: ${code}`,
  },
  'complaintMail.application': {
    id: (code: string) => `Tentang permohonan: ${code}`,
    en: (code: string) => `About the application: ${code}`,
  },
  'complaintMail.visit': {
    id: (code: string) => `Tentang kunjungan: ${code}`,
    en: (code: string) => `About the visit: ${code}`,
  },
  'complaintMail.due': {
    id: (date: string) => `Batas waktu jawaban: ${dateText(date, 'id-ID')}`,
    en: (date: string) => `Answer due by: ${dateText(date, 'en-GB')}`,
  },
  'complaintMail.next': { id: () => 'Langkah berikutnya', en: () => 'What happens next' },
  'complaintMail.wait': {
    id: () => 'Petugas akan menjawab pengaduan Anda. Kami mengirim e-mail lagi saat pengaduan dijawab.',
    en: () => 'An officer will answer your complaint. We will e-mail you again when it is answered.',
  },
  'complaintMail.after': {
    id: () =>
      'Bila masalahnya belum selesai, Anda dapat menyampaikan pengaduan baru, atau melapor ke SP4N-LAPOR! di www.lapor.go.id.',
    en: () =>
      'If the problem is not solved, you can file a new complaint, or report it to SP4N-LAPOR! at www.lapor.go.id.',
  },
  'complaintMail.view': {
    id: () => 'Lihat pengaduan dan jawabannya (masukkan kode rahasia pengaduan Anda di halaman itu):',
    en: () => 'See the complaint and its answer (enter the complaint’s secret on that page):',
  },
  'complaintMail.viewNoLink': {
    id: () =>
      'Lihat pengaduan dan jawabannya di situs tempat Anda mengadu, dengan kode pengaduan dan kode rahasianya.',
    en: () =>
      'See the complaint and its answer on the site where you filed it, with its code and its secret.',
  },
  'complaintMail.stop': {
    id: () => 'Tidak ingin menerima e-mail lagi tentang pengaduan ini? Berhenti berlangganan:',
    en: () => 'No more e-mails about this complaint? Stop them here:',
  },
  'complaintMail.stopped': {
    id: () => 'Anda tidak akan menerima e-mail lagi tentang pengaduan ini. Pengaduan Anda tetap ditangani.',
    en: () => 'You will not receive more e-mails about this complaint. It is still handled.',
  },
  'stopPage.complaintQuestion': {
    id: () => 'Berhenti menerima e-mail tentang pengaduan ini? Pengaduan Anda tetap ditangani.',
    en: () => 'Stop e-mails about this complaint? It is still handled.',
  },
};
