import type { Lang } from './lang.js';

/** Localized problem titles, keyed by the stable part of the problem `type`. */
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
  'not-editable': { id: 'Permohonan tidak dapat diubah', en: 'Application cannot be changed' },
  'precondition-failed': { id: 'Permohonan sudah berubah', en: 'Application has changed' },
  'precondition-required': { id: 'Tajuk wajib tidak ada', en: 'Required header missing' },
  'idempotency-key-reused': { id: 'Kunci idempotensi sudah dipakai', en: 'Idempotency key already used' },
  'file-too-large': { id: 'Berkas terlalu besar', en: 'File too large' },
  'file-type-not-allowed': { id: 'Jenis berkas tidak diizinkan', en: 'File type not allowed' },
  'unsupported-media-type': { id: 'Format data tidak didukung', en: 'Unsupported media type' },
  internal: { id: 'Terjadi kesalahan pada server', en: 'Internal server error' },
} as const satisfies Record<string, Record<Lang, string>>;

export type ProblemKind = keyof typeof problemTitles;

type Params = Record<string, unknown>;
type Message = Record<Lang, (p: Params) => string>;

const list = (value: unknown) => (Array.isArray(value) ? value.join(', ') : String(value));

/** Localized explanations of contract-validation failures, by JSON Schema keyword. */
const validation: Record<string, Message> = {
  required: {
    id: (p) => `Wajib diisi: ${String(p.missingProperty)}.`,
    en: (p) => `Required: ${String(p.missingProperty)}.`,
  },
  type: {
    id: (p) => `Jenis nilai harus ${list(p.type)}.`,
    en: (p) => `Must be of type ${list(p.type)}.`,
  },
  enum: {
    id: (p) => `Nilai harus salah satu dari: ${list(p.allowedValues)}.`,
    en: (p) => `Must be one of: ${list(p.allowedValues)}.`,
  },
  pattern: {
    id: () => 'Format nilai tidak sesuai.',
    en: () => 'The value does not have the expected format.',
  },
  maxLength: {
    id: (p) => `Paling banyak ${String(p.limit)} karakter.`,
    en: (p) => `At most ${String(p.limit)} characters.`,
  },
  minLength: {
    id: (p) => `Paling sedikit ${String(p.limit)} karakter.`,
    en: (p) => `At least ${String(p.limit)} characters.`,
  },
  maximum: {
    id: (p) => `Nilai harus paling besar ${String(p.limit)}.`,
    en: (p) => `Must be at most ${String(p.limit)}.`,
  },
  minimum: {
    id: (p) => `Nilai harus paling kecil ${String(p.limit)}.`,
    en: (p) => `Must be at least ${String(p.limit)}.`,
  },
  additionalProperties: {
    id: (p) => `Kolom tidak dikenal: ${String(p.additionalProperty)}.`,
    en: (p) => `Unknown field: ${String(p.additionalProperty)}.`,
  },
};

const fallback: Message = { id: () => 'Nilai tidak valid.', en: () => 'Invalid value.' };

export function validationMessage(keyword: string, params: Params, lang: Lang): string {
  return (validation[keyword] ?? fallback)[lang](params);
}

/** Other localized details used by the handlers. */
export const details = {
  problems: {
    id: (n: number) => `Ada ${n} masalah pada permintaan.`,
    en: (n: number) => `The request has ${n} problem${n === 1 ? '' : 's'}.`,
  },
  unknownRegion: {
    id: (code: string) =>
      `Kode wilayah "${code}" tidak dikenal. Gunakan kode Kemendagri, misalnya 33 atau 33.74.`,
    en: (code: string) => `Region code "${code}" is unknown. Use a Kemendagri code such as 33 or 33.74.`,
  },
  invalidCursor: {
    id: () => 'Penanda halaman rusak atau milik pencarian lain. Mulai lagi dari halaman pertama.',
    en: () => 'The page cursor is damaged or belongs to another search. Start again from the first page.',
  },
  serviceNotFound: {
    id: (slug: string) => `Layanan "${slug}" tidak ada.`,
    en: (slug: string) => `Service "${slug}" does not exist.`,
  },
  serviceOnlyIn: {
    id: (slug: string, region: string) =>
      `Layanan "${slug}" hanya tersedia di wilayah ${region} (region=${region}).`,
    en: (slug: string, region: string) =>
      `Service "${slug}" is only offered in region ${region} (region=${region}).`,
  },
  regionNotFound: {
    id: (code: string) => `Wilayah dengan kode "${code}" tidak ada.`,
    en: (code: string) => `There is no region with code "${code}".`,
  },
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
  applicationNotFound: {
    id: (code: string) => `Permohonan "${code}" tidak ditemukan, atau kode rahasianya salah.`,
    en: (code: string) => `Application "${code}" was not found, or its secret is wrong.`,
  },
  unauthorized: {
    id: () => 'Kirim token petugas yang berlaku sebagai "Authorization: Bearer …".',
    en: () => 'Send a valid officer token as "Authorization: Bearer …".',
  },
  officerNoBrowser: {
    id: () => 'API petugas tidak dapat dipanggil dari halaman web di situs lain.',
    en: () => 'The officer API cannot be called from a web page on another site.',
  },
  originNotAllowed: {
    id: (origin: string, region: string) =>
      `Situs ${origin} belum diizinkan oleh wilayah ${region} untuk menerima permohonan.`,
    en: (origin: string, region: string) =>
      `${origin} is not allowed by region ${region} to take applications.`,
  },
  notReady: {
    id: () => 'Basis data belum dapat dihubungi atau migrasi belum dijalankan.',
    en: () => 'The database cannot be reached or migrations have not run.',
  },
} as const;
