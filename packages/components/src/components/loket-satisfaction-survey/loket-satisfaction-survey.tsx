import type { SkmScore } from '@loket/sdk/rules';
import { Component, Element, Event, type EventEmitter, Host, h, Prop, State, Watch } from '@stencil/core';
import { localeOf } from '../../i18n';
import { coreOf, Latest } from '../../kit/api';
import { Focus } from '../../kit/focus';
import { announcer, LiveRegion } from '../../kit/live-region';
import { watchLocale } from '../../kit/locale';
import type { SurveyKey } from './api';
import { readSurveyLink } from './link';
import { type SurveyMessages, surveyText } from './messages';
import { questionId } from './questions';
import {
  answerOf,
  blank,
  dropDraft,
  outcomeOf,
  type Phase,
  readDraft,
  type SurveyView,
  saveDraft,
  unanswered,
} from './state';
import { SurveyBody } from './views';

export interface LoketSurveyAnsweredDetail {
  /** `application`: the answer of a decided application; `visit`: of a served visit; `kiosk`: one person's on a kiosk. */
  channel: 'application' | 'visit' | 'kiosk';
}

/**
 * The Survei Kepuasan Masyarakat (PermenPANRB 14/2017): the nine unsur with the regulation's own
 * answers, the optional profile the SKM form asks, and a suggestion. Answered once per decided
 * application or served visit (its `code` and `secret`, an `LKT-…` or an `ANT-…` code, or the
 * `#kode=…&rahasia=…` link), or through an invitation's one-time link (`#survei=…`: no secret), or one person after
 * another on a kiosk at an MPP's exit (`kiosk-token`, or a `#kios=…` link), which starts again by
 * itself for the next person. Nothing that names the person or the application is stored with the
 * answers (docs/assessment.md).
 *
 * @part base - The whole survey. @part start - "Mulai survei". @part form - The questions.
 * @part question - One unsur's radio group. @part profile - The optional profile.
 * @part select - The profile's lists. @part input - The suggestion. @part button - Every button.
 * @part send - "Kirim jawaban". @part error-summary - The unanswered questions.
 * @part problem - Why the answers were not taken. @part status - Answered already, or not open yet.
 * @part done - The thanks. @part next - "Responden berikutnya" (kiosk).
 */
@Component({
  tag: 'loket-satisfaction-survey',
  styleUrls: ['../../kit/base.css', 'loket-satisfaction-survey.css'],
  shadow: true,
})
export class LoketSatisfactionSurvey {
  @Element() el!: HTMLElement;

  /** Base URL of the Loket API; falls back to `data-loket-api-base` on an ancestor or `<meta name="loket-api-base">`. */
  @Prop() apiBase?: string;
  /** The decided application's tracking code, or a served visit's booking code; without it (and `secret`) the page URL's `#kode=…&rahasia=…` or `#survei=…` is read. */
  @Prop() code?: string;
  /** The application's (or booking's) secret, with `code`. */
  @Prop() secret?: string;
  /** Kiosk mode: the token of a kiosk registered for its location (`loket-server kiosk add`); or `#kios=…` in the page URL. */
  @Prop() kioskToken?: string;
  /** Kiosk mode: the service the kiosk asks about (a slug), when it stands at one service's counter. */
  @Prop() service?: string;

  /** Everything the survey shows (state.ts). */
  @State() view: SurveyView = blank('id', 'loading');

  /** The answers were taken (a citizen sent them). */
  @Event() loketSurveyAnswered!: EventEmitter<LoketSurveyAnsweredDetail>;

  /** Kiosk mode: back to the start after so long on the thanks, or without a touch in the middle of the questions. */
  resetAfter = { done: 15_000, form: 180_000 };

  private key: SurveyKey | null = null;
  private kiosk: string | null = null;
  private latest = new Latest();
  private focusing = new Focus(() => this.el.shadowRoot);
  private say = announcer((announcement) => this.set({ announcement }));
  private unwatchLocale?: () => void;
  private idle?: ReturnType<typeof setTimeout>;
  private ownLang = new MutationObserver(async () => {
    const locale = localeOf(this.el);
    await surveyText.load(locale);
    this.set({ locale });
  });

  connectedCallback() {
    this.set({ locale: localeOf(this.el) });
    this.unwatchLocale = watchLocale(this.el, surveyText, (locale) => this.set({ locale }));
    // Its own `lang` too: inside another component's shadow root (the tracker's), which the
    // page-wide watch cannot see into, the host component passes its language on that way.
    this.ownLang.observe(this.el, { attributes: true, attributeFilter: ['lang'] });
  }

  disconnectedCallback() {
    this.unwatchLocale?.();
    this.ownLang.disconnect();
    this.latest.abort();
    clearTimeout(this.idle);
  }

  async componentWillLoad() {
    await surveyText.load(this.view.locale);
    this.start();
  }

  componentDidRender() {
    this.focusing.rendered();
  }

  get t(): SurveyMessages {
    return surveyText.get(this.view.locale);
  }

  private get core() {
    return coreOf(this.el, this.apiBase, this.view.locale);
  }

  private set(patch: Partial<SurveyView>) {
    this.view = { ...this.view, ...patch };
  }

  private focus(selector: string) {
    this.focusing.later(() => this.focusing.find(selector));
  }

