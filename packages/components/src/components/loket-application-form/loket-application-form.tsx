import { type FormDefinition, isLoketApiError, type Service } from '@loket/sdk';
import { isEditable } from '@loket/sdk/rules';
import type { ApplicationSession, SessionSnapshot } from '@loket/sdk/session';
import { Component, Element, Event, type EventEmitter, Host, h, Prop, State, Watch } from '@stencil/core';
import { type Locale, localeOf } from '../../i18n';
import { coreOf } from '../../kit/api';
import { announcer, LiveRegion } from '../../kit/live-region';
import { watchLocale } from '../../kit/locale';
import type { ReceiptState } from '../../kit/receipt';
import { applicationLink } from '../../utils/application-link';
import { configValue } from '../../utils/config';
import { serviceInUrl } from '../../utils/service-param';
import { actionsOf } from './actions';
import type { LoketErrorDetail, LoketStepChangeDetail, LoketSubmitDetail } from './events';
import type { Upload } from './file-field';
import { fromServer, HEADING_ID, type Page, type Problem, pagesOf } from './flow';
import { Focus } from './focus';
import { loaderOf } from './load';
import { formText } from './messages';
import type { NewsState } from './news-choice';
import { Failure, Loading } from './notices';
import { type Later, Places } from './places';
import type { Preview } from './previews';
import { uploadsOf } from './uploads';

/**
 * The online application form of one service, GOV.UK style: what to prepare, one step per page
 * with an error summary, uploads with progress, check your answers, and a confirmation with the
 * tracking code and secret. Answers are kept on the device and saved as the citizen goes, so a
 * dropped connection or a reload loses nothing, and the application is submitted exactly once.
 *
 * @part base - The wrapper of everything. @part step - One step. @part progress - "Langkah 2 dari 4".
 * @part field - One question. @part input - Text inputs, selects and text areas. @part error-message - A field's error.
 * @part error-summary - The list of problems at the top. @part file-input - The file input (unseen, over the picker). @part picker - The file picker button. @part files - The uploaded files. @part thumbnail - An uploaded image.
 * @part upload - An upload in progress or failed. @part button - Every button. @part back - The Back button.
 * @part start - The start button. @part continue - The Continue button. @part submit - The submit button.
 * @part retry - A "Coba lagi" button. @part cancel - The Cancel button of an upload. @part copy - A copy button.
 * @part track - The link to the status tracker. @part another - "Ajukan permohonan baru".
 * @part prepare - The "what to prepare" page. @part check - Check your answers. @part summary-list - The answers of one step.
 * @part change - A change button. @part waiting - The notice that the submission waits for the network.
 * @part receipt-open - The button that opens the receipt (bukti pengajuan) to print or save.
 * @part news - "Kabar tentang permohonan ini": the news channels to tick on check your answers.
 * @part confirmation - The confirmation. @part panel - The confirmation's title panel. @part code - The tracking code or the secret.
 * @part sent - An application sent before. @part revision - The start of a revision. @part notice - Notes and notices.
 * @part save-status - Where the answers are saved. @part save - The save status line. @part offline - The offline banner.
 * @part resume - "Continue on another device". @part loading - The loading line. @part error - A load failure.
 */
@Component({
  tag: 'loket-application-form',
  styleUrls: ['../../kit/base.css', 'loket-application-form.css', 'questions.css', 'pages.css'],
  shadow: true,
})
export class LoketApplicationForm {
  @Element() el!: HTMLElement;

  /** Base URL of the Loket API; falls back to `data-loket-api-base` on an ancestor or `<meta name="loket-api-base">`. */
  @Prop() apiBase?: string;
  /** Kemendagri kabupaten/kota code (e.g. `35.78`) the application goes to; falls back to `data-loket-region` or `<meta name="loket-region">`. */
  @Prop() region?: string;
  /** Service id (e.g. `ktp-el-hilang`); without it, the page URL's `layanan` parameter (the finder's deep link). */
  @Prop() service?: string;
  /** The page with `<loket-status-tracker>`: the confirmation links there, with the code and secret in the fragment. */
  @Prop() trackerHref?: string;

