import { createComplaint, getComplaint, isLoketApiError, listComplaintChannels } from '@loket/sdk';
import { Component, Element, Host, h, Prop, State } from '@stencil/core';
import { fill, localeOf } from '../../i18n';
import { coreOf } from '../../kit/api';
import { Focus } from '../../kit/focus';
import { announcer, LiveRegion } from '../../kit/live-region';
import { watchLocale } from '../../kit/locale';
import { copyText, LaporOffer, laporText } from './lapor';
import { type ComplaintMessages, complaintText } from './messages';
import { complete, offered, reach } from './news';
import { type ComplaintState, checkComplaint, emptyValues, type Values } from './state';
import { CategoryField, ComplaintView, ErrorSummary, LookupForm, NewsChoice, TextField } from './views';

/**
 * A complaint to the agency about one application, one visit or a service in a region, with its
 * own code and secret and the agency's answer; without `about`, the lookup of a complaint's
 * answer. SP4N-LAPOR! (the national channel, no public API) is always offered too: the text ready
 * to copy, the link, and every other way to reach it.
 *
 * @part base - The whole form. @part error-summary - The problems to fix. @part complaint - A filed complaint.
 * @part lapor - The SP4N-LAPOR! offer.
 */
@Component({
  tag: 'loket-complaint-form',
  styleUrls: ['../../kit/base.css', 'loket-complaint-form.css'],
  shadow: true,
})
export class LoketComplaintForm {
  @Element() el!: HTMLElement;

  /** Base URL of the Loket API; falls back to `data-loket-api-base` on an ancestor or `<meta name="loket-api-base">`. */
  @Prop() apiBase?: string;
  /** What the complaint is about: `application` or `visit` (with `code` and the `secret` property), `service` (with `service` and `region`); none: the lookup (a `#kode=ADU-…` link fills in its code). */
  @Prop() about?: 'application' | 'visit' | 'service';
  /** The application's tracking code or the booking's code. */
  @Prop() code?: string;
  /** Its secret: set as a property (never an attribute: it would show in the page's markup). */
  @Prop() secret?: string;
  /** The service (its id), for a complaint about a service in general. */
  @Prop() service?: string;
  /** The region (Kemendagri code), for a complaint about a service in general. */
  @Prop() region?: string;
  /** Start as one button ("Ada masalah? Sampaikan pengaduan") that opens the form: how the tracker offers it. */
  @Prop() collapsed = false;

  @State() s: ComplaintState = {
    locale: 'id',
    view: 'form',
    busy: false,
    channels: null,
    news: null,
    values: emptyValues(),
    errors: {},
    problem: null,
    filed: null,
    found: null,
    announcement: '',
  };

  private focusing = new Focus(() => this.el.shadowRoot);
  private key = '';
  private asking = false;
  private unwatchLocale?: () => void;
  private say = announcer((announcement) => this.patch({ announcement }));

  get t(): ComplaintMessages {
    return complaintText.get(this.s.locale);
  }

  private patch(next: Partial<ComplaintState>) {
    this.s = { ...this.s, ...next };
  }

  connectedCallback() {
    this.unwatchLocale = watchLocale(this.el, complaintText, (locale) => {
      this.patch({ locale });
      void this.loadChannels();
    });
  }

  disconnectedCallback() {
    this.unwatchLocale?.();
  }

  async componentWillLoad() {
    const locale = localeOf(this.el);
    await complaintText.load(locale);
    // The lookup opened from a complaint e-mail's link (`#kode=ADU-…`) has the code filled in.
    const linked = new URLSearchParams(location.hash.slice(1)).get('kode')?.trim() ?? '';
    const code = !this.about && /^ADU\b/i.test(linked) ? linked.toUpperCase() : '';
    this.patch({
      locale,
      view: !this.about ? 'lookup' : this.collapsed ? 'closed' : 'form',
      values: { ...this.s.values, code },
    });
    void this.loadChannels();
    if (this.s.view === 'form') void this.askNews();
  }

  componentDidRender() {
    this.focusing.rendered();
  }

