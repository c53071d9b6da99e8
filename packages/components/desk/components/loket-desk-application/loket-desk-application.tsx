import type { Attachment, FormDefinition, OfficerApplication } from '@loket/sdk';
import { getServiceForm, isLoketApiError } from '@loket/sdk';
import { attachResultDocument, downloadAttachment, openApplication, transition } from '@loket/sdk/officer';
import { Component, Element, Host, h, Listen, Prop, State, Watch } from '@stencil/core';
import { fill, type Locale, localeOf } from '../../../src/i18n';
import { announcer, LiveRegion } from '../../../src/kit/live-region';
import { watchLocale } from '../../../src/kit/locale';
import { deskCore } from '../../api';
import { dueText } from '../../due';
import { shortcut } from '../../keys';
import { type DeskMessages, deskText } from '../../messages';
import { emptyDraft, forgetDraft, loadDraft, type NoteDraft, saveDraft } from '../../notes';
import { ActionForm, type ActionProps, allowed, keyOf, type Target } from './action-form';
import { Answers, type Opened } from './answers';
import { History } from './history';

interface ApplicationState {
  locale: Locale;
  phase: 'loading' | 'ready' | 'failed';
  application: OfficerApplication | null;
  etag: string;
  form: FormDefinition | null;
  draft: NoteDraft;
  busy: boolean;
  problem: ActionProps['problem'];
  opened: Record<string, Opened>;
  announcement: string;
}

/**
 * One application for the officer: the answers as the form's steps, the files inline, the
 * history, the due date and how late it is, and the transitions the state machine allows
 * (keys p, b, s, t), sent with If-Match so that nobody's change is overwritten. What the officer
 * types is kept in sessionStorage until it is sent (docs/desk.md).
 *
 * @part base - The application.
 */
@Component({
  tag: 'loket-desk-application',
  styleUrls: ['../../../src/kit/base.css', '../../desk.css', 'loket-desk-application.css'],
  shadow: true,
})
export class LoketDeskApplication {
  @Element() el!: HTMLElement;

  /** The application's tracking code. */
  @Prop() code!: string;

  @State() state: ApplicationState = {
    locale: 'id',
    phase: 'loading',
    application: null,
    etag: '',
    form: null,
    draft: emptyDraft,
    busy: false,
    problem: null,
    opened: {},
    announcement: '',
  };

  private unwatchLocale?: () => void;
  private resultFile: File | null = null;
  private say = announcer((announcement) => this.set({ announcement }));

  private set(patch: Partial<ApplicationState>) {
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
    this.closeFiles();
  }

  async componentWillLoad() {
    await deskText.load(this.state.locale);
    void this.load(true);
  }

  private closeFiles() {
    for (const file of Object.values(this.state.opened)) URL.revokeObjectURL(file.url);
    this.set({ opened: {} });
  }

  @Watch('code')
  protected async load(first = false) {
    if (first || this.state.application?.code !== this.code) {
      this.closeFiles();
      const kept = loadDraft(this.code);
      this.set({ phase: 'loading', draft: kept ?? emptyDraft, problem: null });
      if (kept) this.say(this.t.action.restored);
    }
    const core = deskCore(this.state.locale);
    try {
      const { application, etag } = await openApplication(core, this.code);
      const form =
        this.state.form && this.state.application?.service.id === application.service.id
          ? this.state.form
          : await getServiceForm(core, application.service.id).catch(() => null);
      this.set({ phase: 'ready', application, etag, form });
      if (first) requestAnimationFrame(() => this.el.shadowRoot?.querySelector<HTMLElement>('h1')?.focus());
    } catch {
      this.set({ phase: 'failed' });
    }
  }

  private draft = (patch: Partial<NoteDraft>) => {
    const draft = { ...this.state.draft, ...patch };
    this.set({ draft, problem: null });
    saveDraft(this.code, draft);
  };

  private choose(to: Target) {
    this.draft({ action: to });
    requestAnimationFrame(() =>
      this.el.shadowRoot?.querySelector<HTMLElement>('#desk-action-heading')?.focus(),
    );
  }

  private toggleFile = async (file: Attachment) => {
    const open = this.state.opened[file.id];
    if (open) {
      URL.revokeObjectURL(open.url);
      const { [file.id]: _closed, ...rest } = this.state.opened;
      this.set({ opened: rest });
      return;
    }
    const got = await downloadAttachment(deskCore(this.state.locale), this.code, file.id);
    const opened = {
      blob: got.blob,
      url: URL.createObjectURL(got.blob),
      type: got.contentType,
      filename: got.filename ?? file.filename,
    };
    this.set({ opened: { ...this.state.opened, [file.id]: opened } });
  };

