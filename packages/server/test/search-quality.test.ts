import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchServices } from '../src/catalogue/search.js';
import { loadBundledServices } from '../src/catalogue/seed.js';
import { upsertService } from '../src/catalogue/upsert.js';
import type { Db } from '../src/db/index.js';
import { createTestDb } from './helpers/db.js';

/**
 * Real queries people type, against the bundled services. `first`: one of `ids` must be the
 * first result; otherwise one of them must be in the top 3.
 */
const cases: { q: string; ids: string[]; first?: boolean }[] = [
  // Civil registration
  { q: 'bikin ktp', ids: ['ktp-el-baru'], first: true },
  { q: 'ktp', ids: ['ktp-el-baru'], first: true },
  { q: 'e-KTP', ids: ['ktp-el-baru'], first: true },
  { q: 'KTP-EL', ids: ['ktp-el-baru'], first: true },
  { q: 'cara bikin e-ktp di jakarta', ids: ['ktp-el-baru'], first: true },
  { q: 'ktp hilang', ids: ['ktp-el-hilang'], first: true },
  { q: 'kartu tanda penduduk hilang', ids: ['ktp-el-hilang'], first: true },
  { q: 'ktp rusak', ids: ['ktp-el-rusak'], first: true },
  { q: 'ktp anak', ids: ['kia'], first: true },
  { q: 'ikd', ids: ['ikd-aktivasi'], first: true },
  { q: 'kk baru', ids: ['kk-baru'], first: true },
  { q: 'urus kk', ids: ['kk-baru'], first: true },
  { q: 'kartu keluarga hilang', ids: ['kk-perubahan'] },
  { q: 'akte kelahiran', ids: ['akta-kelahiran'], first: true },
  { q: 'buat akta lahir', ids: ['akta-kelahiran'], first: true },
  { q: 'akta kematian', ids: ['akta-kematian'], first: true },
  { q: 'pindah domisili', ids: ['pindah-domisili'], first: true },
  { q: 'surat pindah', ids: ['pindah-domisili'], first: true },
  { q: 'nikah', ids: ['pendaftaran-nikah-kua'], first: true },
  { q: 'nikah di kua', ids: ['pendaftaran-nikah-kua'], first: true },
  { q: 'cerai', ids: ['gugatan-cerai-pengadilan-agama', 'akta-perceraian'], first: true },
  // Driving and vehicles
  { q: 'perpanjang sim', ids: ['sim-a-perpanjangan', 'sim-c-perpanjangan'], first: true },
  { q: 'perpanjnag sim', ids: ['sim-a-perpanjangan', 'sim-c-perpanjangan'] },
  { q: 'sim c', ids: ['sim-c-baru'], first: true },
  { q: 'buat sim c', ids: ['sim-c-baru'], first: true },
  { q: 'bikin sim', ids: ['sim-a-baru', 'sim-c-baru'], first: true },
  { q: 'sim hilang', ids: ['sim-hilang-rusak'], first: true },
  { q: 'pajak motor', ids: ['pajak-kendaraan-tahunan'], first: true },
  { q: 'bayar pajak motor', ids: ['pajak-kendaraan-tahunan'], first: true },
  { q: 'pajak kendaraan bermotor', ids: ['pajak-kendaraan-tahunan'] },
  { q: 'balik nama motor', ids: ['balik-nama-kendaraan'], first: true },
  { q: 'stnk hilang', ids: ['stnk-hilang'], first: true },
  { q: 'bpkb hilang', ids: ['bpkb-hilang'], first: true },
  { q: 'tilang', ids: ['tilang-etle'], first: true },
  // Police and immigration
  { q: 'skck', ids: ['skck'], first: true },
  { q: 'surat keterangan catatan kepolisian', ids: ['skck'], first: true },
  { q: 'pasport', ids: ['paspor-baru'], first: true },
  { q: 'paspo', ids: ['paspor-baru', 'paspor-penggantian', 'paspor-hilang-rusak'] },
  { q: 'paspor hilang', ids: ['paspor-hilang-rusak'], first: true },
  { q: 'perpanjang paspor', ids: ['paspor-penggantian'], first: true },
  // Tax, land, business
  { q: 'npwp', ids: ['npwp'], first: true },
  { q: 'lapor spt', ids: ['lapor-spt-tahunan'], first: true },
  { q: 'pbb', ids: ['pbb-p2'], first: true },
  { q: 'cek pbb', ids: ['pbb-p2'], first: true },
  { q: 'bphtb', ids: ['bphtb'], first: true },
  { q: 'imb', ids: ['pbg'], first: true },
  { q: 'izin mendirikan bangunan', ids: ['pbg'], first: true },
  { q: 'sertipikat tanah', ids: ['cek-sertifikat-tanah', 'pendaftaran-tanah-pertama'] },
  { q: 'sertifkat tanh', ids: ['cek-sertifikat-tanah', 'pendaftaran-tanah-pertama'] },
  { q: 'cek sertifikat', ids: ['cek-sertifikat-tanah'], first: true },
  { q: 'balik nama sertifikat', ids: ['balik-nama-sertifikat'], first: true },
  { q: 'nib', ids: ['nib-oss'], first: true },
  { q: 'izin usaha', ids: ['nib-oss'], first: true },
  { q: 'merek', ids: ['pendaftaran-merek'], first: true },
  { q: 'halal', ids: ['sertifikat-halal'], first: true },
  // Social security, welfare, religion, utilities, education
  { q: 'bpjs kesehatan', ids: ['bpjs-kesehatan-pendaftaran'], first: true },
  { q: 'daftar bpjs', ids: ['bpjs-kesehatan-pendaftaran'], first: true },
  { q: 'ganti faskes', ids: ['bpjs-kesehatan-pindah-faskes'], first: true },
  { q: 'jht', ids: ['klaim-jht'], first: true },
  { q: 'klaim jht', ids: ['klaim-jht'], first: true },
  { q: 'kartu kuning', ids: ['kartu-kuning-ak1'], first: true },
  { q: 'ak1', ids: ['kartu-kuning-ak1'], first: true },
  { q: 'sktm', ids: ['surat-keterangan-tidak-mampu'], first: true },
  { q: 'bansos', ids: ['dtsen-usulan'], first: true },
  { q: 'haji', ids: ['pendaftaran-haji-reguler'], first: true },
  { q: 'bayar zakat', ids: ['pembayaran-zakat-baznas'], first: true },
  { q: 'pasang listrik', ids: ['pln-pasang-baru'], first: true },
  { q: 'ppdb', ids: ['spmb-penerimaan-murid-baru'], first: true },
  // Banking, customs, courts and other services added for issue 13 (coverage)
  { q: 'bi checking', ids: ['slik-ojk-ideb'], first: true },
  { q: 'cek slik ojk', ids: ['slik-ojk-ideb'], first: true },
  { q: 'tukar uang rusak', ids: ['penukaran-uang-rusak-bi'], first: true },
  { q: 'uang sobek', ids: ['penukaran-uang-rusak-bi'], first: true },
  { q: 'tukar uang baru lebaran', ids: ['penukaran-uang-kas-keliling-bi'], first: true },
  { q: 'daftar imei', ids: ['registrasi-imei-bea-cukai'], first: true },
  { q: 'hp dari luar negeri', ids: ['registrasi-imei-bea-cukai'], first: true },
  { q: 'izin rumah ibadah', ids: ['rekomendasi-pendirian-rumah-ibadat'], first: true },
  { q: 'wesel pos', ids: ['wesel-pos'], first: true },
  { q: 'daftar lpse', ids: ['pendaftaran-penyedia-spse'], first: true },
  { q: 'buka rekening saham', ids: ['pembukaan-rekening-efek'], first: true },
  { q: 'bawa kucing naik pesawat', ids: ['sertifikat-karantina-hewan-kesayangan'], first: true },
  { q: 'gugatan sederhana', ids: ['gugatan-sederhana'], first: true },
  { q: 'tagih utang', ids: ['gugatan-sederhana'] },
  { q: 'tabungan emas', ids: ['pegadaian-tabungan-emas'], first: true },
  { q: 'bayar pdam', ids: ['pdam-pembayaran-rekening-air'], first: true },
  { q: 'credit report', ids: ['slik-ojk-ideb'] },
  { q: 'small claims', ids: ['gugatan-sederhana'], first: true },
  { q: 'paket tertahan bea cukai', ids: ['barang-kiriman-luar-negeri'], first: true },
  { q: 'ijazah mts hilang', ids: ['legalisir-ijazah-madrasah'], first: true },
  // English
  { q: 'passport', ids: ['paspor-baru'], first: true },
  { q: 'lost passport', ids: ['paspor-hilang-rusak'], first: true },
  { q: 'how to renew passport', ids: ['paspor-penggantian'], first: true },
  { q: 'birth certificate', ids: ['akta-kelahiran'], first: true },
  { q: 'death certificate', ids: ['akta-kematian'], first: true },
  { q: 'driving license', ids: ['sim-a-baru', 'sim-c-baru'], first: true },
  { q: 'id card lost', ids: ['ktp-el-hilang'], first: true },
  { q: 'family card', ids: ['kk-baru'] },
  { q: 'tax id', ids: ['npwp'], first: true },
  { q: 'marriage', ids: ['pendaftaran-nikah-kua', 'akta-perkawinan-non-muslim'] },
  { q: 'police clearance', ids: ['skck'], first: true },
  { q: 'building permit', ids: ['pbg'], first: true },
  { q: 'business license', ids: ['nib-oss'], first: true },
];