  private core() {
    return coreOf(this.el, this.apiBase, this.s.locale, this.region);
  }

  private async loadChannels() {
    try {
      this.patch({ channels: await listComplaintChannels(this.core()) });
    } catch {
      // The form still works without them; the SP4N-LAPOR! offer waits for them.
    }
  }

  /**
   * Which news boxes to offer: the server finds the complaint's agency and region from what the
   * form has (the `about` it files with) and says whether e-mail and that agency's gateway reach
   * the citizen. Asked when the form shows; without an answer, again when a contact is typed.
   */
  private async askNews() {
    const about = this.subject();
    if (this.s.news || this.asking || !complete(about)) return;
    this.asking = true;
    try {
      const news = await reach(this.core(), about);
      this.patch({ news, values: { ...this.s.values, notify: offered(this.s.values.notify, news) } });
    } catch {
      // Offline, refused or slow: e-mail assumed, no phone box; asked again on the next contact.
    }
    this.asking = false;
  }

  private set = (field: keyof Values, value: string) => {
    const values = { ...this.s.values, [field]: value };
    // A box ticked for a contact that is emptied again is unticked.
    values.notify = values.notify.filter((c) => values[c].trim() !== '');
    this.patch({ values });
    if (field === 'email' || field === 'phone') void this.askNews();
  };

  private toggle = (channel: 'email' | 'phone', on: boolean) => {
    const notify = (['email', 'phone'] as const).filter((c) =>
      c === channel ? on : this.s.values.notify.includes(c),
    );
    this.patch({ values: { ...this.s.values, notify } });
  };

  private fail(errors: ComplaintState['errors'], problem: string | null = null) {
    this.patch({ errors, problem, busy: false });
    this.focusing.later(() => this.focusing.find('.error-summary'));
  }

  private subject() {
    const { about, code = '', secret = '', service = '', region = '' } = this;
    if (about === 'service') return { kind: 'service' as const, service, region };
    return { kind: about === 'visit' ? ('visit' as const) : ('application' as const), code, secret };
  }

  private send = async (e: Event) => {
    e.preventDefault();
    if (this.s.busy) return;
    const v = this.s.values;
    const errors = checkComplaint(v, this.t);
    if (Object.keys(errors).length > 0) return this.fail(errors);
    this.key ||= crypto.randomUUID();
    this.patch({ busy: true, errors: {}, problem: null });
    const contact = {
      ...(v.name.trim() && { name: v.name.trim() }),
      ...(v.email.trim() && { email: v.email.trim() }),
      ...(v.phone.trim() && { phone: v.phone.trim() }),
    };
    try {
      const { complaint } = await createComplaint(
        this.core(),
        {
          about: this.subject(),
          category: v.category as Exclude<Values['category'], ''>,
          description: v.description.trim(),
          ...(Object.keys(contact).length > 0 && { contact }),
          notify: offered(v.notify, this.s.news),
        },
        { idempotencyKey: this.key },
      );
      this.key = '';
      this.patch({ busy: false, view: 'filed', filed: complaint });
      this.say(this.t.filedTitle);
      this.focusing.later(() => this.focusing.find('h2'));
    } catch (error) {
      const pointer = isLoketApiError(error) ? error.errors[0]?.pointer : undefined;
      const field = pointer?.split('/').pop() as keyof Values | undefined;
      if (field && field in v && isLoketApiError(error))
        return this.fail({ [field]: error.detail ?? this.t.failed });
      // A request the server refused says why; a network error or a server fault: try again.
      const refused = isLoketApiError(error) && error.status >= 400 && error.status < 500;
      this.fail({}, refused ? (error.detail ?? this.t.failed) : this.t.failed);
    }
  };

