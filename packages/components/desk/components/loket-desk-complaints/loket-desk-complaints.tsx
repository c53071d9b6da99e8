import type { OfficerComplaint } from '@loket/sdk';
import { isLoketApiError } from '@loket/sdk';
import { answerComplaint, closeComplaint, listComplaintDeliveries, listComplaints } from '@loket/sdk/officer';
import { Component, Element, Host, h, State } from '@stencil/core';
import { date, type Locale, localeOf, plural } from '../../../src/i18n';
import { announcer, LiveRegion } from '../../../src/kit/live-region';
import { watchLocale } from '../../../src/kit/locale';
import { deskCore } from '../../api';
import { type DeskMessages, deskText } from '../../messages';
import { Deliveries, type DeliveryLog } from './deliveries';

type Status = OfficerComplaint['status'];

interface ComplaintsState {
  locale: Locale;
  status: Status | null;
  list: OfficerComplaint[];
  total: number;
  open: string | null;
  /** The delivery log of each complaint opened. */
  logs: Record<string, DeliveryLog>;
  phase: 'loading' | 'ready' | 'failed';
  busy: boolean;
  error: string | null;
  announcement: string;
}

const statuses: Status[] = ['received', 'answered', 'closed'];

/**
 * The complaints inbox of the officer's scope (docs/complaints.md): open ones first, earliest
 * response date first; one opened at a time to answer (told to the complainant) and, once
 * answered, to close.
 *
 * @part base - The inbox.
 */
@Component({
  tag: 'loket-desk-complaints',
  styleUrls: ['../../../src/kit/base.css', '../../desk.css', 'loket-desk-complaints.css'],
  shadow: true,
})
export class LoketDeskComplaints {
  @Element() el!: HTMLElement;

  @State() state: ComplaintsState = {
    locale: 'id',
    status: null,
    list: [],
    total: 0,
    open: null,
    logs: {},
    phase: 'loading',
    busy: false,
    error: null,
    announcement: '',
  };

  private unwatchLocale?: () => void;
  private say = announcer((announcement) => this.set({ announcement }));

