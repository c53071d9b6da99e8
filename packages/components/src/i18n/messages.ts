import type { Channel, Confidence } from '@loket/sdk';

/** Plural forms picked by `Intl.PluralRules` (Indonesian only uses `other`). */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * Every user-facing string of every component, one dictionary per locale. `{n}` and `{q}` are
 * filled in by `t()`; plural strings are `Plural` objects.
 */
export interface Messages {
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
  confidence: Record<Confidence, string>;
  detail: {
    back: string;
    loading: string;
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
    address: string;
    addressUnknown: string;
    hours: string;
    hoursUnknown: string;
    days: Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', string>;
    complaint: string;
    legalBasis: string;
    sources: string;
    confidenceLabel: string;
    localChange: string;
    apply: string;
    applyHint: string;
    notFound: string;
  };
}
