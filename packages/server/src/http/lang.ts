import type { FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';
import type { Lang } from '../messages/index.js';
import { memo } from './memo.js';

const available: Lang[] = ['id', 'en'];

/**
 * The `lang` query parameter wins; otherwise Accept-Language; Indonesian when neither names a
 * language we have (an odd or malformed header is not an error, just not English).
 */
export function pickLang(request: FastifyRequest): Lang {
  const query = request.query as { lang?: unknown } | undefined;
  if (query?.lang === 'en' || query?.lang === 'id') return query.lang;
  const header = request.headers['accept-language'];
  if (typeof header !== 'string' || header.length > 500) return 'id';
  return fromHeader(header);
}

const fromHeader = memo((header): Lang => {
  const preferred = new Negotiator({ headers: { 'accept-language': header } }).language(available);
  return preferred === 'en' ? 'en' : 'id';
});
