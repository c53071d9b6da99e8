import type { Lang } from './index.js';

type Templates = Record<string, Record<Lang, (...args: never[]) => string>>;

/** The satisfaction survey (SKM) and the published index (src/survey/). */
export const surveyMessages = {
  surveyNotOpen: {
    id: () => 'Survei kepuasan dibuka setelah permohonan selesai atau ditolak.',
    en: () => 'The satisfaction survey opens once the application is completed or rejected.',
  },
  surveyAnswered: {
    id: () => 'Survei untuk permohonan ini sudah diisi. Terima kasih.',
    en: () => 'The survey for this application has already been answered. Thank you.',
  },
  visitSurveyNotOpen: {
    id: () => 'Survei kepuasan dibuka setelah kunjungan Anda selesai dilayani di loket.',
    en: () => 'The satisfaction survey opens once your visit has been served at the counter.',
  },
  visitSurveyAnswered: {
    id: () => 'Survei untuk kunjungan ini sudah diisi. Terima kasih.',
    en: () => 'The survey for this visit has already been answered. Thank you.',
  },
  surveyLinkUnknown: {
    id: () => 'Tautan survei ini tidak dikenal atau sudah kedaluwarsa.',
    en: () => 'This survey link is unknown or has expired.',
  },
  kioskUnknown: {
    id: () => 'Perangkat kios tidak dikenal atau sudah dicabut.',
    en: () => 'Unknown or revoked kiosk device.',
  },
  surveyUnknownService: {
    id: (slug: string) => `Layanan "${slug}" tidak dikenal.`,
    en: (slug: string) => `Unknown service "${slug}".`,
  },
  'skm.badPeriod': {
    id: (label: string) => `Periode "${label}" tidak valid: tulis 2026, 2026-S2, 2026-Q4 atau 2026-11.`,
    en: (label: string) => `Invalid period "${label}": write 2026, 2026-S2, 2026-Q4 or 2026-11.`,
  },
  'skm.formula': {
    id: () =>
      'NRR per unsur = jumlah nilai unsur / jumlah responden; IKM = Σ (NRR × 0,111) × 25 (nilai 25–100), sembilan unsur, skala 1–4.',
    en: () =>
      'NRR per unsur = sum of its scores / respondents; IKM = Σ (NRR × 0.111) × 25 (25–100), nine unsur, scale 1–4.',
  },
  'skm.sample': {
    id: () =>
      'Sampel minimum menurut tabel Krejcie & Morgan (95%, ±5%) untuk jumlah yang dilayani dalam periode.',
    en: () => 'Minimum sample by the Krejcie & Morgan table (95%, ±5%) for the number served in the period.',
  },
  'skm.served': {
    id: () =>
      'Jumlah yang dilayani: permohonan yang selesai atau ditolak dalam periode (per lokasi tidak diketahui).',
    en: () => 'Number served: applications completed or rejected in the period (not known per location).',
  },
  'skm.excluded': {
    id: (min: number) =>
      `Sel dengan kurang dari ${min} responden tidak diterbitkan, untuk melindungi responden; data sintetis (uji beban) tidak pernah dihitung.`,
    en: (min: number) =>
      `Cells with fewer than ${min} respondents are not published, to protect respondents; synthetic (benchmark) data is never counted.`,
  },
  'mail.survey.subject': {
    id: (code: string) => `Permohonan ${code}: bagaimana pelayanan kami?`,
    en: (code: string) => `Application ${code}: how did we do?`,
  },
  'mail.survey.ask': {
    id: (service: string) =>
      `Permohonan ${service} Anda sudah diputuskan. Mohon nilai pelayanan kami dalam Survei Kepuasan Masyarakat: sembilan pertanyaan singkat, tanpa nama. Jawaban Anda tidak dikaitkan dengan isi permohonan.`,
    en: (service: string) =>
      `Your application for ${service} has been decided. Please rate our service in the public satisfaction survey: nine short questions, anonymous. Your answers are not linked to your application.`,
  },
  'mail.survey.link': {
    id: () => 'Isi survei di halaman pelacakan (masukkan kode rahasia Anda di sana):',
    en: () => 'Answer it on the tracking page (enter your secret there):',
  },
  'mail.survey.once': {
    id: (days: number) =>
      `Isi survei lewat tautan ini, tanpa kode rahasia. Tautan hanya dapat dipakai sekali dan berlaku ${days} hari:`,
    en: (days: number) =>
      `Answer it through this link, without your secret. The link works once and for ${days} days:`,
  },
  'mail.survey.visitSubject': {
    id: (code: string) => `Kunjungan ${code}: bagaimana pelayanan kami?`,
    en: (code: string) => `Visit ${code}: how did we do?`,
  },
  'mail.survey.visitAsk': {
    id: (service: string) =>
      `Anda sudah dilayani di loket untuk ${service}. Mohon nilai pelayanan kami dalam Survei Kepuasan Masyarakat: sembilan pertanyaan singkat, tanpa nama. Jawaban Anda tidak dikaitkan dengan pemesanan Anda.`,
    en: (service: string) =>
      `You were served at the counter for ${service}. Please rate our service in the public satisfaction survey: nine short questions, anonymous. Your answers are not linked to your booking.`,
  },
  'mail.survey.visitLink': {
    id: () => 'Isi survei di halaman antrean (masukkan kode rahasia pemesanan Anda di sana):',
    en: () => 'Answer it on the booking page (enter your booking secret there):',
  },
} satisfies Templates;
