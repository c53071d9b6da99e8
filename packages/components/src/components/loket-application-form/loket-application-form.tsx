import { type FormDefinition, getService, getServiceForm, isLoketApiError, type Service } from '@loket/sdk';
import { isEditable } from '@loket/sdk/rules';
import {
  type ApplicationSession,
  browserStorage,
  createApplicationSession,
  type SessionSnapshot,
} from '@loket/sdk/session';
import { Component, Element, Event, type EventEmitter, Host, h, Prop, State, Watch } from '@stencil/core';
import { type Locale, localeOf } from '../../i18n';
import { coreOf, Latest } from '../../kit/api';
import { announcer, LiveRegion } from '../../kit/live-region';
import { watchLocale } from '../../kit/locale';
import { applicationLink, forgetApplicationLink, readApplicationLink } from '../../utils/application-link';
import { configValue } from '../../utils/config';
import { serviceInUrl } from '../../utils/service-param';
import { actionsOf } from './actions';
import type { LoketErrorDetail, LoketStepChangeDetail, LoketSubmitDetail } from './events';
import type { Upload } from './file-field';
import { fromServer, HEADING_ID, type Page, type Problem, pagesOf } from './flow';
import { Focus } from './focus';
import { formText } from './messages';
import { Failure, Loading } from './notices';
import { type Later, Places } from './places';
import { uploadsOf } from './uploads';

/**
 * The online application form of one service, GOV.UK style: what to prepare, one step per page
 * with an error summary, uploads with progress, check your answers, and a confirmation with the
 * tracking code and secret. Answers are kept on the device and saved as the citizen goes, so a
 * dropped connection or a reload loses nothing, and the application is submitted exactly once.
 *
 * @part base - The wrapper of everything. @part step - One step. @part progress - "Langkah 2 dari 4".
 * @part field - One question. @part input - Text inputs, selects and text areas. @part error-message - A field's error.
 * @part error-summary - The list of problems at the top. @part file-input - The file picker. @part files - The uploaded files.
 * @part upload - An upload in progress or failed. @part button - Every button. @part back - The Back button.
 * @part start - The start button. @part continue - The Continue button. @part submit - The submit button.
 * @part retry - A "Coba lagi" button. @part cancel - The Cancel button of an upload. @part copy - A copy button.
 * @part track - The link to the status tracker. @part another - "Ajukan permohonan baru".
 * @part prepare - The "what to prepare" page. @part check - Check your answers. @part summary-list - The answers of one step.
 * @part change - A change button. @part waiting - The notice that the submission waits for the network.
 * @part confirmation - The confirmation. @part panel - The confirmation's title panel. @part code - The tracking code or the secret.
 * @part sent - An application sent before. @part revision - The start of a revision. @part notice - Notes and notices.
 * @part save-status - Where the answers are saved. @part save - The save status line. @part offline - The offline banner.
 * @part resume - "Continue on another device". @part loading - The loading line. @part error - A load failure.
 */
