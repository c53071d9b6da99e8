import type { LocationList, Service } from '@loket/sdk';
import { type EventEmitter, type FunctionalComponent, h } from '@stencil/core';
import type { Locale } from '../../i18n';
import type { FinderState } from '../../utils/url-state';
import type { Loading } from './loading';
import type { LoketApplyDetail } from './loket-service-finder';
import type { FinderMessages } from './messages';
import { DetailArea } from './views';

/** What the detail pane reads of the finder. */
export interface DetailPaneHost {
  readonly locale: Locale;
  readonly t: FinderMessages;
  readonly detail: Service | null;
  readonly detailStatus: 'loading' | 'ready' | 'error' | 'missing';
  /** The region's MPPs that offer the service. */
  readonly locations: LocationList | null;
  /** The booking page for the service, when a counter of the region takes bookings for it. */
  readonly visitLink: string | null;
  readonly regionCode: string | null;
  /** The detail view's code, loaded with the first service opened (not part of the first load). */
  readonly DetailView?: typeof import('./service-detail')['ServiceDetail'];
  /** The `apply-href` template. */
  readonly applyHref?: string;
  /** The `own-page` attribute: the page names the service and leads back itself. */
  readonly ownPage: boolean;
  readonly loketApply: EventEmitter<LoketApplyDetail>;
  readonly state: FinderState;
  readonly loading: Loading;
  /** The page URL after `change`. */
  hrefOf(change: Partial<FinderState>): string;
  /** "Kembali ke hasil". */
  onBack(event: MouseEvent): void;
  /** Runs `load` again after a failure, and moves focus to what loaded. */
  retry(load: () => Promise<void>): Promise<void>;
}

/**
 * The opened service as the finder shows it: the detail (or what stands in for it while it loads
 * or when it fails), with the embedding page's links and events wired in: "Ajukan secara daring"
 * follows `apply-href` (its `{service}` and `{region}` filled in) and emits the cancelable `loketApply`. Another action of the
 * detail gets its link and event here, and its place in service-detail.tsx.
 */
export const DetailPane: FunctionalComponent<{ host: DetailPaneHost }> = ({ host }) => {
  const { detail: service, regionCode } = host;
  const onApply = (event: MouseEvent) => {
    if (!service) return;
    const emitted = host.loketApply.emit({ service: service.id, region: regionCode });
    if (emitted.defaultPrevented) event.preventDefault();
  };
  return (
    <DetailArea
      locale={host.locale}
      t={host.t}
      status={host.detailStatus}
      service={service}
      locations={host.locations}
      regionCode={regionCode}
      View={host.DetailView}
      applyHref={
        host.applyHref && service
          ? host.applyHref
              .replace('{service}', encodeURIComponent(service.id))
              .replace('{region}', encodeURIComponent(regionCode ?? ''))
          : null
      }
      visitHref={host.visitLink}
      backHref={host.ownPage ? null : host.hrefOf({ service: null })}
      onBack={host.onBack}
      onApply={onApply}
      onRetry={() => void host.retry(() => host.loading.detail(host.state.service ?? ''))}
    />
  );
};
