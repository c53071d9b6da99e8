import { type AnyRequestOptions, type Core, get, type LoketResult, type RequestOptions } from '../core.js';
import type { GetLifeEventQuery, LifeEvent, LifeEventList, ListLifeEventsQuery, Slug } from '../types.js';
import { withRegion } from '../with-region.js';

// Life events (birth, death, marriage, moving house, starting a business…): paths through several
// services. Both apply the client's default `region`; `{ ifNoneMatch }` makes them conditional.

/** `GET /v1/life-events`: every life event, with how many steps it has. */
export function listLifeEvents<O extends AnyRequestOptions = RequestOptions>(
  core: Core,
  query?: ListLifeEventsQuery,
  options?: O,
): Promise<LoketResult<LifeEventList, O>> {
  return get(core, '/v1/life-events', withRegion(core, query), options);
}

/** `GET /v1/life-events/{id}`: one life event's ordered steps, each with why and what it produces. */
export function getLifeEvent<O extends AnyRequestOptions = RequestOptions>(
  core: Core,
  id: Slug,
  query?: GetLifeEventQuery,
  options?: O,
): Promise<LoketResult<LifeEvent, O>> {
  return get(core, '/v1/life-events/{id}', withRegion(core, query), options, { path: { id } });
}
