import { Component, Element, Host, h, Listen, Prop, State } from '@stencil/core';
import { fill, type Locale, localeOf } from '../../../src/i18n';
import { announcer, LiveRegion } from '../../../src/kit/live-region';
import { watchLocale } from '../../../src/kit/locale';
import { apiUrl, type DeskSession, onSessionEnded, setApiBase } from '../../api';
import { type DeskMessages, deskText } from '../../messages';
import { loadSession, signIn, signOut, ssoOffered } from '../../session';
import { hrefOf, oversees, type Route, routeOf } from './route';

const administers = (roles: readonly string[]) => roles.includes('admin');

import { SignIn, type SignInState } from './sign-in';

interface DeskState {
  locale: Locale;
  phase: 'loading' | 'signed-out' | 'ready' | 'failed';
  session: DeskSession | null;
  route: Route;
  signIn: SignInState;
  announcement: string;
}

const idle: SignInState = {
  busy: false,
  needTotp: false,
  error: null,
  expired: false,
  sso: null,
  ssoFailed: new URLSearchParams(location.search).get('sso') === 'failed',
};

/**
 * The officer desk at /petugas/ (docs/desk.md): signing in, the menu, and the screen the URL's
 * fragment names — the queue (`<loket-desk-queue>`), one application (`<loket-desk-application>`),
 * today's visits (`<loket-desk-visits>`), complaints, for supervisors the workload
 * (`<loket-desk-workload>`), for admins accounts, origins and webhooks (`<loket-desk-admin>`), and the
 * officer's own password (`<loket-desk-password>`). A session that ends mid-work shows the sign-in form over
 * the screen, which stays as it was (its unsent notes too) and carries on once signed in again.
 *
 * @part base - The whole desk. @part header - The top bar. @part nav - The menu. @part main - The screen.
 * @part sign-in - The sign-in form.
 */
@Component({
  tag: 'loket-desk',
  styleUrls: ['../../../src/kit/base.css', '../../desk.css', 'loket-desk.css'],
  shadow: true,
})
export class LoketDesk {
  @Element() el!: HTMLElement;

  /** Base URL of the Loket API; the page's own origin by default (the desk is served by the API). */
  @Prop() apiBase?: string;
  /** The visit location whose hall the visits screen opens (e.g. `mpp-surabaya-siola`). */
  @Prop() location?: string;

  @State() state: DeskState = {
    locale: 'id',
    phase: 'loading',
    session: null,
    route: routeOf(location.hash),
    signIn: idle,
    announcement: '',
  };

  private unwatchLocale?: () => void;
  private unwatchSession?: () => void;
  private say = announcer((announcement) => this.set({ announcement }));

  private set(patch: Partial<DeskState>) {
    this.state = { ...this.state, ...patch };
  }

  get t(): DeskMessages {
    return deskText.get(this.state.locale);
  }

  connectedCallback() {
    this.set({ locale: localeOf(this.el) });
    this.unwatchLocale = watchLocale(this.el, deskText, (locale) => this.set({ locale }));
    this.unwatchSession = onSessionEnded(() =>
      this.set({ phase: 'signed-out', session: null, signIn: { ...this.fresh(), expired: true } }),
    );
  }

  disconnectedCallback() {
    this.unwatchLocale?.();
    this.unwatchSession?.();
  }

  async componentWillLoad() {
    setApiBase(this.apiBase);
    await deskText.load(this.state.locale);
    await this.start();
  }

  private async start() {
    this.set({ phase: 'loading' });
    try {
      const session = await loadSession(this.state.locale);
      this.set(session ? { phase: 'ready', session } : { phase: 'signed-out', session: null });
      if (!session) void this.offerSso();
    } catch {
      this.set({ phase: 'failed' });
    }
  }

  /** The sign-in form as new, keeping whether single sign-on is offered. */
  private fresh(): SignInState {
    return { ...idle, sso: this.state.signIn.sso, ssoFailed: false };
  }

  /** The single sign-on button, when the server offers it (LOKET_OIDC_ISSUER). */
  private async offerSso() {
    if (!(await ssoOffered(this.state.locale))) return;
    this.set({ signIn: { ...this.state.signIn, sso: apiUrl('v1/officer/session/oidc') } });
  }

  @Listen('hashchange', { target: 'window' })
  protected onHashChange() {
    this.set({ route: routeOf(location.hash) });
  }

