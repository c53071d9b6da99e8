import type { Plural } from '../../../i18n';

/**
 * Every string of <loket-service-performance>. The unsur's names, services, agencies and the
 * method's sentences come from the API in the page's language; the bands' labels (Sangat Baik …
 * Tidak Baik) are the regulation's own, shown as it writes them.
 */
export interface PerformanceMessages {
  heading: string;
  /** "{region}, {period}". */
  scope: string;
  filters: string;
  period: string;
  service: string;
  agency: string;
  all: string;
  allAgencies: string;
  year: string;
  semester: string;
  quarter: string;
  month: string;
  /** "Semester {n} {year}", "Kuartal {n} {year}". */
  semesterLabel: string;
  quarterLabel: string;
  loading: string;
  error: string;
  retry: string;
  empty: string;
  ikm: string;
  /** "Mutu {mutu}: {kinerja}" (the regulation's labels). */
  band: string;
  /** The English rendering of the band's label after it (empty in Indonesian). */
  bandEn: Record<'A' | 'B' | 'C' | 'D', string>;
  respondents: Plural;
  respondentsHead: string;
  sampleReached: string;
  sampleShort: string;
  sampleUnknown: string;
  withheld: string;
  /** Why a cell is withheld: "{min}" responses at least, to protect respondents. */
  withheldWhy: string;
  unsurHeading: string;
  unsurChart: string;
  unsur: string;
  value: string;
  trendHeading: string;
  trendChart: string;
  served: string;
  table: string;
  servicesHeading: string;
  servicesNone: string;
  applications: string;
  onTime: string;
  median: string;
  medianValue: Plural;
  overdue: string;
  none: string;
  method: string;
  csv: string;
  /** Said when new figures are shown. */
  shown: string;
}
