import type { Core } from './core.js';
import type { RegionCode } from './types.js';

/** `region` from the call, else the client's default; `null` means "send none". */
export function withRegion<Q extends { region?: RegionCode | null }>(core: Core, query: Q = {} as Q) {
  return { ...query, region: query.region === null ? undefined : (query.region ?? core.region) };
}
