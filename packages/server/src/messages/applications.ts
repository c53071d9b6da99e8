import type { Lang } from './index.js';

type Templates = Record<string, Record<Lang, (...args: never[]) => string>>;
type Scope = { agency_id: string; region_code: string };

/** Applications: access, drafts, submission, the officer's desk, attachments. */
export const applicationMessages = {
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
  noForm: {
    id: (slug: string) => `Layanan "${slug}" belum dapat diajukan secara daring melalui Loket.`,
    en: (slug: string) => `Service "${slug}" cannot be applied for online through Loket.`,
  },
  ifMatchMissing: {
    id: () =>
      'Kirim tajuk If-Match berisi ETag terakhir permohonan ini agar perubahan dari perangkat lain tidak tertimpa.',
    en: () =>
      "Send an If-Match header with this application's last ETag, so changes from another device are not overwritten.",
  },
  stale: {
    id: () =>
      'Permohonan sudah diubah di tempat lain sejak Anda membukanya. Muat ulang, lalu simpan lagi. Tidak ada yang disimpan.',
    en: () =>
      'The application was changed elsewhere since you opened it. Reload it and save again. Nothing was saved.',
  },
  answersNotEditable: {
    id: (status: string) => `Permohonan berstatus "${status}" tidak dapat diubah lagi.`,
    en: (status: string) => `An application that is "${status}" can no longer be changed.`,
  },
  onlyRevision: {
    id: () => 'Saat perbaikan, hanya isian yang diminta petugas yang dapat diubah.',
    en: () => 'While revising, only the answers the officer asked for can be changed.',
  },
  notRequested: {
    id: (field: string) => `Isian "${field}" tidak diminta untuk diperbaiki.`,
    en: (field: string) => `"${field}" was not asked to be fixed.`,
  },
  unstorableText: {
    id: () => 'Teks mengandung karakter yang tidak dapat disimpan (karakter NUL atau Unicode yang rusak).',
    en: () => 'The text contains characters that cannot be stored (a NUL character or broken Unicode).',
  },
  answersInvalid: {
    id: (n: number) => `Ada ${n} isian yang belum lengkap atau belum benar.`,
    en: (n: number) => `${n} answer${n === 1 ? ' is' : 's are'} incomplete or invalid.`,
  },
  keyMissing: {
    id: () =>
      'Kirim tajuk Idempotency-Key (misalnya sebuah UUID acak) dan pakai nilai yang sama setiap kali mengulang pengiriman ini.',
    en: () =>
      'Send an Idempotency-Key header (e.g. a random UUID) and reuse it for every retry of this submission.',
  },
  keyReused: {
    id: () =>
      'Kunci Idempotency-Key ini sudah dipakai untuk pengiriman lain dari permohonan ini (isinya berbeda). Pakai kunci baru.',
    en: () =>
      'This Idempotency-Key was already used for another submission of this application (with other contents). Use a new key.',
  },
  invalidTransition: {
    id: (from: string, to: string) => `Permohonan berstatus "${from}" tidak dapat menjadi "${to}".`,
    en: (from: string, to: string) => `An application that is "${from}" cannot become "${to}".`,
  },
  // The officer's desk
  notSubmitted: {
    id: (code: string) => `Tidak ada permohonan terkirim dengan kode "${code}".`,
    en: (code: string) => `There is no submitted application with code "${code}".`,
  },
  outOfScope: {
    id: (code: string, o: Scope) =>
      `Permohonan "${code}" milik instansi atau wilayah lain: token ini hanya untuk instansi ${o.agency_id} di wilayah ${o.region_code}.`,
    en: (code: string, o: Scope) =>
      `Application "${code}" belongs to another agency or region: this token is for agency ${o.agency_id} in region ${o.region_code} only.`,
  },
  fieldsRequired: {
    id: () => 'Sebutkan kolom yang harus diperbaiki pemohon ("fields") saat meminta perbaikan.',
    en: () => 'Name the fields the citizen must fix ("fields") when asking for a revision.',
  },
  fieldsOnlyForRevision: {
    id: () => '"fields" hanya dipakai untuk status "needs_revision".',
    en: () => '"fields" is only used with "needs_revision".',
  },
  unknownFields: {
    id: (n: number) => `${n} kolom tidak ada dalam formulir layanan ini.`,
    en: (n: number) => `${n} field${n === 1 ? ' is' : 's are'} not in this service's form.`,
  },
  unknownField: {
    id: (field: string, service: string) => `"${field}" bukan kolom formulir layanan ${service}.`,
    en: (field: string, service: string) => `"${field}" is not a field of the ${service} form.`,
  },
  // Attachments
  filesNotEditable: {
    id: (status: string) =>
      `Berkas hanya dapat diubah selama permohonan masih draf atau perlu perbaikan (status sekarang "${status}").`,
    en: (status: string) =>
      `Files can only be changed while the application is a draft or needs revision (it is "${status}").`,
  },
  notARevisionField: {
    id: (field: string) => `Kolom "${field}" tidak termasuk yang diminta petugas untuk diperbaiki.`,
    en: (field: string) => `Field "${field}" is not one of the fields the officer asked to fix.`,
  },
  unknownFileField: {
    id: (field: string) => `Formulir ini tidak punya kolom berkas "${field.slice(0, 80)}".`,
    en: (field: string) => `This form has no file field "${field.slice(0, 80)}".`,
  },
  tooManyFiles: {
    id: (field: string, max: number) =>
      `Kolom "${field}" menerima paling banyak ${max} berkas. Hapus salah satu sebelum mengunggah lagi.`,
    en: (field: string, max: number) =>
      `Field "${field}" takes at most ${max} file${max === 1 ? '' : 's'}. Remove one before uploading another.`,
  },
  emptyFile: { id: () => 'Berkas kosong (0 bita).', en: () => 'The file is empty (0 bytes).' },
  fileRejected: {
    id: () => 'Berkas ini sama dengan yang diminta petugas untuk diganti. Unggah berkas yang baru.',
    en: () => 'This is the same file the officer asked you to replace. Upload a new one.',
  },
  typeNotAllowed: {
    id: (accept: string[]) =>
      `Isi berkas bukan jenis yang diterima kolom ini (${accept.join(', ')}). Jenis ditentukan dari isi berkas, bukan dari namanya.`,
    en: (accept: string[]) =>
      `The file's content is not a type this field accepts (${accept.join(', ')}). The type is decided by the content, not the name.`,
  },
  attachmentNotFound: {
    id: (id: string) => `Berkas "${id}" tidak ada pada permohonan ini.`,
    en: (id: string) => `There is no attachment "${id}" on this application.`,
  },
} satisfies Templates;
