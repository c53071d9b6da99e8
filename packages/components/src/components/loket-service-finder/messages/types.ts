import type { Channel, Confidence } from '@loket/sdk';
import type { Plural } from '../../../i18n';

/**
 * Every string of <loket-service-finder>, one dictionary per locale (id.ts, en.ts). `{n}` and
 * `{q}` are filled in by `fill` and `plural`; plural strings are `Plural` objects.
 */
export interface FinderMessages {
  search: {
    label: string;
    hint: string;
    submit: string;
    clear: string;
    suggestions: string;
    suggestionCount: Plural;
  };
  filters: {
    legend: string;
    category: string;
    agency: string;
    allCategories: string;
    allAgencies: string;
    option: string;
  };
  results: {
    heading: string;
    count: Plural;
    countFor: Plural;
    loading: string;
    loadMore: string;
    emptyTitle: string;
    emptyFor: string;
    emptyTry: string;
    emptyExamples: string[];
    errorTitle: string;
    errorBody: string;
    retry: string;
    agency: string;
    fee: string;
    duration: string;
    channels: string;
  };
  fee: { free: string; variants: string; unknown: string; from: string };
  duration: { days: Plural; sameDay: string; unknown: string };
  channel: Record<Channel, string>;
  /** The detail area's own words; the detail view's are in `DetailMessages`. */
  detail: {
    back: string;
    loading: string;
    notFound: string;
  };
}

/**
 * The detail view's strings (messages/detail/): loaded with the view's code when the first service
 * is opened, so the first load does not carry them.
 */
export interface DetailMessages {
  confidence: Record<Confidence, string>;
  requirements: string;
  requirementsHint: string;
  procedure: string;
  duration: string;
  fee: string;
  feeBasis: string;
  output: string;
  where: string;
  online: string;
  onlineLink: string;
  locations: string;
  noLocations: string;
  /** The kabupaten/kota has none: the province's are shown. */
  widened: string;
  address: string;
  addressUnknown: string;
  hours: string;
  hoursUnknown: string;
  /** "{day}": today's weekday, then its hours, "closed" or unknown. */
  today: string;
  closed: string;
  dayUnknown: string;
  /** "{date}": when the source recorded the hours. */
  hoursAsOf: string;
  phone: string;
  phoneOperator: string;
  map: string;
  /** "{agency}", "{date}": the counter that lists this service. */
  offerService: string;
  /** The service's agency has a counter, but its source names no services. */
  offerAgency: string;
  days: Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', string>;
  complaint: string;
  legalBasis: string;
  sources: string;
  confidenceLabel: string;
  localChange: string;
  /** What each changed fact is called in "This region changed: …" (an unknown one shows its id). */
  localFields: Record<string, string>;
  /** The heading of the region's own sources. */
  localSources: string;
  apply: string;
  /** The detail's heading on the service's own page (`own-page`), for screen readers: the page names the service. */
  about: string;
  applyHint: string;
  /** The link to book a time at the MPP counter (<loket-visit-booking>). */
  visit: string;
  visitHint: string;
  /** The service's published satisfaction index in the region ("Kepuasan masyarakat (IKM {year})"). */
  score: string;
  /** "Mutu {mutu}: {kinerja}" (the regulation's labels). */
  scoreBand: string;
  /** "Selesai tepat waktu: {share}". */
  onTime: string;
}