describe('search quality on the real catalogue', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(() => db.close());

  it('has only expectations about services that exist', async () => {
    const ids = new Set((await loadBundledServices()).map((s) => s.id));
    const unknown = cases.flatMap((c) => c.ids).filter((id) => !ids.has(id));
    expect(unknown).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)('"$q" finds $ids', async ({ q, ids, first }) => {
    const results = (await searchServices(db, q, { limit: 10 })).map((r) => r.id);
    if (first) {
      expect(ids, `first result of "${q}": ${results.slice(0, 5).join(', ')}`).toContain(results[0]);
    } else {
      expect(
        results.slice(0, 3).some((id) => ids.includes(id)),
        `top 3 of "${q}": ${results.slice(0, 5).join(', ')}`,
      ).toBe(true);
    }
  });

  it('ranks an exact alias before everything else that mentions the word', async () => {
    const results = await searchServices(db, 'ktp', { limit: 50 });
    expect(results[0]?.id).toBe('ktp-el-baru');
    // "ktp" is in most services' requirements; those are not what someone typing "ktp" wants.
    expect(results.length).toBeLessThan(20);
  });

  it('still finds services when one word of the query matches nothing together with the others', async () => {
    const results = (await searchServices(db, 'sim polisi semarang tengah', { limit: 10 })).map((r) => r.id);
    expect(results.slice(0, 5)).toEqual(expect.arrayContaining([expect.stringMatching(/^sim-/)]));
  });

  it('finds words that only occur in requirements', async () => {
    const results = await searchServices(db, 'fotokopi', { limit: 10 });
    expect(results.length).toBeGreaterThan(0);
  });

  it('is no search when the query has nothing to look for', async () => {
    for (const q of ['', '   ', 'bikin', 'cara urus', '?!', 'the']) {
      expect(await searchServices(db, q)).toEqual([]);
    }
  });
});