  @State() locale: Locale = 'id';
  @State() info: Service | null = null;
  @State() form: FormDefinition | null = null;
  @State() load: 'loading' | 'ready' | 'missing' | 'error' = 'loading';
  @State() snap: SessionSnapshot | null = null;
  @State() errors: Record<string, string> = {};
  @State() problems: Problem[] = [];
  @State() typed: Record<string, string> = {};
  @State() uploads: Record<string, Upload> = {};
  @State() previews: Record<string, Preview> = {};
  /** The file questions, loaded just after the first render (file-field.tsx). */
  @State() fileView: typeof import('./file-field') | null = null;
  @State() announcement = '';
  @State() badLink = false;
  @State() declared = false;
  /** News on check your answers: the phone offered or not, the channels ticked (news-choice.tsx). */
  @State() news: NewsState = { email: true, phone: false, chosen: [] };
  @State() later: Later | null = null;
  @State() receipt: ReceiptState | null = null;

  /** The citizen moved to another page of the form. */
  @Event() loketStepChange!: EventEmitter<LoketStepChangeDetail>;
  /** The application was submitted (once, even when the network dropped in between). */
  @Event() loketSubmit!: EventEmitter<LoketSubmitDetail>;
  /** Loading failed, or the server refused a save or the submission. */
  @Event() loketError!: EventEmitter<LoketErrorDetail>;

  session: ApplicationSession | undefined;
  readonly focusing = new Focus(() => this.el.shadowRoot);
  private act = actionsOf(this);
  private files = uploadsOf(this);
  private loader = loaderOf(this);
  private unwatchLocale?: () => void;
  /** Says `text` in the form's live region. */
  readonly announce = announcer((text) => (this.announcement = text));

  get t() {
    return formText.get(this.locale);
  }

  connectedCallback() {
    this.locale = localeOf(this.el);
    this.unwatchLocale = watchLocale(this.el, formText, (next) => void this.loader.relocalize(next));
  }

  disconnectedCallback() {
    for (const preview of Object.values(this.previews)) this.fileView?.revoke(preview);
    this.previews = {};
    this.unwatchLocale?.();
    this.loader.stop();
  }

  async componentWillLoad() {
    await formText.load(this.locale);
    void this.loader.begin();
  }

  componentDidLoad() {
    void this.act.validator(); // fetched while the citizen reads the first page
    void this.needFiles();
  }

  private fileModule?: Promise<typeof import('./file-field')>;

  /** The file questions' module, loaded once. */
  needFiles() {
    this.fileModule ??= import('./file-field').then((view) => (this.fileView = view));
    return this.fileModule;
  }

  componentDidRender() {
    this.focusing.rendered();
  }

  @Watch('apiBase')
  @Watch('region')
  @Watch('service')
  protected restart() {
    void this.loader.begin();
  }

  get slug() {
    return this.service || serviceInUrl(location.href);
  }

  get regionCode() {
    return configValue(this.el, 'region', this.region);
  }

  get core() {
    return coreOf(this.el, this.apiBase, this.locale, this.regionCode);
  }

  /** "Coba lagi": the button goes away while loading; focus goes to what loaded (or the next "Coba lagi"). */
  private async retry() {
    await this.loader.begin();
    this.focusing.later(() => this.focusing.byId(HEADING_ID));
  }

  onSnapshot(next: SessionSnapshot) {
    const prev = this.snap;
    this.snap = next;
    if (!prev) return;
    const t = this.t;
    if (prev.online !== next.online) this.announce(next.online ? t.save.online : t.save.offline);
    if (next.sync === 'refused' && prev.sync !== 'refused') this.emitError(next.problem);
    if (next.submit === 'waiting' && prev.submit !== 'waiting') this.announce(t.check.waitingBody);
    if (next.submit === 'done' && prev.submit !== 'done' && next.submitted) void this.finished(next);
    if (next.submit === 'refused' && prev.submit !== 'refused' && next.problem) {
      this.emitError(next.problem);
      const shown = new Set(this.pages.flatMap((page) => page.fields.map((f) => f.id)));
      this.act.showProblems(
        fromServer(next.problem).map((p) => (p.field && shown.has(p.field) ? p : { ...p, field: null })),
      );
    }
  }