  @Watch('code')
  @Watch('secret')
  @Watch('kioskToken')
  @Watch('apiBase')
  protected start() {
    this.latest.abort();
    clearTimeout(this.idle);
    const own = this.code && this.secret ? { code: this.code, secret: this.secret } : null;
    const linked = own || this.kioskToken ? null : readSurveyLink();
    const key = this.kioskToken ? null : (own ?? linked?.key ?? null);
    this.key = key;
    this.kiosk = this.kioskToken || linked?.kiosk || null;
    const locale = this.view.locale;
    const of = { about: 'application' as const, service: null, linked: Boolean(key && 'token' in key) };
    if (this.kiosk) this.view = blank(locale, 'intro');
    else if (!key) this.view = blank(locale, 'no_key');
    else {
      this.view = blank(locale, 'loading', of);
      void this.load(key);
    }
  }

  private async load(key: SurveyKey) {
    const signal = this.latest.start();
    try {
      const { surveyStateOf } = await import('./api');
      const { state, about, service } = await surveyStateOf(this.core, key, signal);
      const phase: Phase = state === 'open' ? 'intro' : state === 'answered' ? 'answered' : 'not_yet';
      if (this.latest.isLatest(signal)) this.set({ phase, about, service, problem: null });
    } catch (error) {
      if (signal.aborted) return;
      const outcome = outcomeOf(error, this.view.linked);
      this.set('phase' in outcome ? outcome : { phase: 'failed', ...outcome });
    }
  }

  /** The code a draft is kept under in this tab (an invitation's token for a link). */
  private get draftKey(): string | null {
    const key = this.key;
    return key && ('code' in key ? key.code : key.token);
  }

  /** "Coba lagi": the state again, with the key it had (a link's is gone from the address bar by now). */
  private retry = () => {
    if (!this.key) return;
    this.set({ phase: 'loading', problem: null });
    void this.load(this.key);
  };

  private begin = () => {
    const draft = this.draftKey && readDraft(this.draftKey);
    this.set({ ...draft, phase: 'form' });
    this.focus('#loket-survey-heading');
    this.touched();
  };

  private change(patch: Partial<SurveyView>) {
    this.set(patch);
    if (this.draftKey) saveDraft(this.draftKey, this.view);
    this.touched();
  }

  private onScore = (index: number, score: SkmScore) => {
    const scores = this.view.scores.map((s, i) => (i === index ? score : s));
    const missing = this.view.missing.filter((no) => no !== index + 1);
    this.change({ scores, missing });
  };

  private submit = async () => {
    if (this.view.phase === 'sending') return;
    const missing = unanswered(this.view);
    if (missing.length > 0) {
      this.set({ missing, problem: null });
      this.focus('[part~="error-summary"]');
      return;
    }
    const { key, kiosk } = this;
    const answer = answerOf(this.view);
    this.set({ phase: 'sending', problem: null });
    const signal = this.latest.start();
    try {
      const { sendSurvey } = await import('./api');
      const by = kiosk ? { kiosk, service: this.service || undefined } : key;
      if (by) await sendSurvey(this.core, by, answer, signal);
      this.finish('done');
      this.say(`${this.t.done}. ${this.t.doneBody}`);
      this.loketSurveyAnswered.emit({ channel: kiosk ? 'kiosk' : this.view.about });
    } catch (error) {
      if (signal.aborted) return;
      const outcome = outcomeOf(error, this.view.linked);
      if ('phase' in outcome) this.finish(outcome.phase);
      else {
        this.set({ phase: 'form', ...outcome });
        this.focus('[part~="problem"]');
      }
    }
  };

  /** The survey is over for these answers: they leave the page (and this tab's draft). */
  private finish(phase: Phase) {
    if (this.draftKey) dropDraft(this.draftKey);
    const { about, service, linked } = this.view;
    this.view = blank(this.view.locale, phase, { about, service, linked });
    this.focus(phase === 'done' ? '#loket-survey-done' : '[part~="status"]');
    this.touched();
  }

  /** Kiosk: the next person's start, now. */
  private next = () => {
    clearTimeout(this.idle);
    this.view = blank(this.view.locale, 'intro');
    this.focus('#loket-survey-heading');
  };

  /** Kiosk: a touch; the survey starts again by itself when nobody touches it for a while. */
  private touched() {
    if (!this.kiosk) return;
    clearTimeout(this.idle);
    const phase = this.view.phase;
    if (phase === 'done' || phase === 'form')
      this.idle = setTimeout(() => this.view.phase === phase && this.next(), this.resetAfter[phase]);
  }

  render() {
    const { t, view } = this;
    return (
      <Host>
        <section
          class={{ survey: true, first: ['loading', 'intro', 'no_key'].includes(view.phase) }}
          part="base"
          lang={view.locale}
          aria-labelledby="loket-survey-heading"
          onInput={() => this.touched()}
        >
          <LiveRegion text={view.announcement} />
          <h2 id="loket-survey-heading" tabIndex={-1}>
            {this.kiosk ? t.kioskHeading : t.heading}
          </h2>
          <SurveyBody
            t={t}
            view={view}
            act={{
              kiosk: Boolean(this.kiosk),
              canRetry: Boolean(this.key),
              onRetry: this.retry,
              onStart: this.begin,
              onNext: this.next,
              onScore: this.onScore,
              onProfile: (key, value) =>
                this.change({ profile: { ...view.profile, [key]: value || undefined } }),
              onSuggestion: (suggestion) => this.change({ suggestion }),
              onSubmit: () => void this.submit(),
              onGo: (no) => this.focus(`#${questionId(no)}`),
            }}
          />
        </section>
      </Host>
    );
  }
}
