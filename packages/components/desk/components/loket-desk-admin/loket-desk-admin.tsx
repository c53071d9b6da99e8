import type { AllowedOrigin, OfficerAccount, OfficerRole, WebhookEndpoint } from '@loket/sdk';
import { isLoketApiError } from '@loket/sdk';
import {
  addOrigin,
  createAccount,
  createWebhook,
  enableWebhook,
  listAccounts,
  listOrigins,
  listWebhooks,
  removeOrigin,
  removeWebhook,
  resetAccountTotp,
  setAccountPassword,
  setAccountRoles,
  switchAccount,
  testWebhook,
} from '@loket/sdk/officer';
import { Component, Element, Host, h, State } from '@stencil/core';
import { fill, type Locale, localeOf } from '../../../src/i18n';
import { announcer, LiveRegion } from '../../../src/kit/live-region';
import { watchLocale } from '../../../src/kit/locale';
import { currentSession, deskCore } from '../../api';
import { type DeskMessages, deskText } from '../../messages';
import { Accounts, NewAccount } from './accounts';
import { Origins, Webhooks } from './settings';

/** A secret the server shows once (a TOTP key, a webhook's signing secret). */
interface Shown {
  label: string;
  secret: string;
  uri?: string;
}

interface AdminState {
  locale: Locale;
  phase: 'loading' | 'ready' | 'failed';
  accounts: OfficerAccount[];
  origins: AllowedOrigin[];
  webhooks: WebhookEndpoint[];
  editing: string | null;
  busy: boolean;
  error: string | null;
  shown: Shown | null;
  announcement: string;
}

/**
 * What an admin manages from the desk (docs/officers.md): the accounts of its agency and region
 * (add, disable/enable, a new TOTP key, roles, a new password), the region's allowed origins and the agency's
 * webhooks — what the `officers`, `origins` and `webhooks` commands do, through the officer API.
 * A secret the server gives once is shown once, until the next action.
 *
 * @part base - The screen. @part table - The accounts.
 */
@Component({
  tag: 'loket-desk-admin',
  styleUrls: ['../../../src/kit/base.css', '../../desk.css', 'loket-desk-admin.css'],
  shadow: true,
})
export class LoketDeskAdmin {
  @Element() el!: HTMLElement;

  @State() state: AdminState = {
    locale: 'id',
    phase: 'loading',
    accounts: [],
    origins: [],
    webhooks: [],
    editing: null,
    busy: false,
    error: null,
    shown: null,
    announcement: '',
  };

  private unwatchLocale?: () => void;
  private say = announcer((announcement) => this.set({ announcement }));

  private set(patch: Partial<AdminState>) {
    this.state = { ...this.state, ...patch };
  }

  get t(): DeskMessages {
    return deskText.get(this.state.locale);
  }

  private get core() {
    return deskCore(this.state.locale);
  }