@Component({
  tag: 'loket-application-form',
  styleUrls: ['../../kit/base.css', 'loket-application-form.css'],
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
  @State() numbers: Record<string, string> = {};
  @State() uploads: Record<string, Upload> = {};
  @State() announcement = '';
  @State() badLink = false;
  @State() declared = false;
  @State() later: Later | null = null;

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
  private unsubscribe?: () => void;
  private unwatchLocale?: () => void;
  /** The form's load: another service (or a retry) cancels the one still in flight. */
  private forms = new Latest();
  /** Says `text` in the form's live region. */
  readonly announce = announcer((text) => (this.announcement = text));

  get t() {
    return formText.get(this.locale);
  }

  connectedCallback() {
    this.locale = localeOf(this.el);
    this.unwatchLocale = watchLocale(this.el, formText, (next) => void this.relocalize(next));
  }

  disconnectedCallback() {
    this.unwatchLocale?.();
    this.stop();
  }

  async componentWillLoad() {
    await formText.load(this.locale);
    void this.begin();
  }

  componentDidLoad() {
    void this.act.validator(); // fetched while the citizen reads the first page
  }

  componentDidRender() {
    this.focusing.rendered();
  }

  @Watch('apiBase')
  @Watch('region')
  @Watch('service')
  protected restart() {
    void this.begin();
  }

  private stop() {
    this.forms.abort();
    this.unsubscribe?.();
    this.session?.dispose();
    for (const upload of Object.values(this.uploads)) upload.abort.abort();
    this.session = undefined;
  }

  private get slug() {
    return this.service || serviceInUrl(location.href);
  }

  private get core() {
    return coreOf(this.el, this.apiBase, this.locale, configValue(this.el, 'region', this.region));
  }

  /** Starts the session (this device's application, or the one in a resume link) and loads the form. */
  private async begin() {
    this.stop();
    Object.assign(this, { uploads: {}, errors: {}, problems: [], numbers: {}, badLink: false, snap: null });
    const slug = this.slug;
    const region = configValue(this.el, 'region', this.region);
    if (!slug) {
      this.load = 'missing';
      return;
    }
    let session: ApplicationSession;
    try {
      if (!region) throw new Error('<loket-application-form> needs region (or <meta name="loket-region">).');
      session = createApplicationSession({
        core: this.core,
        service: slug,
        region,
        storage: browserStorage(),
      });
    } catch (error) {
      console.error(error);
      this.load = 'error';
      return;
    }
    this.session = session;
    this.unsubscribe = session.subscribe((next) => this.onSnapshot(next));
    const key = readApplicationLink(location.href);
    if (key) forgetApplicationLink(); // the secret leaves the address bar and the history
    const started = session.start(key ?? undefined).catch(() => {
      this.badLink = true;
      return session.start();
    });
    await Promise.all([this.loadForm(slug), started]);
    if (this.session !== session) return;
    this.snap = session.snapshot;
    await this.needViews();
  }

  /** "Coba lagi": the button goes away while loading; focus goes to what loaded (or the next "Coba lagi"). */
  private async retry() {
    await this.begin();
    this.focusing.later(() => this.focusing.byId(HEADING_ID));
  }

  private async loadForm(slug: string) {
    const signal = this.forms.start();
    this.load = 'loading';
    try {
      const core = this.core;
      const [info, form] = await Promise.all([
        getService(core, slug, undefined, { signal }),
        getServiceForm(core, slug, undefined, { signal }).catch((error) => {
          if (isLoketApiError(error) && error.status === 404) return null; // no online form: said plainly
          throw error;
        }),
      ]);
      if (signal.aborted) return; // a newer load took over
      Object.assign(this, { info, form, load: 'ready' });
    } catch (error) {
      if (signal.aborted) return;
      this.load = isLoketApiError(error) && error.status === 404 ? 'missing' : 'error';
      if (this.load === 'error') {
        this.emitError(error);
        this.announce(this.t.load.errorTitle);
      }
    }
  }

  private async relocalize(next: Locale) {
    await this.later?.laterText.load(next);
    this.locale = next;
    Object.assign(this, { errors: {}, problems: [] }); // in the other language; Continue shows them again
    // The questions carry both languages; the service's own texts come again, in place (the
    // page the citizen is on stays, and a failure keeps the old texts).
    const slug = this.slug;
    if (this.load === 'ready' && slug) this.info = await getService(this.core, slug).catch(() => this.info);
  }

  private onSnapshot(next: SessionSnapshot) {
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

  private emitError(error: unknown) {
    if (isLoketApiError(error))
      this.loketError.emit({ type: error.type, status: error.status, detail: error.detail ?? null });
  }

  async needViews(now = false) {
    const place = this.place;
    if (this.later || !(now || place === 'check' || place === 'done')) return;
    const later = await import('./later-views');
    await later.laterText.load(this.locale); // their strings, before they show
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
                numbers: this.numbers,
                answers: snap.answers,
                set: act.setAnswer,
                setNumber: act.setNumber,
                blur: (f) => void act.check(f),
              }}
              info={info}
              form={this.form}
              snap={snap}
              place={this.place}
              pages={this.pages}
              problems={this.problems}
              uploads={this.uploads}
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
              badLink={this.badLink}
              trackerLink={this.trackerHref && key ? applicationLink(this.trackerHref, key) : null}
              act={act}
            />
          )}
        </div>
      </Host>
    );
  }
}