  private submit = async () => {
    const { draft, application, etag, busy } = this.state;
    if (busy || !application || !draft.action) return;
    if (draft.action === 'needs_revision' && draft.fields.length === 0)
      return this.set({ problem: 'needFields' });
    if (draft.action === 'rejected' && !draft.publicNote.trim()) return this.set({ problem: 'needReason' });
    this.set({ busy: true, problem: null });
    const core = deskCore(this.state.locale);
    try {
      if (draft.action === 'completed' && this.resultFile) {
        await attachResultDocument(core, this.code, this.resultFile);
      }
      const request = {
        to: draft.action,
        ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
        ...(draft.publicNote.trim() ? { public_note: draft.publicNote.trim() } : {}),
        ...(draft.action === 'needs_revision' ? { fields: draft.fields } : {}),
      };
      const moved = await transition(core, this.code, request, { ifMatch: etag });
      forgetDraft(this.code);
      this.resultFile = null;
      this.set({ application: moved, draft: emptyDraft, busy: false });
      this.say(
        fill(this.t.action.done, { status: this.t.status[moved.status as keyof DeskMessages['status']] }),
      );
      await this.load();
    } catch (error) {
      const status = isLoketApiError(error) ? error.status : 0;
      // 401: the session ended; the shell asks to sign in again and the draft stays as it is.
      if (status === 401) return this.set({ busy: false });
      const problem = status === 412 ? 'conflict' : status === 409 ? 'invalid' : 'failed';
      this.set({ busy: false, problem });
      requestAnimationFrame(() =>
        this.el.shadowRoot?.querySelector<HTMLElement>('#desk-action-error')?.focus(),
      );
    }
  };

  @Listen('keydown', { target: 'document' })
  protected onKey(event: KeyboardEvent) {
    const key = shortcut(event);
    const application = this.state.application;
    if (!key || !application) return;
    if (key === 'u' || key === 'Escape') {
      event.preventDefault();
      location.hash = '#/';
      return;
    }
    const to = allowed(application.status).find((target) => keyOf[target] === key);
    if (to) {
      event.preventDefault();
      this.choose(to);
    }
  }

  render() {
    const t = this.t;
    const { locale, phase, application, form, draft } = this.state;
    const owed = application?.status === 'submitted' || application?.status === 'in_review';
    return (
      <Host>
        <article class="application" part="base" lang={locale} aria-labelledby="desk-application-heading">
          <LiveRegion text={this.state.announcement} />
          <a class="back" href="#/">
            {t.application.back} <kbd>u</kbd>
          </a>
          {phase === 'loading' && !application && <p>{t.loading}</p>}
          {phase === 'failed' && (
            <p class="error" role="alert">
              {t.action.failed}{' '}
              <button type="button" onClick={() => this.load(true)}>
                {t.retry}
              </button>
            </p>
          )}
          {application && [
            <header>
              <h1 id="desk-application-heading" tabIndex={-1}>
                {application.code}
              </h1>
              <p class="service">{application.service.name}</p>
              <p>
                <span class={`status ${application.status}`}>
                  {t.status[application.status as keyof DeskMessages['status']]}
                </span>{' '}
                <span class={{ late: application.overdue }}>
                  {t.application.dueOn}: {dueText(locale, t, application.due.date, owed)}
                </span>
              </p>
            </header>,
            <div class="columns">
              <div class="main">
                <Answers
                  t={t}
                  locale={locale}
                  application={application}
                  form={form}
                  opened={this.state.opened}
                  onToggle={this.toggleFile}
                />
                <History t={t} locale={locale} application={application} />
              </div>
              <aside class="actions" aria-labelledby="desk-actions-heading">
                <h2 id="desk-actions-heading">{t.action.heading}</h2>
                {allowed(application.status).length === 0 ? (
                  <p>{t.action.none}</p>
                ) : (
                  <ul>
                    {allowed(application.status).map((to) => (
                      <li>
                        <button
                          type="button"
                          class={draft.action === to ? '' : 'secondary'}
                          aria-pressed={draft.action === to ? 'true' : 'false'}
                          aria-keyshortcuts={keyOf[to]}
                          onClick={() => this.choose(to)}
                        >
                          {t.action.to[to]} <kbd>{keyOf[to]}</kbd>
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
                <ActionForm
                  t={t}
                  locale={locale}
                  application={application}
                  form={form}
                  draft={draft}
                  busy={this.state.busy}
                  problem={this.state.problem}
                  onDraft={this.draft}
                  onSubmit={this.submit}
                  onReload={() => this.load()}
                  onResultFile={(file) => (this.resultFile = file)}
                />
              </aside>
            </div>,
          ]}
        </article>
      </Host>
    );
  }
}
