import type { Plural } from '../../../../i18n';

/**
 * The browse view's strings (life events and categories, before a search): loaded with the view's
 * code, so the first load does not carry them.
 */
export interface BrowseMessages {
  events: string;
  eventsHint: string;
  categories: string;
  categoriesHint: string;
  stepCount: Plural;
  serviceCount: Plural;
  /** Above a category's services: the way back to browsing. */
  home: string;
  back: string;
  steps: string;
  produces: string;
  conditional: string;
  conditionalHint: string;
  when: string;
  sources: string;
  notFound: string;
}
