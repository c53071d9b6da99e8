import type { Service, ServiceList } from '@loket/sdk';
import { type FunctionalComponent, h } from '@stencil/core';
import type { NoMatchProps } from './no-match';
import { Empty, Failure } from './result-list';
import type { ResultsProps } from './results';
import type { DetailProps as ServiceDetailProps } from './service-detail';
import { Skeleton } from './skeleton';

type ListProps = Omit<ResultsProps, 'list'> & {
  /** Browsing (life events and categories) stands in for the list. */
  hidden?: boolean;
  /** The results' code (results.tsx), loaded with the first list (not part of the first load). */
  View: FunctionalComponent<ResultsProps> | undefined;
  status: 'loading' | 'ready' | 'error';
  list: ServiceList | null;
  onSearch: (q: string) => void;
  onRetry: () => void;
  /** The no-result view's code, loaded with the first search the API answers with `no_match`. */
  NoMatch: FunctionalComponent<NoMatchProps> | undefined;
};

/** The results of a search (or the whole catalogue), or what stands in for them. */
export const ListView: FunctionalComponent<ListProps> = (p) => {
  const { t, list, NoMatch } = p;
  if (p.hidden) return null;
  if (p.status === 'error') return <Failure t={t} title={t.results.errorTitle} onRetry={p.onRetry} />;
  if (p.status === 'loading' || !list || !p.View) return <Skeleton />;
  if (list.total === 0 && list.data.length === 0) {
    const no = list.no_match;
    return (
      <div>
        {no?.kind !== 'complaint' && <Empty t={t} q={p.q} onTry={p.onSearch} />}
        {no && NoMatch && <NoMatch {...p} noMatch={no} />}
      </div>
    );
  }
  return <p.View {...p} list={list} />;
};

type DetailProps = Omit<ServiceDetailProps, 'service'> & {
  status: 'loading' | 'ready' | 'error' | 'missing';
  service: Service | null;
  /** The detail view's code, loaded with the first service opened (not part of the first load). */
  View: FunctionalComponent<ServiceDetailProps> | undefined;
  onRetry: () => void;
};

/** One service, or the back link with what stands in for it while it loads or when it fails. */
export const DetailArea: FunctionalComponent<DetailProps> = (p) => {
  const { t, View, service } = p;
  if (p.status === 'ready' && service && View) return <View {...p} service={service} />;
  return (
    <div class="detail">
      {p.backHref !== null && (
        <a class="back" part="back" href={p.backHref} onClick={p.onBack}>
          <span aria-hidden="true">← </span>
          {t.detail.back}
        </a>
      )}
      {p.status === 'loading' && <Skeleton />}
      {p.status === 'missing' && (
        <p class="notice" part="empty">
          {t.detail.notFound}
        </p>
      )}
      {p.status === 'error' && <Failure t={t} title={t.results.errorTitle} onRetry={p.onRetry} />}
    </div>
  );
};
