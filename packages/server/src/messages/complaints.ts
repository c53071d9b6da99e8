// Complaints: filing one, the citizen's lookup, and the officer's inbox.

export const complaintMessages = {
  complaintKeyReused: {
    id: () =>
      'Kunci Idempotency-Key ini sudah dipakai untuk pengaduan lain (isinya berbeda). Pakai kunci baru.',
    en: () =>
      'This Idempotency-Key was already used for another complaint (with other contents). Use a new key.',
  },
  complaintNotFound: {
    id: (code: string) => `Pengaduan "${code}" tidak ditemukan, atau kode rahasianya salah.`,
    en: (code: string) => `Complaint "${code}" was not found, or its secret is wrong.`,
  },
  complaintUnknown: {
    id: (code: string) => `Tidak ada pengaduan dengan kode "${code}".`,
    en: (code: string) => `There is no complaint with code "${code}".`,
  },
  complaintOutOfScope: {
    id: (code: string, o: { agency_id: string; region_code: string }) =>
      `Pengaduan "${code}" milik instansi atau wilayah lain: token ini hanya untuk instansi ${o.agency_id} di wilayah ${o.region_code}.`,
    en: (code: string, o: { agency_id: string; region_code: string }) =>
      `Complaint "${code}" belongs to another agency or region: this token is for agency ${o.agency_id} in region ${o.region_code} only.`,
  },
  complaintServiceNotHere: {
    id: (service: string, region: string) => `Layanan "${service}" tidak tersedia di wilayah ${region}.`,
    en: (service: string, region: string) => `Service "${service}" is not offered in region ${region}.`,
  },
  complaintNotifyNeedsContact: {
    id: (channel: string) =>
      channel === 'email'
        ? 'Untuk kabar lewat e-mail, isi alamat e-mail.'
        : 'Untuk kabar lewat telepon, isi nomor telepon.',
    en: (channel: string) =>
      channel === 'email'
        ? 'For news by e-mail, give an e-mail address.'
        : 'For news by phone, give a phone number.',
  },
  complaintBadPhone: {
    id: () => 'Nomor telepon tidak dikenali. Contoh: 0812 3456 7890.',
    en: () => 'The phone number is not recognised. Example: 0812 3456 7890.',
  },
  complaintClosed: {
    id: (code: string) => `Pengaduan "${code}" sudah ditutup.`,
    en: (code: string) => `Complaint "${code}" is closed.`,
  },
  complaintNotAnswered: {
    id: (code: string) => `Pengaduan "${code}" belum dijawab: jawab dulu sebelum menutupnya.`,
    en: (code: string) => `Complaint "${code}" has no answer yet: answer it before closing it.`,
  },
  complaintOther: {
    id: () => 'Lainnya',
    en: () => 'Other',
  },
};
