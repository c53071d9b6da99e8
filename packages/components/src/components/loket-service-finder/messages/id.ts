import type { FinderMessages } from './types';

/** Bahasa Indonesia: the default locale. */
export const id: FinderMessages = {
  search: {
    label: 'Cari layanan',
    hint: 'Contoh: bikin KTP, SIM hilang, akta kelahiran',
    submit: 'Cari',
    clear: 'Hapus pencarian',
    suggestions: 'Saran layanan',
    suggestionCount: { other: '{n} saran tersedia. Gunakan panah atas dan bawah untuk memilih.' },
  },
  filters: {
    legend: 'Saring hasil',
    category: 'Kategori',
    agency: 'Instansi',
    allCategories: 'Semua kategori',
    allAgencies: 'Semua instansi',
    option: '{name} ({n})',
  },
  results: {
    heading: 'Hasil pencarian',
    count: { other: '{n} layanan' },
    countFor: { other: '{n} layanan untuk “{q}”' },
    loading: 'Memuat layanan…',
    loadMore: 'Tampilkan lebih banyak',
    emptyTitle: 'Layanan tidak ditemukan',
    emptyFor: 'Tidak ada layanan yang cocok dengan “{q}”.',
    emptyTry: 'Periksa ejaan, pakai kata yang lebih umum, atau coba salah satu ini:',
    emptyExamples: ['KTP', 'akta kelahiran', 'SIM', 'paspor', 'NPWP'],
    errorTitle: 'Layanan tidak dapat dimuat',
    errorBody: 'Periksa sambungan internet Anda, lalu coba lagi.',
    retry: 'Coba lagi',
    agency: 'Instansi',
    fee: 'Biaya',
    duration: 'Waktu',
    channels: 'Cara mengurus',
  },
  fee: {
    free: 'Gratis',
    variants: 'Tergantung jenis',
    unknown: 'Biaya belum diketahui',
    from: 'mulai {amount}',
  },
  duration: {
    days: { other: '{n} hari kerja' },
    sameDay: 'Selesai di hari yang sama',
    unknown: 'Waktu belum diketahui',
  },
  channel: { mpp: 'Mal Pelayanan Publik', online: 'Daring', agency_office: 'Kantor instansi' },
  detail: {
    back: 'Kembali ke hasil',
    loading: 'Memuat rincian layanan…',
    notFound: 'Layanan ini tidak ditemukan.',
  },
};