  private set(patch: Partial<ComplaintsState>) {
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
      const query = { limit: 50, ...(this.state.status ? { status: this.state.status } : {}) };
      const page = await listComplaints(deskCore(this.state.locale), query);
      this.set({ list: page.data, total: page.total, phase: 'ready' });
    } catch {
      this.set({ phase: 'failed' });
    }
  }

  private async act(run: () => Promise<OfficerComplaint>, said: string) {
    if (this.state.busy) return;
    this.set({ busy: true, error: null });
    try {
      const after = await run();
      this.set({ list: this.state.list.map((c) => (c.code === after.code ? after : c)) });
      this.say(said);
      void this.loadLog(after.code);
    } catch (error) {
      const detail = isLoketApiError(error) && error.status !== 401 ? error.detail : null;
      this.set({ error: detail ?? this.t.action.failed });
    }
    this.set({ busy: false });
  }

  /** The complaint's delivery log, asked when it is opened and after an action. */
  private async loadLog(code: string) {
    const logs = (log: DeliveryLog) => this.set({ logs: { ...this.state.logs, [code]: log } });
    if (!this.state.logs[code]) logs('loading');
    try {
      logs((await listComplaintDeliveries(deskCore(this.state.locale), code)).data);
    } catch {
      logs('failed');
    }
  }

  private submit(complaint: OfficerComplaint, form: HTMLFormElement) {
    const text = (name: string) => String(new FormData(form).get(name) ?? '').trim();
    const core = deskCore(this.state.locale);
    if (complaint.status === 'received') {
      const answer = text('answer');
      if (answer)
        void this.act(() => answerComplaint(core, complaint.code, { answer }), this.t.complaints.answered);
    } else {
      const note = text('note');
      void this.act(
        () => closeComplaint(core, complaint.code, note ? { note } : {}),
        this.t.complaints.closed,
      );
    }
  }

  private detail(c: OfficerComplaint) {
    const t = this.t;
    const { locale, busy, error } = this.state;
    const contact = [c.contact.name, c.contact.email, c.contact.phone].filter(Boolean).join(' · ');
    return (
      <div class="detail" id={`desk-complaint-${c.code}`}>
        <p class="description">{c.description}</p>
        <dl>
          <dt>{t.complaints.about}</dt>
          <dd>
            {c.about.service.name}
            {c.about.application ? ` · ${c.about.application}` : ''}
          </dd>
          <dt>{t.complaints.contact}</dt>
          <dd>{contact || '—'}</dd>
        </dl>
        {c.answer && (
          <p>
            <span class="label">{t.complaints.answer}:</span> {c.answer.text} ({c.answer.by},{' '}
            {date(locale, c.answer.at, { dateStyle: 'medium' })})
          </p>
        )}
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        {c.status !== 'closed' && (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              this.submit(c, event.target as HTMLFormElement);
            }}
          >
            {c.status === 'received'
              ? [
                  <label htmlFor={`desk-answer-${c.code}`}>{t.complaints.answer}</label>,
                  <p class="hint" id={`desk-answer-hint-${c.code}`}>
                    {t.complaints.answerHint}
                  </p>,
                  <textarea
                    id={`desk-answer-${c.code}`}
                    name="answer"
                    maxLength={4000}
                    required
                    aria-describedby={`desk-answer-hint-${c.code}`}
                  />,
                ]
              : [
                  <label htmlFor={`desk-close-${c.code}`}>{t.complaints.closeNote}</label>,
                  <textarea id={`desk-close-${c.code}`} name="note" maxLength={1000} />,
                ]}
            <button type="submit" aria-disabled={busy ? 'true' : 'false'}>
              {c.status === 'received' ? t.complaints.send : t.complaints.close}
            </button>
          </form>
        )}
        <Deliveries t={t} locale={locale} code={c.code} log={this.state.logs[c.code]} />
      </div>
    );
  }

  render() {
    const t = this.t;
    const { locale, list, phase, open, status } = this.state;
    return (
      <Host>
        <section class="complaints" part="base" lang={locale} aria-labelledby="desk-complaints-heading">
          <LiveRegion text={this.state.announcement} />
          <h1 id="desk-complaints-heading">{t.complaints.heading}</h1>
          <ul class="tabs">
            {[null, ...statuses].map((s) => (
              <li>
                <button
                  type="button"
                  class="filter"
                  aria-pressed={status === s ? 'true' : 'false'}
                  onClick={() => {
                    this.set({ status: s, phase: 'loading' });
                    void this.load();
                  }}
                >
                  {s ? t.complaints.status[s] : t.complaints.all}
                </button>
              </li>
            ))}
          </ul>
          <p class="count">
            {phase === 'ready' ? plural(locale, t.complaints.count, this.state.total) : t.loading}
          </p>
          {phase === 'failed' && (
            <p class="error" role="alert">
              {t.action.failed}
            </p>
          )}
          {phase === 'ready' && list.length === 0 && <p class="notice">{t.complaints.empty}</p>}
          <ul class="list">
            {list.map((c) => (
              <li class={{ late: c.overdue }}>
                <button
                  type="button"
                  class="secondary row"
                  aria-expanded={open === c.code ? 'true' : 'false'}
                  aria-controls={`desk-complaint-${c.code}`}
                  onClick={() => {
                    this.set({ open: open === c.code ? null : c.code, error: null });
                    if (this.state.open) void this.loadLog(c.code);
                  }}
                >
                  <span class="code">{c.code}</span>{' '}
                  <span class={`status ${c.status}`}>{t.complaints.status[c.status]}</span>{' '}
                  {t.complaints.category[c.category] ?? c.category} · {t.complaints.filed}{' '}
                  {date(locale, c.filed_at, { dateStyle: 'medium' })}
                  {c.due.date &&
                    ` · ${t.complaints.dueBy} ${date(locale, c.due.date, { dateStyle: 'medium' })}`}
                </button>
                {open === c.code && this.detail(c)}
              </li>
            ))}
          </ul>
        </section>
      </Host>
    );
  }
}
