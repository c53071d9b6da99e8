import { type AnyRequestOptions, type Core, get, type LoketResult, type RequestOptions } from '../core.js';
import type {
  GetRegionQuery,
  ListRegionLocationsQuery,
  ListRegionsQuery,
  LocationList,
  RegionCode,
  RegionDetail,
  RegionList,
} from '../types.js';

// The client's default `region` is a filter for the catalogue; it is not applied here.

/** `GET /v1/regions`: one page of provinces and kabupaten/kota (see `paginateRegions` for all). */
export function listRegions<O extends AnyRequestOptions = RequestOptions>(
  core: Core,
  query?: ListRegionsQuery,
  options?: O,
): Promise<LoketResult<RegionList, O>> {
  return get(core, '/v1/regions', query, options);
}

/** `GET /v1/regions/{code}`: one region, with its province for a kabupaten/kota. */
export function getRegion<O extends AnyRequestOptions = RequestOptions>(
  core: Core,
  code: RegionCode,
  query?: GetRegionQuery,
  options?: O,
): Promise<LoketResult<RegionDetail, O>> {
  return get(core, '/v1/regions/{code}', query, options, { path: { code } });
}

/** `GET /v1/regions/{code}/locations`: the region's MPPs and offices; with `service`, those that offer it (widened to the province when the kabupaten/kota has none: see `region_code`). */
export function listRegionLocations<O extends AnyRequestOptions = RequestOptions>(
  core: Core,
  code: RegionCode,
  query?: ListRegionLocationsQuery,
  options?: O,
): Promise<LoketResult<LocationList, O>> {
  return get(core, '/v1/regions/{code}/locations', query, options, { path: { code } });
}