  private lookup = async (e?: Event) => {
    e?.preventDefault();
    const filed = this.s.filed;
    const code = filed?.code ?? this.s.values.code.trim();
    const secret = filed?.secret ?? this.s.values.secret.trim();
    const errors = { ...(!code && { code: this.t.needCode }), ...(!secret && { secret: this.t.needSecret }) };
    if (Object.keys(errors).length > 0) return this.fail(errors);
    this.patch({ busy: true, errors: {}, problem: null });
    try {
      const found = await getComplaint(this.core(), code, secret);
      this.patch({ busy: false, view: 'found', found });
      this.say(this.t.status[found.status]);
      this.focusing.later(() => this.focusing.find('h2'));
    } catch (error) {
      this.fail({}, isLoketApiError(error) && error.status === 404 ? this.t.notFound : this.t.failed);
    }
  };

  private goTo = (field: string) => this.focusing.find(`#loket-complaint-${field}`)?.focus();

  private copy = async () => {
    await copyText(this.focusing.find('#loket-lapor-text') as HTMLTextAreaElement | null);
    this.say(this.t.laporCopied);
  };

  private open = () => {
    this.patch({ view: 'form' });
    this.focusing.later(() => this.focusing.find('h2'));
    void this.askNews();
  };

  private get common() {
    return { t: this.t, values: this.s.values, errors: this.s.errors, set: this.set };
  }

  private formView() {
    const t = this.t;
    const common = this.common;
    const about =
      this.about === 'application' || this.about === 'visit'
        ? fill(this.about === 'visit' ? t.aboutVisit : t.aboutApplication, { code: this.code ?? '' })
        : null;
    return (
      <form noValidate onSubmit={this.send}>
        <h2>{t.heading}</h2>
        {about && <p class="about">{about}</p>}
        <p>{t.intro}</p>
        <ErrorSummary t={this.t} errors={this.s.errors} problem={this.s.problem} onGo={this.goTo} />
        <CategoryField {...common} channels={this.s.channels} />
        <TextField {...common} field="description" label={t.description} hint={t.descriptionHint} multiline />
        <fieldset class="field">
          <legend class="label">{t.contactTitle}</legend>
          <span class="hint">{t.contactHint}</span>
          <TextField {...common} field="name" label={t.name} />
          <TextField {...common} field="email" label={t.email} type="email" />
          <TextField {...common} field="phone" label={t.phone} type="tel" />
        </fieldset>
        <NewsChoice t={t} values={this.s.values} news={this.s.news} onToggle={this.toggle} />
        <div class="actions">
          <button type="submit" class="button primary" aria-disabled={this.s.busy ? 'true' : undefined}>
            {this.s.busy ? t.sending : t.send}
          </button>
          {this.collapsed && (
            <button type="button" class="button" onClick={() => this.patch({ view: 'closed' })}>
              {t.cancel}
            </button>
          )}
        </div>
      </form>
    );
  }

  render() {
    const t = this.t;
    const { view, filed, found, locale, channels } = this.s;
    const shown = view === 'found' ? found : filed;
    const offer = view !== 'closed' && view !== 'lookup' && channels && (
      <LaporOffer t={t} channels={channels.data} text={laporText(t, this.s, this)} onCopy={this.copy} />
    );
    return (
      <Host>
        <section class="complaint-form" part="base" lang={locale}>
          <LiveRegion text={this.s.announcement} />
          {view === 'closed' && (
            <button type="button" class="button" onClick={this.open}>
              {t.open}
            </button>
          )}
          {view === 'form' && this.formView()}
          {view === 'lookup' && (
            <LookupForm {...this.common} {...this.s} onGo={this.goTo} onSubmit={this.lookup} />
          )}
          {(view === 'filed' || view === 'found') && shown && (
            <div>
              <h2 tabIndex={-1}>{view === 'filed' ? t.filedTitle : t.headingLookup}</h2>
              {view === 'filed' && <p>{t.filedKeep}</p>}
              <ErrorSummary t={this.t} errors={this.s.errors} problem={this.s.problem} onGo={this.goTo} />
              <ComplaintView t={t} locale={locale} complaint={shown} />
              {view === 'filed' && (
                <button type="button" class="button" onClick={() => this.lookup()}>
                  {t.seeAnswer}
                </button>
              )}
            </div>
          )}
          {offer}
        </section>
      </Host>
    );
  }
}
