import type { RequestOptions } from './core.js';
import type {
  ListOfficerApplicationsQuery,
  ListRegionsQuery,
  ListServicesQuery,
  OfficerApplication,
  OfficerApplicationList,
  Page,
  Region,
  RegionList,
  ServiceList,
  ServiceSummary,
} from './types.js';

type PaginateOptions = Pick<RequestOptions, 'signal'>;

/** Yields every item of every page, following `page.next_cursor` until it is `null`. */
export async function* followPages<Q extends { cursor?: string }, T>(
  fetchPage: (query: Q) => Promise<{ data: T[]; page: Page }>,
  query: Q,
): AsyncGenerator<T, void, undefined> {
  let cursor = query.cursor;
  do {
    const { data, page } = await fetchPage({ ...query, cursor });
    yield* data;
    cursor = page.next_cursor ?? undefined;
  } while (cursor !== undefined);
}

/**
 * Every service matching `query`, page by page (`limit` is the page size). Pages are fetched
 * lazily: stop iterating (`break`) and no further page is requested.
 */
export function paginateServices(
  client: { listServices(query?: ListServicesQuery, options?: RequestOptions): Promise<ServiceList> },
  query: ListServicesQuery = {},
  options?: PaginateOptions,
): AsyncGenerator<ServiceSummary, void, undefined> {
  return followPages((pageQuery) => client.listServices(pageQuery, options), query);
}

/** Every region matching `query`, page by page; see {@link paginateServices}. */
export function paginateRegions(
  client: { listRegions(query?: ListRegionsQuery, options?: RequestOptions): Promise<RegionList> },
  query: ListRegionsQuery = {},
  options?: PaginateOptions,
): AsyncGenerator<Region, void, undefined> {
  return followPages((pageQuery) => client.listRegions(pageQuery, options), query);
}

/** Every application of the officer's queue matching `query`, page by page, like {@link paginateServices}. */
export function paginateOfficerApplications(
  client: {
    listApplications(
      query?: ListOfficerApplicationsQuery,
      options?: PaginateOptions,
    ): Promise<OfficerApplicationList>;
  },
  query: ListOfficerApplicationsQuery = {},
  options?: PaginateOptions,
): AsyncGenerator<OfficerApplication, void, undefined> {
  return followPages((pageQuery) => client.listApplications(pageQuery, options), query);
}