describe('search region scoping', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
    const pbg = (await loadBundledServices()).find((s) => s.id === 'pbg');
    if (!pbg) throw new Error('pbg is missing from the bundled catalogue');
    await db.transaction((tx) =>
      upsertService(tx, {
        ...pbg,
        id: 'pbg-kota-semarang-uji',
        region: '33.74',
        name: { id: 'Persetujuan Bangunan Gedung Kota Semarang', en: 'Building Approval, Semarang City' },
        aliases: ['imb semarang', 'pbg semarang'],
      }),
    );
  });
  afterAll(() => db.close());

  it('finds a regional service in its region and province', async () => {
    const ids = (await searchServices(db, 'imb semarang', { regionCodes: ['33', '33.74'] })).map((r) => r.id);
    expect(ids[0]).toBe('pbg-kota-semarang-uji');
    const all = (await searchServices(db, 'imb', { regionCodes: ['33', '33.74'] })).map((r) => r.id);
    expect(all).toEqual(expect.arrayContaining(['pbg', 'pbg-kota-semarang-uji']));
  });

  it('hides it elsewhere but keeps national services', async () => {
    for (const q of ['imb', 'imb semarang', 'pbg semarang']) {
      const ids = (await searchServices(db, q, { regionCodes: ['31', '31.71'] })).map((r) => r.id);
      expect(ids).not.toContain('pbg-kota-semarang-uji');
      expect(ids[0]).toBe('pbg');
    }
    const national = (await searchServices(db, 'imb semarang', { regionCodes: [] })).map((r) => r.id);
    expect(national).toEqual(['pbg']);
  });

  it('shows every region without a region filter', async () => {
    const ids = (await searchServices(db, 'imb', { regionCodes: null })).map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['pbg', 'pbg-kota-semarang-uji']));
  });
});
