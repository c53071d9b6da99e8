// Visits: booking a time at an MPP counter, and the hall.

/** `Selasa, 12 Januari 2027` / `Tuesday 12 January 2027`. */
export const dateText = (date: string, locale: string) =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

export const visitMessages = {
  visitKeyReused: {
    id: () =>
      'Kunci Idempotency-Key ini sudah dipakai untuk pemesanan lain (isinya berbeda). Pakai kunci baru.',
    en: () =>
      'This Idempotency-Key was already used for another booking (with other contents). Use a new key.',
  },
  visitLocationNotFound: {
    id: (id: string) => `Lokasi "${id}" tidak menerima pemesanan kunjungan.`,
    en: (id: string) => `Location "${id}" takes no visit bookings.`,
  },
  visitServiceNotServed: {
    id: (service: string, location: string) => `Tidak ada loket untuk layanan "${service}" di ${location}.`,
    en: (service: string, location: string) => `No counter serves "${service}" at ${location}.`,
  },
  visitSlotFull: {
    id: () => 'Waktu ini sudah penuh. Pilih waktu lain.',
    en: () => 'This time is fully booked. Choose another time.',
  },
  visitQuotaReached: {
    id: () => 'Kuota pemesanan hari ini sudah habis. Pilih hari lain.',
    en: () => "This day's booking quota is used up. Choose another day.",
  },
  visitSlotUnavailable: {
    id: (date: string, time: string) =>
      `Pukul ${time} pada ${dateText(date, 'id-ID')} tidak dapat dipesan (tutup, sudah lewat, atau di luar jam layanan).`,
    en: (date: string, time: string) =>
      `${time} on ${dateText(date, 'en-GB')} cannot be booked (closed, past, or outside the service hours).`,
  },
  visitAlreadyBooked: {
    id: () => 'Nomor telepon atau e-mail ini sudah punya pemesanan untuk layanan ini pada hari itu.',
    en: () => 'This phone number or e-mail already has a booking for this service on that day.',
  },
  visitBadPhone: {
    id: () => 'Nomor telepon harus nomor HP Indonesia, misalnya 0812 3456 7890.',
    en: () => 'The phone number must be an Indonesian mobile number, e.g. 0812 3456 7890.',
  },
  visitNeedsContact: {
    id: () => 'Isi nomor telepon atau e-mail.',
    en: () => 'Give a phone number or an e-mail address.',
  },
  bookingNotFound: {
    id: (code: string) => `Pemesanan "${code}" tidak ditemukan, atau kode rahasianya salah.`,
    en: (code: string) => `Booking "${code}" was not found, or its secret is wrong.`,
  },
  visitNotCancellable: {
    id: () => 'Pemesanan ini sudah diproses di loket dan tidak dapat diubah lagi.',
    en: () => 'This booking has been dealt with at the counter and can no longer be changed.',
  },
  visitCancelled: {
    id: () => 'Pemesanan ini sudah dibatalkan.',
    en: () => 'This booking has been cancelled.',
  },
  visitWrongDay: {
    id: (date: string) => `Pemesanan ini untuk ${dateText(date, 'id-ID')}, bukan hari ini.`,
    en: (date: string) => `This booking is for ${dateText(date, 'en-GB')}, not today.`,
  },
  visitHallOutOfScope: {
    id: (location: string, agency: string) => `Token ini tidak mencakup loket ${agency} di ${location}.`,
    en: (location: string, agency: string) => `This token covers no ${agency} counter at ${location}.`,
  },
  visitCounterNotFound: {
    id: (id: string) => `Loket "${id}" tidak ada di lokasi ini untuk instansi Anda.`,
    en: (id: string) => `There is no counter "${id}" of your agency at this location.`,
  },
  visitTicketNotFound: {
    id: () => 'Nomor antrean ini tidak ada di lokasi ini.',
    en: () => 'There is no such ticket at this location.',
  },
  visitNotCalled: {
    id: () => 'Nomor ini belum dipanggil ke loket.',
    en: () => 'This number has not been called to a counter.',
  },
};
