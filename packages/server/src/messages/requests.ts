import type { Lang } from './index.js';

type Templates = Record<string, Record<Lang, (...args: never[]) => string>>;

/** Localized problem titles, keyed by the stable part of the problem `type` (the problem kinds). */
export const problemTitles = {
  'invalid-request': { id: 'Permintaan tidak valid', en: 'Invalid request' },
  'unknown-region': { id: 'Wilayah tidak dikenal', en: 'Unknown region' },
  'invalid-cursor': { id: 'Penanda halaman tidak valid', en: 'Invalid page cursor' },
  'not-found': { id: 'Tidak ditemukan', en: 'Not found' },
  'not-acceptable': { id: 'Format tidak tersedia', en: 'Not acceptable' },
  'method-not-allowed': { id: 'Metode tidak diizinkan', en: 'Method not allowed' },
  'payload-too-large': { id: 'Data terlalu besar', en: 'Payload too large' },
  'not-ready': { id: 'Layanan belum siap', en: 'Service not ready' },
  unauthorized: { id: 'Perlu masuk', en: 'Authentication required' },
  forbidden: { id: 'Tidak diizinkan', en: 'Forbidden' },
  'origin-not-allowed': { id: 'Situs asal tidak diizinkan', en: 'Origin not allowed' },
  'invalid-answers': { id: 'Jawaban belum lengkap atau belum benar', en: 'Answers incomplete or invalid' },
  'invalid-transition': { id: 'Perubahan status tidak diizinkan', en: 'Status change not allowed' },
  'invalid-webhook': { id: 'Webhook tidak dapat dipakai', en: 'Webhook cannot be used' },
  'invalid-account': { id: 'Akun tidak dapat disimpan', en: 'Account cannot be saved' },
  'invalid-password': { id: 'Kata sandi tidak dapat dipakai', en: 'Password cannot be used' },
  'invalid-origin': { id: 'Situs asal tidak dapat dipakai', en: 'Origin cannot be used' },
  'not-editable': { id: 'Permohonan tidak dapat diubah', en: 'Application cannot be changed' },
  'precondition-failed': { id: 'Permohonan sudah berubah', en: 'Application has changed' },
  'precondition-required': { id: 'Tajuk wajib tidak ada', en: 'Required header missing' },
  'idempotency-key-reused': { id: 'Kunci idempotensi sudah dipakai', en: 'Idempotency key already used' },
  'file-too-large': { id: 'Berkas terlalu besar', en: 'File too large' },
  'file-type-not-allowed': { id: 'Jenis berkas tidak diizinkan', en: 'File type not allowed' },
  'file-rejected': { id: 'Berkas harus diganti', en: 'File must be replaced' },
  'unsupported-media-type': { id: 'Format data tidak didukung', en: 'Unsupported media type' },
  'request-timeout': { id: 'Waktu permintaan habis', en: 'Request timeout' },
  'headers-too-large': { id: 'Tajuk terlalu besar', en: 'Request headers too large' },
  'too-many-requests': { id: 'Terlalu banyak permintaan', en: 'Too many requests' },
  'attachments-full': { id: 'Batas berkas permohonan tercapai', en: 'Attachment quota reached' },
  'insufficient-storage': { id: 'Ruang penyimpanan tidak cukup', en: 'Insufficient storage' },
  'survey-answered': { id: 'Survei sudah diisi', en: 'Survey already answered' },
  'survey-not-open': { id: 'Survei belum dibuka', en: 'Survey not open yet' },
  'slot-full': { id: 'Waktu ini sudah penuh', en: 'Time fully booked' },
  'daily-quota-reached': { id: 'Kuota harian habis', en: 'Daily quota reached' },
  'slot-unavailable': { id: 'Waktu tidak dapat dipesan', en: 'Time not bookable' },
  'already-booked': { id: 'Sudah ada pemesanan', en: 'Already booked' },
  'not-cancellable': { id: 'Pemesanan tidak dapat diubah', en: 'Booking cannot be changed' },
  'not-checked-in': { id: 'Belum dipanggil', en: 'Not called yet' },
  'wrong-day': { id: 'Bukan hari kunjungan', en: 'Not the day of the visit' },
  'not-answered': { id: 'Pengaduan belum dijawab', en: 'Complaint not answered' },
  'complaint-closed': { id: 'Pengaduan sudah ditutup', en: 'Complaint closed' },
  'totp-required': { id: 'Perlu kode verifikasi', en: 'Verification code required' },
  'session-expired': { id: 'Sesi berakhir', en: 'Session ended' },
  'csrf-failed': { id: 'Permintaan tidak dapat diverifikasi', en: 'Request could not be verified' },
  'role-required': { id: 'Peran akun tidak mencukupi', en: 'Role required' },
  internal: { id: 'Terjadi kesalahan pada server', en: 'Internal server error' },
} as const satisfies Record<string, Record<Lang, string>>;

