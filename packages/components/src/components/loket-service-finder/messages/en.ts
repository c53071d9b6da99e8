import type { FinderMessages } from './types';

/** English: complete, second locale. */
export const en: FinderMessages = {
  search: {
    label: 'Search services',
    hint: 'For example: new ID card, lost driving licence, birth certificate',
    submit: 'Search',
    clear: 'Clear search',
    suggestions: 'Suggested services',
    suggestionCount: {
      one: '1 suggestion available. Use the up and down arrows to choose.',
      other: '{n} suggestions available. Use the up and down arrows to choose.',
    },
  },
  filters: {
    legend: 'Filter results',
    category: 'Category',
    agency: 'Agency',
    allCategories: 'All categories',
    allAgencies: 'All agencies',
    option: '{name} ({n})',
  },
  results: {
    heading: 'Search results',
    count: { one: '1 service', other: '{n} services' },
    countFor: { one: '1 service for “{q}”', other: '{n} services for “{q}”' },
    loading: 'Loading services…',
    loadMore: 'Show more',
    emptyTitle: 'No services found',
    emptyFor: 'No service matches “{q}”.',
    emptyTry: 'Check the spelling, use a more general word, or try one of these:',
    emptyExamples: ['KTP', 'birth certificate', 'SIM', 'passport', 'NPWP'],
    errorTitle: 'Services could not be loaded',
    errorBody: 'Check your internet connection, then try again.',
    retry: 'Try again',
    agency: 'Agency',
    fee: 'Fee',
    duration: 'Time',
    channels: 'Where to apply',
  },
  fee: {
    free: 'Free',
    variants: 'Depends on the type',
    unknown: 'Fee not known yet',
    from: 'from {amount}',
  },
  duration: {
    days: { one: '1 working day', other: '{n} working days' },
    sameDay: 'Same day',
    unknown: 'Time not known yet',
  },
  channel: { mpp: 'Public service mall (MPP)', online: 'Online', agency_office: 'Agency office' },
  detail: {
    back: 'Back to results',
    loading: 'Loading service details…',
    notFound: 'This service was not found.',
  },
};
