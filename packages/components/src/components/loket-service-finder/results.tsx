import type { Facet, ServiceList, ServiceSummary } from '@loket/sdk';
import { type FunctionalComponent, h } from '@stencil/core';
import { fill, type Locale, plural } from '../../i18n';
import { durationText, feeText } from '../../utils/service-format';
import type { FinderMessages } from './messages';

/**
 * The results of a search (or of a category): their heading, filters and cards. Loaded with the
 * first list shown (loading.ts), not in the first load: before a search the finder browses.
 */

export interface ResultsProps {
  locale: Locale;
  t: FinderMessages;
  list: ServiceList;
  q: string;
  category: string | null;
  agency: string | null;
  loadingMore: boolean;
  hrefFor: (slug: string) => string;
  onOpen: (item: ServiceSummary, event: MouseEvent) => void;
  onFilter: (kind: 'category' | 'agency', value: string | null) => void;
  onMore: () => void;
}

export const Results: FunctionalComponent<ResultsProps> = (p) => (
  <section class="results" part="results" aria-labelledby="loket-results-heading">
    <h2 id="loket-results-heading" class="results-heading" tabIndex={-1}>
      {p.q
        ? plural(p.locale, p.t.results.countFor, p.list.total, { q: p.q })
        : plural(p.locale, p.t.results.count, p.list.total)}
    </h2>
    <Filters {...p} />
    <ul class="cards">
      {p.list.data.map((item) => (
        <li key={item.id}>
          <ResultCard locale={p.locale} t={p.t} item={item} href={p.hrefFor(item.id)} onOpen={p.onOpen} />
        </li>
      ))}
    </ul>
    {p.list.page.next_cursor && (
      <button
        type="button"
        class="button more"
        part="button more"
        aria-disabled={p.loadingMore ? 'true' : undefined}
        onClick={() => !p.loadingMore && p.onMore()}
      >
        {p.loadingMore ? p.t.results.loading : p.t.results.loadMore}
      </button>
    )}
  </section>
);

const Filters: FunctionalComponent<ResultsProps> = (p) => (
  <fieldset class="filters" part="filters">
    <legend class="visually-hidden">{p.t.filters.legend}</legend>
    <FacetSelect
      id="loket-category"
      label={p.t.filters.category}
      all={p.t.filters.allCategories}
      t={p.t}
      facets={p.list.facets.categories}
      value={p.category}
      onChange={(v) => p.onFilter('category', v)}
    />
    <FacetSelect
      id="loket-agency"
      label={p.t.filters.agency}
      all={p.t.filters.allAgencies}
      t={p.t}
      facets={p.list.facets.agencies}
      value={p.agency}
      onChange={(v) => p.onFilter('agency', v)}
    />
  </fieldset>
);

interface FacetSelectProps {
  id: string;
  label: string;
  all: string;
  t: FinderMessages;
  facets: Facet[];
  value: string | null;
  onChange: (value: string | null) => void;
}

const FacetSelect: FunctionalComponent<FacetSelectProps> = (p) => (
  <div class="field">
    <label class="label" htmlFor={p.id}>
      {p.label}
    </label>
    <select
      id={p.id}
      class="select"
      part="select"
      onChange={(e: Event) => p.onChange((e.target as HTMLSelectElement).value || null)}
    >
      <option value="" selected={!p.value}>
        {p.all}
      </option>
      {p.facets.map((f) => (
        <option value={f.id} selected={f.id === p.value}>
          {fill(p.t.filters.option, { name: f.name, n: f.count })}
        </option>
      ))}
    </select>
  </div>
);

interface CardProps {
  locale: Locale;
  t: FinderMessages;
  item: ServiceSummary;
  href: string;
  onOpen: (item: ServiceSummary, event: MouseEvent) => void;
}

const ResultCard: FunctionalComponent<CardProps> = ({ locale, t, item, href, onOpen }) => (
  <article class="card" part="result">
    <h3 class="card-title">
      <a href={href} class="card-link" data-service={item.id} onClick={(e: MouseEvent) => onOpen(item, e)}>
        {item.name}
      </a>
    </h3>
    <dl class="facts">
      <div>
        <dt>{t.results.agency}</dt>
        <dd>{item.agency.name}</dd>
      </div>
      <div>
        <dt>{t.results.fee}</dt>
        <dd class={{ free: item.fee.free }}>{feeText(locale, t, item.fee)}</dd>
      </div>
      <div>
        <dt>{t.results.duration}</dt>
        <dd>{durationText(locale, t, item.duration_days)}</dd>
      </div>
      <div>
        <dt>{t.results.channels}</dt>
        <dd>{item.channels.map((c) => t.channel[c]).join(' · ')}</dd>
      </div>
    </dl>
  </article>
);
