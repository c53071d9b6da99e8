import { getPerformance, type Performance } from '@loket/sdk';
import { Component, Element, Host, h, Prop, State, Watch } from '@stencil/core';
import { fill, type Locale, localeOf } from '../../i18n';
import { coreOf, Latest } from '../../kit/api';
import { Focus } from '../../kit/focus';
import { announcer, LiveRegion } from '../../kit/live-region';
import { watchLocale } from '../../kit/locale';
import { configValue } from '../../utils/config';
import { TrendChart, UnsurChart } from './charts';
import { performanceText } from './messages';
import { jakartaMonth, monthsOf, periodGroups, periodName } from './periods';
import { Filters, Method, type Option, Services, Skeleton, Summary } from './views';

/** Everything the page shows, in one object (one @State: each adds to every page's loader). */
interface View {
  locale: Locale;
  status: 'loading' | 'ready' | 'error';
  data: Performance | null;
  period: string;
  /** '' for all. */
  service: string;
  agency: string;
  services: Option[];
  agencies: Option[];
  announcement: string;
}

/**
 * A region's transparency page: the Indeks Kepuasan Masyarakat (PermenPANRB 14/2017) with its
 * band, the nine unsur, the respondents and whether the Krejcie–Morgan sample is reached, the IKM
 * per month, and beside it each service's performance from the applications' history; filtered
 * by period, agency and service. Cells with too few responses are shown as withheld, never as a
 * figure. Charts are SVG, each with its data table.
 *
 * @part base - The whole page. @part heading - Its heading. @part filters - The filters' form. @part select - A filter.
 * @part summary - The index, its band and sample. @part score - The IKM. @part band - Its band (mutu and kinerja).
 * @part withheld - Too few responses: nothing published. @part chart - Each chart (also `unsur`, `trend`).
 * @part data-table - The data table behind a chart. @part services - Performance per service. @part service - One service.
 * @part method - How it is calculated. @part csv - The CSV link. @part empty - No data in the period.
 * @part error - The data could not be loaded. @part retry - "Coba lagi". @part skeleton - The loading placeholder.
 * @part button - Every button. @part unsur - The chart of the nine SKM unsur. @part trend - The chart of the monthly trend.
 */
@Component({
  tag: 'loket-service-performance',
  styleUrls: ['../../kit/base.css', 'loket-service-performance.css'],
  shadow: true,
})
export class LoketServicePerformance {
  @Element() el!: HTMLElement;

  /** Base URL of the Loket API; falls back to `data-loket-api-base` on an ancestor or `<meta name="loket-api-base">`. */
  @Prop() apiBase?: string;
  /** Kemendagri region code (e.g. `35.78`; a province includes its kabupaten/kota); falls back to `data-loket-region` or `<meta name="loket-region">`. */
  @Prop() region?: string;
  /** The period shown first: `2026`, `2026-S2`, `2026-Q4` or `2026-11`; default: this year. */
  @Prop() period?: string;

  @State() view: View = {
    locale: 'id',
    status: 'loading',
    data: null,
    period: '',
    service: '',
    agency: '',
    services: [],
    agencies: [],
    announcement: '',
  };

  private latest = new Latest();
  private say = announcer((announcement) => this.set({ announcement }));
  private unwatchLocale?: () => void;
  private focusing = new Focus(() => this.el.shadowRoot);

  private set(change: Partial<View>) {
    this.view = { ...this.view, ...change };
  }

  connectedCallback() {
    this.set({ locale: localeOf(this.el) });
    this.unwatchLocale = watchLocale(this.el, performanceText, (locale) => {
      this.set({ locale, agencies: [] }); // names come back in the new language
      void this.load();
    });
  }

  disconnectedCallback() {
    this.unwatchLocale?.();
    this.latest.abort();
  }

  async componentWillLoad() {
    await performanceText.load(this.view.locale);
    this.restart();
  }

  componentDidRender() {
    this.focusing.rendered();
  }

  @Watch('apiBase')
  @Watch('region')
  @Watch('period')
  protected restart() {
    this.set({
      period: this.period || String(jakartaMonth(new Date())[0]),
      service: '',
      agency: '',
      agencies: [],
    });
    void this.load();
  }

  get t() {
    return performanceText.get(this.view.locale);
  }

  private get base() {
    return configValue(this.el, 'api-base', this.apiBase) ?? '';
  }