export type ProblemKind = keyof typeof problemTitles;

type Params = Record<string, unknown>;
const list = (value: unknown) => (Array.isArray(value) ? value.join(', ') : String(value));

/** The request as a whole, the catalogue, and contract validation (`schema.<JSON Schema keyword>`). */
export const requestMessages = {
  problems: {
    id: (n: number) => `Ada ${n} masalah pada permintaan.`,
    en: (n: number) => `The request has ${n} problem${n === 1 ? '' : 's'}.`,
  },
  'schema.required': {
    id: (p: Params) => `Wajib diisi: ${String(p.missingProperty)}.`,
    en: (p: Params) => `Required: ${String(p.missingProperty)}.`,
  },
  'schema.type': {
    id: (p: Params) => `Jenis nilai harus ${list(p.type)}.`,
    en: (p: Params) => `Must be of type ${list(p.type)}.`,
  },
  'schema.enum': {
    id: (p: Params) => `Nilai harus salah satu dari: ${list(p.allowedValues)}.`,
    en: (p: Params) => `Must be one of: ${list(p.allowedValues)}.`,
  },
  'schema.pattern': {
    id: (_: Params) => 'Format nilai tidak sesuai.',
    en: (_: Params) => 'The value does not have the expected format.',
  },
  'schema.maxLength': {
    id: (p: Params) => `Paling banyak ${String(p.limit)} karakter.`,
    en: (p: Params) => `At most ${String(p.limit)} characters.`,
  },
  'schema.minLength': {
    id: (p: Params) => `Paling sedikit ${String(p.limit)} karakter.`,
    en: (p: Params) => `At least ${String(p.limit)} characters.`,
  },
  'schema.maximum': {
    id: (p: Params) => `Nilai harus paling besar ${String(p.limit)}.`,
    en: (p: Params) => `Must be at most ${String(p.limit)}.`,
  },
  'schema.minimum': {
    id: (p: Params) => `Nilai harus paling kecil ${String(p.limit)}.`,
    en: (p: Params) => `Must be at least ${String(p.limit)}.`,
  },
  'schema.additionalProperties': {
    id: (p: Params) => `Kolom tidak dikenal: ${String(p.additionalProperty)}.`,
    en: (p: Params) => `Unknown field: ${String(p.additionalProperty)}.`,
  },
  'schema.other': { id: (_: Params) => 'Nilai tidak valid.', en: (_: Params) => 'Invalid value.' },
  routeNotFound: {
    id: (path: string) => `Alamat ${path} tidak ada. Lihat /docs untuk daftar alamat API.`,
    en: (path: string) => `There is nothing at ${path}. See /docs for the API's addresses.`,
  },
  badUrl: {
    id: () => 'Alamat tidak valid: ada bagian yang terlalu panjang atau salah kode.',
    en: () => 'Invalid address: a part of it is too long or wrongly encoded.',
  },
  notAcceptable: {
    id: () => 'API ini hanya menghasilkan JSON (application/json dan application/problem+json).',
    en: () => 'This API only produces JSON (application/json and application/problem+json).',
  },
  internal: {
    id: (id: string) => `Terjadi kesalahan yang tidak terduga. Sebutkan kode ${id} saat melapor.`,
    en: (id: string) => `Something unexpected went wrong. Quote ${id} when reporting it.`,
  },
  unsupportedMediaType: {
    id: () => 'Format data ini tidak diterima di sini. Kirim JSON (Content-Type: application/json).',
    en: () => 'This media type is not accepted here. Send JSON (Content-Type: application/json).',
  },
  bodyRequired: {
    id: () => 'Isi permintaan (body) wajib ada: kirim JSON sesuai kontrak API.',
    en: () => 'A request body is required: send JSON as the API contract describes.',
  },
  invalidJson: {
    id: () => 'Isi permintaan (body) bukan JSON yang valid.',
    en: () => 'The request body is not valid JSON.',
  },
  unstorableText: {
    id: () => 'Teks berisi karakter NUL atau karakter Unicode yang rusak.',
    en: () => 'The text contains a NUL character or broken Unicode.',
  },
  payloadTooLarge: {
    id: (limit: string) => `Isi permintaan (body) terlalu besar: paling banyak ${limit}.`,
    en: (limit: string) => `The request body is too large: at most ${limit}.`,
  },
  badHeader: {
    id: () => 'Permintaan HTTP tidak valid: tajuk (header) berisi karakter kendali atau salah bentuk.',
    en: () => 'Invalid HTTP request: a header contains a control character or is malformed.',
  },
  headersTooLarge: {
    id: () => 'Tajuk (header) permintaan terlalu besar.',
    en: () => 'The request headers are too large.',
  },
  requestTimeout: {
    id: (seconds: number) =>
      `Permintaan tidak selesai dikirim dalam ${seconds} detik dan dihentikan. Coba lagi dengan koneksi yang lebih stabil.`,
    en: (seconds: number) =>
      `The request was not fully sent within ${seconds} seconds and was cut. Try again on a steadier connection.`,
  },
  tooManyRequests: {
    id: (seconds: number) => `Terlalu banyak permintaan. Coba lagi dalam ${seconds} detik.`,
    en: (seconds: number) => `Too many requests. Try again in ${seconds} seconds.`,
  },
  attachmentsFull: {
    id: (mb: string) =>
      `Berkas-berkas satu permohonan paling banyak ${mb} MB bersama-sama. Hapus berkas yang tidak diperlukan lagi.`,
    en: (mb: string) =>
      `The files of one application may total at most ${mb} MB. Remove files no longer needed.`,
  },
  insufficientStorage: {
    id: () => 'Server sedang tidak dapat menyimpan berkas. Coba lagi nanti; jawaban Anda tetap tersimpan.',
    en: () => 'The server cannot store files right now. Try again later; your answers are still saved.',
  },
  notReady: {
    id: () => 'Basis data belum dapat dihubungi atau migrasi belum dijalankan.',
    en: () => 'The database cannot be reached or migrations have not run.',
  },
  invalidCursor: {
    id: () => 'Penanda halaman rusak atau milik pencarian lain. Mulai lagi dari halaman pertama.',
    en: () => 'The page cursor is damaged or belongs to another search. Start again from the first page.',
  },
  unknownRegion: {
    id: (code: string) =>
      `Kode wilayah "${code}" tidak dikenal. Gunakan kode Kemendagri, misalnya 33 atau 33.74.`,
    en: (code: string) => `Region code "${code}" is unknown. Use a Kemendagri code such as 33 or 33.74.`,
  },
  regionNotFound: {
    id: (code: string) => `Wilayah dengan kode "${code}" tidak ada.`,
    en: (code: string) => `There is no region with code "${code}".`,
  },
  agencyNotFound: {
    id: (id: string) => `Instansi "${id}" tidak ada.`,
    en: (id: string) => `Agency "${id}" does not exist.`,
  },
  serviceNotFound: {
    id: (slug: string) => `Layanan "${slug}" tidak ada.`,
    en: (slug: string) => `Service "${slug}" does not exist.`,
  },
  lifeEventNotFound: {
    id: (id: string) => `Peristiwa hidup "${id}" tidak ada.`,
    en: (id: string) => `Life event "${id}" does not exist.`,
  },
  serviceOnlyIn: {
    id: (slug: string, region: string) =>
      `Layanan "${slug}" hanya tersedia di wilayah ${region} (region=${region}).`,
    en: (slug: string, region: string) =>
      `Service "${slug}" is only offered in region ${region} (region=${region}).`,
  },
  // multipart/form-data (file uploads)
  notMultipart: {
    id: () => 'Kirim berkas sebagai multipart/form-data: bagian "field" lalu bagian "file".',
    en: () => 'Send the file as multipart/form-data: a "field" part, then a "file" part.',
  },
  notJson: {
    id: () =>
      'Hanya unggahan berkas yang memakai multipart/form-data; kirim JSON (application/json) di sini.',
    en: () => 'Only file uploads use multipart/form-data; send JSON (application/json) here.',
  },
  multipartMalformed: {
    id: () => 'Data multipart rusak atau tidak lengkap.',
    en: () => 'The multipart data is malformed or incomplete.',
  },
  uploadAborted: {
    id: () => 'Unggahan terputus sebelum selesai; tidak ada yang disimpan.',
    en: () => 'The upload was cut off before it finished; nothing was stored.',
  },
  fieldFirst: {
    id: () => 'Bagian "field" (id kolom berkas) harus dikirim sebelum bagian "file".',
    en: () => 'The "field" part (the file field\'s id) must come before the "file" part.',
  },
  missingField: {
    id: () => 'Bagian "field" (id kolom berkas) tidak ada.',
    en: () => 'The "field" part (the file field\'s id) is missing.',
  },
  missingFile: { id: () => 'Bagian "file" tidak ada.', en: () => 'The "file" part is missing.' },
  extraParts: {
    id: () => 'Kirim tepat satu bagian "field" dan satu bagian "file", tidak lebih.',
    en: () => 'Send exactly one "field" part and one "file" part, nothing more.',
  },
  fileTooLarge: {
    id: (size: string, maxBytes: number) =>
      `Berkas lebih besar dari batas ${size} (${maxBytes} bita); tidak ada yang disimpan.`,
    en: (size: string, maxBytes: number) =>
      `The file is larger than the limit of ${size} (${maxBytes} bytes); nothing was stored.`,
  },
} satisfies Templates;
