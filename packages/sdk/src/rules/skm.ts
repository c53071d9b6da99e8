// The Survei Kepuasan Masyarakat of PermenPANRB 14/2017, as the server computes it and the
// components ask it: the nine unsur with their own answer labels (1 = worst, 4 = best), the index
// (IKM) by the regulation's formula, its bands, and the Krejcie–Morgan sample size.
// Source: data/research/skm-reference.json (and the sources it lists).

export type SkmScore = 1 | 2 | 3 | 4;

export interface Unsur {
  no: number;
  /** The regulation's name of the unsur (Indonesian), and an English rendering. */
  name: { id: string; en: string };
  /** The question's four answers, worst first. */
  labels: { id: readonly string[]; en: readonly string[] };
}

const u = (no: number, id: string, en: string, labelsId: string[], labelsEn: string[]): Unsur => ({
  no,
  name: { id, en },
  labels: { id: labelsId, en: labelsEn },
});

/** The nine unsur (PermenPANRB 14/2017), in the regulation's order. */
export const SKM_UNSUR: readonly Unsur[] = [
  /* @__PURE__ */ u(
    1,
    'Persyaratan',
    'Requirements',
    ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
    ['Not appropriate', 'Less appropriate', 'Appropriate', 'Very appropriate'],
  ),
  /* @__PURE__ */ u(
    2,
    'Sistem, Mekanisme, dan Prosedur',
    'System, mechanism and procedure',
    ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah'],
    ['Not easy', 'Less easy', 'Easy', 'Very easy'],
  ),
  /* @__PURE__ */ u(
    3,
    'Waktu Penyelesaian',
    'Time to complete',
    ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat'],
    ['Not fast', 'Less fast', 'Fast', 'Very fast'],
  ),
  /* @__PURE__ */ u(
    4,
    'Biaya/Tarif',
    'Cost/fee',
    ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis'],
    ['Very expensive', 'Fairly expensive', 'Cheap', 'Free'],
  ),
  /* @__PURE__ */ u(
    5,
    'Produk Spesifikasi Jenis Pelayanan',
    'What the service delivers',
    ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
    ['Not as specified', 'Less than specified', 'As specified', 'Fully as specified'],
  ),
  /* @__PURE__ */ u(
    6,
    'Kompetensi Pelaksana',
    'Competence of the staff',
    ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten'],
    ['Not competent', 'Less competent', 'Competent', 'Very competent'],
  ),
  /* @__PURE__ */ u(
    7,
    'Perilaku Pelaksana',
    'Behaviour of the staff',
    ['Tidak sopan dan ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah'],
    [
      'Not polite and friendly',
      'Less polite and friendly',
      'Polite and friendly',
      'Very polite and friendly',
    ],
  ),
  /* @__PURE__ */ u(
    8,
    'Penanganan Pengaduan, Saran dan Masukan',
    'Handling of complaints, suggestions and feedback',
    ['Tidak ada', 'Ada tetapi tidak berfungsi', 'Berfungsi kurang maksimal', 'Dikelola dengan baik'],
    ['None', 'Exists but does not work', 'Works, not fully', 'Well managed'],
  ),
  /* @__PURE__ */ u(
    9,
    'Sarana dan prasarana',
    'Facilities',
    ['Buruk', 'Cukup', 'Baik', 'Sangat baik'],
    ['Poor', 'Adequate', 'Good', 'Very good'],
  ),
];

/** The regulation's weight per unsur: 1/9 written as 0,111 (so a perfect score converts to 99.9). */
export const SKM_WEIGHT = 0.111;

export type SkmMutu = 'A' | 'B' | 'C' | 'D';

/** The bands on the converted score (25–100), best first: mutu, kinerja, lowest score. */
export const SKM_BANDS: readonly { mutu: SkmMutu; kinerja: string; min: number }[] = [
  { mutu: 'A', kinerja: 'Sangat Baik', min: 88.31 },
  { mutu: 'B', kinerja: 'Baik', min: 76.61 },
  { mutu: 'C', kinerja: 'Kurang Baik', min: 65.0 },
  { mutu: 'D', kinerja: 'Tidak Baik', min: 25.0 },
];

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/** The band of a converted score (rounded to two places first, as the bands are written). */
export function skmBand(score: number): { mutu: SkmMutu; kinerja: string } {
  const rounded = round(score, 2);
  const band = SKM_BANDS.find((b) => rounded >= b.min) ?? SKM_BANDS[SKM_BANDS.length - 1];
  return { mutu: band?.mutu ?? 'D', kinerja: band?.kinerja ?? 'Tidak Baik' };
}

export interface SkmIndex {
  /** NRR per unsur: the sum of its scores / the respondents (1–4), four places. */
  nrr: number[];
  /** Σ NRR × 0,111 (1–4), four places. */
  raw: number;
  /** raw × 25 (25–100), two places. */
  score: number;
  band: { mutu: SkmMutu; kinerja: string };
}

/** The IKM of `respondents` whose scores per unsur sum to `sums` (nine numbers); null with none. */
export function skmIndex(sums: readonly number[], respondents: number): SkmIndex | null {
  if (respondents <= 0 || sums.length !== SKM_UNSUR.length) return null;
  const nrr = sums.map((sum) => sum / respondents);
  const raw = nrr.reduce((total, value) => total + value * SKM_WEIGHT, 0);
  const score = raw * 25;
  return {
    nrr: nrr.map((v) => round(v, 4)),
    raw: round(raw, 4),
    score: round(score, 2),
    band: skmBand(score),
  };
}

/**
 * The sample the Krejcie & Morgan table gives for a population of `served` (95 % confidence,
 * ±5 %, P = 0.5): s = χ²NP(1−P) / (d²(N−1) + χ²P(1−P)), rounded to the nearest whole. Krejcie, R. V. & Morgan,
 * D. W. (1970), Educational and Psychological Measurement 30, 607–610; it reproduces the table
 * excerpt in skm-reference.json (all twelve rows: 10→10, 50→44 … 40000→380).
 */
export function krejcieMorgan(served: number): number {
  if (served <= 0) return 0;
  const chi = 3.841;
  const p = 0.5;
  const d = 0.05;
  return Math.round((chi * served * p * (1 - p)) / (d * d * (served - 1) + chi * p * (1 - p)));
}
