import type { AppContext } from './context.js';

export function attachmentHandlers(_ctx: AppContext) {
  return {};
}
