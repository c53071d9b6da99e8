import type { ApplicationStatus, ApplicationStatusCode } from '@loket/sdk';
import { isEditable, isFinal } from '@loket/sdk/rules';
import type { ApplicationKey } from '@loket/sdk/session';
import { Component, Element, Event, type EventEmitter, Host, h, Prop, State, Watch } from '@stencil/core';
import { fill, type Locale, localeOf } from '../../i18n';
import { coreOf } from '../../kit/api';
import { Focus } from '../../kit/focus';
import { announcer, LiveRegion } from '../../kit/live-region';
import { watchLocale } from '../../kit/locale';
import type { ReceiptState } from '../../kit/receipt';
import {
  applicationLink,
  forgetApplicationLink,
  readApplicationLink,
  readCodeLink,
} from '../../utils/application-link';
import type { DeviceApplication } from '../../utils/device-applications';
import { deviceOf } from './device';
import { LoadFailed } from './load-failed';
import { checkLookup, type LookupErrors, LookupForm } from './lookup-form';
import { type TrackerMessages, trackerText } from './messages';
import type { RecoveryState } from './recovery';
import { RefreshSchedule } from './refresh-schedule';
import { statusLoaderOf } from './status-loading';
import { timeOfDay } from './time';

export interface LoketStatusChangeDetail {
  /** The tracking code, as the API writes it (`LKT-XXXX-XXXX-XXXX`). */
  code: string;
  status: ApplicationStatusCode;
  previous: ApplicationStatusCode;
}

type WithdrawModule = typeof import('./withdraw-form');

/**
 * Shows where a citizen's application stands: the status in plain words, what happens next, the
 * expected date, the officer's notes and the history; to fix it, withdraw it, or track another.
 * Without a tracking code and secret it asks for them. It checks for changes by itself (less
 * often while nothing changes, never while the page is hidden) and announces them.
 *
 * @part base - The wrapper of everything the tracker shows. @part lookup - The lookup form.
 * @part error-summary - The lookup's error summary. @part input - The text fields (code, secret, reason).
 * @part button - Every button, and the button-styled link to the form. @part submit - "Lacak".
 * @part status - The status view. @part state - The current status and the officer's latest note.
 * @part note - The officer's latest note. @part overdue - The overdue warning.
 * @part revision - What to fix. @part fix - The link to the form ("Perbaiki" or "Lanjutkan permohonan").
 * @part due - The expected date and how sure it is. @part history - The history, oldest first.
 * @part actions - Refresh, withdraw, track another. @part refresh - "Perbarui" and when it was updated.
 * @part refresh-button - "Perbarui". @part withdraw-open - "Batalkan permohonan".
 * @part withdraw - The withdraw confirmation step. @part withdraw-confirm - The button that withdraws.
 * @part withdraw-cancel - The button that keeps the application. @part other - "Lacak permohonan lain".
 * @part error - The first load failed. @part retry - "Coba lagi" after a failed first load.
 * @part device - "Permohonan di perangkat ini". @part device-item - One of them. @part device-open - "Lihat".
 * @part device-forget - "Hapus dari perangkat ini". @part lost - "Lupa kode rahasia?". @part recovery - Its form.
 * @part recovery-sent - Its answer. @part recovery-back - "Kembali" from it.
 * @part survey - The satisfaction survey (`<loket-satisfaction-survey>`) of a completed or rejected application.
 * @part receipt-open - The button that opens the receipt (bukti pengajuan) to print or save.
 * @part result - The result of a completed application. @part download - Its download link.
 * @part complaint - The complaint form offered for a sent application. @part visit - The booked visit to the counter.
 */
@Component({
  tag: 'loket-status-tracker',
  styleUrls: ['../../kit/base.css', 'loket-status-tracker.css'],
  shadow: true,
})
export class LoketStatusTracker {
  @Element() el!: HTMLElement;

  /** Base URL of the Loket API; falls back to `data-loket-api-base` on an ancestor or `<meta name="loket-api-base">`. */
  @Prop() apiBase?: string;
  /**
   * Tracking code to show at start; without it (and `secret`) the page URL's `#kode=…&rahasia=…` is
   * read, then removed. A `#kode=…` link followed later in the same tab (hashchange) is shown too.
   */
  @Prop() code?: string;
  /** The application's secret, with `code`. */
  @Prop() secret?: string;
  /** The page with `<loket-application-form>`, for "Perbaiki permohonan"; `{service}` is replaced, the key goes in the fragment. */
  @Prop() formHref?: string;

