import type { LocationList, Service, ServiceList, ServiceSummary } from '@loket/sdk';
import {
  Component,
  Element,
  Event,
  type EventEmitter,
  type FunctionalComponent,
  h,
  Prop,
  State,
  Watch,
} from '@stencil/core';
import { type Locale, localeOf } from '../../i18n';
import { coreOf, Latest } from '../../kit/api';
import { Focus } from '../../kit/focus';
import { announcer, LiveRegion } from '../../kit/live-region';
import { watchLocale } from '../../kit/locale';
import { configValue } from '../../utils/config';
import {
  browsing,
  type FinderState,
  readUrlState,
  sameSearch,
  urlWithState,
  writeUrlState,
} from '../../utils/url-state';
import { type BrowseState, loadBrowse } from './browse-area';
import { type Combo, LazySuggestions, NO_SUGGESTIONS } from './combo';
import { DetailPane } from './detail-pane';
import { Loading } from './loading';
import { finderText } from './messages';
import { SearchPane } from './search-pane';

export interface LoketApplyDetail {
  /** The service's id (slug), e.g. `ktp-el-hilang`. */
  service: string;
  /** The region the citizen is in, when known. */
  region: string | null;
}

/**
 * Finds a public service and shows everything needed to get it: requirements, procedure, time,
 * fee with its legal basis, output, where to go and how to complain.
 *
 * @part base - The wrapper of everything the finder shows. @part search - The search form. @part input - The search box. @part listbox - The suggestions.
 * @part option - One suggestion. @part option-active - The suggestion the arrow keys point at.
 * @part filters - The category and agency filters.
 * @part results - The result list. @part result - One result. @part detail - The detail view.
 * @part apply - The "apply online" area. @part button - Every button. @part select - The filters' selects.
 * @part empty - The empty state. @part complaint - No service covers the search: the complaint route. @part complaint-link - A complaint channel (SP4N-LAPOR!). @part error - The error state. @part skeleton - The loading placeholder.
 * @part location - An MPP location. @part about - Legal basis and sources. @part back - The back link.
 * @part score - The service's published satisfaction index and on-time share in the region.
 * @part submit - The search button ("Cari"). @part clear - The button that empties the search box.
 * @part chip - A suggested search when nothing was found. @part more - "Tampilkan lebih banyak".
 * @part retry - "Coba lagi" after a load failed. @part apply-button - The "apply online" button or link.
 * @part browse - Life events and categories (before a search). @part tile - One of them. @part life-event - Its steps.
 * @part visit - The link to book a visit to a counter for the service.
 */
@Component({
  tag: 'loket-service-finder',
  styleUrls: ['../../kit/base.css', 'loket-service-finder.css', 'results.css'],
  shadow: true,
})
export class LoketServiceFinder {
  @Element() el!: HTMLElement;

  /** Base URL of the Loket API; falls back to `data-loket-api-base` on an ancestor or `<meta name="loket-api-base">`. */
  @Prop() apiBase?: string;
  /** Kemendagri region code (e.g. `35.78`); falls back to `data-loket-region` or `<meta name="loket-region">`. */
  @Prop() region?: string;
  /** Link to the application form; `{service}` and `{region}` are replaced. Without it, "apply online" only emits `loketApply`. */
  @Prop() applyHref?: string;
  /** The visit booking page (`<loket-visit-booking>`); `{service}`, `{region}` and `{location}` are replaced. With it, a service a counter of the region takes bookings for offers "Ambil antrean di MPP". */
  @Prop() visitHref?: string;
  /** Search text to start with (the page URL wins). */
  @Prop() query?: string;
  /** Service id to open at start (the page URL wins). */
  @Prop() service?: string;
  /** Keep the page URL untouched (no deep links), e.g. when a page has two finders. */
  @Prop() noHistory = false;
  /** The page is the service's own, with its name as the page's heading and its own way back (the `/katalog/` pages): the detail names neither again, nor offers "Kembali ke hasil". */
  @Prop() ownPage = false;

  @State() locale: Locale = 'id';
  @State() input = '';
  @State() combo: Combo = NO_SUGGESTIONS;
  @State() state: FinderState = { q: '', service: null, category: null, agency: null, event: null };
  @State() list: ServiceList | null = null;
  @State() listStatus: 'loading' | 'ready' | 'error' = 'loading';
  @State() loadingMore = false;
  @State() detail: Service | null = null;
  @State() detailStatus: 'loading' | 'ready' | 'error' | 'missing' = 'loading';
  @State() locations: LocationList | null = null;
  @State() visitLink: string | null = null;
  @State() announcement = '';
  @State() browse: BrowseState = { status: 'loading' };

  /**
   * The citizen chose "apply online". Cancelable: call `preventDefault()` to handle it yourself
   * (e.g. open your own form) instead of following `apply-href`.
   */
  @Event({ cancelable: true }) loketApply!: EventEmitter<LoketApplyDetail>;

