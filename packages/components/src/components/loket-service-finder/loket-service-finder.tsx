import {
  getService,
  isLoketApiError,
  type Location,
  listRegionLocations,
  listServices,
  type Service,
  type ServiceList,
  type ServiceSummary,
} from '@loket/sdk';
import { Component, Element, Event, type EventEmitter, Host, h, Prop, State, Watch } from '@stencil/core';
import { type Locale, localeOf, plural } from '../../i18n';
import { loadMessages, messages } from '../../i18n/finder';
import { loketCore } from '../../utils/client';
import { configValue } from '../../utils/config';
import {
  type FinderState,
  readUrlState,
  sameSearch,
  urlWithState,
  writeUrlState,
} from '../../utils/url-state';
import { Empty, Failure, Results, Skeleton } from './result-list';
import { SearchBox } from './search-box';

export interface LoketApplyDetail {
  /** The service's id (slug), e.g. `ktp-el-hilang`. */
  service: string;
  /** The region the citizen is in, when known. */
  region: string | null;
}

const SUGGEST_DELAY_MS = 250;
const PAGE_SIZE = 20;

/**
 * Finds a public service and shows everything needed to get it: requirements, procedure, time,
 * fee with its legal basis, output, where to go and how to complain.
 *
 * @part base - The wrapper of everything the finder shows. @part search - The search form. @part input - The search box. @part listbox - The suggestions.
 * @part option - One suggestion. @part filters - The category and agency filters.
 * @part results - The result list. @part result - One result. @part detail - The detail view.
 * @part apply - The "apply online" area. @part button - Every button. @part select - The filters' selects.
 * @part empty - The empty state. @part error - The error state. @part skeleton - The loading placeholder.
 * @part location - An MPP location. @part about - Legal basis and sources. @part back - The back link.
 */
@Component({ tag: 'loket-service-finder', styleUrl: 'loket-service-finder.css', shadow: true })
export class LoketServiceFinder {
  @Element() el!: HTMLElement;

  /** Base URL of the Loket API; falls back to `data-loket-api-base` on an ancestor or `<meta name="loket-api-base">`. */
  @Prop() apiBase?: string;
  /** Kemendagri region code (e.g. `35.78`); falls back to `data-loket-region` or `<meta name="loket-region">`. */
  @Prop() region?: string;
  /** Link to the application form; `{service}` and `{region}` are replaced. Without it, "apply online" only emits `loketApply`. */
  @Prop() applyHref?: string;
  /** Search text to start with (the page URL wins). */
  @Prop() query?: string;
  /** Service id to open at start (the page URL wins). */
  @Prop() service?: string;
  /** Keep the page URL untouched (no deep links), e.g. when a page has two finders. */
  @Prop() noHistory = false;

  @State() locale: Locale = 'id';
  @State() input = '';
  @State() state: FinderState = { q: '', service: null, category: null, agency: null };
  @State() list: ServiceList | null = null;
  @State() listStatus: 'loading' | 'ready' | 'error' = 'loading';
  @State() loadingMore = false;
  @State() suggestions: ServiceSummary[] = [];
  @State() expanded = false;
  @State() active = -1;
  @State() detail: Service | null = null;
  @State() detailStatus: 'loading' | 'ready' | 'error' | 'missing' = 'loading';
  @State() locations: Location[] | null = null;
  @State() announcement = '';

  /**
   * The citizen chose "apply online". Cancelable: call `preventDefault()` to handle it yourself
   * (e.g. open your own form) instead of following `apply-href`.
   */
  @Event({ cancelable: true }) loketApply!: EventEmitter<LoketApplyDetail>;

  private suggestTimer?: ReturnType<typeof setTimeout>;
  private suggestAbort?: AbortController;
  private listAbort?: AbortController;
  private detailAbort?: AbortController;
  private langObserver?: MutationObserver;
  /** The detail view's code, loaded with the first service opened (not part of the first load). */
  private DetailView?: typeof import('./service-detail')['ServiceDetail'];
  private openedFrom: string | null = null;
  /** The detail view was opened by a click here (so Back can be `history.back()` and focus moves). */
  private pushedDetail = false;

