import {
  type AnyRequestOptions,
  type Core,
  get,
  type LoketResult,
  type RequestOptions,
  readJson,
  send,
} from '../core.js';
import type { ComplaintAboutRequest, GetNewsChannelsQuery, NewsChannels } from '../types.js';

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

/**
 * `POST /v1/news-channels` `{ about }`: the same answer for news about a complaint on `about`
 * (what `createComplaint` would send): the server finds the agency and region whose inbox it goes
 * to, proving an application or a visit with its secret (in the body, never the URL), and says
 * whether e-mail and the region's gateway (one that takes complaint events) can reach the citizen.
 */
export async function getComplaintNewsChannels(
  core: Core,
  about: ComplaintAboutRequest,
  options: Pick<RequestOptions, 'signal'> = {},
): Promise<NewsChannels> {
  const response = await send(core, '/v1/news-channels', { method: 'post', json: { about }, ...options });
  return readJson(response, options.signal);
}
