import type { AppContext } from './context.js';

export function officerHandlers(_ctx: AppContext) {
  return {};
}
