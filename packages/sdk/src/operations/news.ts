import { type AnyRequestOptions, type Core, get, type LoketResult, type RequestOptions } from '../core.js';
import type { GetNewsChannelsQuery, NewsChannels } from '../types.js';

/**
 * `GET /v1/news-channels?region=&agency=`: whether news about an application to that agency in
 * that region can reach the citizen by e-mail (`email`: the server sends e-mail) and by phone
 * (`phone`: the region's gateway is plugged in). The form offers each box only then.
 */
export function getNewsChannels<O extends AnyRequestOptions = RequestOptions>(
  core: Core,
  query: GetNewsChannelsQuery,
  options?: O,
): Promise<LoketResult<NewsChannels, O>> {
  return get(core, '/v1/news-channels', query, options);
}
