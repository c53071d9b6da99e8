import { dateText } from './visits.js';

// The e-mails about a booked visit (notifications/visit-message.ts). `when` is the day and time as
// people read them in the location's zone: "Selasa, 12 Januari 2027, pukul 09.30 WIB".

export const visitMailMessages = {
  'visitMail.when': {
    id: (date: string, time: string, zone: string) =>
      `${dateText(date, 'id-ID')}, pukul ${time.replace(':', '.')} ${zone}`,
    en: (date: string, time: string, zone: string) => `${dateText(date, 'en-GB')}, ${time} ${zone}`,
  },
  'visitMail.subject.visit.booked': {
    id: (code: string, when: string) => `Kunjungan ${code}: ${when}`,
    en: (code: string, when: string) => `Visit ${code}: ${when}`,
  },
  'visitMail.subject.visit.rescheduled': {
    id: (code: string, when: string) => `Kunjungan ${code} dipindah: ${when}`,
    en: (code: string, when: string) => `Visit ${code} moved: ${when}`,
  },
  'visitMail.subject.visit.reminder': {
    id: (code: string, when: string) => `Pengingat kunjungan besok ${code}: ${when}`,
    en: (code: string, when: string) => `Reminder, your visit tomorrow ${code}: ${when}`,
  },
  'visitMail.subject.visit.cancelled': {
    id: (code: string, _when: string) => `Kunjungan ${code} dibatalkan`,
    en: (code: string, _when: string) => `Visit ${code} cancelled`,
  },
  'visitMail.what.visit.booked': {
    id: (service: string) => `Kunjungan Anda ke loket untuk ${service} sudah dipesan.`,
    en: (service: string) => `Your visit to the counter for ${service} is booked.`,
  },
  'visitMail.what.visit.rescheduled': {
    id: (service: string) => `Kunjungan Anda ke loket untuk ${service} dipindah ke waktu baru.`,
    en: (service: string) => `Your visit to the counter for ${service} has moved to a new time.`,
  },
  'visitMail.what.visit.reminder': {
    id: (service: string) => `Besok Anda datang ke loket untuk ${service}.`,
    en: (service: string) => `Tomorrow you come to the counter for ${service}.`,
  },
  'visitMail.what.visit.cancelled': {
    id: (service: string) => `Kunjungan Anda ke loket untuk ${service} dibatalkan.`,
    en: (service: string) => `Your visit to the counter for ${service} is cancelled.`,
  },
  'visitMail.reason': {
    id: () => 'Alasan dari kantor layanan',
    en: () => 'The office’s reason',
  },
  'visitMail.details': { id: () => 'Kunjungan', en: () => 'The visit' },
  'visitMail.code': { id: (code: string) => `Kode: ${code}`, en: (code: string) => `Code: ${code}` },
  'visitMail.number': {
    id: (number: string) => `Nomor antrean: ${number}`,
    en: (number: string) => `Queue number: ${number}`,
  },
  'visitMail.place': {
    id: (place: string) => `Tempat: ${place}`,
    en: (place: string) => `Place: ${place}`,
  },
  'visitMail.counter': {
    id: (counter: string, agency: string) => `Loket: ${counter} (${agency})`,
    en: (counter: string, agency: string) => `Counter: ${counter} (${agency})`,
  },
  'visitMail.time': { id: (when: string) => `Waktu: ${when}`, en: (when: string) => `Time: ${when}` },
  'visitMail.bring': { id: () => 'Yang dibawa', en: () => 'What to bring' },
  'visitMail.next': { id: () => 'Yang perlu Anda lakukan', en: () => 'What to do next' },
  'visitMail.come': {
    id: () => 'Datang sebelum waktunya dan tunjukkan kode atau kode QR tiket Anda di loket untuk check-in.',
    en: () => 'Come before your time and show the code or your ticket’s QR code at the counter to check in.',
  },
  'visitMail.again': {
    id: () => 'Bila masih perlu datang, pesan waktu lain.',
    en: () => 'If you still need to come, book another time.',
  },
  'visitMail.manage': {
    id: () => 'Lihat, pindah atau batalkan kunjungan:',
    en: () => 'See, move or cancel the visit:',
  },
  'visitMail.manageNoLink': {
    id: () =>
      'Lihat, pindah atau batalkan kunjungan di halaman antrean situs layanan daerah Anda dengan kode ini.',
    en: () => 'See, move or cancel the visit on the queue page of your region’s service site with this code.',
  },
  'visitMail.stop': {
    id: () => 'Berhenti menerima e-mail tentang kunjungan ini:',
    en: () => 'Stop e-mails about this visit:',
  },
};
