import type { ListOfficerApplicationsQuery, OfficerApplicationList } from '@loket/sdk';
import { type FunctionalComponent, h } from '@stencil/core';
import { intlLocale, type Locale } from '../../../src/i18n';
import type { DeskMessages } from '../../messages';

type Status = 'submitted' | 'in_review' | 'needs_revision' | 'completed' | 'rejected';

export interface Filter {
  status: Status | null;
  when: 'overdue' | 'week' | null;
  service: string | null;
}

const statuses: Status[] = ['submitted', 'in_review', 'needs_revision', 'completed', 'rejected'];

/** The API's query for a filter; `weekEnd` is this week's Sunday (YYYY-MM-DD). */
export function queryOf(filter: Filter, weekEnd: string): ListOfficerApplicationsQuery {
  return {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.service ? { service: filter.service } : {}),
    ...(filter.when === 'overdue' ? { overdue: true } : {}),
    ...(filter.when === 'week' ? { due_before: weekEnd } : {}),
  };
}

/**
 * The queue's filters as toggle buttons with their counts (the whole scope), and the service.
 * One status and one of overdue / due this week at a time; "Semua" clears both.
 */
export const Filters: FunctionalComponent<{
  t: DeskMessages;
  locale: Locale;
  filter: Filter;
  counts: OfficerApplicationList['counts'] | null;
  services: Record<string, string>;
  onChange: (filter: Filter) => void;
}> = ({ t, locale, filter, counts, services, onChange }) => {
  const n = (value: number | undefined) =>
    counts ? <span class="n">{new Intl.NumberFormat(intlLocale[locale]).format(value ?? 0)}</span> : null;
  const all = Object.values(counts?.status ?? {}).reduce((sum, v) => sum + (v ?? 0), 0);
  const toggle = (label: string, pressed: boolean, next: Filter, count: number | undefined) => (
    <li>
      <button
        type="button"
        class="filter"
        aria-pressed={pressed ? 'true' : 'false'}
        onClick={() => onChange(next)}
      >
        {label} {n(count)}
      </button>
    </li>
  );
  return (
    <fieldset class="filters" part="filters">
      <legend class="visually-hidden">{t.queue.filters}</legend>
      <ul>
        {toggle(t.queue.all, !filter.status && !filter.when, { ...filter, status: null, when: null }, all)}
        {statuses.map((status) =>
          toggle(
            t.status[status],
            filter.status === status,
            { ...filter, status: filter.status === status ? null : status },
            counts?.status[status],
          ),
        )}
        {toggle(
          t.queue.overdue,
          filter.when === 'overdue',
          { ...filter, when: filter.when === 'overdue' ? null : 'overdue' },
          counts?.overdue,
        )}
        {toggle(
          t.queue.week,
          filter.when === 'week',
          { ...filter, when: filter.when === 'week' ? null : 'week' },
          counts?.due,
        )}
      </ul>
      <label htmlFor="desk-service">{t.queue.service}</label>
      <select
        id="desk-service"
        onChange={(event) =>
          onChange({ ...filter, service: (event.target as HTMLSelectElement).value || null })
        }
      >
        <option value="" selected={!filter.service}>
          {t.queue.anyService}
        </option>
        {Object.entries(services).map(([id, name]) => (
          <option value={id} selected={filter.service === id}>
            {name}
          </option>
        ))}
      </select>
    </fieldset>
  );
};