  connectedCallback() {
    this.locale = localeOf(this.el);
    // Follow `lang` changes on the element or any ancestor (a site's language switch).
    this.langObserver = new MutationObserver(() => this.relocalize());
    this.langObserver.observe(this.el.ownerDocument.documentElement, {
      attributes: true,
      attributeFilter: ['lang'],
      subtree: true,
    });
    if (!this.noHistory) addEventListener('popstate', this.onPopState);
  }

  disconnectedCallback() {
    this.langObserver?.disconnect();
    removeEventListener('popstate', this.onPopState);
    for (const c of [this.suggestAbort, this.listAbort, this.detailAbort]) c?.abort();
    clearTimeout(this.suggestTimer);
  }

  async componentWillLoad() {
    await loadMessages(this.locale);
    const fromUrl = this.noHistory ? null : readUrlState(location.href);
    const q = fromUrl?.q || this.query || '';
    this.show({
      ...(fromUrl ?? { category: null, agency: null }),
      q,
      service: fromUrl?.service || this.service || null,
    });
  }

  @Watch('apiBase')
  @Watch('region')
  protected reload() {
    // Another API or region: what is shown came from the old one, so load it all again.
    this.list = null;
    this.detail = null;
    this.show(this.state);
  }

  private get core() {
    const base = configValue(this.el, 'api-base', this.apiBase);
    if (!base) throw new Error('<loket-service-finder> needs api-base (or <meta name="loket-api-base">).');
    return loketCore(base, this.regionCode ?? undefined, this.locale);
  }

  private get regionCode(): string | null {
    return configValue(this.el, 'region', this.region) ?? null;
  }

  private get t() {
    return messages(this.locale);
  }

  private async relocalize() {
    const next = localeOf(this.el);
    if (next === this.locale) return;
    await loadMessages(next);
    this.locale = next;
    this.list = null; // names and facets come back in the new language
    this.detail = null;
    this.show(this.state);
  }

  /** Shows `next` (from the URL, a search or a click); loads only what changed. */
  private show(next: FinderState) {
    const prev = this.state;
    this.state = next;
    this.input = next.q;
    if (!this.list || !sameSearch(next, prev) || this.listStatus !== 'ready') void this.loadList();
    if (next.service) void this.loadDetail(next.service);
    else this.detail = null;
  }

  private navigate(next: FinderState, mode: 'push' | 'replace' = 'push') {
    if (!this.noHistory) writeUrlState(next, mode);
    this.show(next);
  }

  private onPopState = () => {
    const next = readUrlState(location.href);
    // Fragment links (a skip link, a "#contact" menu item) also fire popstate: leave focus and
    // scrolling to the page when the finder's own part of the URL did not change.
    if (sameSearch(next, this.state) && next.service === this.state.service) return;
    this.pushedDetail = false;
    this.show(next);
    if (!this.state.service) this.focusOpener();
  };

  private async loadList(more = false) {
    this.listAbort?.abort();
    const abort = new AbortController();
    this.listAbort = abort;
    const { q, category, agency } = this.state;
    if (more) this.loadingMore = true;
    else this.listStatus = 'loading';
    try {
      const cursor = more ? (this.list?.page.next_cursor ?? undefined) : undefined;
      const page = await listServices(
        this.core,
        {
          q: q || undefined,
          category: category ?? undefined,
          agency: agency ?? undefined,
          limit: PAGE_SIZE,
          cursor,
        },
        { signal: abort.signal },
      );
      this.list = more && this.list ? { ...page, data: [...this.list.data, ...page.data] } : page;
      this.listStatus = 'ready';
      this.announce(
        q
          ? plural(this.locale, this.t.results.countFor, page.total, { q })
          : plural(this.locale, this.t.results.count, page.total),
      );
    } catch {
      if (!abort.signal.aborted) {
        if (more) this.announce(this.t.results.errorTitle);
        else this.listStatus = 'error';
      }
    } finally {
      if (more) this.loadingMore = false;
    }
  }

