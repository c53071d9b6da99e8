import type { OfficerApplication, OfficerApplicationList } from '@loket/sdk';
import { listApplications } from '@loket/sdk/officer';
import { Component, Element, Host, h, Listen, Prop, State } from '@stencil/core';
import { date, type Locale, localeOf, plural } from '../../../src/i18n';
import { watchLocale } from '../../../src/kit/locale';
import { deskCore } from '../../api';
import { dueText, endOfWeek } from '../../due';
import { shortcut } from '../../keys';
import { type DeskMessages, deskText } from '../../messages';
import { type Filter, Filters, queryOf } from './filters';

interface QueueState {
  locale: Locale;
  filter: Filter;
  list: OfficerApplication[];
  counts: OfficerApplicationList['counts'] | null;
  total: number;
  next: string | null;
  /** The row j/k moved to (its index in `list`). */
  selected: number;
  /** Services seen in the scope, for the service filter. */
  services: Record<string, string>;
  phase: 'loading' | 'ready' | 'failed';
}

const owed = (a: OfficerApplication) => a.status === 'submitted' || a.status === 'in_review';

/**
 * The officer's queue: every application of the officer's scope, oldest due first, with the counts
 * of each filter; keyboard-first: j / ↓ and k / ↑ move between rows, Enter opens one.
 *
 * @part base - The queue. @part filters - The filters. @part table - The list.
 */
@Component({
  tag: 'loket-desk-queue',
  styleUrls: ['../../../src/kit/base.css', '../../desk.css', 'loket-desk-queue.css'],
  shadow: true,
})
export class LoketDeskQueue {
  @Element() el!: HTMLElement;

  /** Whether the queue is the screen shown (its shortcuts work only then). */
  @Prop() active = false;

  @State() state: QueueState = {
    locale: 'id',
    filter: { status: null, when: null, service: null },
    list: [],
    counts: null,
    total: 0,
    next: null,
    selected: 0,
    services: {},
    phase: 'loading',
  };

  private unwatchLocale?: () => void;
  private controller?: AbortController;

  private set(patch: Partial<QueueState>) {
    this.state = { ...this.state, ...patch };
  }

  get t(): DeskMessages {
    return deskText.get(this.state.locale);
  }

  connectedCallback() {
    this.set({ locale: localeOf(this.el) });
    this.unwatchLocale = watchLocale(this.el, deskText, (locale) => {
      this.set({ locale });
      void this.load();
    });
  }

  disconnectedCallback() {
    this.unwatchLocale?.();
    this.controller?.abort();
  }

  async componentWillLoad() {
    await deskText.load(this.state.locale);
    void this.load();
  }

  /** Loads the first page for the filter, or the next page when `more`. */
  private async load(more = false) {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    if (!more) this.set({ phase: 'loading' });
    const query = {
      ...queryOf(this.state.filter, endOfWeek()),
      limit: 50,
      ...(more && this.state.next ? { cursor: this.state.next } : {}),
    };
    try {
      const page = await listApplications(deskCore(this.state.locale), query, { signal: controller.signal });
      const list = more ? [...this.state.list, ...page.data] : page.data;
      const services = { ...this.state.services };
      for (const a of page.data) services[a.service.id] = a.service.name;
      this.set({
        list,
        counts: page.counts,
        total: page.total,
        next: page.page.next_cursor,
        services,
        selected: more ? this.state.selected : 0,
        phase: 'ready',
      });
    } catch {
      if (!controller.signal.aborted) this.set({ phase: 'failed' });
    }
  }

  private choose = (filter: Filter) => {
    this.set({ filter });
    void this.load();
  };

  private rows(): HTMLAnchorElement[] {
    return [...(this.el.shadowRoot?.querySelectorAll<HTMLAnchorElement>('tbody a') ?? [])];
  }

  @Listen('keydown', { target: 'document' })
  protected onKey(event: KeyboardEvent) {
    if (!this.active || this.state.list.length === 0) return;
    const key = shortcut(event);
    const step = key === 'j' || key === 'ArrowDown' ? 1 : key === 'k' || key === 'ArrowUp' ? -1 : 0;
    if (step !== 0) {
      event.preventDefault();
      const selected = Math.max(0, Math.min(this.state.list.length - 1, this.state.selected + step));
      this.set({ selected });
      this.rows()[selected]?.focus();
    } else if (key === 'Enter' && !(event.composedPath()[0] instanceof HTMLAnchorElement)) {
      this.rows()[this.state.selected]?.click();
    }
  }

  render() {
    const t = this.t;
    const { locale, list, counts, total, phase, selected } = this.state;
    return (
      <Host>
        <section class="queue" part="base" lang={locale} aria-labelledby="desk-queue-heading">
          <h1 id="desk-queue-heading">{t.queue.heading}</h1>
          <Filters
            t={t}
            locale={locale}
            filter={this.state.filter}
            counts={counts}
            services={this.state.services}
            onChange={this.choose}
          />
          <p class="count" aria-live="polite">
            {phase === 'loading' ? t.loading : phase === 'ready' ? plural(locale, t.queue.count, total) : ''}
          </p>
          {phase === 'failed' && (
            <p class="error" role="alert">
              {t.action.failed}{' '}
              <button type="button" onClick={() => this.load()}>
                {t.retry}
              </button>
            </p>
          )}
          {phase === 'ready' && list.length === 0 && <p class="notice">{t.queue.empty}</p>}
          {list.length > 0 && (
            <table part="table">
              <thead>
                <tr>
                  <th scope="col">{t.queue.columns.code}</th>
                  <th scope="col">{t.queue.columns.service}</th>
                  <th scope="col">{t.queue.columns.status}</th>
                  <th scope="col">{t.queue.columns.submitted}</th>
                  <th scope="col">{t.queue.columns.due}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((a, i) => (
                  <tr class={{ selected: i === selected }}>
                    <th scope="row">
                      <a
                        href={`#/permohonan/${a.code}`}
                        aria-current={i === selected ? 'true' : undefined}
                        onFocus={() => i !== this.state.selected && this.set({ selected: i })}
                      >
                        {a.code}
                      </a>
                    </th>
                    <td>{a.service.name}</td>
                    <td>
                      <span class={`status ${a.status}`}>
                        {t.status[a.status as keyof DeskMessages['status']]}
                      </span>
                    </td>
                    <td>{a.submitted_at ? date(locale, a.submitted_at, { dateStyle: 'medium' }) : ''}</td>
                    <td class={{ late: a.overdue }}>{dueText(locale, t, a.due.date, owed(a))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {this.state.next && (
            <button type="button" class="secondary more" onClick={() => this.load(true)}>
              {t.queue.more}
            </button>
          )}
        </section>
      </Host>
    );
  }
}
