/**
 * Deep links: what the finder shows lives in the page's URL query (`?cari=ktp&layanan=…`), next
 * to the page's own parameters, so a citizen can share or bookmark it and the back button works.
 */
import { SERVICE_PARAM } from './service-param';

export interface FinderState {
  q: string;
  service: string | null;
  category: string | null;
  agency: string | null;
  /** The life event whose steps are shown (browsing: no search, no filter). */
  event: string | null;
}

/** Nothing searched or filtered: the finder offers life events and categories to browse. */
export const browsing = (s: FinderState) => !s.q && !s.category && !s.agency;

/** The same search (text and filters): the result list need not change. */
export function sameSearch(a: FinderState, b: FinderState): boolean {
  return a.q === b.q && a.category === b.category && a.agency === b.agency;
}

const keys = {
  q: 'cari',
  service: SERVICE_PARAM,
  category: 'kategori',
  agency: 'instansi',
  event: 'peristiwa',
} as const;

export function readUrlState(url: string): FinderState {
  const params = new URL(url).searchParams;
  return {
    q: params.get(keys.q) ?? '',
    service: params.get(keys.service) || null,
    category: params.get(keys.category) || null,
    agency: params.get(keys.agency) || null,
    event: params.get(keys.event) || null,
  };
}

/** The page URL with `state` in it; the page's other parameters and hash are kept. */
export function urlWithState(url: string, state: FinderState): string {
  const next = new URL(url);
  for (const [field, key] of Object.entries(keys) as [keyof FinderState, string][]) {
    const value = state[field];
    if (value) next.searchParams.set(key, value);
    else next.searchParams.delete(key);
  }
  return next.href;
}

/** Pushes a history entry (a step the back button should undo) or replaces the current one. */
export function writeUrlState(state: FinderState, mode: 'push' | 'replace'): void {
  const href = urlWithState(location.href, state);
  if (href === location.href) return;
  if (mode === 'push') history.pushState(history.state, '', href);
  else history.replaceState(history.state, '', href);
}
