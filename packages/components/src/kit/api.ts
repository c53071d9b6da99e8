import type { Locale } from '../i18n';
import { loketCore } from '../utils/client';
import { configValue } from '../utils/config';

/**
 * The SDK core a component calls: its `api-base` attribute, else the page's (see `configValue`);
 * a component without one cannot work, and says so. `region` is resolved by the component (the
 * tracker sends none).
 */
export function coreOf(el: HTMLElement, apiBase: string | undefined, locale: Locale, region?: string | null) {
  const base = configValue(el, 'api-base', apiBase);
  if (!base) throw new Error(`<${el.localName}> needs api-base (or <meta name="loket-api-base">).`);
  return loketCore(base, region ?? undefined, locale);
}

/**
 * One request at a time, the latest: starting a request aborts the one still in flight, whose
 * answer would now be out of date (a newer search, another service, another application).
 */
export class Latest {
  private controller?: AbortController;

  /** Aborts the request in flight and returns the signal for the next one. */
  start(): AbortSignal {
    this.controller?.abort();
    this.controller = new AbortController();
    return this.controller.signal;
  }

  /** Whether `signal` is the latest request's (none started since; aborting it keeps it latest). */
  isLatest(signal: AbortSignal): boolean {
    return this.controller?.signal === signal;
  }

  /** Aborts the request in flight, if any (the component left the page, or the citizen moved on). */
  abort(): void {
    this.controller?.abort();
  }
}
