import type { SurveyMessages } from './types';

/** Bahasa Indonesia: the default locale, part of the first load. */
export const id: SurveyMessages = {
  heading: 'Survei Kepuasan Masyarakat',
  kioskHeading: 'Bagaimana pelayanan kami hari ini?',
  intro:
    'Sembilan pertanyaan singkat tentang pelayanan yang Anda terima (PermenPANRB 14/2017). Tanpa nama: jawaban Anda tidak disimpan bersama permohonan atau data diri Anda.',
  start: 'Mulai survei',
  loading: 'Memuat survei…',
  questionsHint: 'Pilih satu jawaban untuk setiap unsur pelayanan.',
  question: '{no}. {name}',
  profile: {
    legend: 'Tentang Anda (tidak wajib)',
    hint: 'Membantu membaca hasil survei. Boleh dikosongkan.',
    none: 'Tidak ingin menjawab',
    age_band: {
      label: 'Usia',
      options: {
        under_20: 'Di bawah 20 tahun',
        '20_29': '20–29 tahun',
        '30_39': '30–39 tahun',
        '40_49': '40–49 tahun',
        '50_59': '50–59 tahun',
        '60_plus': '60 tahun ke atas',
      },
    },
    sex: { label: 'Jenis kelamin', options: { male: 'Laki-laki', female: 'Perempuan' } },
    education: {
      label: 'Pendidikan terakhir',
      options: {
        none_primary: 'Tidak sekolah atau SD',
        junior: 'SMP',
        senior: 'SMA/SMK',
        diploma: 'Diploma (D1–D4)',
        bachelor: 'S1',
        postgraduate: 'S2 atau S3',
      },
    },
    occupation: {
      label: 'Pekerjaan',
      options: {
        civil_servant: 'PNS/ASN',
        military_police: 'TNI/Polri',
        private: 'Pegawai swasta',
        self_employed: 'Wirausaha',
        student: 'Pelajar/mahasiswa',
        other: 'Lainnya',
      },
    },
  },
  suggestion: 'Saran untuk perbaikan pelayanan (tidak wajib)',
  suggestionHint:
    'Paling banyak 2.000 karakter. Jangan tulis nama, NIK, nomor telepon atau kode permohonan: survei ini tanpa nama.',
  send: 'Kirim jawaban',
  sending: 'Mengirim jawaban…',
  errorTitle: 'Ada masalah',
  errorPrefix: 'Kesalahan:',
  missing: 'Pilih jawaban untuk {name}',
  done: 'Terima kasih',
  doneBody: 'Jawaban Anda sudah kami terima. Penilaian Anda membantu memperbaiki pelayanan.',
  next: 'Responden berikutnya',
  nextSoon: 'Survei kembali ke awal sebentar lagi untuk responden berikutnya.',
  answered: 'Survei untuk permohonan ini sudah diisi. Terima kasih.',
  answeredVisit: 'Survei untuk kunjungan ini sudah diisi. Terima kasih.',
  linkUsed: 'Tautan survei ini sudah dipakai: survei ini sudah diisi. Terima kasih.',
  about: {
    application: 'Untuk permohonan {service} Anda.',
    visit: 'Untuk kunjungan Anda ke loket {service}.',
  },
  notYet: 'Survei kepuasan dibuka setelah permohonan selesai atau ditolak.',
  noKey: 'Survei ini dibuka dari halaman status permohonan Anda setelah permohonan selesai atau ditolak.',
  problems: {
    network:
      'Jawaban belum terkirim. Periksa sambungan internet Anda, lalu kirim lagi: jawaban Anda tetap di sini.',
    link: 'Tautan ini tidak berlaku lagi (mungkin kode rahasia sudah diganti). Buka survei dari halaman status permohonan Anda.',
    expired:
      'Tautan survei ini tidak dikenal atau sudah kedaluwarsa (berlaku 30 hari). Anda masih dapat mengisi survei dari halaman status dengan kode rahasia.',
    kiosk: 'Perangkat ini tidak lagi terdaftar sebagai kios survei. Mohon beri tahu petugas.',
    limited: 'Terlalu banyak jawaban dari perangkat ini dalam waktu singkat.',
    origin: 'Situs ini belum diizinkan menerima jawaban survei untuk daerah ini.',
    other: 'Jawaban tidak dapat diterima. Coba lagi nanti.',
  },
  retry: 'Coba lagi',
};