  private get regionCode() {
    const region = configValue(this.el, 'region', this.region);
    if (!region) throw new Error('<loket-service-performance> needs region (or <meta name="loket-region">).');
    return region;
  }

  private query() {
    const { period, service, agency } = this.view;
    return { region: this.regionCode, period, service: service || undefined, agency: agency || undefined };
  }

  async load(announce = false) {
    const signal = this.latest.start();
    const { locale, agencies, service, period } = this.view;
    this.set({ status: 'loading' });
    const core = coreOf(this.el, this.apiBase, locale, this.regionCode);
    try {
      const [data, agencyList] = await Promise.all([
        getPerformance(core, { ...this.query(), by: 'month' }, { signal }),
        // The agencies with figures in the period, for the agency filter.
        agencies.length
          ? agencies
          : getPerformance(core, { region: this.regionCode, period, by: 'agency' }, { signal }).then(
              (p) => p.cells.map((c) => ({ id: c.key ?? '', name: c.label ?? '' })),
              () => [],
            ),
      ]);
      if (signal.aborted) return;
      const services = service
        ? this.view.services
        : data.services.map((s) => ({ id: s.service, name: s.name }));
      this.set({ status: 'ready', data, agencies: agencyList, services });
      if (announce) this.say(fill(this.t.shown, { scope: this.scope(data) }));
    } catch {
      if (!signal.aborted) this.set({ status: 'error' });
    }
  }

  private onFilter = (change: Partial<Pick<View, 'period' | 'service' | 'agency'>>) => {
    this.set(change.period ? { ...change, agencies: [] } : change);
    void this.load(true);
  };

  /** "Coba lagi": the button goes while loading; focus then moves to the next one, else the heading. */
  private retry = async () => {
    await this.load(true);
    const { focusing } = this;
    focusing.later(() => focusing.find('[part~="retry"]') ?? focusing.find('#loket-perf-heading'));
  };

  private scope(data: Performance) {
    return fill(this.t.scope, {
      region: data.region.name,
      period: periodName(this.view.locale, this.t, this.view.period),
    });
  }

  private csvHref() {
    const params = Object.entries({ ...this.query(), by: 'month', lang: this.view.locale }).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    );
    const url = new URL(`${this.base.replace(/\/?$/, '/')}v1/performance/export`, document.baseURI);
    url.search = new URLSearchParams(params).toString();
    return url.href;
  }

  render() {
    const { t, view: v } = this;
    const { locale, data } = v;
    const now = new Date();
    return (
      <Host>
        <section class="performance" part="base" lang={locale} aria-labelledby="loket-perf-heading">
          <LiveRegion text={v.announcement} />
          <h2 id="loket-perf-heading" part="heading" tabIndex={-1}>
            {t.heading}
          </h2>
          <p class="scope">{data ? this.scope(data) : '\u00a0'}</p>
          <Filters
            locale={locale}
            t={t}
            groups={periodGroups(locale, t, now, v.period)}
            period={v.period}
            service={v.service}
            agency={v.agency}
            services={v.services}
            agencies={v.agencies}
            onChange={this.onFilter}
          />
          <div class="state">{this.body()}</div>
        </section>
      </Host>
    );
  }

  /** What the figures' place shows: a placeholder, the error, nothing in the period, or the figures. */
  private body() {
    const { t, view: v } = this;
    const { locale, data } = v;
    const now = new Date();
    return v.status === 'loading' ? (
      <Skeleton />
    ) : v.status === 'error' || !data ? (
      <div class="error" part="error">
        <p>{t.error}</p>
        <button type="button" class="button" part="button retry" onClick={() => void this.retry()}>
          {t.retry}
        </button>
      </div>
    ) : data.cells.length === 0 && data.services.length === 0 && !data.satisfaction.published ? (
      <p class="empty" part="empty">
        {t.empty}
      </p>
    ) : (
      <div class="results">
        <div class="columns">
          <Summary locale={locale} t={t} cell={data.satisfaction} min={Number(data.method.min_responses)} />
          {data.satisfaction.unsur && <UnsurChart locale={locale} t={t} unsur={data.satisfaction.unsur} />}
        </div>
        <TrendChart locale={locale} t={t} months={monthsOf(v.period, now)} cells={data.cells} />
        <Services locale={locale} t={t} services={data.services} />
        <Method locale={locale} t={t} data={data} csv={this.csvHref()} />
      </div>
    );
  }
}