  connectedCallback() {
    this.set({ locale: localeOf(this.el) });
    this.unwatchLocale = watchLocale(this.el, deskText, (locale) => this.set({ locale }));
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
      const [accounts, origins, webhooks] = await Promise.all([
        listAccounts(this.core),
        listOrigins(this.core),
        listWebhooks(this.core),
      ]);
      this.set({ accounts: accounts.data, origins: origins.data, webhooks: webhooks.data, phase: 'ready' });
    } catch {
      this.set({ phase: 'failed' });
    }
  }

  /** Runs one change, then reloads the lists; the server's refusal (localized) is shown as is. */
  private async act(run: () => Promise<Shown | null | undefined>, form?: HTMLFormElement) {
    if (this.state.busy) return;
    this.set({ busy: true, error: null, shown: null });
    try {
      const shown = (await run()) ?? null;
      // What was typed is cleared; the region keeps the admin's own (a form reset would empty it).
      for (const input of form?.querySelectorAll<HTMLInputElement>(
        'input:not([name=region]):not([type=checkbox])',
      ) ?? []) {
        input.value = '';
      }
      this.set({ shown, editing: null });
      await this.load();
      this.say(this.t.admin.saved);
    } catch (error) {
      const detail = isLoketApiError(error) && error.status !== 401 ? error.detail : null;
      this.set({ error: detail ?? this.t.action.failed });
      requestAnimationFrame(() =>
        this.el.shadowRoot?.querySelector<HTMLElement>('#desk-admin-error')?.focus(),
      );
    }
    this.set({ busy: false });
  }

  private totpShown(username: string, totp: { secret: string; uri: string } | null): Shown | null {
    return totp && { label: fill(this.t.admin.secretFor, { username }), ...totp };
  }

  private addAccount = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const password = String(data.get('password') ?? '');
    const roles = data.getAll('role').map(String) as OfficerRole[];
    const request = {
      username: text('username'),
      name: text('name'),
      region: text('region'),
      roles: roles.length ? roles : (['officer'] as OfficerRole[]),
      totp: data.get('totp') !== null,
      ...(password ? { password } : {}),
    };
    void this.act(async () => {
      const made = await createAccount(this.core, request);
      return this.totpShown(made.account.username, made.totp);
    }, form);
  };

  private roles = (a: OfficerAccount, form: HTMLFormElement) => {
    const roles = new FormData(form).getAll('role').map(String) as OfficerRole[];
    if (roles.length === 0) return;
    void this.act(async () =>
      this.totpShown(a.username, (await setAccountRoles(this.core, a.username, roles)).totp),
    );
  };

  private password = (a: OfficerAccount, form: HTMLFormElement) => {
    const password = String(new FormData(form).get('password') ?? '');
    void this.act(async () => void (await setAccountPassword(this.core, a.username, password)));
  };

  private addOrigin = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const request = {
      origin: String(data.get('origin') ?? '').trim(),
      region: String(data.get('region') ?? '').trim(),
    };
    void this.act(async () => void (await addOrigin(this.core, request)), form);
  };

  private addWebhook = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const description = String(data.get('description') ?? '').trim();
    const request = { url: String(data.get('url') ?? '').trim(), ...(description ? { description } : {}) };
    void this.act(async () => {
      const made = await createWebhook(this.core, request);
      return { label: fill(this.t.admin.webhookSecret, { url: made.url }), secret: made.secret };
    }, form);
  };

  private secret(shown: Shown) {
    return (
      <div class="shown" role="status">
        <p class="label">{shown.label}</p>
        {shown.uri && <p class="hint">{this.t.admin.secretHint}</p>}
        <p>
          <code class="secret">{shown.secret}</code>
        </p>
        {shown.uri && (
          <p>
            <code class="secret">{shown.uri}</code>
          </p>
        )}
      </div>
    );
  }

  render() {
    const t = this.t;
    const { locale, phase, error, shown } = this.state;
    const me = currentSession()?.officer;
    const region = me?.regions[0] ?? '';
    const core = this.core;
    return (
      <Host>
        <section class="admin" part="base" lang={locale} aria-labelledby="desk-admin-heading">
          <LiveRegion text={this.state.announcement} />
          <h1 id="desk-admin-heading">{t.admin.heading}</h1>
          {phase === 'loading' && <p class="loading">{t.loading}</p>}
          {phase === 'failed' && (
            <p class="error" role="alert">
              {t.action.failed}{' '}
              <button type="button" onClick={() => this.load()}>
                {t.retry}
              </button>
            </p>
          )}
          {error && (
            <p class="error" role="alert" id="desk-admin-error" tabIndex={-1}>
              {error}
            </p>
          )}
          {shown && this.secret(shown)}
          {phase === 'ready' && [
            <h2 id="desk-admin-accounts">{t.admin.accounts}</h2>,
            <Accounts
              t={t}
              list={this.state.accounts}
              me={me?.username ?? ''}
              editing={this.state.editing}
              onSwitch={(a) =>
                void this.act(
                  async () =>
                    void (await switchAccount(core, a.username, a.disabled_at ? 'enable' : 'disable')),
                )
              }
              onTotp={(a) =>
                void this.act(async () =>
                  this.totpShown(a.username, (await resetAccountTotp(core, a.username)).totp),
                )
              }
              onEdit={(editing) => this.set({ editing })}
              onRoles={this.roles}
              onPassword={this.password}
            />,
            <NewAccount t={t} region={region} onSubmit={this.addAccount} />,
            <h2>{t.admin.origins}</h2>,
            <Origins
              t={t}
              list={this.state.origins}
              region={region}
              onAdd={this.addOrigin}
              onRemove={(o) => void this.act(async () => void (await removeOrigin(core, o)))}
            />,
            <h2>{t.admin.webhooks}</h2>,
            <Webhooks
              t={t}
              list={this.state.webhooks}
              onAdd={this.addWebhook}
              onTest={(w) => void this.act(async () => void (await testWebhook(core, w.id)))}
              onEnable={(w) => void this.act(async () => void (await enableWebhook(core, w.id)))}
              onRemove={(w) => void this.act(async () => void (await removeWebhook(core, w.id)))}
            />,
          ]}
        </section>
      </Host>
    );
  }
}
