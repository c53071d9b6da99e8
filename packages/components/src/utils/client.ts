import { deferredCore, type LoketCore } from '@loket/sdk';
import type { Locale } from '../i18n';

const cores = new Map<string, LoketCore>();

/**
 * One SDK core per API, region and locale, shared by every component on the page. Components
 * call the SDK's tree-shakable operations with it (`listServices(core, …)`), so the bundle carries
 * only the operations they use; they never make HTTP calls of their own. The HTTP client (ky) is
 * a chunk of its own, fetched as soon as a core is made: the component renders without waiting
 * for it, and only the first request does.
 */
export function loketCore(apiBase: string, region: string | undefined, locale: Locale): LoketCore {
  const key = `${apiBase}\n${region ?? ''}\n${locale}`;
  let core = cores.get(key);
  if (!core) {
    const baseUrl = new URL(apiBase, document.baseURI);
    const http = import('@loket/sdk/http').then(({ createHttp }) =>
      createHttp({ baseUrl, locale, timeout: 15_000 }),
    );
    core = deferredCore(region, () => http);
    cores.set(key, core);
  }
  return core;
}
