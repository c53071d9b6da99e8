import { type Core, get, type RequestOptions } from '../core.js';
import type { Health } from '../types.js';

// Health checks report the state right now: they are never retried, whatever the client's `retry`.

/** `GET /health/live`: resolves while the server process runs. */
export function getLiveness(core: Core, options?: Pick<RequestOptions, 'signal'>): Promise<Health> {
  return get(core, '/health/live', undefined, options, { retry: 0 });
}

/** `GET /health/ready`: resolves when the server can serve; a `503` rejects with `urn:loket:problem:not-ready`. */
export function getReadiness(core: Core, options?: Pick<RequestOptions, 'signal'>): Promise<Health> {
  return get(core, '/health/ready', undefined, options, { retry: 0 });
}
