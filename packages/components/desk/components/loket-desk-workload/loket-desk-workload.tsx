import type { OfficerWorkload } from '@loket/sdk';
import { getWorkload } from '@loket/sdk/officer';
import { Component, Element, Host, h, State } from '@stencil/core';
import { date, fill, type Locale, localeOf, plural } from '../../../src/i18n';
import { watchLocale } from '../../../src/kit/locale';
import { deskCore } from '../../api';
import { dueText } from '../../due';
import { type DeskMessages, deskText } from '../../messages';

interface WorkloadState {
  locale: Locale;
  phase: 'loading' | 'ready' | 'failed';
  workload: OfficerWorkload | null;
}

/**
 * A supervisor's view of the agency's work in its scope (docs/desk.md): open applications per
 * officer (who last moved them) and per service, and the overdue list, oldest due first, each
 * opening the application. Offered to supervisors and admins (the API refuses others).
 *
 * @part base - The screen. @part table - Each table.
 */
@Component({
  tag: 'loket-desk-workload',
  styleUrls: ['../../../src/kit/base.css', '../../desk.css', 'loket-desk-workload.css'],
  shadow: true,
})
export class LoketDeskWorkload {
  @Element() el!: HTMLElement;

  @State() state: WorkloadState = { locale: 'id', phase: 'loading', workload: null };

  private unwatchLocale?: () => void;

  private set(patch: Partial<WorkloadState>) {
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
  }

  async componentWillLoad() {
    await deskText.load(this.state.locale);
    void this.load();
  }

  private async load() {
    try {
      const workload = await getWorkload(deskCore(this.state.locale));
      this.set({ workload, phase: 'ready' });
    } catch {
      this.set({ phase: 'failed' });
    }
  }

  private officers(w: OfficerWorkload) {
    const t = this.t.workload;
    return (
      <table part="table" aria-labelledby="desk-workload-officers">
        <thead>
          <tr>
            <th scope="col">{t.officer}</th>
            <th scope="col">{t.waiting}</th>
            <th scope="col">{t.inReview}</th>
            <th scope="col">{t.needsRevision}</th>
            <th scope="col">{t.overdue}</th>
            <th scope="col">{t.decidedWeek}</th>
          </tr>
        </thead>
        <tbody>
          {w.officers.map((o) => (
            <tr class={{ late: o.overdue > 0 }}>
              <th scope="row">{o.officer ?? t.nobody}</th>
              <td>{o.waiting}</td>
              <td>{o.in_review}</td>
              <td>{o.needs_revision}</td>
              <td>{o.overdue}</td>
              <td>{o.decided_week}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }

  private services(w: OfficerWorkload) {
    const t = this.t.workload;
    return (
      <table part="table" aria-labelledby="desk-workload-services">
        <thead>
          <tr>
            <th scope="col">{t.service}</th>
            <th scope="col">{t.open}</th>
            <th scope="col">{t.owed}</th>
            <th scope="col">{t.dueWeek}</th>
            <th scope="col">{t.overdue}</th>
          </tr>
        </thead>
        <tbody>
          {w.services.map((s) => (
            <tr class={{ late: s.overdue > 0 }}>
              <th scope="row">{s.service.name}</th>
              <td>{s.open}</td>
              <td>{s.owed}</td>
              <td>{s.due_week}</td>
              <td>{s.overdue}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }

  private overdue(w: OfficerWorkload) {
    const t = this.t;
    const { locale } = this.state;
    if (w.overdue.length === 0) return <p class="notice">{t.workload.none}</p>;
    return [
      w.overdue_total > w.overdue.length && (
        <p class="hint">{fill(t.workload.overdueShown, { shown: String(w.overdue.length) })}</p>
      ),
      <table part="table" aria-labelledby="desk-workload-overdue">
        <thead>
          <tr>
            <th scope="col">{t.workload.code}</th>
            <th scope="col">{t.workload.service}</th>
            <th scope="col">{t.workload.status}</th>
            <th scope="col">{t.workload.due}</th>
            <th scope="col">{t.workload.officer}</th>
          </tr>
        </thead>
        <tbody>
          {w.overdue.map((a) => (
            <tr>
              <th scope="row">
                <a href={`#/permohonan/${a.code}`}>{a.code}</a>
              </th>
              <td>{a.service.name}</td>
              <td>{t.status[a.status]}</td>
              <td>{dueText(locale, t, a.due_date, true)}</td>
              <td>{a.officer ?? t.workload.nobody}</td>
            </tr>
          ))}
        </tbody>
      </table>,
    ];
  }

  render() {
    const t = this.t;
    const { locale, phase, workload: w } = this.state;
    return (
      <Host>
        <section class="workload" part="base" lang={locale} aria-labelledby="desk-workload-heading">
          <h1 id="desk-workload-heading">{t.workload.heading}</h1>
          {phase === 'loading' && <p class="loading">{t.loading}</p>}
          {phase === 'failed' && (
            <p class="error" role="alert">
              {t.action.failed}{' '}
              <button type="button" onClick={() => this.load()}>
                {t.retry}
              </button>
            </p>
          )}
          {phase === 'ready' &&
            w && [
              <p class="hint">
                {fill(t.workload.asOf, { date: date(locale, w.as_of, { dateStyle: 'long' }) })}{' '}
                <strong>{plural(locale, t.workload.overdueCount, w.overdue_total)}</strong>
              </p>,
              <h2 id="desk-workload-officers">{t.workload.officers}</h2>,
              this.officers(w),
              <h2 id="desk-workload-services">{t.workload.services}</h2>,
              this.services(w),
              <h2 id="desk-workload-overdue">{t.workload.overdueList}</h2>,
              this.overdue(w),
            ]}
        </section>
      </Host>
    );
  }
}
