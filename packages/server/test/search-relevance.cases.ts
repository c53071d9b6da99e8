/**
 * The search relevance table (issue 14 item 6): what citizens type, as they type it, and the right
 * answer. `ids`: one of them first (`first`), else one of them in the top 3; `most`: at most this
 * many results (no list padded with services of another kind). `none`: no service covers it
 * (a pothole, a dead street light…): the answer is an empty list and the complaint route.
 */
export interface ServiceCase {
  q: string;
  ids: string[];
  first?: boolean;
  most?: number;
}

export const serviceCases: ServiceCase[] = [
  // The issue's own examples, and one common word next to the words that carry the meaning.
  { q: 'akta lahir anak', ids: ['akta-kelahiran'], first: true, most: 5 },
  { q: 'urus akta lahir', ids: ['akta-kelahiran'], first: true },
  { q: 'bikin akte lahir anak saya', ids: ['akta-kelahiran'], first: true, most: 5 },
  { q: 'akta kematian ayah', ids: ['akta-kematian'], first: true },
  { q: 'bikin ktp', ids: ['ktp-el-baru'], first: true },
  { q: 'ktp ilang', ids: ['ktp-el-hilang'], first: true },
  { q: 'ktp anak', ids: ['kia'], first: true },
  { q: 'perpanjang sim', ids: ['sim-a-perpanjangan', 'sim-c-perpanjangan'], first: true },
  { q: 'sim mati', ids: ['sim-a-perpanjangan', 'sim-c-perpanjangan'] },
  { q: 'bikin sim baru', ids: ['sim-a-baru', 'sim-c-baru'], first: true },
  { q: 'sim motor', ids: ['sim-c-baru'], first: true },
  { q: 'paspor hilang', ids: ['paspor-hilang-rusak'], first: true },
  { q: 'kk hilang', ids: ['kk-perubahan'] },
  { q: 'tambah anak di kk', ids: ['kk-perubahan'], first: true },
  { q: 'akta lahir hilang', ids: ['kutipan-kedua-akta'], first: true },
  { q: 'bayar pajak mobil', ids: ['pajak-kendaraan-tahunan'], first: true },
  { q: 'ganti plat nomor', ids: ['stnk-5-tahunan'], first: true },
  { q: 'surat kelakuan baik', ids: ['skck'], first: true },
  { q: 'bikin npwp', ids: ['npwp'], first: true },
  { q: 'daftar bpjs bayi', ids: ['bpjs-kesehatan-bayi-baru-lahir'], first: true },
  { q: 'cairkan jht', ids: ['klaim-jht'], first: true },
  { q: 'sertifikat tanah hilang', ids: ['penggantian-sertipikat-hilang'], first: true },
  { q: 'tanah warisan', ids: ['peralihan-hak-waris'] },
  { q: 'izin usaha makanan rumahan', ids: ['spp-irt'] },
  { q: 'daftar nikah di kua', ids: ['pendaftaran-nikah-kua'], first: true },
  { q: 'buku nikah hilang', ids: ['duplikat-buku-nikah'], first: true },
  { q: 'gugat cerai', ids: ['gugatan-cerai-pengadilan-agama'], first: true },
  { q: 'surat bebas narkoba', ids: ['skhpn-bnn'], first: true },
  { q: 'pindah faskes bpjs', ids: ['bpjs-kesehatan-pindah-faskes'], first: true },
  { q: 'tambah daya listrik', ids: ['pln-perubahan-daya'], first: true },
  { q: 'pasang air pdam', ids: ['pdam-sambungan-baru'], first: true },
  { q: 'mati lampu', ids: ['pln-pengaduan-gangguan'], first: true },
  { q: 'listrik padam', ids: ['pln-pengaduan-gangguan'], first: true },
  { q: 'air pdam mati', ids: ['pdam-pengaduan-gangguan-air'], first: true },
  { q: 'daftar sekolah anak', ids: ['spmb-penerimaan-murid-baru'] },
  { q: 'surat keterangan tidak mampu', ids: ['surat-keterangan-tidak-mampu'], first: true },
  { q: 'santunan kecelakaan', ids: ['jasa-raharja-santunan-kecelakaan'], first: true },
  { q: 'uji kir', ids: ['uji-kir-kendaraan'], first: true },
  { q: 'cek bansos', ids: ['dtsen-usulan'], first: true },
  { q: 'korban phk', ids: ['klaim-jkp'], first: true },
  { q: 'izin hajatan', ids: ['izin-keramaian'], first: true },
];

/** Things people ask a government about that no service in the catalogue covers: a complaint. */
export const complaintCases: string[] = [
  'lampu jalan mati',
  'lampu jalan padam',
  'jalan berlubang',
  'jalan rusak depan rumah',
  'sampah menumpuk',
  'sampah tidak diangkut',
  'tetangga berisik',
  'banjir',
  'rumah kebanjiran',
  'pohon tumbang',
  'got mampet',
  'selokan tersumbat',
  'parkir liar',
  'pungli di kelurahan',
  'lampu merah rusak',
  'trotoar rusak',
  'bau limbah pabrik',
  'anjing liar berkeliaran',
];
