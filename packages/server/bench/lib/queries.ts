import type { ServiceRecord } from '../../src/catalogue/record.js';

/**
 * Real queries people type: the search quality table of test/search-quality.test.ts (copied here
 * so that the benchmark's query set stays fixed from run to run).
 */
export const REAL_QUERIES = [
  'bikin ktp',
  'ktp',
  'e-KTP',
  'KTP-EL',
  'cara bikin e-ktp di jakarta',
  'ktp hilang',
  'kartu tanda penduduk hilang',
  'ktp rusak',
  'ktp anak',
  'ikd',
  'kk baru',
  'urus kk',
  'kartu keluarga hilang',
  'akte kelahiran',
  'buat akta lahir',
  'akta kematian',
  'pindah domisili',
  'surat pindah',
  'nikah',
  'nikah di kua',
  'cerai',
  'perpanjang sim',
  'perpanjnag sim',
  'sim c',
  'buat sim c',
  'bikin sim',
  'sim hilang',
  'pajak motor',
  'bayar pajak motor',
  'pajak kendaraan bermotor',
  'balik nama motor',
  'stnk hilang',
  'bpkb hilang',
  'tilang',
  'skck',
  'surat keterangan catatan kepolisian',
  'pasport',
  'paspo',
  'paspor hilang',
  'perpanjang paspor',
  'npwp',
  'lapor spt',
  'pbb',
  'cek pbb',
  'bphtb',
  'imb',
  'izin mendirikan bangunan',
  'sertipikat tanah',
  'sertifkat tanh',
  'cek sertifikat',
  'balik nama sertifikat',
  'nib',
  'izin usaha',
  'merek',
  'halal',
  'bpjs kesehatan',
  'daftar bpjs',
  'ganti faskes',
  'jht',
  'klaim jht',
  'kartu kuning',
  'ak1',
  'sktm',
  'bansos',
  'haji',
  'bayar zakat',
  'pasang listrik',
  'ppdb',
  'passport',
  'lost passport',
  'how to renew passport',
  'birth certificate',
  'death certificate',
  'driving license',
  'id card lost',
  'family card',
  'tax id',
  'marriage',
  'police clearance',
  'building permit',
  'business license',
  'sim polisi semarang tengah',
  'fotokopi',
];

/** mulberry32, as in the synthetic generator: the same queries on every machine. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` queries of one to three words drawn from the real catalogue's names, aliases and
 * requirements (the words the synthetic services are made of), one in five with a typo.
 */
export function vocabularyQueries(services: ServiceRecord[], count: number, seed = 7): string[] {
  const random = prng(seed);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)] as T;
  const words = [
    ...new Set(
      services
        .flatMap((s) => [s.name.id, s.name.en, ...(s.aliases ?? []), ...s.requirements.map((r) => r.id)])
        .flatMap((text) => text.toLowerCase().split(/[^a-z0-9]+/))
        .filter((w) => w.length >= 3),
    ),
  ].sort();
  const queries: string[] = [];
  while (queries.length < count) {
    const n = 1 + Math.floor(random() * 3);
    let query = Array.from({ length: n }, () => pick(words)).join(' ');
    if (random() < 0.2 && query.length > 4) {
      const at = 1 + Math.floor(random() * (query.length - 3));
      query = query.slice(0, at) + query[at + 1] + query[at] + query.slice(at + 2);
    }
    queries.push(query);
  }
  return queries;
}

/** The fixed benchmark query set: the real queries, then the vocabulary ones, interleaved. */
export function benchmarkQueries(services: ServiceRecord[]): string[] {
  const vocabulary = vocabularyQueries(services, 77);
  const all: string[] = [];
  for (let i = 0; i < Math.max(REAL_QUERIES.length, vocabulary.length); i++) {
    if (REAL_QUERIES[i] !== undefined) all.push(REAL_QUERIES[i] as string);
    if (vocabulary[i] !== undefined) all.push(vocabulary[i] as string);
  }
  return all;
}