  private async finished(next: SessionSnapshot) {
    await this.needViews(true);
    this.session?.setPlace('done');
    this.focusing.later(() => this.focusing.byId(HEADING_ID));
    this.announce(this.t.done.title);
    this.loketStepChange.emit({ place: 'done', index: 0, total: this.pages.length });
    if (next.key && next.submitted)
      this.loketSubmit.emit({ code: next.key.code, status: next.submitted.status });
  }

  emitError(error: unknown) {
    if (isLoketApiError(error))
      this.loketError.emit({ type: error.type, status: error.status, detail: error.detail ?? null });
  }

  async needViews(now = false) {
    const place = this.place;
    if (!(now || place === 'check' || place === 'done')) return;
    const later = this.later ?? (await import('./later-views')); // shown with their strings and the phone decided
    await Promise.all([later.laterText.load(this.locale), place === 'done' || later.checkNews(this)]);
    this.later = later;
  }

  get pages(): Page[] {
    const { form, snap } = this;
    return form && snap ? pagesOf(form, snap.answers, snap.revision?.fields ?? null) : [];
  }

  /** The page to show: the stored place while it exists, else the start. */
  get place(): string {
    const s = this.snap;
    if (!s || !this.form) return 'prepare';
    if (s.submit === 'done' && s.submitted) return 'done';
    if (s.status && !isEditable(s.status)) return 'sent';
    if (s.submit === 'sending' || s.submit === 'waiting' || s.place === 'check') return 'check';
    return this.pages.some((page) => page.step.id === s.place) ? (s.place as string) : 'prepare';
  }

  stepChanged(detail: LoketStepChangeDetail) {
    this.loketStepChange.emit(detail);
  }

  setUpload(field: string, upload: Upload | null) {
    const { [field]: _, ...rest } = this.uploads;
    this.uploads = upload ? { ...rest, [field]: upload } : rest;
  }

  setError(field: string, message: string | null) {
    const { [field]: _, ...rest } = this.errors;
    this.errors = message ? { ...rest, [field]: message } : rest;
    if (!message) this.problems = this.problems.filter((p) => p.field !== field);
  }

  validator() {
    return this.act.validator();
  }

  render() {
    const { t, snap, info, locale, act } = this;
    const key = snap?.key;
    return (
      <Host>
        <div class="form" part="base" lang={locale}>
          <LiveRegion text={this.announcement} />
          {this.load === 'error' ? (
            <Failure t={t} onRetry={() => void this.retry()} />
          ) : this.load === 'missing' ? (
            <p class="notice" part="notice">
              {t.load.notFound}
            </p>
          ) : this.load === 'loading' || !snap || !info ? (
            <Loading t={t} />
          ) : (
            <Places
              ctx={{
                locale,
                t,
                errors: this.errors,
                typed: this.typed,
                answers: snap.answers,
                set: act.setAnswer,
                setTyped: act.setTyped,
                blur: (f) => void act.check(f),
              }}
              info={info}
              form={this.form}
              snap={snap}
              place={this.place}
              pages={this.pages}
              problems={this.problems}
              uploads={this.uploads}
              previews={this.previews}
              fileView={this.fileView}
              files={{
                onChoose: (field, chosen) =>
                  void this.files.choose(
                    field,
                    chosen,
                    snap.attachments.filter((a) => a.field === field.id),
                  ),
                onCancel: (field) => this.files.cancel(field),
                onRetry: (field) => this.files.retry(field),
                onRemove: (field, file) => void this.files.remove(field, file),
              }}
              later={this.later}
              declared={this.declared}
              news={this.news}
              badLink={this.badLink}
              trackerLink={this.trackerHref && key ? applicationLink(this.trackerHref, key) : null}
              host={this}
              act={act}
            />
          )}
        </div>
      </Host>
    );
  }
}