  readonly suggestions = new LazySuggestions(this);
  readonly loading = new Loading(this);
  private browses = new Latest();
  browseOpener: string | null = null;
  readonly focusing = new Focus(() => this.el.shadowRoot);
  announce = announcer((text) => (this.announcement = text));
  private unwatchLocale?: () => void;
  DetailView?: typeof import('./service-detail')['ServiceDetail'];
  NoMatchView?: typeof import('./no-match')['NoMatch'];
  ResultsView?: typeof import('./results')['Results'];
  openedFrom: string | null = null;
  /** The detail view was opened by a click here (so Back can be `history.back()` and focus moves). */
  private pushedDetail = false;

  connectedCallback() {
    this.locale = localeOf(this.el);
    // Follow `lang` changes on the element or any ancestor (a site's language switch).
    this.unwatchLocale = watchLocale(this.el, finderText, (next) => {
      this.locale = next;
      this.list = null; // names and facets come back in the new language
      this.detail = null;
      this.browse = { status: 'loading' };
      this.show(this.state);
    });
    if (!this.noHistory) addEventListener('popstate', this.onPopState);
  }

  disconnectedCallback() {
    this.unwatchLocale?.();
    removeEventListener('popstate', this.onPopState);
    this.suggestions.stop();
    this.loading.abort();
    this.browses.abort();
  }

  async componentWillLoad() {
    await finderText.load(this.locale);
    const fromUrl = this.noHistory ? null : readUrlState(location.href);
    const q = fromUrl?.q || this.query || '';
    this.show({
      ...(fromUrl ?? { category: null, agency: null, event: null }),
      q,
      service: fromUrl?.service || this.service || null,
    });
  }

  componentDidRender() {
    this.focusing.rendered();
  }

  @Watch('apiBase')
  @Watch('region')
  protected reload() {
    // Another API or region: what is shown came from the old one, so load it all again.
    this.list = null;
    this.detail = null;
    this.browse = { status: 'loading' };
    this.show(this.state);
  }

  get core() {
    return coreOf(this.el, this.apiBase, this.locale, this.regionCode);
  }

  get regionCode(): string | null {
    return configValue(this.el, 'region', this.region) ?? null;
  }

  get t() {
    return finderText.get(this.locale);
  }

  /** Shows `next` (from the URL, a search or a click); loads only what changed. */
  private show(next: FinderState) {
    const prev = this.state;
    this.state = next;
    this.input = next.q;
    if (!next.q) void this.loadBrowse(next.event, browsing(next)); // a category's list has a way back to it
    if (!browsing(next) && (!this.list || !sameSearch(next, prev) || this.listStatus !== 'ready'))
      void this.loading.list();
    if (next.service) void this.loading.detail(next.service);
    else this.detail = null;
  }

  loadBrowse = (event: string | null, lists: boolean) => loadBrowse(this, this.browses, event, lists);

  navigate(next: FinderState, mode: 'push' | 'replace' = 'push') {
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

  search = (q = this.input) => {
    this.suggestions.stop();
    this.suggestions.close();
    this.navigate({ q: q.trim(), service: null, category: null, agency: null, event: null });
  };

  /** Opens a service: from a result, or a suggestion picked in the search box. */
  open(slug: string) {
    this.openedFrom = slug;
    this.pushedDetail = !this.noHistory;
    this.navigate({ ...this.state, service: slug });
  }

  onOpen = (item: ServiceSummary, event: MouseEvent) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return; // new tab: let the link work
    event.preventDefault();
    this.open(item.id);
  };

  onBack = (event: MouseEvent) => {
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
    this.focusing.later(
      () =>
        (slug && this.focusing.find(`a[data-service="${CSS.escape(slug)}"]`)) ||
        this.focusing.find(this.browseOpener ?? '#loket-q') ||
        this.focusing.find('#loket-q'),
    );
  }

  /**
   * "Coba lagi": the button is replaced while loading, so focus would fall back to the top of the
   * page. Afterwards it goes to the next "Coba lagi", else to the heading of what loaded.
   */
  async retry(load: () => Promise<void>) {
    await load();
    const { focusing } = this;
    focusing.later(
      () => focusing.find('[part~="retry"]') ?? focusing.find('h2[tabindex]'), // the heading of what loaded (detail, results, browsing, nothing found)
    );
  }

  /** The page URL after `change`: a real link, which opens in a new tab too. */
  hrefOf = (change: Partial<FinderState>) =>
    this.noHistory ? '#' : urlWithState(location.href, { ...this.state, ...change });

  render() {
    return <FinderView host={this} />;
  }
}

/**
 * What the finder shows. A functional component: Stencil gives each element written in a
 * component's render() a 40-character key, which the first load would carry.
 */
const FinderView: FunctionalComponent<{ host: LoketServiceFinder }> = ({ host }) => (
  <div class="finder" part="base" lang={host.locale}>
    <LiveRegion text={host.announcement} />
    {host.state.service ? <DetailPane host={host} /> : <SearchPane host={host} />}
  </div>
);
