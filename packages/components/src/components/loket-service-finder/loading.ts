import {
  getService,
  isLoketApiError,
  type LocationList,
  type LoketCore,
  listRegionLocations,
  listServices,
  type Service,
  type ServiceList,
} from '@loket/sdk';
import { type Locale, plural } from '../../i18n';
import { Latest } from '../../kit/api';
import type { Focus } from '../../kit/focus';
import type { FinderState } from '../../utils/url-state';
import type { FinderMessages } from './messages';

const PAGE_SIZE = 20;

/** What loading reads and changes on the finder. */
export interface LoadingHost {
  readonly el: HTMLElement;
  readonly state: FinderState;
  list: ServiceList | null;
  listStatus: 'loading' | 'ready' | 'error';
  loadingMore: boolean;
  detail: Service | null;
  detailStatus: 'loading' | 'ready' | 'error' | 'missing';
  locations: LocationList | null;
  /** The booking page's template (`visit-href`), and the link for the service shown (null: no counter takes bookings). */
  readonly visitHref?: string;
  visitLink: string | null;
  /** The detail view's code, loaded with the first service opened (not part of the first load). */
  DetailView?: typeof import('./service-detail')['ServiceDetail'];
  /** The no-result view's code, loaded with the first search the API answers with `no_match`. */
  NoMatchView?: typeof import('./no-match')['NoMatch'];
  /** The results' code, loaded with the first list (before a search the finder browses). */
  ResultsView?: typeof import('./results')['Results'];
  /** The service the citizen opened here (focus moves to it once loaded; never on page load). */
  readonly openedFrom: string | null;
  readonly regionCode: string | null;
  readonly core: LoketCore;
  readonly locale: Locale;
  readonly t: FinderMessages;
  readonly focusing: Focus;
  announce(text: string): void;
}

/** The finder's two loads, the list and a service; each cancels its own previous request. */
export class Loading {
  private lists = new Latest();
  private details = new Latest();

  constructor(private readonly host: LoadingHost) {}

  /** The list for the current search and filters; `more`: its next page, added to it. */
  async list(more = false) {
    const host = this.host;
    const signal = this.lists.start();
    const { q, category, agency } = host.state;
    if (more) host.loadingMore = true;
    else host.listStatus = 'loading';
    try {
      const cursor = more ? (host.list?.page.next_cursor ?? undefined) : undefined;
      const [page, view] = await Promise.all([
        listServices(
          host.core,
          {
            q: q || undefined,
            category: category ?? undefined,
            agency: agency ?? undefined,
            limit: PAGE_SIZE,
            cursor,
          },
          { signal },
        ),
        import('./results'),
      ]);
      host.ResultsView = view.Results;
      // No service covers the search: the view with the complaint route, and its words, before it shows.
      if (page.no_match) {
        const noMatch = await import('./no-match');
        await noMatch.noMatchText.load(host.locale);
        if (signal.aborted) return;
        host.NoMatchView = noMatch.NoMatch;
      }
      host.list = more && host.list ? { ...page, data: [...host.list.data, ...page.data] } : page;
      host.listStatus = 'ready';
      const { count, countFor } = host.t.results;
      host.announce(plural(host.locale, q ? countFor : count, page.total, q ? { q } : {}));
    } catch {
      if (!signal.aborted) {
        if (more) host.announce(host.t.results.errorTitle);
        else host.listStatus = 'error';
      }
    } finally {
      if (more) host.loadingMore = false;
    }
  }

  /** The service `slug`, the region's MPPs that offer it, and the detail view's code. */
  async detail(slug: string) {
    const host = this.host;
    if (host.detail?.id === slug && host.detailStatus === 'ready') return;
    const signal = this.details.start();
    host.detailStatus = 'loading';
    host.announce(host.t.detail.loading);
    const region = host.regionCode;
    try {
      const [service, locations, visitLink, view] = await Promise.all([
        getService(host.core, slug, undefined, { signal }),
        region
          ? listRegionLocations(host.core, region, { service: slug }, { signal }).catch(() => null)
          : null,
        region && host.visitHref
          ? import('./visit-offer').then((m) =>
              m.visitLink(host.core, region, slug, host.visitHref ?? '', signal),
            )
          : null,
        // The view's code, its strings in this locale, the service's published figures and its styles, before it shows.
        import('./service-detail').then(async (view) => {
          await view.prepare(host, slug, signal);
          view.styleDetail(host.el.shadowRoot);
          return view;
        }),
      ]);
      host.DetailView = view.ServiceDetail;
      host.detail = service;
      host.locations = locations;
      host.visitLink = visitLink;
      host.detailStatus = 'ready';
      host.announce(service.name);
      if (host.openedFrom === slug) host.focusing.later(() => host.focusing.find('#loket-detail-heading'));
    } catch (error) {
      if (signal.aborted) return;
      host.detailStatus = isLoketApiError(error) && error.status === 404 ? 'missing' : 'error';
    }
  }

  /** The finder left the page. */
  abort() {
    this.lists.abort();
    this.details.abort();
  }
}
