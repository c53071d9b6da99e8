import type { Lang } from '../messages/index.js';

/** The words of the catalogue's pages, one typed dictionary per language. */
const id = {
  siteName: 'Loket',
  catalogueOf: (region: string) => `Layanan publik di ${region}`,
  catalogueIntro: (region: string) =>
    `Persyaratan, biaya, lama proses dan tempat layanan publik yang bisa diurus di ${region}.`,
  search: 'Cari layanan',
  searchHint: 'Contoh: bikin KTP, perpanjang SIM, akta kelahiran',
  searchButton: 'Cari',
  resultsFor: (n: number, q: string) => `${n} layanan cocok dengan “${q}”`,
  allServices: (n: number) => `${n} layanan`,
  noMatch: (q: string) => `Tidak ada layanan yang cocok dengan “${q}”.`,
  noMatchComplaint: 'Ingin menyampaikan pengaduan? Gunakan kanal pengaduan berikut:',
  pages: 'Halaman hasil',
  previous: 'Sebelumnya',
  next: 'Berikutnya',
  agency: 'Instansi',
  requirements: 'Persyaratan',
  procedure: 'Prosedur',
  duration: 'Lama proses',
  days: (n: number) => `${n} hari kerja`,
  fee: 'Biaya',
  free: 'Gratis',
  unknown: 'Belum diketahui',
  feeVariants: 'Rincian biaya',
  legalBasis: 'Dasar hukum',
  output: 'Hasil layanan',
  where: 'Tempat layanan',
  noLocation: 'Belum ada data Mal Pelayanan Publik yang melayani layanan ini di wilayah ini.',
  online: 'Layanan daring',
  complaint: 'Pengaduan',
  sources: 'Sumber data',
  notes: 'Catatan',
  localRule: 'Aturan daerah ini berlaku untuk: ',
  otherLanguage: 'English',
  breadcrumb: 'Navigasi',
  track: 'Lacak permohonan',
  trackIntro:
    'Masukkan kode pelacakan dan kode rahasia dari bukti pengajuan Anda. Kode rahasia tidak dikirim lewat alamat halaman.',
  code: 'Kode pelacakan',
  codeHint: 'Contoh: LKT-1234-5678-9ABC',
  secret: 'Kode rahasia',
  trackButton: 'Lihat status',
  trackNotFound: 'Kode pelacakan atau kode rahasia tidak cocok. Periksa kembali bukti pengajuan Anda.',
  trackLocked: (s: number) => `Terlalu banyak percobaan. Coba lagi dalam ${s} detik.`,
  trackExpired: 'Formulir sudah kedaluwarsa. Silakan kirim sekali lagi.',
  status: 'Status',
  nextStep: 'Langkah berikutnya',
  history: 'Riwayat',
  revision: 'Yang perlu diperbaiki',
  visit: 'Kunjungan',
  notFound: 'Halaman tidak ditemukan',
  tooMany: 'Terlalu banyak permintaan',
  notFoundText: 'Wilayah atau layanan ini tidak ada di katalog.',
  apply: 'Ajukan secara daring',
  applyFor: (service: string) => `Ajukan secara daring: ${service}`,
  applyNeedsScript:
    'Formulir daring ini memerlukan JavaScript. Tanpa JavaScript, Anda tetap dapat mengurus layanan ini di tempat layanan:',
  applyWhere: 'persyaratan dan tempatnya',
  lang: 'id-ID',
};

type Words = typeof id;

const en: Words = {
  siteName: 'Loket',
  catalogueOf: (region) => `Public services in ${region}`,
  catalogueIntro: (region) =>
    `Requirements, fees, processing times and places of the public services you can apply for in ${region}.`,
  search: 'Search services',
  searchHint: 'For example: ID card, renew driving licence, birth certificate',
  searchButton: 'Search',
  resultsFor: (n, q) => `${n} ${n === 1 ? 'service matches' : 'services match'} “${q}”`,
  allServices: (n) => `${n} ${n === 1 ? 'service' : 'services'}`,
  noMatch: (q) => `No service matches “${q}”.`,
  noMatchComplaint: 'Want to make a complaint? Use these complaint channels:',
  pages: 'Result pages',
  previous: 'Previous',
  next: 'Next',
  agency: 'Agency',
  requirements: 'Requirements',
  procedure: 'Procedure',
  duration: 'Processing time',
  days: (n) => `${n} working ${n === 1 ? 'day' : 'days'}`,
  fee: 'Fee',
  free: 'Free',
  unknown: 'Not known yet',
  feeVariants: 'Fee details',
  legalBasis: 'Legal basis',
  output: 'What you receive',
  where: 'Where to go',
  noLocation: 'No public service mall (MPP) in this region is known to offer this service yet.',
  online: 'Online',
  complaint: 'Complaints',
  sources: 'Sources',
  notes: 'Notes',
  localRule: 'This region’s own rules apply to: ',
  otherLanguage: 'Bahasa Indonesia',
  breadcrumb: 'Breadcrumb',
  track: 'Track an application',
  trackIntro:
    'Enter the tracking code and the secret code from your receipt. The secret code is never put in the page address.',
  code: 'Tracking code',
  codeHint: 'For example: LKT-1234-5678-9ABC',
  secret: 'Secret code',
  trackButton: 'Show status',
  trackNotFound: 'The tracking code or the secret code does not match. Check your receipt again.',
  trackLocked: (s) => `Too many attempts. Try again in ${s} seconds.`,
  trackExpired: 'The form has expired. Please send it once more.',
  status: 'Status',
  nextStep: 'What happens next',
  history: 'History',
  revision: 'What needs fixing',
  visit: 'Visit',
  notFound: 'Page not found',
  tooMany: 'Too many requests',
  notFoundText: 'This region or service is not in the catalogue.',
  apply: 'Apply online',
  applyFor: (service) => `Apply online: ${service}`,
  applyNeedsScript:
    'This online form needs JavaScript. Without it, you can still apply in person at a service counter:',
  applyWhere: 'requirements and places',
  lang: 'en-GB',
};

export const words: Record<Lang, Words> = { id, en };

/** Rupiah without decimals, as the components show it (Intl, id-ID / en). */
export function rupiah(amount: number, lang: Lang): string {
  return new Intl.NumberFormat(words[lang].lang, {
    style: 'currency',
    currency: 'IDR',
    maximumFractionDigits: 0,
  }).format(amount);
}

export function longDate(date: string, lang: Lang): string {
  // A date is a calendar day; a moment is shown as the day it was in Western Indonesia.
  const day = date.length === 10;
  const parsed = new Date(day ? `${date}T00:00:00Z` : date);
  const timeZone = day ? 'UTC' : 'Asia/Jakarta';
  return new Intl.DateTimeFormat(words[lang].lang, { dateStyle: 'long', timeZone }).format(parsed);
}
