import type { Performance, SatisfactionCell, ServicePerformance } from '@loket/sdk';
import { type FunctionalComponent, h } from '@stencil/core';
import { fill, intlLocale, type Locale, plural } from '../../i18n';
import { num } from './charts';
import type { PerformanceMessages } from './messages';
import type { PeriodGroup } from './periods';

// The page's parts other than the charts: the filters, the index with its band and sample, the
// service performance, how it is calculated, and what stands in while loading or after a failure.

interface Props {
  locale: Locale;
  t: PerformanceMessages;
}

export interface Option {
  id: string;
  name: string;
}

export interface FiltersProps extends Props {
  groups: PeriodGroup[];
  period: string;
  service: string;
  agency: string;
  services: Option[];
  agencies: Option[];
  onChange: (change: { period?: string; service?: string; agency?: string }) => void;
}

const Select: FunctionalComponent<{ id: string; label: string; onPick: (value: string) => void }> = (
  { id, label, onPick },
  children,
) => (
  <div class="field">
    <label class="label" htmlFor={id}>
      {label}
    </label>
    <select
      id={id}
      class="select"
      part="select"
      onChange={(e) => onPick((e.target as HTMLSelectElement).value)}
    >
      {children}
    </select>
  </div>
);

const options = (all: string, list: Option[], current: string) => [
  <option value="" selected={!current}>
    {all}
  </option>,
  ...list.map((o) => (
    <option value={o.id} selected={o.id === current}>
      {o.name}
    </option>
  )),
];

/** Period, service and agency; each change shows the new figures at once. */
export const Filters: FunctionalComponent<FiltersProps> = (p) => (
  <form class="filters" part="filters" aria-label={p.t.filters} onSubmit={(e) => e.preventDefault()}>
    <Select id="loket-perf-period" label={p.t.period} onPick={(period) => p.onChange({ period })}>
      {p.groups.map((g) => (
        <optgroup label={g.label}>
          {g.options.map((o) => (
            <option value={o.value} selected={o.value === p.period}>
              {o.label}
            </option>
          ))}
        </optgroup>
      ))}
    </Select>
    <Select
      id="loket-perf-agency"
      label={p.t.agency}
      onPick={(agency) => p.onChange({ agency, service: '' })}
    >
      {options(p.t.allAgencies, p.agencies, p.agency)}
    </Select>
    <Select id="loket-perf-service" label={p.t.service} onPick={(service) => p.onChange({ service })}>
      {options(p.t.all, p.services, p.service)}
    </Select>
  </form>
);

/** The IKM with its band, respondents and sample; or, under the minimum, that it is withheld and why. */
export const Summary: FunctionalComponent<Props & { cell: SatisfactionCell; min: number }> = ({
  locale,
  t,
  cell,
  min,
}) => {
  const { band, respondents, sample_required: of, served } = cell;
  const sample =
    cell.sample_reached === null || of === null || served === null
      ? t.sampleUnknown
      : fill(cell.sample_reached ? t.sampleReached : t.sampleShort, {
          n: respondents ?? 0,
          of,
          served,
        });
  return (
    <section class="summary" part="summary" aria-labelledby="loket-perf-ikm">
      <h3 id="loket-perf-ikm">{t.ikm}</h3>
      {cell.published && band ? (
        [
          <p class="ikm">
            <span class="score" part="score">
              {num(locale, cell.ikm ?? 0)}
            </span>{' '}
            <span class={`band band-${band.mutu}`} part="band">
              {fill(t.band, band)}
              {t.bandEn[band.mutu]}
            </span>
          </p>,
          <p>{plural(locale, t.respondents, respondents ?? 0)}</p>,
          <p class="small">{sample}</p>,
        ]
      ) : (
        <div class="withheld" part="withheld">
          <p>
            <strong>{t.withheld}</strong>
          </p>
          <p class="small">{fill(t.withheldWhy, { min })}</p>
        </div>
      )}
    </section>
  );
};

const percent = (locale: Locale, share: number) =>
  new Intl.NumberFormat(intlLocale[locale], { style: 'percent', maximumFractionDigits: 1 }).format(share);

/** Per service, from the applications' own history: received, on time, median days, overdue now. */
export const Services: FunctionalComponent<Props & { services: ServicePerformance[] }> = ({
  locale,
  t,
  services,
}) => (
  <section class="services" part="services" aria-labelledby="loket-perf-services">
    <h3 id="loket-perf-services">{t.servicesHeading}</h3>
    {services.length === 0 ? (
      <p>{t.servicesNone}</p>
    ) : (
      <ul class="cards">
        {services.map((s) => (
          <li class="card" part="service">
            <h4>{s.name}</h4>
            <dl class="facts">
              <div>
                <dt>{t.applications}</dt>
                <dd>{plural(locale, { other: '{n}' }, s.applications)}</dd>
              </div>
              <div>
                <dt>{t.onTime}</dt>
                <dd>{s.on_time_share === null ? t.none : percent(locale, s.on_time_share)}</dd>
              </div>
              <div>
                <dt>{t.median}</dt>
                <dd>
                  {s.median_working_days === null
                    ? t.none
                    : plural(locale, t.medianValue, s.median_working_days)}
                </dd>
              </div>
              <div>
                <dt>{t.overdue}</dt>
                <dd>{plural(locale, { other: '{n}' }, s.overdue_now)}</dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    )}
  </section>
);

/** How every figure is made (the API's own sentences) and the figures as CSV. */
export const Method: FunctionalComponent<Props & { data: Performance; csv: string }> = ({ t, data, csv }) => {
  const m = data.method;
  return (
    <div class="method">
      <details part="method">
        <summary>{t.method}</summary>
        <p>
          {m.regulation}: {m.formula}
        </p>
        <p>{m.bands}</p>
        <p>{m.sample}</p>
        <p>{m.served}</p>
        <p>{m.excluded}</p>
      </details>
      <p>
        <a href={csv} part="csv">
          {t.csv}
        </a>
      </p>
    </div>
  );
};

/** Shaped like the page it stands in for, so nothing moves when the figures arrive. */
export const Skeleton: FunctionalComponent = () => (
  <div class="skeleton" part="skeleton" aria-hidden="true">
    <span class="bone big" />
    <span class="bone" />
    <span class="bone chart" />
    <span class="bone chart" />
  </div>
);
