/**
 * What the stories show. scripts/record-story-fixtures.mjs records the answers to exactly these
 * requests: change both together, then re-record (see ../README.md).
 */
export const demo = {
  /** Kota Surabaya (Kemendagri code). */
  region: '35.78',
  /** Searched in most stories, typed in the keyboard story. */
  search: 'ktp',
  /** Nothing in the catalogue matches it. */
  noMatch: 'kolam renang',
  /** A complaint, not a service (a broken street light): the complaint route (SP4N-LAPOR!). */
  complaint: 'lampu jalan mati',
  /** Free, with a legal basis for the fee, served at MPP Siola, and open to online applications. */
  service: 'ktp-el-hilang',
  /** A form that copies earlier answers (`same_as`): the mother reporting a birth is not asked her name again. */
  prefill: 'akta-kelahiran',
  /** A service whose MPP in the region has sourced opening hours and a phone (DKI Jakarta, SKCK). */
  mppHours: { region: '31.74', service: 'skck' },
} as const;
