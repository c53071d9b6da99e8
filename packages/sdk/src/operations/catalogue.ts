import { type AnyRequestOptions, type Core, get, type LoketResult, type RequestOptions } from '../core.js';
import type {
  AgencyList,
  CategoryList,
  GetServiceQuery,
  ListAgenciesQuery,
  ListCategoriesQuery,
  ListServicesQuery,
  Service,
  ServiceList,
  Slug,
} from '../types.js';
import { withRegion } from '../with-region.js';

// The catalogue. Each applies the client's default `region` (see `withRegion`); `{ ifNoneMatch }`
// makes any of them a conditional request.

/** `GET /v1/services`: one page of services matching `query` (see `paginateServices` for all). */
export function listServices<O extends AnyRequestOptions = RequestOptions>(
  core: Core,
  query?: ListServicesQuery,
  options?: O,
): Promise<LoketResult<ServiceList, O>> {
  return get(core, '/v1/services', withRegion(core, query), options);
}

/** `GET /v1/services/{slug}`: one service with every Standar Pelayanan component. */
export function getService<O extends AnyRequestOptions = RequestOptions>(
  core: Core,
  slug: Slug,
  query?: GetServiceQuery,
  options?: O,
): Promise<LoketResult<Service, O>> {
  return get(core, '/v1/services/{slug}', withRegion(core, query), options, { path: { slug } });
}

/** `GET /v1/categories`: every category with its service count. */
export function listCategories<O extends AnyRequestOptions = RequestOptions>(
  core: Core,
  query?: ListCategoriesQuery,
  options?: O,
): Promise<LoketResult<CategoryList, O>> {
  return get(core, '/v1/categories', withRegion(core, query), options);
}

/** `GET /v1/agencies`: every agency with its service count. */
export function listAgencies<O extends AnyRequestOptions = RequestOptions>(
  core: Core,
  query?: ListAgenciesQuery,
  options?: O,
): Promise<LoketResult<AgencyList, O>> {
  return get(core, '/v1/agencies', withRegion(core, query), options);
}