  private signIn = async (form: HTMLFormElement) => {
    if (this.state.signIn.busy) return;
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const totp = value('totp');
    this.set({ signIn: { ...this.state.signIn, busy: true } });
    const result = await signIn(this.state.locale, {
      username: value('username'),
      password: String(data.get('password') ?? ''),
      ...(totp ? { totp } : {}),
    });
    if (result.ok) {
      this.set({ phase: 'ready', session: result.session, signIn: this.fresh() });
      this.say(
        fill(this.t.signedInAs, { name: result.session.officer.name, agency: result.session.officer.agency }),
      );
      return;
    }
    const needTotp = this.state.signIn.needTotp || result.reason === 'totp';
    this.set({ signIn: { ...this.state.signIn, busy: false, needTotp, error: result.reason } });
    const focus = result.reason === 'totp' ? '#desk-totp' : '#desk-username';
    requestAnimationFrame(() => this.el.shadowRoot?.querySelector<HTMLElement>(focus)?.focus());
  };

  private signOut = async () => {
    await signOut(this.state.locale).catch(() => undefined);
    this.set({ phase: 'signed-out', session: null, signIn: this.fresh() });
  };

  private switchLanguage = () => {
    const root = this.el.ownerDocument.documentElement;
    root.lang = this.state.locale === 'id' ? 'en' : 'id';
  };

  private screen() {
    const { route } = this.state;
    const location = this.location;
    return [
      <loket-desk-queue hidden={route.view !== 'queue'} active={route.view === 'queue'} />,
      route.view === 'application' && <loket-desk-application code={route.code} />,
      route.view === 'visits' && <loket-desk-visits {...(location ? { location } : {})} />,
      route.view === 'complaints' && <loket-desk-complaints />,
      route.view === 'workload' && <loket-desk-workload />,
      route.view === 'admin' && <loket-desk-admin />,
      route.view === 'password' && <loket-desk-password />,
    ];
  }

  render() {
    const t = this.t;
    const { phase, session, route, signIn: signInState, locale } = this.state;
    const everSignedIn = session !== null || signInState.expired;
    const item = (target: Route, label: string) => (
      <li>
        <a href={hrefOf(target)} aria-current={route.view === target.view ? 'page' : undefined}>
          {label}
        </a>
      </li>
    );
    return (
      <Host>
        <div class="desk" part="base">
          <LiveRegion text={this.state.announcement} />
          <header part="header">
            <p class="brand">{t.title}</p>
            {session && (
              <nav part="nav" aria-label={t.nav.label}>
                <ul>
                  {item({ view: 'queue' }, t.nav.queue)}
                  {item({ view: 'visits' }, t.nav.visits)}
                  {item({ view: 'complaints' }, t.nav.complaints)}
                  {oversees(session.officer.roles) && item({ view: 'workload' }, t.nav.workload)}
                  {administers(session.officer.roles) && item({ view: 'admin' }, t.nav.admin)}
                </ul>
              </nav>
            )}
            <div class="account">
              <button
                type="button"
                class="link"
                lang={locale === 'id' ? 'en' : 'id'}
                onClick={this.switchLanguage}
              >
                {t.language}
              </button>
              {session && (
                <span class="who">
                  {fill(t.signedInAs, { name: session.officer.name, agency: session.officer.agency })}
                </span>
              )}
              {session && (
                <a
                  href={hrefOf({ view: 'password' })}
                  aria-current={route.view === 'password' ? 'page' : undefined}
                >
                  {t.nav.password}
                </a>
              )}
              {session && (
                <button type="button" class="secondary" onClick={this.signOut}>
                  {t.signOut}
                </button>
              )}
            </div>
          </header>
          <main part="main">
            {phase === 'loading' && <p class="loading">{t.loading}</p>}
            {phase === 'failed' && (
              <p class="error" role="alert">
                {t.signIn.failed}{' '}
                <button type="button" onClick={() => this.start()}>
                  {t.retry}
                </button>
              </p>
            )}
            {phase === 'signed-out' && <SignIn t={t} state={signInState} onSubmit={this.signIn} />}
            {(phase === 'ready' || (phase === 'signed-out' && everSignedIn && signInState.expired)) && (
              <div class="screen" inert={phase !== 'ready'}>
                {this.screen()}
              </div>
            )}
          </main>
        </div>
      </Host>
    );
  }
}
