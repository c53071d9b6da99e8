import type { AppContext } from './context.js';

export function applicationHandlers(_ctx: AppContext) {
  return {};
}
