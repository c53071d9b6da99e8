import type { Category, LifeEvent, LifeEventSummary, LoketCore, ServiceSummary } from '@loket/sdk';
import { type FunctionalComponent, h } from '@stencil/core';
import type { Locale } from '../../i18n';
import type { Latest } from '../../kit/api';
import type { Focus } from '../../kit/focus';
import { browsing, type FinderState } from '../../utils/url-state';
import type { FinderMessages } from './messages';
import { Failure } from './result-list';
import { Skeleton } from './skeleton';

/** What browsing shows (life events and categories, or one event's steps) and its view's code. */
export interface BrowseState {
  status: 'loading' | 'ready' | 'error' | 'missing';
  /** The browse view (./browse, loaded on demand with its strings: not in the first load). */
  View?: FunctionalComponent<BrowseProps>;
  events?: LifeEventSummary[];
  categories?: Category[];
  event?: LifeEvent | null;
}

/** The browse view's: the finder, and whether it browses (or shows a category's services). */
export interface BrowseProps {
  host: BrowseHost;
  home: boolean;
}

/** What ./browse reads and changes on the finder. */
export interface BrowseHost {
  readonly el: HTMLElement;
  browse: BrowseState;
  /** The browse link (a life event, a category) that gets focus back when the citizen returns. */
  browseOpener: string | null;
  readonly state: FinderState;
  readonly core: LoketCore;
  readonly locale: Locale;
  readonly t: FinderMessages;
  readonly focusing: Focus;
  hrefOf(change: Partial<FinderState>): string;
  navigate(next: FinderState): void;
  onOpen(item: ServiceSummary, event: MouseEvent): void;
  announce(text: string): void;
}

/** Loads browsing's code and strings (./browse, on demand) and, with `lists`, what it shows. */
export function loadBrowse(host: BrowseHost, requests: Latest, event: string | null, lists: boolean) {
  const signal = requests.start();
  return import('./browse')
    .then((view) => view.loadBrowse(host, event, lists, signal))
    .catch(() => {
      if (!signal.aborted) host.browse = { ...host.browse, status: 'error' };
    });
}

/**
 * Browsing, or what stands in for it while its code and data load or when they fail; above a
 * category's services (no search), the way back to it.
 */
export const BrowseArea: FunctionalComponent<{ host: BrowseHost; onRetry: () => void }> = ({
  host,
  onRetry,
}) => {
  const { View, status } = host.browse;
  if (!browsing(host.state)) return !host.state.q && View ? <View host={host} home={false} /> : null;
  if (status === 'error') return <Failure t={host.t} title={host.t.results.errorTitle} onRetry={onRetry} />;
  return status === 'loading' || !View ? <Skeleton /> : <View host={host} home />;
};