  private async loadDetail(slug: string) {
    if (this.detail?.id === slug && this.detailStatus === 'ready') return;
    this.detailAbort?.abort();
    const abort = new AbortController();
    this.detailAbort = abort;
    this.detailStatus = 'loading';
    this.announce(this.t.detail.loading);
    const region = this.regionCode;
    try {
      const [service, locations, view] = await Promise.all([
        getService(this.core, slug, undefined, { signal: abort.signal }),
        region
          ? listRegionLocations(this.core, region, undefined, { signal: abort.signal }).then(
              (r) => r.data,
              () => null,
            )
          : null,
        import('./service-detail'),
      ]);
      this.DetailView = view.ServiceDetail;
      this.detail = service;
      this.locations = locations;
      this.detailStatus = 'ready';
      this.announce(service.name);
      // Move focus only when the citizen opened the service here, never on page load.
      if (this.openedFrom === slug) {
        requestAnimationFrame(() =>
          this.el.shadowRoot?.querySelector<HTMLElement>('#loket-detail-heading')?.focus(),
        );
      }
    } catch (error) {
      if (abort.signal.aborted) return;
      this.detailStatus = isLoketApiError(error) && error.status === 404 ? 'missing' : 'error';
    }
  }

  // --- the search box ---

  private onInput = (value: string) => {
    this.input = value;
    this.active = -1;
    clearTimeout(this.suggestTimer);
    this.suggestAbort?.abort();
    if (value.trim().length < 2) {
      this.suggestions = [];
      this.expanded = false;
      return;
    }
    this.suggestTimer = setTimeout(() => void this.suggest(value), SUGGEST_DELAY_MS);
  };

  /** Suggestions for what is typed now; an older request still in flight is cancelled. */
  private async suggest(value: string) {
    const abort = new AbortController();
    this.suggestAbort = abort;
    try {
      const page = await listServices(this.core, { q: value, limit: 6 }, { signal: abort.signal });
      if (abort.signal.aborted || value !== this.input) return;
      this.suggestions = page.data;
      this.expanded = page.data.length > 0;
      if (page.data.length > 0)
        this.announce(plural(this.locale, this.t.search.suggestionCount, page.data.length));
    } catch {
      // Suggestions are a convenience: searching still works without them.
    }
  }

