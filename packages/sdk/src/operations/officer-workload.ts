import { type Core, get, type RequestOptions } from '../core.js';
import type { OfficerWorkload } from '../types.js';

/**
 * `GET /v1/officer/workload`: the agency's open applications per officer and per service, and the
 * overdue list (a desk session needs the supervisor role; `403 role-required` otherwise).
 */
export function getWorkload(core: Core, options?: Pick<RequestOptions, 'signal'>): Promise<OfficerWorkload> {
  return get(core, '/v1/officer/workload', undefined, options);
}