  @State() locale: Locale = 'id';
  @State() key: ApplicationKey | null = null;
  @State() status: ApplicationStatus | null = null;
  @State() phase: 'lookup' | 'loading' | 'failed' | 'ready' = 'lookup';
  @State() codeInput = '';
  @State() secretInput = '';
  @State() errors: LookupErrors = {};
  @State() busy = false;
  @State() refreshing = false;
  @State() refreshFailed = false;
  @State() updatedAt: Date | null = null;
  @State() withdrawStep: 'closed' | 'open' | 'sending' = 'closed';
  @State() withdrawError: string | null = null;
  @State() notice: string | null = null;
  @State() announcement = '';
  @State() receipt: ReceiptState | null = null;
  /** The result document and the receipt (results.tsx), loaded just after the first status. */
  @State() results: typeof import('./results') | null = null;
  /** "Permohonan di perangkat ini" (device.tsx), and the "Lupa kode rahasia?" step when open. */
  @State() device: DeviceApplication[] = [];
  @State() recovery: RecoveryState | null = null;

  /** The status changed while shown (a refresh found it, or the citizen withdrew); not on the first load. */
  @Event() loketStatusChange!: EventEmitter<LoketStatusChangeDetail>;

  readonly schedule = new RefreshSchedule(() => this.statuses.check());
  private statuses = statusLoaderOf(this);
  private focusing = new Focus(() => this.el.shadowRoot);
  readonly announce = announcer((text) => (this.announcement = text));
  private memory = deviceOf(this);
  readonly open = (key: ApplicationKey, from?: 'start' | 'lookup') => this.statuses.open(key, from);
  private unwatchLocale?: () => void;
  private withdrawModule?: WithdrawModule;

  connectedCallback() {
    this.locale = localeOf(this.el);
    this.unwatchLocale = watchLocale(this.el, trackerText, async (next) => {
      await this.withdrawModule?.withdrawText.load(next); // the withdraw step's words, when it was opened
      await this.results?.resultText.load(next);
      this.locale = next;
      if (this.status) void this.schedule.now(); // status_text and next_step come back in the new language
    });
    document.addEventListener('visibilitychange', this.onVisibility);
    addEventListener('hashchange', this.follow);
    this.onVisibility();
    // Moved elsewhere in the page (disconnected, then connected again): keep checking.
    if (this.status) this.schedule.start(isFinal(this.status.status));
  }

  disconnectedCallback() {
    this.unwatchLocale?.();
    document.removeEventListener('visibilitychange', this.onVisibility);
    removeEventListener('hashchange', this.follow);
    this.schedule.stop();
    this.statuses.abort();
  }

  async componentWillLoad() {
    await trackerText.load(this.locale);
    this.start();
  }

  componentDidRender() {
    this.focusing.rendered();
    // Fetched while the first status is on its way, so it usually comes with it (nothing moves).
    if ((this.busy || this.phase !== 'lookup') && !this.results)
      void import('./results').then(async (m) => {
        await m.resultText.load(this.locale);
        this.results = m;
      });
  }

  @Watch('code')
  @Watch('secret')
  protected start() {
    if (this.code && this.secret) void this.statuses.open({ code: this.code, secret: this.secret });
    else this.follow();
  }

  /**
   * The page URL's `#kode=…&rahasia=…`, if any, shown and taken out of the address bar, history and
   * screenshots: at start, and (`hashchange`) when a new link is opened in this tab, then as if typed.
   */
  private follow = (change?: Event) => {
    const key = readApplicationLink(location.href);
    if (key) {
      forgetApplicationLink();
      void this.statuses.open(key, change ? 'lookup' : 'start');
    } else {
      const linked = readCodeLink(location.href) !== null;
      void this.memory.follow().then((followed) => followed || (change && !linked) || this.memory.start());
    }
  };

  @Watch('apiBase')
  protected reload() {
    if (this.key) void this.statuses.open(this.key);
  }

  get core() {
    return coreOf(this.el, this.apiBase, this.locale);
  }

  get t() {
    return trackerText.get(this.locale);
  }

  private onVisibility = () => this.schedule.visible(document.visibilityState !== 'hidden');

  changed(previous: ApplicationStatusCode, next: ApplicationStatus) {
    this.announce(fill(this.t.refresh.changed, { status: this.t.status.words[next.status] }));
    this.loketStatusChange.emit({ code: next.code, status: next.status, previous });
    // A final status takes away "Perbarui" and "Batalkan permohonan": focus on either goes to the new status.
    const had = this.el.shadowRoot?.activeElement;
    if (had) requestAnimationFrame(() => had.isConnected || this.focus('#loket-state'));
  }