  private onKeyDown = (event: KeyboardEvent) => {
    const count = this.suggestions.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!count) return;
        this.expanded = true;
        this.active = (this.active + 1) % count;
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (!count) return;
        this.expanded = true;
        this.active = this.active <= 0 ? count - 1 : this.active - 1;
        break;
      case 'Enter': {
        const picked = this.expanded ? this.suggestions[this.active] : undefined;
        if (picked) {
          event.preventDefault();
          this.pick(picked);
        }
        break;
      }
      case 'Escape':
        if (this.expanded) {
          event.preventDefault();
          this.closeSuggestions();
        } else if (this.input) {
          event.preventDefault();
          this.onInput('');
        }
        break;
    }
  };

  private closeSuggestions() {
    this.expanded = false;
    this.active = -1;
  }

  private pick = (item: ServiceSummary) => {
    this.closeSuggestions();
    this.openService(item.id);
  };

  private search = (q = this.input) => {
    clearTimeout(this.suggestTimer);
    this.suggestAbort?.abort();
    this.closeSuggestions();
    this.navigate({ ...this.state, q: q.trim(), service: null, category: null, agency: null });
  };

  // --- results and detail ---

  private openService(slug: string) {
    this.openedFrom = slug;
    this.pushedDetail = !this.noHistory;
    this.navigate({ ...this.state, service: slug });
  }

  private onOpen = (item: ServiceSummary, event: MouseEvent) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return; // new tab: let the link work
    event.preventDefault();
    this.openService(item.id);
  };

  private onBack = (event: MouseEvent) => {
    event.preventDefault();
    if (this.pushedDetail) {
      history.back(); // popstate shows the list and restores focus
      return;
    }
    this.navigate({ ...this.state, service: null });
    this.focusOpener();
  };

  private focusOpener() {
    const slug = this.openedFrom;
    requestAnimationFrame(() => {
      const link =
        slug && this.el.shadowRoot?.querySelector<HTMLElement>(`a[data-service="${CSS.escape(slug)}"]`);
      (link || this.el.shadowRoot?.querySelector<HTMLElement>('#loket-q'))?.focus();
    });
  }

  /**
   * "Coba lagi": the button is replaced while loading, so focus would fall back to the top of the
   * page. Afterwards it goes to the next "Coba lagi", else to the heading of what loaded.
   */
  private async retry(load: () => Promise<void>) {
    await load();
    requestAnimationFrame(() => {
      const root = this.el.shadowRoot;
      const target =
        root?.querySelector<HTMLElement>('[part~="retry"]') ??
        root?.querySelector<HTMLElement>(
          '#loket-detail-heading, #loket-results-heading, #loket-empty-heading',
        );
      target?.focus();
    });
  }

  private hrefFor = (slug: string | null) => {
    const state = { ...this.state, service: slug };
    return this.noHistory ? '#' : urlWithState(location.href, state);
  };

  private get applyHrefFor(): string | null {
    if (!this.applyHref || !this.detail) return null;
    return this.applyHref
      .replace('{service}', encodeURIComponent(this.detail.id))
      .replace('{region}', encodeURIComponent(this.regionCode ?? ''));
  }

  private onApply = (event: MouseEvent) => {
    if (!this.detail) return;
    const emitted = this.loketApply.emit({ service: this.detail.id, region: this.regionCode });
    if (emitted.defaultPrevented) event.preventDefault();
  };

  private announce(text: string) {
    this.announcement = text;
  }

  render() {
    const t = this.t;
    const s = this.state;
    return (
      <Host>
        <div class="finder" part="base" lang={this.locale}>
          <div role="status" aria-live="polite" class="visually-hidden">
            {this.announcement}
          </div>
          {s.service ? (
            this.renderDetail()
          ) : (
            <div>
              <SearchBox
                t={t}
                value={this.input}
                suggestions={this.suggestions}
                expanded={this.expanded}
                active={this.active}
                onInput={this.onInput}
                onKeyDown={this.onKeyDown}
                onSubmit={() => this.search()}
                onPick={this.pick}
                onBlur={() => this.closeSuggestions()}
                onClear={() => this.search('')}
              />
              {this.renderList()}
            </div>
          )}
        </div>
      </Host>
    );
  }

  private renderList() {
    const t = this.t;
    if (this.listStatus === 'error')
      return (
        <Failure t={t} title={t.results.errorTitle} onRetry={() => void this.retry(() => this.loadList())} />
      );
    if (this.listStatus === 'loading' || !this.list) return <Skeleton />;
    if (this.list.total === 0 && this.list.data.length === 0)
      return <Empty t={t} q={this.state.q} onTry={(q) => this.search(q)} />;
    return (
      <Results
        locale={this.locale}
        t={t}
        list={this.list}
        q={this.state.q}
        category={this.state.category}
        agency={this.state.agency}
        loadingMore={this.loadingMore}
        hrefFor={this.hrefFor}
        onOpen={this.onOpen}
        onFilter={(kind, value) => this.navigate({ ...this.state, service: null, [kind]: value }, 'replace')}
        onMore={() => void this.loadList(true)}
      />
    );
  }

  private renderDetail() {
    const t = this.t;
    const backHref = this.hrefFor(null);
    const ServiceDetail = this.DetailView;
    if (this.detailStatus === 'ready' && this.detail && ServiceDetail) {
      return (
        <ServiceDetail
          locale={this.locale}
          t={t}
          service={this.detail}
          locations={this.locations}
          applyHref={this.applyHrefFor}
          backHref={backHref}
          onBack={this.onBack}
          onApply={this.onApply}
        />
      );
    }
    return (
      <div class="detail">
        <a class="back" part="back" href={backHref} onClick={this.onBack}>
          <span aria-hidden="true">← </span>
          {t.detail.back}
        </a>
        {this.detailStatus === 'loading' && <Skeleton />}
        {this.detailStatus === 'missing' && (
          <p class="notice" part="empty">
            {t.detail.notFound}
          </p>
        )}
        {this.detailStatus === 'error' && (
          <Failure
            t={t}
            title={t.results.errorTitle}
            onRetry={() => void this.retry(() => this.loadDetail(this.state.service ?? ''))}
          />
        )}
      </div>
    );
  }
}
