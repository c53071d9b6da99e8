import type { BrowseMessages } from './types';

/** English: fetched when an English page browses. */
export const en: BrowseMessages = {
  events: 'By life event',
  eventsHint: 'The services you need, in order.',
  categories: 'By category',
  categoriesHint: 'Every service of one field.',
  stepCount: { one: '{n} step', other: '{n} steps' },
  serviceCount: { one: '{n} service', other: '{n} services' },
  home: 'Browse life events and categories',
  back: 'Back to life events and categories',
  steps: 'The steps',
  produces: 'Produces',
  conditional: 'Only if needed',
  conditionalHint: 'Only in certain situations.',
  when: 'When',
  sources: 'Sources',
  notFound: 'This life event was not found.',
};