  private onRefresh = async () => {
    if (this.refreshing) return;
    const before = this.status?.status;
    await this.schedule.now();
    const t = this.t;
    if (this.refreshFailed) this.announce(t.refresh.failed);
    else if (this.status?.status === before && this.updatedAt)
      this.announce(
        `${t.refresh.unchanged} ${fill(t.refresh.updated, { time: timeOfDay(this.locale, this.updatedAt) })}`,
      );
  };

  private lookup = () => {
    if (this.busy) return;
    const checked = checkLookup(this.t, this.codeInput, this.secretInput);
    if ('errors' in checked) this.showErrors(checked.errors, true);
    else void this.statuses.open(checked.key, 'lookup');
  };

  showErrors(errors: LookupErrors, focus: boolean) {
    this.errors = errors;
    if (focus) this.focus('[part~="error-summary"]');
  }

  /** "Lacak permohonan lain": forget this application on the page and ask for another. */
  private other = () => {
    this.schedule.stop();
    this.statuses.abort();
    forgetApplicationLink();
    this.memory.other();
    Object.assign(this, {
      key: null,
      status: null,
      phase: 'lookup',
      receipt: null,
      errors: {},
      codeInput: '',
      secretInput: '',
    });
    this.focus('#loket-lookup-heading');
  };

  private openWithdraw = async () => {
    this.withdrawModule ??= await import('./withdraw-form');
    await this.withdrawModule.withdrawText.load(this.locale);
    this.withdrawError = null;
    this.withdrawStep = 'open';
    this.focus('#loket-withdraw-heading');
  };

  private closeWithdraw = () => {
    this.withdrawStep = 'closed';
    this.focus('[part~="withdraw-open"]');
  };

  private confirmWithdraw = (reason: string) => void this.withdrawModule?.confirmWithdraw(this, reason);

  private get formLink(): string | null {
    if (!this.formHref || !this.key || !this.status || !isEditable(this.status.status)) return null;
    return applicationLink(
      this.formHref.replace('{service}', encodeURIComponent(this.status.service.id)),
      this.key,
    );
  }

  /** Focus after the next render: the element that shows the result of what the citizen did. */
  focus(selector: string) {
    this.focusing.later(() => this.focusing.find(selector));
  }

  render() {
    const t = this.t;
    return (
      <Host>
        <div class="tracker" part="base" lang={this.locale}>
          <LiveRegion text={this.announcement} />
          {this.renderPhase(t)}
        </div>
      </Host>
    );
  }

  private renderPhase(t: TrackerMessages) {
    const { key, status } = this;
    const { Results, VisitLine, StatusView } = this.results ?? {};
    if (this.phase === 'loading' || (this.phase === 'ready' && status && !StatusView))
      return <p class="small loading">{t.status.loading}</p>;
    if (this.phase === 'failed' && key)
      return <LoadFailed t={t} onRetry={() => void this.statuses.open(key, 'retry')} onOther={this.other} />;
    if (this.phase === 'ready' && status && StatusView)
      return (
        <StatusView
          locale={this.locale}
          t={t}
          status={status}
          formLink={this.formLink}
          notice={this.notice}
          updatedAt={this.updatedAt}
          refreshFailed={this.refreshFailed}
          refreshing={this.refreshing}
          onRefresh={() => void this.onRefresh()}
          onOther={this.other}
          visit={VisitLine && <VisitLine locale={this.locale} t={t} visit={status.visit} />}
          withdraw={{
            step: this.withdrawStep,
            error: this.withdrawError,
            Form: this.withdrawModule?.WithdrawForm,
            onOpen: () => void this.openWithdraw(),
            onConfirm: (reason) => void this.confirmWithdraw(reason),
            onCancel: this.closeWithdraw,
          }}
        >
          {Results && <Results host={this} />}
        </StatusView>
      );
    return this.memory.render(
      <LookupForm
        t={t}
        code={this.codeInput}
        secret={this.secretInput}
        errors={this.errors}
        busy={this.busy}
        onCode={(value) => (this.codeInput = value)}
        onSecret={(value) => (this.secretInput = value)}
        onSubmit={this.lookup}
        onFocusField={(fieldId) => this.focus(`#${fieldId}`)}
      />,
    );
  }
}
