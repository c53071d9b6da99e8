import type { ReceiptMessages } from './types';

/** Bahasa Indonesia: in the receipt's own chunk, loaded when a citizen asks for the receipt. */
export const id: ReceiptMessages = {
  title: 'Bukti pengajuan',
  intro: 'Simpan atau cetak bukti ini. Tunjukkan di loket bila diminta.',
  loading: 'Memuat bukti pengajuan…',
  failed: 'Bukti pengajuan tidak dapat dimuat. Periksa sambungan internet Anda, lalu coba lagi.',
  retry: 'Coba lagi',
  code: 'Kode pelacakan',
  service: 'Layanan',
  agency: 'Instansi',
  sent: 'Tanggal dikirim',
  due: 'Perkiraan selesai',
  dueDate: '{date} ({days})',
  days: { other: '{n} hari kerja' },
  sameDay: 'hari yang sama',
  noDue: 'Belum dapat diperkirakan: lama layanan ini belum tercatat.',
  calendar: {
    official: 'Dihitung dengan kalender hari libur resmi.',
    provisional: 'Sebagian hari libur masih sementara (belum ditetapkan); tanggal dapat bergeser.',
    estimate: 'Perkiraan: hari libur setelah kalender yang diketahui belum dihitung.',
    none: '',
  },
  bring: 'Yang perlu dibawa ke loket',
  bringNone: 'Katalog belum mencatat persyaratan untuk layanan ini; tanyakan di loket.',
  secret: 'Kode rahasia tidak dicetak di bukti ini. Jangan berikan kode rahasia kepada siapa pun.',
  print: 'Cetak bukti',
};
