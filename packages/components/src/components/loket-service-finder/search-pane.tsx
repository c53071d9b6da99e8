import type { ServiceList } from '@loket/sdk';
import { type FunctionalComponent, h } from '@stencil/core';
import { browsing, type FinderState } from '../../utils/url-state';
import { BrowseArea, type BrowseHost } from './browse-area';
import type { Combo, LazySuggestions } from './combo';
import type { Loading } from './loading';
import { SearchBox } from './search-box';
import { ListView } from './views';

/** What the search pane reads of the finder, and what it asks it to do. */
export interface SearchPaneHost extends BrowseHost {
  /** What is in the search box now. */
  readonly input: string;
  readonly combo: Combo;
  readonly suggestions: LazySuggestions;
  readonly list: ServiceList | null;
  readonly listStatus: 'loading' | 'ready' | 'error';
  readonly loadingMore: boolean;
  /** The results' code, loaded with the first list (before a search the finder browses). */
  readonly ResultsView?: typeof import('./results')['Results'];
  /** The no-result view's code, loaded with the first search the API answers with `no_match`. */
  readonly NoMatchView?: typeof import('./no-match')['NoMatch'];
  readonly loading: Loading;
  navigate(next: FinderState, mode?: 'push' | 'replace'): void;
  /** Searches `q` (what is in the box by default). */
  search(q?: string): void;
  /** Runs `load` again after a failure, and moves focus to what loaded. */
  retry(load: () => Promise<void>): Promise<void>;
  loadBrowse(event: string | null, lists: boolean): Promise<void>;
}

/**
 * Everything before a service is opened: the search box with its suggestions, browsing (life
 * events and categories, while nothing is searched) and the results with their filters.
 */
export const SearchPane: FunctionalComponent<{ host: SearchPaneHost }> = ({ host }) => {
  const { t, state: s, locale, suggestions } = host;
  return (
    <div>
      <SearchBox
        t={t}
        value={host.input}
        combo={host.combo}
        onFocus={suggestions.load}
        onInput={suggestions.input}
        onKeyDown={suggestions.keyDown}
        onSubmit={() => host.search()}
        onPick={suggestions.pick}
        onBlur={suggestions.close}
        onClear={() => host.search('')}
      />
      <BrowseArea host={host} onRetry={() => void host.retry(() => host.loadBrowse(s.event, true))} />
      <ListView
        hidden={browsing(s)}
        View={host.ResultsView}
        locale={locale}
        t={t}
        status={host.listStatus}
        list={host.list}
        q={s.q}
        category={s.category}
        agency={s.agency}
        loadingMore={host.loadingMore}
        hrefFor={(slug) => host.hrefOf({ service: slug })}
        onOpen={host.onOpen}
        onFilter={(kind, value) => host.navigate({ ...s, service: null, [kind]: value }, 'replace')}
        onMore={() => void host.loading.list(true)}
        onSearch={host.search}
        onRetry={() => void host.retry(() => host.loading.list())}
        NoMatch={host.NoMatchView}
      />
    </div>
  );
};
